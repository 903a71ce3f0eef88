/**
 * The clerk's paper entry, a page of the console, in Chromium at 1440×900: a clerk logs in with a password, lands on
 * the sessions to enter, opens paper entry from its link (and from the old /clerk/paper link) and types sheets with
 * the keyboard only — grades, a rule-breaking 无效票, 回避, rubric criteria, a 加分 with its reason, 专班评 opinions,
 * an incomplete sheet saved as 无效票 — sees issued and returned before each sheet, is asked before a sheet that
 * would void the session, keeps unique sheet numbers across a reload and a second clerk, and double entry lists the
 * mismatches. Set-up goes through the API; the steps are the browser's. Screenshots go to $LEITAI_SCREENSHOTS (or a
 * temp dir, printed).
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { ensureConsole } from '../../scripts/build-web.js';
import { createAccount } from '../../src/app/accounts/create-account.js';
import { getPaperSheet } from '../../src/app/ballots/get-paper-sheet.js';
import { sessionOverview } from '../../src/app/sessions/get-session-overview.js';
import { buildTallyReport } from '../../src/app/sessions/build-tally-report.js';
import type { CampaignSetup } from '../../src/contracts/api.js';
import { findBallotsBySheet, listBallotsAsCast } from '../../src/db/repositories/ballots.js';
import { CITY, COUNTIES, ratings, setup } from '../http/fixtures.js';
import { observationSetup, taskforceSetup } from '../http/observation-fixtures.js';
import { consolePage, launchBrowser, logIn, screenshotDir, startServer, type RunningServer } from './harness.js';

const PASSWORD = 'Jipiao-2026-pass';
const CLERK = 'jipiao';
const SECOND_CLERK = 'jipiao2';

/** The clerks, with passwords: the console's normal login. */
async function addClerks(server: RunningServer): Promise<void> {
  await createAccount(server.ctx, 'system', { username: CLERK, displayName: '城区计票员', role: 'clerk', unitId: null, password: PASSWORD });
  await createAccount(server.ctx, 'system', { username: SECOND_CLERK, displayName: '第二计票员', role: 'clerk', unitId: null, password: PASSWORD });
}

/** Units, `campaign` and an open session on `server`: its id. */
async function openSession(server: RunningServer, campaign: CampaignSetup | null, session: { name: string; instrumentIds: string[]; expected: Record<string, number>; paperIssued?: Record<string, number> }): Promise<string> {
  if (campaign) {
    assert.equal((await server.api('organiser', '/api/units', { body: { units: [CITY, ...COUNTIES] } })).status, 201);
    assert.equal((await server.api('organiser', '/api/campaigns', { body: campaign })).status, 201);
  }
  const created = await server.api('organiser', '/api/campaigns/camp1/sessions', { body: session });
  assert.equal(created.status, 201, JSON.stringify(created.json));
  const id = created.json.id as string;
  assert.equal((await server.api('organiser', `/api/sessions/${id}/open`, { method: 'POST' })).status, 200);
  return id;
}

/** Where the keyboard is: the current row itself, or a field of it. */
const focusInGrid = (page: Page) => page.evaluate(() => !!document.activeElement?.closest('.paper-grid tr.current'));

/** A new browser (its own login and tab), at the old paper entry link of `sessionId`, logged in as `username`. */
async function clerkAt(browser: Browser, server: RunningServer, sessionId: string, username = CLERK): Promise<Page> {
  const page = await consolePage(browser);
  await page.goto(`${server.url}/clerk/paper?session=${sessionId}`);
  await logIn(page, username, PASSWORD);
  await page.waitForSelector('.paper-grid tr.current');
  assert.equal(new URL(page.url()).pathname, `/console/sessions/${sessionId}/paper`);
  await page.waitForFunction(() => (document.querySelector('[data-testid="sheet-number"]') as HTMLInputElement | null)?.value !== '');
  return page;
}

/** Types into a field of the sheet's header (keys only), replacing what it held; Enter goes on to the first subject. */
async function typeInto(page: Page, testId: string, text: string, then: 'Enter' | 'stay' = 'Enter'): Promise<void> {
  await page.getByTestId(testId).focus();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type(text);
  if (then === 'Enter') await page.keyboard.press('Enter');
}

const typeSheetNumber = (page: Page, sheetNumber: string) => typeInto(page, 'sheet-number', sheetNumber);

const resultText = async (page: Page) => (await page.getByTestId('sheet-result').innerText()).replace(/\s+/g, ' ');

describe('paper entry in the console, in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let shots = '';
  const shot = (page: Page, name: string) => page.screenshot({ path: join(shots, `${name}.png`) });

  before(async () => {
    await ensureConsole();
    server = await startServer();
    shots = await screenshotDir('console-paper');
    await addClerks(server);
    assert.equal((await server.api('organiser', '/api/units', { body: { units: [CITY, ...COUNTIES] } })).status, 201);
    assert.equal((await server.api('organiser', '/api/campaigns', { body: setup() })).status, 201);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('a clerk who logs in lands on the sessions to enter, with paper entry linked for each open one', async () => {
    const open = await openSession(server, null, { name: '县委书记汇报点评会', instrumentIds: ['i-report'], expected: { 'g-office': 10 }, paperIssued: { 'g-office': 10 } });
    const draft = (await server.api('organiser', '/api/campaigns/camp1/sessions', { body: { name: '补测会（未开始）', instrumentIds: ['i-report'], expected: { 'g-office': 3 } } })).json.id as string;
    const page = await consolePage(browser);
    try {
      await page.goto(server.url);
      await logIn(page, CLERK, PASSWORD);
      await page.waitForURL('**/console/paper');
      const table = page.getByTestId('paper-sessions');
      await table.locator('tr', { hasText: '县委书记汇报点评会' }).waitFor();
      assert.match(await table.locator('tr', { hasText: '补测会（未开始）' }).innerText(), /未开始[\s\S]*开始后可录入/);
      assert.equal(await table.locator('tr', { hasText: '补测会（未开始）' }).getByRole('link').count(), 0);
      assert.match(await page.locator('.ant-menu').innerText(), /纸质票录入/);
      await page.waitForTimeout(400); // the table's loading fade, for the screenshot only
      await shot(page, 'paper-sessions');
      await table.locator('tr', { hasText: '县委书记汇报点评会' }).getByRole('link', { name: '录入纸质票' }).click();
      await page.waitForURL(`**/console/sessions/${open}/paper`);
      await page.waitForSelector('.paper-grid tr.current');
      assert.ok(await focusInGrid(page), 'the focus is in the grid, ready to type');
      assert.match(await page.getByTestId('paper-session').innerText(), /测试活动 · 县委书记汇报点评会/);
      assert.ok(draft);
    } finally {
      await page.close();
    }
  });

  it('types a valid and a rule-breaking sheet by keyboard, keeps numbers unique across a reload and a second clerk, and lists double-entry mismatches', async () => {
    const sessionId = await openSession(server, null, { name: '县（市、区）委书记汇报点评会', instrumentIds: ['i-report'], expected: { 'g-office': 10 }, paperIssued: { 'g-office': 10 } });
    const page = await clerkAt(browser, server, sessionId);
    try {
      assert.ok(await focusInGrid(page), 'the focus is in the grid, ready to type');
      assert.equal(await page.getByTestId('sheet-number').inputValue(), 'P-001');
      await page.waitForFunction(() => document.querySelector('[data-testid="issued-returned"]')?.textContent?.includes('发出 10 份 · 已收回 0 份 · 本票为第 1 份'));

      // A valid sheet: 好 好 较好 较好 一般 较好 差, and Enter on the last saves. On the way, a slip corrected by keys:
      // Backspace goes back a row, Delete clears it, ↑ goes up.
      await page.keyboard.type('11');
      await page.keyboard.press('Backspace');
      await page.keyboard.press('Delete');
      assert.equal(await page.locator('tr.row[data-j="1"] button.grade.on').count(), 0);
      await page.keyboard.press('ArrowUp');
      assert.equal(await page.getAttribute('tr.current', 'data-subject'), 's-k1');
      await page.keyboard.type('1');
      assert.equal(await page.getAttribute('tr.current', 'data-subject'), 's-k2');
      await page.keyboard.type('122324');
      await page.keyboard.press('Enter');
      await page.getByTestId('sheet-result').and(page.locator('[data-kind="ok"]')).waitFor();
      assert.match(await resultText(page), /票号 P-001 已保存，有效票/);
      await page.waitForFunction(() => (document.querySelector('[data-testid="sheet-number"]') as HTMLInputElement).value === 'P-002');
      assert.ok(await focusInGrid(page), 'the next sheet is ready to type');
      await page.waitForFunction(() => document.querySelector('[data-testid="issued-returned"]')?.textContent?.includes('已收回 1 份 · 本票为第 2 份'));

      // Three 好 of seven breaks 好 ≤ 40%: the counter turns red before saving; saved as 无效票 with the reason.
      await page.keyboard.type('1112222');
      assert.match(await page.locator('.paper-rules li.bad').innerText(), /已选 3 \/ 最多 2/);
      await shot(page, 'paper-before-save');
      await page.keyboard.press('ControlOrMeta+Enter');
      await page.getByTestId('sheet-result').and(page.locator('[data-kind="bad"]')).waitFor();
      assert.match(await resultText(page), /票号 P-002 已保存为无效票[\s\S]*好/);
      await page.waitForFunction(() => document.querySelector('[data-count="invalid"]')?.textContent === '1');
      assert.equal(await page.locator('[data-count="valid"]').innerText(), '1');
      assert.match(await page.getByTestId('entry-log').innerText(), /P-002\s*无效票/);
      await shot(page, 'paper-entry');

      // A reload keeps this page's number; a second clerk's page gets another; neither starts again at P-001.
      await page.reload();
      await page.waitForSelector('.paper-grid tr.current');
      await page.waitForFunction(() => (document.querySelector('[data-testid="sheet-number"]') as HTMLInputElement).value === 'P-003');
      assert.ok(await focusInGrid(page));
      assert.match(await page.getByTestId('entry-log').innerText(), /P-002\s*无效票[\s\S]*P-001\s*有效/);
      const second = await clerkAt(browser, server, sessionId, SECOND_CLERK);
      assert.equal(await second.getByTestId('sheet-number').inputValue(), 'P-004');
      await second.close();

      // The English switch: the same page in English.
      await page.getByRole('button', { name: 'English' }).click();
      await page.getByText('Paper entry', { exact: true }).first().waitFor();
      assert.match(await page.getByTestId('issued-returned').innerText(), /10 issued · 2 returned · this sheet is number 3/);
      assert.match(await page.getByTestId('key-help').innerText(), /Abstain/);
      // Nothing of the page's own is left in Chinese: only the office's data (names, grades, rules) may be, and the
      // switch back to Chinese, written in Chinese.
      const data = ['中 文', '较好或以下 ≥ 25%', '好 ≤ 40%', '县（市、区）委书记汇报点评会', '测试活动', '城区计票员', '办公室', '汇报评', ...COUNTIES.map((k) => k.name), '较好', '一般', '差', '好'];
      let english = await page.locator('body').innerText();
      for (const d of data) english = english.replaceAll(d, '');
      assert.doesNotMatch(english, /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/, english);
      await shot(page, 'paper-entry-english');
      await page.getByRole('button', { name: /^中\s*文$/ }).click();
      await page.getByText('核对录入（第二人）').waitFor();

      // Double entry: a second clerk re-types P-002 with one grade different and sees the mismatch; nothing is stored.
      await page.getByTestId('check-mode').focus();
      await page.keyboard.press('Space');
      await page.getByText('核对模式：不保存，只与已存内容比对').waitFor();
      await typeSheetNumber(page, 'P-002');
      await page.keyboard.type('1122222');
      await page.keyboard.press('Enter');
      await page.getByTestId('mismatches').waitFor();
      assert.match(await page.getByTestId('mismatches').innerText(), /P-002\s*汇报评 · 西县\s*好\s*较好/);
      assert.match(await resultText(page), /票号 P-002 与已存内容有 1 处不同/);
      assert.equal(await page.getByTestId('sheet-number').inputValue(), 'P-003');
      await shot(page, 'paper-double-entry');

      const report = await buildTallyReport(server.ctx, sessionId);
      assert.equal(report.counts.returned, 2);
      assert.deepEqual(report.invalidBallots.map((b) => b.sheetNumber), ['P-002']);

      // Printing: the 计票单 opens as a printable page; token slips are issued and printed at once.
      const [tally] = await Promise.all([page.waitForEvent('popup'), page.getByRole('button', { name: '计票单' }).click()]);
      await tally.waitForFunction(() => document.body?.innerText.includes('计票单'));
      assert.match(await tally.locator('body').innerText(), /P-002/);
      // Its 打印 button prints (the window lives under the console's content policy, which runs no inline handler).
      await tally.evaluate(() => void (window.print = () => document.body.setAttribute('data-printed', 'yes')));
      await tally.getByRole('button', { name: /打印/ }).click();
      await tally.waitForSelector('body[data-printed="yes"]');
      await tally.close();
      const [slips] = await Promise.all([page.waitForEvent('popup'), page.getByRole('button', { name: '发放并打印测评码' }).click()]);
      await slips.waitForFunction(() => document.querySelectorAll('svg').length === 10);
      await slips.close();
      await page.getByText('已发放 10 个测评码').waitFor();
      await page.waitForFunction(() => document.querySelector('[data-count="issued"]')?.textContent === '20');
    } finally {
      await page.close();
    }
  });

  it('shows issued and returned, and asks before a sheet that would void the session: not saved until confirmed', async () => {
    // The reported case: 4 QR tokens came back from phones; the clerk's paper sheet would be the 5th.
    const sessionId = await openSession(server, null, { name: '乡镇党委书记交流座谈会', instrumentIds: ['i-report'], expected: { 'g-office': 6 } });
    const tokens = (await server.api('organiser', `/api/sessions/${sessionId}/tokens`, { body: { raterGroupId: 'g-office', count: 4 } })).json as { token: string }[];
    for (const [i, token] of tokens.entries()) {
      assert.equal((await server.api(null, '/api/ballots', { body: { token: token.token, ballots: [{ instrumentId: 'i-report', ratings: ratings(i % 3) }] } })).status, 201);
    }
    const page = await clerkAt(browser, server, sessionId);
    try {
      await page.waitForFunction(() => document.querySelector('[data-testid="issued-returned"]')?.textContent?.includes('发出 4 份 · 已收回 4 份 · 本票为第 5 份'));
      assert.match(await page.getByTestId('over-return-ahead').innerText(), /保存本票后收回份数（5）将多于发出份数（4），测评会将无效；保存时须确认/);
      await page.keyboard.type('1122324');
      await page.keyboard.press('Enter');
      const dialog = page.locator('.ant-modal-confirm', { hasText: '保存本票将使测评会无效' });
      await dialog.waitFor();
      assert.match(await dialog.innerText(), /本场发出 4 份，已收回 4 份；保存本票后收回 5 份，多于发出份数，测评会将无效，须重新组织/);
      assert.equal(await page.evaluate(() => document.activeElement?.textContent?.replace(/\s/g, '')), '不保存，返回核对');
      await page.waitForTimeout(400); // the dialog's opening animation, for the screenshot only
      await shot(page, 'paper-over-return-dialog');

      // Enter by habit answers the safe way: nothing is stored, the sheet stays as typed.
      await page.keyboard.press('Enter');
      await dialog.waitFor({ state: 'detached' });
      assert.deepEqual(await findBallotsBySheet(server.ctx.database.db, `paper:${sessionId}:P-001`), []);
      await page.waitForFunction(() => document.querySelector('.paper-grid tr.current')?.contains(document.activeElement));
      assert.equal(await page.locator('.paper-grid button.grade.on').count(), 7);
      assert.equal((await sessionOverview(server.ctx, sessionId)).verdict?.status, 'valid');

      // Asked again, the clerk confirms: the sheet is stored, and the page and the office see the session void.
      await page.keyboard.press('ControlOrMeta+Enter');
      await dialog.waitFor();
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement?.textContent?.replace(/\s/g, '')), '确认收回，仍然保存');
      await page.keyboard.press('Enter');
      await dialog.waitFor({ state: 'detached' });
      await page.getByTestId('sheet-result').filter({ hasText: '测评会现已无效' }).waitFor();
      assert.ok(await focusInGrid(page), 'the next sheet is ready to type');
      assert.match(await resultText(page), /票号 P-001 已保存，有效票.*测评会现已无效：收回 5 份，多于发出的 4 份，须重新组织/);
      await page.waitForSelector('[data-testid="session-verdict"][data-status="void"]');
      assert.match(await page.getByTestId('session-verdict').innerText(), /测评会目前无效：收回 5 份，多于发出的 4 份/);
      await shot(page, 'paper-over-return-saved');
      const office = await sessionOverview(server.ctx, sessionId);
      assert.deepEqual([office.verdict?.status, office.counts?.issued, office.counts?.returned], ['void', 4, 5]);
    } finally {
      await page.close();
    }
  });

  it('enters an observation sheet with its rater’s unit (回避), rubric criteria and a bonus with its reason', async () => {
    // A server of its own: the campaign with observation sites reuses the fixture's ids.
    const own = await startServer();
    await addClerks(own);
    try {
      const sessionId = await openSession(own, observationSetup(), { name: '实训点观摩', instrumentIds: ['i-observe', 'i-visit'], expected: { 'g-tf': 3 }, paperIssued: { 'g-tf': 3 } });
      const page = await clerkAt(browser, own, sessionId);
      await typeInto(page, 'rater-name', '观摩团成员02', 'stay');

      // The rater belongs to 东县: its site leaves both instruments' sheets and is not sent.
      assert.deepEqual(await page.$$eval('datalist option', (os) => os.map((o) => (o as HTMLOptionElement).value)), ['城区（测试市）', '东县（测试市）', '西县（测试市）']);
      await page.getByTestId('bound-unit').focus();
      await page.keyboard.type('东县');
      await page.keyboard.press('Enter');
      assert.equal(await page.getByTestId('bound-unit').inputValue(), '东县（测试市）');
      assert.match(await page.getByTestId('bound-info').innerText(), /回避东县：本票不含 2 个对象/);
      assert.equal(await page.locator('tr.excluded[data-subject="s-site2"]').count(), 2);

      // 观摩评: 88 for the first site, then “+” opens its adjustment: item 1, 1.5 points — and no reason is refused.
      await page.waitForSelector('tr.current input.score:focus');
      await page.keyboard.type('88');
      await page.keyboard.press('+');
      await page.waitForSelector('tr.current select.adj-item:focus');
      await page.keyboard.type('1');
      assert.equal(await page.locator('tr.current select.adj-item').inputValue(), 'adj-brand');
      await page.keyboard.press('Enter');
      await page.keyboard.type('1.5');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Enter');
      assert.match(await page.locator('tr.current .adj-msg').innerText(), /「特色品牌亮点」须写明加减分理由/);
      await page.keyboard.type('打造“红色驿站”服务品牌');
      await page.keyboard.press('Enter');
      assert.match(await page.locator('tr.current .adj.bonus').innerText(), /\+1\.5 特色品牌亮点：打造“红色驿站”服务品牌/);
      assert.match(await page.locator('tr.current .adj-sum').innerText(), /加分 1\.5\/3/);
      // An empty item field and Enter: on to the next site (东县's is skipped), then the rubric of 观摩评（细则）.
      await page.keyboard.press('Enter');
      assert.equal(await page.getAttribute('tr.current', 'data-subject'), 's-site3');
      await page.keyboard.type('80');
      await page.keyboard.press('Enter');
      for (const v of ['35', '50', '30']) {
        await page.keyboard.type(v);
        await page.keyboard.press('Enter');
      }
      await page.keyboard.type('45');
      assert.match(await page.locator('tr.current .crit-sum').innerText(), /合计 75 \/ 100/);
      await shot(page, 'paper-observation');
      await page.keyboard.press('Enter');
      await page.getByTestId('sheet-result').waitFor();
      assert.match(await resultText(page), /票号 P-001 已保存，有效票/);

      const stored = await listBallotsAsCast(own.ctx.database.db, 'camp1');
      assert.deepEqual(stored.map((b) => [b.instrumentId, b.boundUnitId, b.raterName, b.channel]).sort(), [
        ['i-observe', 'k2', '观摩团成员02', 'paper'],
        ['i-visit', 'k2', '观摩团成员02', 'paper'],
      ]);
      assert.deepEqual(stored.find((b) => b.instrumentId === 'i-observe')!.ratings, [
        { subjectId: 's-site1', score: '88', adjustments: [{ itemId: 'adj-brand', points: '1.5', reason: '打造“红色驿站”服务品牌' }] },
        { subjectId: 's-site3', score: '80' },
      ]);
      assert.deepEqual(stored.find((b) => b.instrumentId === 'i-visit')!.ratings, [
        { subjectId: 's-site1', criteria: { 'c-org': '35', 'c-effect': '50' } },
        { subjectId: 's-site3', criteria: { 'c-org': '30', 'c-effect': '45' } },
      ]);
      // The next sheet starts without a bound unit, at its rater's name.
      await page.waitForFunction(() => (document.querySelector('[data-testid="sheet-number"]') as HTMLInputElement).value === 'P-002');
      assert.equal(await page.getByTestId('bound-unit').inputValue(), '');
      assert.equal(await page.getByTestId('rater-name').inputValue(), '');
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'paper-rater-name');
      assert.equal(await page.locator('tr.excluded').count(), 0);
      await page.close();
    } finally {
      await own.close();
    }
  });

  it('types 专班评 opinions by keyboard; a required opinion left blank is refused, named and focused, or saved as 无效票', async () => {
    // The fixture campaign plus 专班评 (a 0–100 score with a required, signed opinion) by the task force, which also
    // grades 汇报评 with an optional opinion.
    const own = await startServer();
    await addClerks(own);
    try {
      const sessionId = await openSession(own, taskforceSetup(), { name: '专班评议会', instrumentIds: ['i-report', 'i-taskforce'], expected: { 'g-tf': 3 }, paperIssued: { 'g-tf': 3 } });
      const page = await clerkAt(browser, own, sessionId);
      // The task force's sheet: its group by keys (the office's group is first).
      await page.locator('#paper-group').focus();
      await page.keyboard.press('ArrowDown');
      await page.locator('.ant-select-item-option', { hasText: '工作专班（实名）' }).waitFor();
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      await page.getByTestId('rater-name').waitFor();
      // Every subject of both instruments has an opinion field; 专班评 marks it required and says what a blank does.
      assert.equal(await page.locator('tr.row input.op-text').count(), 14);
      assert.equal(await page.locator('tr.row[data-i="1"] label.op', { hasText: '必填' }).count(), 7);
      assert.equal(await page.locator('tr.row[data-i="0"] label.op', { hasText: '选填' }).count(), 7);
      assert.match(await page.locator('.paper-grid').innerText(), /每个对象须填写评价意见，缺少意见的票不能保存/);

      const opinions = COUNTIES.map((k) => `${k.name}组织有力`);
      /** The number and the signature; 汇报评 by grade keys, with an optional opinion for 东县 (Tab into it, Esc back to the keys); then 专班评. */
      const typeSheet = async (sheetNumber: string, taskforce: string[]) => {
        await typeInto(page, 'sheet-number', sheetNumber, 'stay');
        await typeInto(page, 'rater-name', '专班甲');
        await page.keyboard.press('1');
        await page.keyboard.press('Tab');
        await page.waitForSelector('tr.current[data-subject="s-k2"] input.op-text:focus');
        await page.keyboard.type('汇报有亮点');
        await page.keyboard.press('Escape');
        await page.keyboard.type('122324');
        // 专班评: the score, and Enter (or Tab) goes to the required opinion; Enter there goes on and saves at the last,
        // Tab goes on too.
        for (const [k, opinion] of taskforce.entries()) {
          const key = k % 2 === 0 ? 'Enter' : 'Tab';
          await page.waitForSelector(`tr.current[data-i="1"][data-j="${k}"] input.score:focus`);
          await page.keyboard.type(String(80 + k));
          await page.keyboard.press(key);
          await page.waitForSelector(`tr.current[data-i="1"][data-j="${k}"] input.op-text:focus`);
          if (opinion) await page.keyboard.type(opinion);
          await page.keyboard.press(key);
          // Left blank on a rated subject: marked once the cursor leaves its row.
          if (!opinion && k < taskforce.length - 1) assert.equal(await page.locator(`tr.row[data-i="1"][data-j="${k}"] input.op-text.missing`).count(), 1);
        }
      };

      await typeSheet('P-001', opinions);
      await page.getByTestId('sheet-result').filter({ hasText: 'P-001' }).waitFor();
      assert.match(await resultText(page), /票号 P-001 已保存，有效票/);
      const stored = await listBallotsAsCast(own.ctx.database.db, 'camp1');
      assert.deepEqual(stored.find((b) => b.instrumentId === 'i-report')!.ratings, COUNTIES.map((k, i) => ({ subjectId: `s-${k.id}`, grade: ['good', 'good', 'fair', 'fair', 'avg', 'fair', 'poor'][i], ...(i === 1 ? { opinion: '汇报有亮点' } : {}) })));
      assert.deepEqual(stored.find((b) => b.instrumentId === 'i-taskforce')!.ratings, COUNTIES.map((k, i) => ({ subjectId: `s-${k.id}`, score: String(80 + i), opinion: opinions[i] })));

      // P-002 without 城区's opinion: refused as a whole — an entry error, not a 无效票. The page names the reason and
      // asks whether the paper really is so; “back to the sheet” (the focused answer) puts the cursor at the field.
      await typeSheet('P-002', ['', ...opinions.slice(1)]);
      const dialog = page.locator('.ant-modal-confirm', { hasText: '选票不完整，未保存' });
      await dialog.waitFor();
      assert.match(await dialog.innerText(), /对象「城区」：须填写评价意见/);
      assert.match(await resultText(page), /未保存：.*对象「城区」：须填写评价意见/);
      await page.waitForTimeout(400); // the dialog's opening animation, for the screenshot only
      await shot(page, 'paper-opinion-refused');
      assert.equal(await page.evaluate(() => document.activeElement?.textContent?.replace(/\s/g, '')), '返回修改');
      await page.keyboard.press('Enter');
      await dialog.waitFor({ state: 'detached' });
      await page.waitForSelector('tr.current[data-i="1"][data-j="0"] input.op-text.missing:focus');
      assert.equal(await page.locator('tr.current .op-msg').innerText(), '对象「城区」：须填写评价意见');
      assert.equal(await page.locator('tr.row input.op-text.missing').count(), 1);
      assert.equal(await page.getByTestId('sheet-number').inputValue(), 'P-002');
      assert.deepEqual(await findBallotsBySheet(own.ctx.database.db, `paper:${sessionId}:P-002`), []);
      await page.keyboard.type('城区组织一般');
      assert.equal(await page.locator('tr.current .op-msg').count(), 0);
      await page.keyboard.press('ControlOrMeta+Enter');
      await page.getByTestId('sheet-result').filter({ hasText: 'P-002' }).and(page.locator('[data-kind="ok"]')).waitFor();
      assert.match(await resultText(page), /票号 P-002 已保存，有效票/);
      const p2 = await getPaperSheet(own.ctx, sessionId, 'P-002');
      assert.equal(p2.ballots.find((b) => b.instrumentId === 'i-taskforce')!.ratings[0]!.opinion, '城区组织一般');

      // P-003 really came back without 城区's opinion: the clerk stores it as it is, a 无效票 that counts as returned.
      await typeSheet('P-003', ['', ...opinions.slice(1)]);
      await dialog.waitFor();
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement?.textContent?.replace(/\s/g, '')), '原票确实如此：按无效票保存');
      await page.keyboard.press('Enter');
      await dialog.waitFor({ state: 'detached' });
      await page.getByTestId('sheet-result').filter({ hasText: '已保存为无效票' }).waitFor();
      assert.match(await resultText(page), /票号 P-003 已保存为无效票[\s\S]*须填写评价意见/);
      assert.equal((await getPaperSheet(own.ctx, sessionId, 'P-003')).valid, false);
      await page.waitForFunction(() => (document.querySelector('[data-testid="sheet-number"]') as HTMLInputElement).value === 'P-004');

      // Double entry: P-001 typed again with another opinion for 城区 shows both opinions side by side.
      await page.getByTestId('check-mode').focus();
      await page.keyboard.press('Space');
      await typeSheet('P-001', ['城区组织一般', ...opinions.slice(1)]);
      await page.getByTestId('mismatches').waitFor();
      const mismatch = await page.getByTestId('mismatches').innerText();
      assert.match(mismatch, /专班评 · 城区/);
      assert.match(mismatch, /意见：城区组织有力[\s\S]*意见：城区组织一般/);
      await shot(page, 'paper-opinion-mismatch');
      await page.close();
    } finally {
      await own.close();
    }
  });
});
