/**
 * The rater's receipt and the public receipt list: a receipt names its campaign and session; a used, unknown or
 * revoked code each answers for itself; after a session closes, and only then, its list holds the receipt of every
 * sheet returned in it — online and paper, valid or not, nothing from another session or from a refused submission —
 * and nothing else of a sheet: no ratings, times, groups or channels.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { revokeToken } from '../../src/db/repositories/tokens.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { dialects } from '../helpers/db.js';
import { CITY, COUNTIES, ratings, setup } from './fixtures.js';

type Issued = { tokenId: string; token: string; code: string };

/** Every key anywhere in a JSON value. */
function keysOf(value: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((v) => { keysOf(v, out); });
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      out.add(k);
      keysOf(v, out);
    }
  }
  return out;
}

/** What no answer about receipts may carry: a rating, a grade label, a group, a channel, a time. */
function assertNothingOfTheSheets(text: string, what: string): void {
  for (const leak of ['好', '较好', '一般', '办公室', 'g-office', 'paper', 'online', '纸质', '线上', 'P-00']) {
    assert.ok(!text.includes(leak), `${what} carries “${leak}”`);
  }
  assert.doesNotMatch(text, /\d{4}-\d{2}-\d{2}T|\d{1,2}:\d{2}/, `${what} carries a time`);
}

for (const kind of dialects()) {
  describe(`receipts and the public receipt list (${kind})`, () => {
    let t: TestApp;
    let sessionId = '';
    let otherSessionId = '';
    let tokens: Issued[] = [];
    const online: string[] = [];
    const paper: string[] = [];
    let elsewhere = '';

    const submit = (cred: object, good: number) =>
      t.call(null, { method: 'POST', url: '/api/ballots', payload: { ...cred, ballots: [{ instrumentId: 'i-report', ratings: ratings(good) }] } });
    const form = (cred: object) => t.call(null, { method: 'POST', url: '/api/ballot-form', payload: cred });
    const enterPaper = (session: string, sheetNumber: string, good: number, confirmOverReturn = false) =>
      t.call('clerk', { method: 'POST', url: `/api/sessions/${session}/paper-ballots`, payload: { sheetNumber, raterGroupId: 'g-office', ballots: [{ instrumentId: 'i-report', ratings: ratings(good) }], confirmOverReturn } });
    const list = (id: string) => t.call(null, { method: 'GET', url: `/api/receipts/${id}` });
    const page = (id: string, query = '') => t.call(null, { method: 'GET', url: `/receipts/${id}${query}` });
    const newSession = async (payload: object): Promise<string> => {
      const res = await t.call('organiser', { method: 'POST', url: '/api/campaigns/camp1/sessions', payload });
      assert.equal(res.statusCode, 201, res.body);
      const id: string = res.json().id;
      assert.equal((await t.call('organiser', { method: 'POST', url: `/api/sessions/${id}/open` })).statusCode, 200);
      return id;
    };

    before(async () => {
      t = await buildTestApp(kind);
      assert.equal((await t.call('organiser', { method: 'POST', url: '/api/units', payload: { units: [CITY, ...COUNTIES] } })).statusCode, 201);
      assert.equal((await t.call('organiser', { method: 'POST', url: '/api/campaigns', payload: setup() })).statusCode, 201);
      sessionId = await newSession({ name: '汇报点评会', instrumentIds: ['i-report'], expected: { 'g-office': 6 }, paperIssued: { 'g-office': 2 } });
      const issued = await t.call('clerk', { method: 'POST', url: `/api/sessions/${sessionId}/tokens`, payload: { raterGroupId: 'g-office', count: 5 } });
      assert.equal(issued.statusCode, 201, issued.body);
      tokens = issued.json();
      otherSessionId = await newSession({ name: '另一场点评会', instrumentIds: ['i-report'], expected: { 'g-office': 1 } });
    });
    after(() => t.close());

    it('names the campaign and the session on the receipt, and a re-send answers the first one', async () => {
      const first = await submit({ token: tokens[0]!.token }, 2);
      assert.equal(first.statusCode, 201, first.body);
      const receipt = first.json();
      assert.match(receipt.receipt, /^[0-9A-HJKMNP-TV-Z]{8}$/);
      assert.deepEqual(receipt.campaign, { name: '测试活动' });
      assert.deepEqual(receipt.session, { id: sessionId, name: '汇报点评会' });
      const again = await submit({ token: tokens[0]!.token }, 2);
      assert.equal(again.statusCode, 200);
      assert.deepEqual(again.json(), { ...receipt, duplicate: true });
      online.push(receipt.receipt);
    });

    it('answers a used code with its receipt and never its ratings, and refuses a different sheet on it', async () => {
      const byLink = await form({ token: tokens[0]!.token });
      assert.equal(byLink.statusCode, 200, byLink.body);
      const body = byLink.json();
      assert.deepEqual(body.token, { status: 'used', receipt: online[0] });
      assert.deepEqual(body.session, { id: sessionId, name: '汇报点评会', status: 'open' });
      assert.deepEqual(body.instruments, []);
      assertNothingOfTheSheets(JSON.stringify({ ...body, group: null }), 'the used form');
      const byCode = await form({ code: tokens[0]!.code.toLowerCase() });
      assert.deepEqual(byCode.json().token, { status: 'used', receipt: online[0] });
      const different = await submit({ token: tokens[0]!.token }, 1);
      assert.equal(different.statusCode, 409);
      assert.equal(different.json().error.code, 'token_used');
      assert.match(different.json().error.message.zh, /已使用/);
    });

    it('tells an unknown code from a revoked one, by link and by typed code', async () => {
      for (const cred of [{ token: 'A'.repeat(22) }, { code: 'ZZZZZ-ZZZZZ' }]) {
        for (const res of [await form(cred), await submit(cred, 2)]) {
          assert.equal(res.statusCode, 404, res.body);
          assert.equal(res.json().error.code, 'token_unknown');
          assert.equal(res.json().error.message.zh, '测评码无效');
        }
      }
      assert.equal(await revokeToken(t.ctx.database.db, tokens[4]!.tokenId), true);
      for (const cred of [{ token: tokens[4]!.token }, { code: tokens[4]!.code }]) {
        for (const res of [await form(cred), await submit(cred, 2)]) {
          assert.equal(res.statusCode, 410, res.body);
          assert.equal(res.json().error.code, 'token_revoked');
          assert.match(res.json().error.message.zh, /作废/);
        }
      }
    });

    it('lists nothing while the session is open, and says the list comes when it closes', async () => {
      const res = await list(sessionId);
      assert.equal(res.statusCode, 200, res.body);
      assert.deepEqual(res.json(), { campaign: { name: '测试活动' }, session: { id: sessionId, name: '汇报点评会', status: 'open' }, receipts: null, verdict: null });
      const zh = await page(sessionId);
      assert.equal(zh.statusCode, 200);
      assert.match(zh.headers['content-type'] as string, /text\/html/);
      assert.match(zh.body, /测评会正在进行/);
      assert.match(zh.body, /测评会结束后，回执名单将在本页公布/);
      assert.match(zh.body, /http-equiv="refresh"/);
      assert.ok(!zh.body.includes(online[0]!));
      assert.match((await page(sessionId, '?lang=en')).body, /When it closes, its receipt list appears on this page/);
    });

    it('after the session closes lists exactly the receipts of its returned sheets, online and paper, and nothing else of them', async () => {
      // A second online sheet, a valid paper sheet and one counted invalid (3 × 好); a refused submission stores nothing.
      const second = await submit({ code: tokens[1]!.code }, 0);
      assert.equal(second.statusCode, 201, second.body);
      online.push(second.json().receipt);
      assert.equal((await submit({ token: tokens[2]!.token }, 3)).statusCode, 422);
      for (const [sheet, good] of [['P-001', 1], ['P-002', 3]] as const) {
        const res = await enterPaper(sessionId, sheet, good);
        assert.equal(res.statusCode, 201, res.body);
        paper.push(res.json().receipt);
      }
      // Another session's sheet stays in its own list.
      const other = await t.call('clerk', { method: 'POST', url: `/api/sessions/${otherSessionId}/tokens`, payload: { raterGroupId: 'g-office', count: 1 } });
      const there = await submit({ token: other.json()[0].token }, 2);
      assert.equal(there.statusCode, 201, there.body);
      elsewhere = there.json().receipt;
      assert.equal((await list(sessionId)).json().receipts, null, 'still open');

      assert.equal((await t.call('organiser', { method: 'POST', url: `/api/sessions/${sessionId}/close` })).statusCode, 200);
      const res = await list(sessionId);
      assert.equal(res.statusCode, 200, res.body);
      const body = res.json();
      assert.deepEqual(body.receipts, [...online, ...paper].sort());
      assert.ok(!body.receipts.includes(elsewhere));
      assert.deepEqual(body.session, { id: sessionId, name: '汇报点评会', status: 'closed' });
      // 4 of 6 expected returned (no head count recorded), 6 issued (4 tokens not revoked + 2 paper): it counts.
      assert.equal(body.verdict.status, 'valid');
      assert.match(body.verdict.explanation.zh, /应到 6 人/);
      assert.deepEqual([...keysOf(body)].sort(), ['campaign', 'en', 'explanation', 'id', 'name', 'receipts', 'session', 'status', 'verdict', 'zh']);
      assertNothingOfTheSheets(JSON.stringify(body.receipts), 'the list');
    });

    it('shows the list on a page that finds a receipt as typed, in Chinese and English', async () => {
      const all = [...online, ...paper];
      const zh = await page(sessionId);
      assert.equal(zh.statusCode, 200);
      assert.equal(zh.headers['cache-control'], 'no-cache');
      assert.equal(zh.headers['referrer-policy'], 'no-referrer');
      assert.match(zh.headers['content-security-policy'] as string, /default-src 'none'; style-src 'sha256-/);
      assert.match(zh.body, /<html lang="zh-CN">/);
      assert.match(zh.body, /本场测评会共收回 4 份选票/);
      assert.match(zh.body, /本场测评会有效，这些选票计入结果/);
      for (const r of all) assert.ok(zh.body.includes(`<li>${r}</li>`), `the page lists ${r}`);
      assertNothingOfTheSheets(zh.body.slice(zh.body.indexOf('<ol')), 'the page’s list');

      // Lower case with a dash in the middle, as a person might copy it: found and marked.
      const mine = online[1]!;
      const typed = `${mine.slice(0, 4).toLowerCase()}-${mine.slice(4).toLowerCase()}`;
      const found = await page(sessionId, `?q=${encodeURIComponent(typed)}`);
      assert.match(found.body, new RegExp(`找到回执码 ${mine}：您的选票在本场测评会收回的选票中`));
      assert.ok(found.body.includes(`<li class="hit" id="hit">${mine}</li>`));
      const missing = await page(sessionId, `?q=${elsewhere}`);
      assert.match(missing.body, new RegExp(`名单中没有回执码 ${elsewhere}`));
      assert.match((await page(sessionId, '?q=12%3Cb%3E')).body, /回执码是 8 位字母或数字/);

      const en = await page(sessionId, `?lang=en&q=${mine}`);
      assert.match(en.body, /<html lang="en">/);
      assert.match(en.body, /4 sheets were returned in this session/);
      assert.match(en.body, new RegExp(`Receipt ${mine} is on the list`));
      assert.match(en.body, /<input type="hidden" name="lang" value="en">/);
      assert.match(en.body, new RegExp(`href="\\?q=${mine}">中文</a>`));
    });

    it('adds a paper sheet entered after the close to the list', async () => {
      const late = await enterPaper(sessionId, 'P-003', 0);
      assert.equal(late.statusCode, 201, late.body);
      const receipts: string[] = (await list(sessionId)).json().receipts;
      assert.equal(receipts.length, 5);
      assert.ok(receipts.includes(late.json().receipt));
    });

    it('says when a closed session does not count: more sheets back than issued', async () => {
      const thin = await newSession({ name: '补充点评会', instrumentIds: ['i-report'], expected: { 'g-office': 1 } });
      // No paper recorded as handed out: each sheet voids the session, and the clerk confirms it.
      for (const sheet of ['Q-1', 'Q-2']) assert.equal((await enterPaper(thin, sheet, 0, true)).statusCode, 201);
      assert.equal((await t.call('organiser', { method: 'POST', url: `/api/sessions/${thin}/close` })).statusCode, 200);
      const body = (await list(thin)).json();
      assert.equal(body.receipts.length, 2);
      assert.equal(body.verdict.status, 'void');
      const res = await page(thin);
      assert.match(res.body, /data-verdict="void"/);
      assert.match(res.body, /本场测评会无效，须重新组织，这些选票不计入结果/);
      assert.match(res.body, /收回 2 份，多于发出的 0 份/);
    });

    it('answers an unknown session with a page of its own, and the API with a refusal that names nothing', async () => {
      for (const id of ['s_nope', 'x'.repeat(64), '%E6%B5%8B%E8%AF%95']) {
        const res = await page(id);
        assert.equal(res.statusCode, 404, `${id}: ${res.body}`);
        assert.match(res.headers['content-type'] as string, /text\/html/);
        assert.match(res.body, /没有这个测评会/);
      }
      assert.match((await page('s_nope', '?lang=en')).body, /No such session/);
      // A query no form would send is refused as a page too.
      const tooLong = await page(sessionId, `?q=${'A'.repeat(200)}`);
      assert.equal(tooLong.statusCode, 400);
      assert.match(tooLong.headers['content-type'] as string, /text\/html/);
      assert.match(tooLong.body, /暂时无法显示回执名单[\s\S]*请求内容不符合要求/);
      const api: LightMyRequestResponse = await list('s_nope');
      assert.equal(api.statusCode, 404);
      assert.equal(api.json().error.code, 'not_found');
      assert.equal(api.json().error.message.zh, '没有这个测评会，请核对回执名单的链接');
      assert.equal((await list('bad id!')).statusCode, 400);
    });

    it('declares both routes public', () => {
      for (const url of ['/api/receipts/:sessionId', '/receipts/:sessionId']) {
        assert.equal(t.app.accessTable.find((r) => r.url === url)?.access, 'public', url);
      }
    });
  });
}

describe('the receipt list is rate-limited per address like the ballot routes', () => {
  let t: TestApp;
  before(async () => {
    t = await buildTestApp(dialects()[0]!, { app: { receiptsLimitPerMinute: 2 } });
  });
  after(() => t.close());

  it('answers the page with a page and the API with its refusal once the limit is reached', async () => {
    for (let i = 0; i < 2; i++) assert.equal((await t.call(null, { method: 'GET', url: '/receipts/s_none' })).statusCode, 404);
    const page = await t.call(null, { method: 'GET', url: '/receipts/s_none?lang=en' });
    assert.equal(page.statusCode, 429);
    assert.match(page.headers['content-type'] as string, /text\/html/);
    assert.match(page.body, /Too many requests; try again shortly/);
    const api = await t.call(null, { method: 'GET', url: '/api/receipts/s_none' });
    assert.equal(api.statusCode, 429);
    assert.equal(api.json().error.code, 'rate_limited');
  });
});
