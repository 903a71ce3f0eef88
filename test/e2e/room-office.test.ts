/**
 * The clerk and the big screen in a real browser: a clerk types a rule-breaking paper ballot by keyboard and sees it
 * counted as 无效票; the 1920×1080 screen shows a phone's ballot within about a second of its submission.
 * Screenshots go to $LEITAI_SCREENSHOTS (or a temp dir, printed) for a human look at the Chinese rendering.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { CampaignSetup } from '../../src/contracts/api.js';
import { loadDemo } from '../../src/app/demo/load-demo.js';
import { listBallotsAsCast } from '../../src/db/repositories/ballots.js';
import { SESSION_IDS } from '../../src/demo/jincheng.js';
import { CITY, COUNTIES, ratings, setup } from '../http/fixtures.js';
import { observationSetup, taskforceSetup } from '../http/observation-fixtures.js';
import { launchBrowser, screenshotDir, startServer, type RunningServer } from './harness.js';

/**
 * On a server of its own: the units, `campaign` and an open paper session of the task force; then the clerk's page
 * logged in with the clerk's token and showing that session.
 */
async function clerkOnOwnSession(own: RunningServer, page: Page, campaign: CampaignSetup, session: { name: string; instrumentIds: string[] }): Promise<string> {
  assert.equal((await own.api('organiser', '/api/units', { body: { units: [CITY, ...COUNTIES] } })).status, 201);
  assert.equal((await own.api('organiser', '/api/campaigns', { body: campaign })).status, 201);
  const created = await own.api('organiser', '/api/campaigns/camp1/sessions', { body: { ...session, expected: { 'g-tf': 3 }, paperIssued: { 'g-tf': 3 } } });
  assert.equal(created.status, 201, JSON.stringify(created.json));
  const sessionId = created.json.id as string;
  assert.equal((await own.api('organiser', `/api/sessions/${sessionId}/open`, { method: 'POST' })).status, 200);
  await page.goto(`${own.url}/clerk/paper?session=${sessionId}`);
  await page.fill('#token', own.tokens.clerk);
  await page.click('#saveToken');
  await page.waitForSelector(`#sessionSelect option[value="${sessionId}"]`, { state: 'attached' });
  await page.selectOption('#sessionSelect', sessionId);
  await page.waitForSelector('#entry:not(.hidden) tr.row');
  return sessionId;
}

describe('the clerk’s paper entry and the live screen in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let shots = '';

  async function openSession(name: string, expected: number): Promise<string> {
    const created = await server.api('organiser', '/api/campaigns/camp1/sessions', { body: { name, instrumentIds: ['i-report'], expected: { 'g-office': expected }, paperIssued: { 'g-office': 10 } } });
    assert.equal(created.status, 201, JSON.stringify(created.json));
    const id = created.json.id as string;
    assert.equal((await server.api('organiser', `/api/sessions/${id}/open`, { method: 'POST' })).status, 200);
    return id;
  }

  before(async () => {
    server = await startServer();
    shots = await screenshotDir('room');
    assert.equal((await server.api('organiser', '/api/units', { body: { units: [CITY, ...COUNTIES] } })).status, 201);
    assert.equal((await server.api('organiser', '/api/campaigns', { body: setup() })).status, 201);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  const shot = (page: Page, name: string) => page.screenshot({ path: join(shots, `${name}.png`), fullPage: false });

  it('a clerk enters a rule-breaking paper ballot by keyboard and sees it counted as 无效票', async () => {
    const sessionId = await openSession('县委书记汇报点评会', 10);
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    try {
      await page.goto(`${server.url}/clerk/paper?session=${sessionId}`);
      await page.fill('#token', server.tokens.clerk);
      await page.click('#saveToken');
      await page.waitForSelector(`#sessionSelect option[value="${sessionId}"]`, { state: 'attached' });
      await page.selectOption('#sessionSelect', sessionId);
      await page.waitForSelector('#entry:not(.hidden) tr.row');
      assert.equal(await page.inputValue('#sheetNumber'), 'P-001');

      // A valid sheet first: 好 好 较好 较好 一般 较好 差.
      await page.focus('#sheetNumber');
      await page.keyboard.press('Enter');
      await page.keyboard.type('1122324');
      await page.keyboard.press('Enter');
      await page.waitForSelector('.result.ok');
      assert.match((await page.textContent('.result')) ?? '', /P-001.*有效票/);

      // Then three 好 of seven: breaks 好 ≤ 40%; the counter turns red before saving.
      assert.equal(await page.inputValue('#sheetNumber'), 'P-002');
      await page.keyboard.type('1112222');
      assert.match(await page.textContent('.rules li.bad') ?? '', /已选 3 \/ 最多 2/);
      await shot(page, 'clerk-paper-entry-before-save');
      await page.keyboard.press('Control+Enter');
      await page.waitForSelector('.result.bad');
      const result = await page.textContent('.result');
      assert.match(result ?? '', /P-002.*无效票/);
      assert.match(result ?? '', /好/);
      await page.waitForFunction(() => document.querySelector('[data-count="无效票"]')?.textContent === '1');
      assert.equal(await page.textContent('[data-count="有效票"]'), '1');
      assert.match(await page.textContent('#log') ?? '', /P-002无效票/);
      await shot(page, 'clerk-paper-entry');

      // Double entry: a second clerk re-types P-002 with one grade different and sees the mismatch.
      await page.check('#verifyMode');
      await page.fill('#sheetNumber', 'P-002');
      await page.focus('#sheetNumber');
      await page.keyboard.press('Enter');
      await page.keyboard.type('1122222');
      await page.keyboard.press('Enter');
      await page.waitForSelector('#mismatchBox:not(.hidden)');
      assert.match(await page.textContent('#mismatches') ?? '', /西县.*好.*较好/);
      await shot(page, 'clerk-double-entry');

      const report = await server.api('clerk', `/api/sessions/${sessionId}/tally-report`);
      assert.equal(report.json.counts.invalidBallots, 1);
      assert.deepEqual(report.json.invalidBallots.map((b: { sheetNumber: string }) => b.sheetNumber), ['P-002']);
    } finally {
      await page.close();
    }
  });

  it('a clerk enters an observation sheet with its rater’s unit (回避), rubric criteria and a bonus with its reason', async () => {
    // A server of its own: the campaign with observation sites reuses the fixture's ids.
    const own = await startServer();
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    try {
      await clerkOnOwnSession(own, page, observationSetup(), { name: '实训点观摩', instrumentIds: ['i-observe', 'i-visit'] });
      await page.fill('#raterName', '观摩团成员02');

      // The rater belongs to 东县: its site leaves both instruments' sheets and is not sent.
      assert.deepEqual(await page.$$eval('#boundUnits option', (os) => os.map((o) => (o as HTMLOptionElement).value)), ['城区（测试市）', '东县（测试市）', '西县（测试市）']);
      await page.fill('#boundUnit', '东县');
      await page.press('#boundUnit', 'Enter');
      assert.equal(await page.inputValue('#boundUnit'), '东县（测试市）');
      assert.match(await page.textContent('#boundInfo') ?? '', /本票不含 2 个对象/);
      assert.equal(await page.locator('tr.excluded[data-subject="s-site2"]').count(), 2);

      // 观摩评: 88 for the first site, then “+” opens its adjustment: item 1, 1.5 points — and no reason is refused.
      await page.waitForSelector('tr.current input.score:focus');
      await page.keyboard.type('88');
      await page.keyboard.press('+');
      await page.waitForSelector('tr.current select.adj-item:focus');
      // The items are numbered: typing 1 picks the first.
      await page.keyboard.type('1');
      assert.equal(await page.inputValue('tr.current select.adj-item'), 'adj-brand');
      await page.keyboard.press('Enter');
      await page.keyboard.type('1.5');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Enter');
      assert.match(await page.textContent('tr.current .adj-msg') ?? '', /「特色品牌亮点」须写明加减分理由/);
      await page.keyboard.type('打造“红色驿站”服务品牌');
      await page.keyboard.press('Enter');
      assert.match(await page.textContent('tr.current .adj.bonus') ?? '', /\+1\.5 特色品牌亮点：打造“红色驿站”服务品牌/);
      assert.match(await page.textContent('tr.current .adj-sum') ?? '', /加分 1\.5\/3/);
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
      assert.match(await page.textContent('tr.current .crit-sum') ?? '', /合计 75 \/ 100/);
      await shot(page, 'clerk-paper-observation');
      await page.keyboard.press('Enter');
      await page.waitForSelector('.result');
      assert.match(await page.textContent('.result') ?? '', /P-001.*有效票/);

      const stored = await listBallotsAsCast(own.ctx.database.db, 'camp1');
      assert.deepEqual(stored.map((b) => [b.instrumentId, b.boundUnitId, b.raterName, b.channel]).sort(), [
        ['i-observe', 'k2', '观摩团成员02', 'paper'],
        ['i-visit', 'k2', '观摩团成员02', 'paper'],
      ]);
      const observe = stored.find((b) => b.instrumentId === 'i-observe')!;
      assert.deepEqual(observe.ratings, [
        { subjectId: 's-site1', score: '88', adjustments: [{ itemId: 'adj-brand', points: '1.5', reason: '打造“红色驿站”服务品牌' }] },
        { subjectId: 's-site3', score: '80' },
      ]);
      assert.deepEqual(stored.find((b) => b.instrumentId === 'i-visit')!.ratings, [
        { subjectId: 's-site1', criteria: { 'c-org': '35', 'c-effect': '50' } },
        { subjectId: 's-site3', criteria: { 'c-org': '30', 'c-effect': '45' } },
      ]);
      // After saving, the next sheet starts without a bound unit.
      assert.equal(await page.inputValue('#sheetNumber'), 'P-002');
      assert.equal(await page.inputValue('#boundUnit'), '');
      assert.equal(await page.locator('tr.excluded').count(), 0);
    } finally {
      await page.close();
      await own.close();
    }
  });

  it('a clerk types 专班评 opinions by keyboard; a required opinion left blank is refused, named and focused', async () => {
    // A server of its own: the fixture campaign plus 专班评 (a 0–100 score with a required, signed opinion) by the task
    // force, which also grades 汇报评 with an optional opinion.
    const own = await startServer();
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    try {
      const sessionId = await clerkOnOwnSession(own, page, taskforceSetup(), { name: '专班评议会', instrumentIds: ['i-report', 'i-taskforce'] });
      await page.selectOption('#group', 'g-tf');
      await page.fill('#raterName', '专班甲');
      // Every subject of both instruments has an opinion field; 专班评 marks it required and says what a blank does.
      assert.equal(await page.locator('tr.row input.op-text').count(), 14);
      assert.equal(await page.locator('tr.row[data-i="1"] label.op:has-text("必填")').count(), 7);
      assert.equal(await page.locator('tr.row[data-i="0"] label.op:has-text("选填")').count(), 7);
      assert.match(await page.textContent('#instruments') ?? '', /每个对象须填写评价意见，缺少意见的票不能保存/);

      const opinions = COUNTIES.map((k) => `${k.name}组织有力`);
      /** 汇报评 by grade keys, with an optional opinion for 东县 (Tab into it, Esc back to the keys); then 专班评. */
      const typeSheet = async (sheetNumber: string, taskforce: string[]) => {
        await page.fill('#sheetNumber', sheetNumber);
        await page.focus('#sheetNumber');
        await page.keyboard.press('Enter');
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
          if (!opinion) assert.equal(await page.locator(`tr.row[data-i="1"][data-j="${k}"] input.op-text.missing`).count(), 1);
        }
      };

      await typeSheet('P-001', opinions);
      await page.waitForSelector('.result');
      assert.match(await page.textContent('.result') ?? '', /P-001.*有效票/);
      const stored = await listBallotsAsCast(own.ctx.database.db, 'camp1');
      assert.deepEqual(stored.find((b) => b.instrumentId === 'i-report')!.ratings, COUNTIES.map((k, i) => ({ subjectId: `s-${k.id}`, grade: ['good', 'good', 'fair', 'fair', 'avg', 'fair', 'poor'][i], ...(i === 1 ? { opinion: '汇报有亮点' } : {}) })));
      assert.deepEqual(stored.find((b) => b.instrumentId === 'i-taskforce')!.ratings, COUNTIES.map((k, i) => ({ subjectId: `s-${k.id}`, score: String(80 + i), opinion: opinions[i] })));

      // P-002 without 城区's opinion: the server refuses the whole sheet — an entry error, not a 无效票. The page lists
      // the reason, shows it at the field too and puts the cursor there; once typed, the sheet saves.
      await typeSheet('P-002', ['', ...opinions.slice(1)]);
      await page.waitForSelector('.result.bad');
      const refusal = await page.textContent('.result') ?? '';
      assert.match(refusal, /未保存/);
      assert.match(refusal, /对象「城区」：须填写评价意见/);
      await page.waitForSelector('tr.current[data-i="1"][data-j="0"] input.op-text.missing:focus');
      assert.equal(await page.textContent('tr.current .op-msg'), '对象「城区」：须填写评价意见');
      assert.equal(await page.locator('tr.row input.op-text.missing').count(), 1);
      assert.equal(await page.inputValue('#sheetNumber'), 'P-002');
      assert.equal((await own.api('clerk', `/api/sessions/${sessionId}/paper-ballots/P-002`)).status, 404);
      await shot(page, 'clerk-paper-opinion-refused');
      await page.keyboard.type('城区组织一般');
      assert.equal(await page.locator('tr.current .op-msg').count(), 0);
      await page.keyboard.press('Control+Enter');
      await page.waitForSelector('.result.ok');
      assert.match(await page.textContent('.result') ?? '', /P-002.*有效票/);
      const p2 = (await own.api('clerk', `/api/sessions/${sessionId}/paper-ballots/P-002`)).json;
      assert.equal(p2.ballots.find((b: { instrumentId: string }) => b.instrumentId === 'i-taskforce').ratings[0].opinion, '城区组织一般');

      // P-003 really came back without 城区's opinion: the clerk stores it as it is, an invalid ballot that counts as
      // returned. The button is offered because the only problem is one the paper itself can have.
      await typeSheet('P-003', ['', ...opinions.slice(1)]);
      await page.waitForSelector('#saveAsInvalid');
      await shot(page, 'clerk-paper-as-invalid-offer');
      await page.click('#saveAsInvalid');
      await page.waitForFunction(() => /已保存为/.test(document.querySelector('.result')?.textContent ?? ''));
      assert.match(await page.textContent('.result') ?? '', /P-003.*无效票[\s\S]*须填写评价意见/);
      const p3 = (await own.api('clerk', `/api/sessions/${sessionId}/paper-ballots/P-003`)).json;
      assert.equal(p3.valid, false);
      assert.equal(await page.inputValue('#sheetNumber'), 'P-004');

      // Double entry: P-001 typed again with another opinion for 城区 shows both opinions side by side.
      await page.check('#verifyMode');
      await typeSheet('P-001', ['城区组织一般', ...opinions.slice(1)]);
      await page.waitForSelector('#mismatchBox:not(.hidden)');
      const mismatch = await page.textContent('#mismatches') ?? '';
      assert.match(mismatch, /专班评 · 城区/);
      assert.match(mismatch, /意见：城区组织有力.*意见：城区组织一般/);
      await shot(page, 'clerk-paper-opinion-mismatch');
    } finally {
      await page.close();
      await own.close();
    }
  });

  it('the big screen shows a submitted ballot within about a second', async () => {
    const sessionId = await openSession('乡镇党委书记交流座谈会', 8);
    const issued = await server.api('clerk', `/api/sessions/${sessionId}/tokens`, { body: { raterGroupId: 'g-office', count: 6 } });
    const tokens = issued.json as { token: string }[];
    const key = (await server.api('organiser', `/api/sessions/${sessionId}/screen-keys`, { method: 'POST' })).json.key as string;
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    try {
      await page.goto(`${server.url}/screen/${sessionId}?key=${key}`);
      await page.waitForSelector('#returned[data-returned="0"]');
      await shot(page, 'screen-voting');
      for (let i = 0; i < 3; i++) {
        const started = Date.now();
        const res = await server.api(null, '/api/ballots', { body: { token: tokens[i]!.token, ballots: [{ instrumentId: 'i-report', ratings: ratings(i % 3) }] } });
        assert.equal(res.status, 201, JSON.stringify(res.json));
        await page.waitForSelector(`#returned[data-returned="${i + 1}"]`, { timeout: 1500 });
        const took = Date.now() - started;
        assert.ok(took < 1500, `screen updated after ${took} ms`);
      }
      // Three sheets back: the group's count and (visibility: live) the scores appear.
      await page.waitForSelector('[data-group-returned="g-office"]');
      assert.match(await page.textContent('ol.rank') ?? '', /城区/);
      await shot(page, 'screen-live-results');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth || document.documentElement.scrollHeight > window.innerHeight);
      assert.equal(overflow, false);
    } finally {
      await page.close();
    }
  });

  it('the screen says so plainly when its key is wrong', async () => {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    try {
      await page.goto(`${server.url}/screen/nosuch?key=AAAAAAAAAAAAAAAAAAAAAA`);
      await page.waitForSelector('.error:has-text("大屏密钥无效")');
    } finally {
      await page.close();
    }
  });

  it('the screen, the tally report and a token sheet read well with the Jincheng demo’s real names', async () => {
    const demo = await startServer();
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    try {
      // The demo also creates its own accounts, whose names the harness already took: its campaign is loaded first.
      await loadDemo(demo.ctx).catch(() => null);
      for (const [name, sessionId] of [['report', SESSION_IDS.report], ['seminar', SESSION_IDS.seminar]] as const) {
        const key = (await demo.api('organiser', `/api/sessions/${sessionId}/screen-keys`, { method: 'POST' })).json.key as string;
        await page.goto(`${demo.url}/screen/${sessionId}?key=${key}`);
        await page.waitForSelector('ol.rank li');
        await shot(page, `screen-demo-${name}`);
        const clipped = await page.evaluate(() => [...document.querySelectorAll('ol.rank')].filter((ol) => ol.classList.contains('clipped')).length);
        assert.equal(clipped, 0, `${name}: a ranking list does not fit`);
        // 77 townships do not fit at a legible size: they turn page by page.
        if (name === 'seminar') assert.match(await page.textContent('.page-no') ?? '', /第 1 \/ [2-9] 页/);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth || document.documentElement.scrollHeight > window.innerHeight);
        assert.equal(overflow, false);
      }
      const report = await fetch(`${demo.url}/api/sessions/${SESSION_IDS.report}/tally-report.html`, { headers: { authorization: `Bearer ${demo.tokens.clerk}` } });
      await page.setViewportSize({ width: 900, height: 1270 });
      await page.setContent(await report.text());
      await shot(page, 'tally-report-demo');
      await page.pdf({ path: join(shots, 'tally-report-demo.pdf'), format: 'A4', printBackground: true });
      const sessionId = await (async () => {
        const created = await demo.api('organiser', '/api/campaigns/jincheng-2022-06/sessions', { body: { name: '县（市、区）委书记汇报点评会（补测）', instrumentIds: [(await demo.api('clerk', `/api/sessions/${SESSION_IDS.report}`)).json.instrumentIds[0]], expected: {} } });
        return created.json.id as string | undefined;
      })();
      const target = sessionId ?? SESSION_IDS.report;
      if (sessionId) await demo.api('organiser', `/api/sessions/${sessionId}/open`, { method: 'POST' });
      const groups = (await demo.api('clerk', `/api/sessions/${target}/paper-form`)).json.groups as { groupId: string; mode: string }[];
      const group = groups.find((g) => g.mode === 'anonymous')!;
      const sheet = await fetch(`${demo.url}/api/sessions/${target}/token-sheets`, { method: 'POST', headers: { authorization: `Bearer ${demo.tokens.clerk}`, 'content-type': 'application/json' }, body: JSON.stringify({ raterGroupId: group.groupId, count: 12 }) });
      assert.equal(sheet.status, 201, await sheet.clone().text());
      await page.setContent(await sheet.text());
      await shot(page, 'token-sheet-demo');
      await page.pdf({ path: join(shots, 'token-sheet-demo.pdf'), format: 'A4' });
    } finally {
      await page.close();
      await demo.close();
    }
  });
});
