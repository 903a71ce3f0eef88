/**
 * 票号: paper sheet numbers are unique per session across clerks and reloads. An entry page (录入页, a random `desk`
 * id it keeps for its tab) asks for its number; it keeps it until a sheet is stored under it (a reload gets it back),
 * another page gets the next one, and a number given to another clerk's page is not taken by hand. A number already
 * stored with different content is the existing `sheet_conflict`; the same content again is a re-send.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createAccount } from '../../src/app/accounts/create-account.js';
import { buildTestApp, logInAs, type TestApp } from '../helpers/app.js';
import { dialects } from '../helpers/db.js';
import { CITY, COUNTIES, ratings, setup } from './fixtures.js';

const DESK_A = 'desk-aaaaaaaaaaaaaaaa';
const DESK_B = 'desk-bbbbbbbbbbbbbbbb';
const paper = (sheetNumber: string, good: number, extra: object = {}) => ({ sheetNumber, raterGroupId: 'g-office', ballots: [{ instrumentId: 'i-report', ratings: ratings(good) }], ...extra });

for (const kind of dialects()) {
  describe(`paper sheet numbers (${kind})`, () => {
    let t: TestApp;
    let sessionId = '';
    let secondClerkToken = '';
    const url = (path: string) => `/api/sessions/${sessionId}${path}`;
    const reserve = (desk: string, token?: string) =>
      t.app.inject({ method: 'POST', url: url('/paper-sheet-numbers'), payload: { desk }, headers: { authorization: `Bearer ${token ?? t.tokens.clerk}` } });
    const numberFor = async (desk: string, token?: string) => {
      const res = await reserve(desk, token);
      assert.equal(res.statusCode, 200, res.body);
      return res.json().sheetNumber as string;
    };
    const enter = (payload: object, token?: string) =>
      t.app.inject({ method: 'POST', url: url('/paper-ballots'), payload, headers: { authorization: `Bearer ${token ?? t.tokens.clerk}` } });

    before(async () => {
      t = await buildTestApp(kind);
      assert.equal((await t.call('organiser', { method: 'POST', url: '/api/units', payload: { units: [CITY, ...COUNTIES] } })).statusCode, 201);
      assert.equal((await t.call('organiser', { method: 'POST', url: '/api/campaigns', payload: setup() })).statusCode, 201);
      const session = await t.call('organiser', { method: 'POST', url: '/api/campaigns/camp1/sessions', payload: { name: '汇报点评会', instrumentIds: ['i-report'], expected: { 'g-office': 60 }, paperIssued: { 'g-office': 60 } } });
      sessionId = session.json().id;
      secondClerkToken = (await createAccount(t.ctx, 'system', { username: 'clerk-b', displayName: '第二计票员', role: 'clerk', unitId: null })).accessToken;
    });
    after(() => t.close());

    it('gives no number before the session opens', async () => {
      const res = await reserve(DESK_A);
      assert.equal(res.statusCode, 409, res.body);
      assert.match(res.json().error.message.zh, /尚未开始/);
      assert.equal((await t.call('organiser', { method: 'POST', url: url('/open') })).statusCode, 200);
    });

    it('keeps a page’s number across reloads until a sheet is stored under it, and gives the next page the next one', async () => {
      assert.equal(await numberFor(DESK_A), 'P-001');
      assert.equal(await numberFor(DESK_A), 'P-001', 'a reload of the same page');
      assert.equal(await numberFor(DESK_B, secondClerkToken), 'P-002', 'another clerk’s page');
      const stored = await enter(paper('P-001', 1, { desk: DESK_A }));
      assert.equal(stored.statusCode, 201, stored.body);
      assert.equal(await numberFor(DESK_A), 'P-003');
      assert.equal(await numberFor(DESK_B, secondClerkToken), 'P-002', 'still unused');
    });

    it('skips numbers typed by hand and sheets entered without a page', async () => {
      assert.equal((await enter(paper('P-010', 1))).statusCode, 201);
      assert.equal((await enter(paper('A-7', 2))).statusCode, 201);
      assert.equal(await numberFor('desk-cccccccccccccccc'), 'P-011');
    });

    it('refuses a number given to another clerk’s page and not used yet, naming that clerk', async () => {
      const res = await enter(paper('P-002', 1, { desk: DESK_A }));
      assert.equal(res.statusCode, 409, res.body);
      assert.equal(res.json().error.code, 'sheet_number_taken');
      assert.match(res.json().error.message.zh, /票号 P-002 已分配给另一录入页面（第二计票员）/);
      assert.equal((await t.call('clerk', { method: 'GET', url: url('/paper-ballots/P-002') })).statusCode, 404);
      // Its own clerk may enter it from another page of theirs (a tab lost after the number was written on the paper).
      const own = await enter(paper('P-002', 1, { desk: 'desk-dddddddddddddddd' }), secondClerkToken);
      assert.equal(own.statusCode, 201, own.body);
    });

    it('answers a re-send as a duplicate and different content under a used number as sheet_conflict', async () => {
      const again = await enter(paper('P-001', 1, { desk: DESK_A }));
      assert.equal(again.statusCode, 200, again.body);
      assert.equal(again.json().duplicate, true);
      const other = await enter(paper('P-001', 2, { desk: DESK_B }), secondClerkToken);
      assert.equal(other.statusCode, 409, other.body);
      assert.equal(other.json().error.code, 'sheet_conflict');
    });

    it('gives pages asking at the same moment different numbers', async () => {
      const desks = Array.from({ length: 12 }, (_, i) => `desk-parallel-${String(i).padStart(4, '0')}`);
      const numbers = await Promise.all(desks.map((d, i) => numberFor(d, i % 2 ? secondClerkToken : undefined)));
      assert.equal(new Set(numbers).size, desks.length, numbers.join(' '));
      for (const n of numbers) assert.match(n, /^P-0(1[2-9]|2[0-9])$/);
    });

    it('serves a logged-in clerk with the CSRF token, and refuses bad input and other roles', async () => {
      const login = await logInAs(t, t.usernames.clerk, t.passwords.clerk);
      const withCookie = await t.app.inject({ method: 'POST', url: url('/paper-sheet-numbers'), payload: { desk: 'desk-cookie-00000001' }, headers: { cookie: login.cookie, 'x-csrf-token': login.csrfToken } });
      assert.equal(withCookie.statusCode, 200, withCookie.body);
      const noCsrf = await t.app.inject({ method: 'POST', url: url('/paper-sheet-numbers'), payload: { desk: 'desk-cookie-00000001' }, headers: { cookie: login.cookie } });
      assert.equal(noCsrf.statusCode, 403);
      assert.equal((await reserve('short')).statusCode, 400);
      assert.equal((await t.call(null, { method: 'POST', url: url('/paper-sheet-numbers'), payload: { desk: DESK_A } })).statusCode, 401);
      const unknown = await t.call('clerk', { method: 'POST', url: '/api/sessions/nosuch/paper-sheet-numbers', payload: { desk: DESK_A } });
      assert.equal(unknown.statusCode, 404);
      const badDesk = await enter(paper('P-050', 1, { desk: 'bad desk!' }));
      assert.equal(badDesk.statusCode, 400);
    });
  });
}
