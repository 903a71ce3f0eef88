/**
 * Issue #12's acceptance: an office runs its own campaign through the console alone, in Chromium, on a server with the
 * Jincheng demo loaded (as `npm start` leaves it). The office imports its units (长治市) from an xlsx, builds two
 * campaigns from the 亮晒评 template beside the demo's, and runs the first: a 汇报评 session created with paper sheets
 * issued and a head count, the public address set, code slips printed. A rater votes on a 360-px phone through the
 * review step; a clerk logs in with a password and types the paper sheets; the office closes the session, publishes
 * with a 落款, and the notice reads on a 360-px phone without sideways scrolling. Accounts come from the harness; every
 * step after it goes through browser pages. Screenshots go to $LEITAI_SCREENSHOTS (or a temp dir, printed).
 */
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ensureConsole, ensureRatePage } from '../../scripts/build-web.js';
import { createAccount } from '../../src/app/accounts/create-account.js';
import { consolePage, launchBrowser, logIn, screenshotDir, startDemoServer, type DemoServer } from './harness.js';

const PASSWORD = 'Changzhi-office-2026';
const OFFICE = 'changzhi';
const CLERK = 'changzhi-jipiao';
/** The name phones reach the server by; Chromium resolves it to the server on 127.0.0.1. */
const PUBLIC_HOST = 'ceping.changzhi.test';
const SESSION = '县（市、区）委书记抓基层治理汇报点评会';
const ISSUER = '中共长治市委组织部';
const SECOND_NAME = '长治市基层治理“亮晒评”活动（第二批）';
/** The machine is slow and shared: every wait may take this long. */
const PATIENCE = 60_000;

const COUNTIES: [code: string, name: string][] = [
  ['140403', '潞州区'],
  ['140404', '上党区'],
  ['140405', '屯留区'],
  ['140406', '潞城区'],
  ['140423', '襄垣县'],
  ['140425', '平顺县'],
];
const TOWNSHIPS: [code: string, name: string, level: string, county: string][] = [
  ['140403003', '英雄南路街道', '街道', '140403'],
  ['140403005', '紫金街街道', '街道', '140403'],
  ['140404101', '苏店镇', '镇', '140404'],
  ['140404102', '荫城镇', '镇', '140404'],
];
const UNIT_COUNT = 1 + COUNTIES.length + TOWNSHIPS.length;
const subjectOf = (code: string) => `s-u${code}`;

/** The phone's picks, county by county: two 好 of six, as 好 ≤ 40% allows. */
const PHONE_PICKS = ['好', '较好', '好', '一般', '较好', '差'];
/** The paper sheets as the clerk types them: 1 好, 2 较好, 3 一般, 4 差, one key per county. */
const PAPER_SHEETS = ['122324', '212332'];

const PHONE = { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' };

async function unitsFile(dir: string): Promise<string> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('单位');
  sheet.addRow(['代码', '名称', '层级', '上级代码']);
  sheet.addRow(['1404', '长治市', '市', '']);
  for (const [code, name] of COUNTIES) sheet.addRow([code, name, name.endsWith('区') ? '区' : '县', '1404']);
  for (const [code, name, level, county] of TOWNSHIPS) sheet.addRow([code, name, level, county]);
  const path = join(dir, 'changzhi-units.xlsx');
  await writeFile(path, Buffer.from(await book.xlsx.writeBuffer()));
  return path;
}

async function assertNoSidewaysScroll(page: Page): Promise<void> {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `${page.url()} is ${width}px wide: sideways scrolling on a 360px phone`);
}

describe('an office runs its own campaign through the console alone (issue #12), in Chromium', () => {
  let server: DemoServer;
  let browser: Browser;
  let office: Page;
  let shots = '';
  let publicUrl = '';
  let campaignId = '';
  let campaignName = '';
  let slipLinks: string[] = [];
  let receipt = '';
  const errors: string[] = [];

  /** A screenshot once the console's tables have stopped fading in after loading (for a human look only). */
  const shot = async (page: Page, name: string) => {
    await page.waitForFunction(() => [...document.querySelectorAll('.ant-spin-container')].every((el) => getComputedStyle(el).opacity === '1'));
    await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
  };
  const row = () => office.getByTestId('sessions-table').locator('tr.ant-table-row', { hasText: SESSION });
  const phone = async (): Promise<BrowserContext> => {
    const context = await browser.newContext(PHONE);
    context.setDefaultTimeout(PATIENCE);
    return context;
  };
  /** A console page of its own (its own login), patient with the slow machine, its page errors collected. */
  const consoleTab = async (): Promise<Page> => {
    const page = await consolePage(browser, { errors });
    page.context().setDefaultTimeout(PATIENCE);
    return page;
  };

  before(async () => {
    await ensureConsole();
    await ensureRatePage();
    server = await startDemoServer();
    shots = await screenshotDir('office-journey');
    publicUrl = `http://${PUBLIC_HOST}:${new URL(server.url).port}`;
    await createAccount(server.ctx, 'system', { username: OFFICE, displayName: '长治市委组织部（专项行动办公室）', role: 'organiser', unitId: null, password: PASSWORD });
    await createAccount(server.ctx, 'system', { username: CLERK, displayName: '长治市计票员', role: 'clerk', unitId: null, password: PASSWORD });
    browser = await launchBrowser([`--host-resolver-rules=MAP ${PUBLIC_HOST} 127.0.0.1`]);
    office = await consoleTab();
  });
  after(async () => {
    if (errors.length) console.log('page errors:', errors);
    await browser?.close();
    await server?.close();
  });

  it('the office logs in and imports its own units from an xlsx, beside the demo’s', async () => {
    await office.goto(`${server.url}/console/units`);
    await logIn(office, OFFICE, PASSWORD);
    await office.waitForSelector('input[type="file"]', { state: 'attached' });
    await office.setInputFiles('input[type="file"]', await unitsFile(shots));
    const preview = office.getByTestId('units-preview');
    await preview.waitFor();
    assert.match(await preview.innerText(), new RegExp(`${UNIT_COUNT} 个单位可以导入`));
    await shot(office, '01-units-preview');
    await office.getByTestId('units-confirm').click();
    await office.getByText(`已导入 ${UNIT_COUNT} 个单位`).waitFor();
    const stored = office.locator('.ant-tree');
    await stored.getByText('长治市（1404）').waitFor();
    await stored.getByText('晋城市（1405）').waitFor();
  });

  /** 新建活动 → 亮晒评 template over 长治市 → a site and a case → save; the id and name the console gave it. */
  async function campaignFromTemplate(name?: string): Promise<{ id: string; name: string }> {
    await office.goto(`${server.url}/console/campaigns/new`);
    await office.getByTestId('root-select').click();
    await office.locator('.ant-select-item-option', { hasText: '长治市（1404）' }).click();
    await office.getByTestId('build-setup').click();
    await office.getByTestId('campaign-name').waitFor();
    if (name) await office.getByTestId('campaign-name').fill(name);
    const id = await office.inputValue('input[value^="lsp-1404-"]');
    const saved = await office.getByTestId('campaign-name').inputValue();
    await office.click('.ant-tabs-tab >> text=观摩点与案例');
    await office.getByRole('button', { name: '添加观摩点' }).click();
    await office.getByRole('button', { name: '添加案例' }).click();
    await office.getByTestId('check-result').getByText(/方案可以保存|方案检查通过/).waitFor();
    await office.getByTestId('save-campaign').click();
    await office.waitForURL(`**/console/campaigns/${id}/sessions`);
    return { id, name: saved };
  }

  it('builds two campaigns from the template over its own city, both saved beside the demo’s', async () => {
    const first = await campaignFromTemplate();
    const second = await campaignFromTemplate(SECOND_NAME);
    assert.notEqual(first.id, second.id, 'the second campaign of the month gets an id of its own');
    assert.match(first.name, /^长治市基层治理“亮晒评”活动（\d{4}年\d{1,2}月）$/);
    campaignId = first.id;
    campaignName = first.name;
    await office.goto(`${server.url}/console/campaigns`);
    const list = office.locator('main');
    await list.getByText(SECOND_NAME).waitFor();
    const text = await list.innerText();
    for (const name of [first.name, SECOND_NAME, '晋城市基层治理“亮晒评”活动（2022年6月）']) assert.ok(text.includes(name), name);
    await shot(office, '02-campaigns');
  });

  it('creates the session with paper sheets issued and a head count, and opens it', async () => {
    await office.goto(`${server.url}/console/campaigns/${campaignId}/sessions`);
    await office.getByTestId('new-session').click();
    const modal = office.locator('.ant-modal').filter({ hasText: '新建测评会' });
    await modal.getByTestId('session-name').fill(SESSION);
    await modal.getByTestId('session-instruments').click();
    await office.locator('.ant-select-item-option', { hasText: '汇报评' }).click();
    await office.keyboard.press('Escape');
    await modal.getByLabel('应到（人） 专项行动办公室').fill('4');
    await modal.getByLabel('应到（人） 工作专班').fill('2');
    await modal.getByLabel('应到（人） 督导组').fill('2');
    await modal.getByLabel('纸质发出（份） 专项行动办公室').fill('2');
    await modal.getByTestId('session-present-input').fill('6');
    await shot(office, '03-create-session');
    await office.getByTestId('create-session-ok').click();
    await office.getByText('测评会已创建').waitFor();
    await row().waitFor();
    assert.equal(await row().getByTestId('session-present').innerText(), '6');
    assert.equal(await row().getByTestId('session-issued').innerText(), '2');
    await row().getByTestId('session-open').click();
    await office.locator('.ant-popconfirm').getByRole('button', { name: /确\s*定|OK/ }).click();
    await row().getByTestId('session-status').filter({ hasText: '进行中' }).waitFor();
  });

  it('sets the public address it was warned about and prints code slips whose QR links use it', async () => {
    const card = office.getByTestId('public-address');
    assert.match(await card.getByTestId('public-address-warning').innerText(), /手机扫码后打不开 http:\/\/127\.0\.0\.1/);
    await card.getByTestId('public-address-edit').click();
    await office.getByTestId('public-address-input').fill(publicUrl);
    await office.getByTestId('public-address-save').click();
    await office.getByText('手机访问地址已保存').waitFor();
    await card.getByTestId('public-address-url').filter({ hasText: publicUrl }).waitFor();
    assert.equal(await card.getByTestId('public-address-warning').count(), 0);

    await row().getByTestId('session-slips').click();
    const dialog = office.locator('.ant-modal').filter({ hasText: '测评码打印单' });
    assert.match(await dialog.innerText(), /专项行动办公室/);
    assert.equal(await dialog.getByTestId('slips-warning').count(), 0);
    await dialog.getByLabel('数量').fill('2');
    await shot(office, '04-slips-dialog');
    const [sheet] = await Promise.all([office.waitForEvent('popup'), dialog.getByTestId('slips-ok').click()]);
    await sheet.locator('a.qr').nth(1).waitFor();
    slipLinks = await sheet.locator('a.qr').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    assert.equal(slipLinks.length, 2);
    for (const link of slipLinks) assert.match(link, new RegExp(`^${publicUrl.replaceAll('.', '\\.')}/r/[A-Za-z0-9_-]{22}$`));
    await shot(sheet, '05-slips');
    await sheet.close();
    // Two paper sheets and two codes are out.
    await row().getByTestId('session-issued').filter({ hasText: /^4$/ }).waitFor();
  });

  it('a rater votes on a 360-px phone through the review step and keeps a receipt naming the campaign and session', async () => {
    const context = await phone();
    const page = await context.newPage();
    try {
      await page.goto(slipLinks[0]!);
      await page.locator('li[data-subject]').first().waitFor();
      assert.equal(await page.locator('li[data-subject]').count(), COUNTIES.length);
      assert.ok((await page.locator('.top').innerText()).includes(campaignName), 'the ballot names the office’s campaign');
      for (const [i, [code]] of COUNTIES.entries()) {
        await page.locator(`li[data-subject="${subjectOf(code)}"]`).getByRole('radio', { name: PHONE_PICKS[i]!, exact: true }).click();
      }
      await assertNoSidewaysScroll(page);
      await shot(page, '06-phone-ballot');

      await page.getByRole('button', { name: '核对并提交' }).click();
      const review = page.getByTestId('review');
      await review.waitFor();
      assert.match(await page.getByTestId('review-warning').innerText(), /选票提交后不能修改，也不能撤回。/);
      for (const [i, [code, name]] of COUNTIES.entries()) {
        assert.match(await review.locator(`[data-review="${subjectOf(code)}"]`).innerText(), new RegExp(`${name}\\s*${PHONE_PICKS[i]}`));
      }
      assert.match(await review.innerText(), /好 2 · 较好 2 · 一般 1 · 差 1/);
      await assertNoSidewaysScroll(page);
      await shot(page, '07-phone-review');

      await page.getByRole('button', { name: '确认提交' }).click();
      receipt = (await page.getByTestId('receipt').innerText()).trim();
      assert.match(receipt, /^[0-9A-HJKMNP-TV-Z]{8}$/);
      assert.equal(await page.getByTestId('receipt-campaign').innerText(), campaignName);
      assert.equal(await page.getByTestId('receipt-session').innerText(), SESSION);
      await assertNoSidewaysScroll(page);
      await shot(page, '08-phone-receipt');
    } finally {
      await context.close();
    }
  });

  it('a clerk logs in with a password and types the paper sheets on the keyboard', async () => {
    const clerk = await consoleTab();
    try {
      await clerk.goto(server.url);
      await logIn(clerk, CLERK, PASSWORD);
      await clerk.waitForURL('**/console/paper');
      const own = clerk.getByTestId('paper-sessions').locator('tr', { hasText: SESSION });
      assert.ok((await own.innerText()).includes(campaignName), 'listed under the office’s campaign');
      await own.getByRole('link', { name: '录入纸质票' }).click();
      await clerk.waitForURL('**/console/sessions/*/paper');
      await clerk.waitForSelector('.paper-grid tr.current');
      assert.equal(await clerk.getByTestId('paper-session').innerText(), `${campaignName} · ${SESSION}`);
      // The phone's sheet is back already: four out, one returned.
      await clerk.getByTestId('issued-returned').filter({ hasText: '发出 4 份 · 已收回 1 份 · 本票为第 2 份' }).waitFor();

      for (const [n, keys] of PAPER_SHEETS.entries()) {
        const number = `P-00${n + 1}`;
        await clerk.waitForFunction(
          (expected) => (document.querySelector('[data-testid="sheet-number"]') as HTMLInputElement | null)?.value === expected && !!document.activeElement?.closest('.paper-grid tr.current'),
          number,
        );
        await clerk.keyboard.type(keys);
        await clerk.keyboard.press('Enter');
        await clerk.getByTestId('sheet-result').filter({ hasText: `票号 ${number} 已保存，有效票` }).waitFor();
        if (n === 0) await shot(clerk, '09-paper-entry');
      }
      await clerk.getByTestId('issued-returned').filter({ hasText: '发出 4 份 · 已收回 3 份 · 本票为第 4 份' }).waitFor();
      assert.match(await clerk.getByTestId('entry-log').innerText(), /P-002\s*有效[\s\S]*P-001\s*有效/);
      await shot(clerk, '10-paper-entered');
    } finally {
      await clerk.context().close();
    }
  });

  it('the office sees the sheets back, closes the session and the rater finds the receipt on the public list', async () => {
    await office.getByRole('button', { name: /刷\s*新/ }).click();
    await row().getByTestId('session-returned').filter({ hasText: /^3$/ }).waitFor();
    assert.match(await row().getByTestId('session-verdict-cell').innerText(), /有效/);
    assert.doesNotMatch(await row().getByTestId('session-verdict-cell').innerText(), /无效/);
    await row().getByTestId('session-close').click();
    const confirm = office.locator('.ant-modal-confirm');
    await confirm.waitFor();
    assert.equal(await confirm.getByTestId('close-warning').count(), 0, 'a valid session closes without a warning');
    await confirm.getByTestId('close-confirm-ok').click();
    await row().getByTestId('session-status').filter({ hasText: '已结束' }).waitFor();
    await confirm.waitFor({ state: 'hidden' });
    await shot(office, '11-session-closed');

    const context = await phone();
    const page = await context.newPage();
    try {
      await page.goto(slipLinks[0]!);
      await page.getByTestId('used-page').waitFor();
      assert.equal((await page.getByTestId('receipt').innerText()).trim(), receipt);
      await page.getByTestId('receipts-link').click();
      const list = page.getByTestId('receipts');
      await list.waitFor();
      assert.ok((await list.locator('li').allInnerTexts()).includes(receipt), 'the phone’s receipt is on the list');
      assert.match(await page.locator('main').innerText(), /本场测评会有效，这些选票计入结果[\s\S]*共收回 3 份选票/);
      await assertNoSidewaysScroll(page);
    } finally {
      await context.close();
    }
  });

  it('the office publishes with a 落款, and the notice reads on a 360-px phone without sideways scrolling', async () => {
    await office.goto(`${server.url}/console/campaigns/${campaignId}/publish`);
    await office.getByTestId('issuer').fill(ISSUER);
    await shot(office, '12-publish-form');
    await office.getByTestId('publish').click();
    const confirm = office.locator('.ant-modal-confirm');
    await confirm.locator('button.ant-btn-primary').click();
    await office.getByTestId('open-notice').waitFor();
    await confirm.waitFor({ state: 'hidden' });
    await office.getByText(ISSUER).waitFor();
    const href = await office.locator('a', { has: office.getByTestId('open-notice') }).getAttribute('href');
    assert.equal(href, `/notice/${encodeURIComponent(campaignId)}`);
    await shot(office, '13-published');

    const context = await phone();
    const page = await context.newPage();
    try {
      await page.goto(new URL(href!, publicUrl).href);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await assertNoSidewaysScroll(page);
      const body = await page.innerText('body');
      assert.ok(body.includes(campaignName), 'the notice is the office’s own campaign');
      for (const [, name] of COUNTIES) assert.ok(body.includes(name), name);
      assert.doesNotMatch(body, /晋城/, 'nothing of the demo’s');
      assert.equal((await page.locator('.sign').innerText()).split('\n')[0], ISSUER);
      await shot(page, '14-notice-360');
    } finally {
      await context.close();
    }
    assert.deepEqual(errors, [], 'no error in the console’s pages');
  });
});
