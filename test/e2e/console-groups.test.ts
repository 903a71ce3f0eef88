/**
 * 研讨组 in the console, on the Jincheng demo: the tab lists the report's 7 groups in order with their reporters and
 * the two 优秀成果; the office adds a group, picks its members by searching the roster — moving one from another
 * group only after confirming — names the reporter, writes the output and marks it best. The 讲收获 tab lists the
 * demo's reflections and downloads the booklet. Screenshots go to $LEITAI_SCREENSHOTS or a temp dir.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { ensureConsole } from '../../scripts/build-web.js';
import { JINCHENG_CLASS_ID } from '../../src/demo/jincheng.js';
import { makePdf } from '../helpers/files.js';
import { consolePage, launchBrowser, logIn, screenshotDir, startDemoServer, type DemoServer } from './harness.js';

describe('topic groups and reflections in the console, on the demo (Chromium)', () => {
  let server: DemoServer;
  let browser: Browser;
  let page: Page;
  let shots = '';
  const errors: string[] = [];
  const shot = (name: string) => page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
  const cards = () => page.getByTestId('group-card');

  before(async () => {
    await ensureConsole();
    shots = await screenshotDir('console-groups');
    server = await startDemoServer();
    browser = await launchBrowser();
    page = await consolePage(browser, { errors, acceptDownloads: true });
    page.setDefaultTimeout(10_000);
  });
  after(async () => {
    if (errors.length) console.log('page errors:', errors);
    await browser?.close();
    await server?.close();
  });

  it('lists the report’s 7 groups in order, with reporters and the two best outputs', async () => {
    await page.goto(`${server.url}/console/training/${JINCHENG_CLASS_ID}/groups`);
    await logIn(page, server.organiser.username, server.organiser.password);
    await cards().first().waitFor();
    assert.equal(await cards().count(), 7);
    assert.match(await cards().nth(3).innerText(), /第4组 · 党建引领农村网格治理/);
    assert.match(await cards().nth(3).getByTestId('group-reporter').innerText(), /建宁乡党委书记/);
    assert.equal(await page.getByTestId('group-best').count(), 2);
    await shot('1-groups');
  });

  it('adds a group, picks its members from the roster (a move is confirmed), names the reporter and marks the output best', async () => {
    await page.getByTestId('add-group').click();
    await page.getByTestId('group-topic').fill('红色物业与社区治理');
    await page.locator('.ant-modal:visible .ant-modal-footer .ant-btn-primary').click();
    await cards().nth(7).waitFor();
    const card = cards().nth(7);
    assert.match(await card.innerText(), /第8组 · 红色物业与社区治理/);

    await card.getByTestId('group-members').click();
    const drawer = page.locator('.ant-drawer:visible');
    const select = drawer.getByTestId('members-select');
    for (const [query, option] of [['东圣社区', '东圣社区党组织书记'], ['建宁乡党委书记', '建宁乡党委书记']] as const) {
      await select.click();
      await select.locator('input').fill(query);
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first().click();
    }
    await drawer.getByTestId('members-save').click();
    const confirm = page.locator('.ant-modal-confirm:visible');
    await confirm.waitFor();
    assert.match(await confirm.innerText(), /建宁乡党委书记.*已在其他研讨组/);
    await confirm.getByRole('button', { name: '调入本组' }).click();
    await card.getByText('东圣社区党组织书记').waitFor();
    assert.match(await card.innerText(), /成员（2 人）/);
    await cards().nth(3).getByText('未指定汇报人').waitFor();

    await card.getByTestId('group-edit').click();
    const modal = page.locator('.ant-modal:visible');
    await modal.getByTestId('group-reporter-select').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '东圣社区党组织书记' }).click();
    await modal.getByTestId('group-output-input').fill('一、成立小区党支部，物业企业、业委会、居民代表共商共治。\n二、物业服务费实行酬金制，收支每季度公开。');
    await modal.getByTestId('group-best-input').check();
    await modal.locator('.ant-modal-footer .ant-btn-primary').click();
    await card.getByTestId('group-reporter').filter({ hasText: '东圣社区党组织书记' }).waitFor();
    assert.match(await card.getByTestId('group-output').innerText(), /酬金制/);
    assert.equal(await page.getByTestId('group-best').count(), 3);
    // The output's attachment: a real PDF goes up and is listed under the output.
    await card.getByTestId('group-upload-input').setInputFiles({ name: '物业党建联建成果.pdf', mimeType: 'application/pdf', buffer: await makePdf('物业党建联建成果') });
    await card.getByTestId('group-files').getByText('物业党建联建成果.pdf').waitFor();
    await shot('2-new-group');
    assert.deepEqual(errors, []);
  });

  it('lists the demo’s reflections and downloads the booklet', async () => {
    await page.getByTestId('tab-reflections').click();
    await page.getByTestId('reflection-counts').filter({ hasText: /共 22 条心得/ }).waitFor();
    await page.getByTestId('reflections-featured').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '仅精选' }).click();
    await page.waitForFunction(() => document.querySelectorAll('.ant-table-row').length === 5);
    assert.equal(await page.locator('.ant-table-row .ant-switch-checked').count(), 5, 'every one listed is featured');
    await shot('3-reflections');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('reflections-pdf').click()]);
    assert.match(download.suggestedFilename(), /讲收获汇编\.pdf$/);
    const bytes = await readFile((await download.path())!);
    assert.equal(bytes.subarray(0, 5).toString(), '%PDF-');
    assert.deepEqual(errors, []);
  });
});
