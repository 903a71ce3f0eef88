/**
 * An office's own campaigns, through the console only, in a database that holds the Jincheng demo (as `npm start`
 * leaves it): two campaigns from the 亮晒评 template, each with an observation site and a case added, both saved.
 * Before ids were unique within their campaign (decision 0013) the first save was refused as “数据不符合要求”.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { ensureConsole } from '../../scripts/build-web.js';
import { consolePage, launchBrowser, logIn, startDemoServer, type DemoServer } from './harness.js';

describe('an office’s own campaigns beside the demo, in Chromium', () => {
  let server: DemoServer;
  let browser: Browser;
  let page: Page;

  before(async () => {
    await ensureConsole();
    server = await startDemoServer();
    browser = await launchBrowser();
    page = await consolePage(browser);
    await page.goto(`${server.url}/console/campaigns/new`);
    await logIn(page, server.organiser.username, server.organiser.password);
    await page.waitForSelector('[data-testid="root-select"]');
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  /** 新建活动 → 亮晒评 template over 晋城市 → add a site and a case → save; returns the campaign id the console offered. */
  async function campaignFromTemplate(): Promise<string> {
    await page.goto(`${server.url}/console/campaigns/new`);
    await page.click('[data-testid="root-select"]');
    await page.click('.ant-select-item-option >> text=/^晋城市/');
    await page.click('[data-testid="build-setup"]');
    await page.waitForSelector('[data-testid="campaign-name"]');
    const id = await page.inputValue('input[value^="lsp-"]');
    await page.click('.ant-tabs-tab >> text=观摩点与案例');
    await page.click('button >> text=添加观摩点');
    await page.click('button >> text=添加案例');
    await page.locator('[data-testid="check-result"]').getByText(/方案可以保存|方案检查通过/).waitFor({ timeout: 15_000 });
    await page.click('[data-testid="save-campaign"]');
    await page.getByText('活动已保存').waitFor({ timeout: 15_000 });
    return id;
  }

  it('saves two campaigns from the template, neither refused for the demo’s ids, and lists all three', async () => {
    const first = await campaignFromTemplate();
    const second = await campaignFromTemplate();
    assert.notEqual(first, second, 'the second campaign of the month gets an id of its own');
    assert.equal(await page.getByText('数据不符合要求').count(), 0);
    await page.goto(`${server.url}/console/campaigns`);
    const list = page.locator('main');
    await list.getByText('晋城市基层治理“亮晒评”活动（2022年6月）').first().waitFor();
    const text = await list.innerText();
    assert.equal((text.match(/晋城市基层治理“亮晒评”活动/g) ?? []).length >= 3, true, text);
  });
});
