/**
 * 案例库 ↔ 案例评 in the console, on the Jincheng demo: a 案例教学 case's page shows the 案例评 item it is; the office
 * unlinks it and links it again through the page's form; the campaign's set-up lists the item with “案例库：<title>”,
 * which leads back to the case; the library's search opens a case.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { ensureConsole } from '../../scripts/build-web.js';
import { CASE_TEACHING } from '../../src/demo/jincheng-agenda.js';
import { consolePage, launchBrowser, logIn, startDemoServer, type DemoServer } from './harness.js';

const TITLE = CASE_TEACHING[1]!.title;

describe('library cases and the 案例评 in the console', () => {
  let server: DemoServer;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];

  before(async () => {
    await ensureConsole();
    server = await startDemoServer();
    browser = await launchBrowser();
    page = await consolePage(browser, { errors });
    page.setDefaultTimeout(15_000);
  });
  after(async () => {
    if (errors.length) console.log('page errors:', errors);
    await browser?.close();
    await server?.close();
  });

  it('opens a 案例教学 case from the library and shows the 案例评 item it is', async () => {
    await page.goto(`${server.url}/console/cases?q=${encodeURIComponent('红色物业')}`);
    await logIn(page, server.organiser.username, server.organiser.password);
    await page.getByTestId('case-link').filter({ hasText: TITLE }).first().click();
    await page.getByTestId('case-heading').filter({ hasText: TITLE }).waitFor();
    const links = page.getByTestId('case-links');
    await links.locator('tbody tr', { hasText: '城区东圣社区' }).waitFor();
    assert.match(await links.innerText(), /案例评/);
    assert.match(await links.innerText(), /结果公示后显示/);
  });

  it('unlinks the item and links it again through the form', async () => {
    const links = page.getByTestId('case-links');
    await links.getByRole('button', { name: '解除关联' }).click();
    await page.locator('.ant-popconfirm:visible').getByRole('button', { name: /确\s*定|OK/ }).click();
    await links.getByText('尚未作为任何活动的案例评测评对象').waitFor();

    await page.getByTestId('link-campaign').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '亮晒评' }).first().click();
    await page.getByTestId('link-item').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '城区东圣社区' }).first().click();
    await page.getByTestId('link-submit').click();
    await links.locator('tbody tr', { hasText: '城区东圣社区' }).waitFor();

    // Another county's item is refused, with the reason in words.
    await page.getByTestId('link-item').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '泽州县' }).first().click();
    await page.getByTestId('link-submit').click();
    const refusal = await page.getByTestId('link-refusal').innerText();
    assert.match(refusal, /不在「泽州县」范围内/);
  });

  it('shows the library case beside the item in the set-up, and leads back to it', async () => {
    await page.goto(`${server.url}/console/campaigns/${server.campaignId}/setup`);
    await page.getByRole('tab', { name: /观摩点与案例|实训点|Items/ }).click();
    const tag = page.getByTestId('item-library-case').filter({ hasText: TITLE });
    await tag.waitFor();
    assert.equal(await page.getByTestId('item-library-case').count(), 5);
    await tag.click();
    await page.getByTestId('case-heading').filter({ hasText: TITLE }).waitFor();
    assert.deepEqual(errors, []);
  });
});
