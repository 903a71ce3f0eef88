/**
 * 收回多于发出 on paper: after 4 QR tokens came back, a clerk's paper sheet would make 5 returned of 4 issued — the
 * session void. It is not saved silently: the server refuses it (409 over_return) with the counts and what it does,
 * unless the clerk confirms; a confirmed sheet is stored, the receipt and the session's verdict say void, and the
 * audit log records the confirmation. A re-send of a stored sheet is not a new return, and two clerks entering at
 * once are decided one after the other.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { dialects } from '../helpers/db.js';
import { CITY, COUNTIES, ratings, setup } from './fixtures.js';

const paper = (sheetNumber: string, good: number, extra: object = {}) => ({ sheetNumber, raterGroupId: 'g-office', ballots: [{ instrumentId: 'i-report', ratings: ratings(good) }], ...extra });

for (const kind of dialects()) {
  describe(`a paper sheet that would void its session (${kind})`, () => {
    let t: TestApp;
    let sessionId = '';
    const url = (path: string) => `/api/sessions/${sessionId}${path}`;
    const enter = (payload: object) => t.call('clerk', { method: 'POST', url: url('/paper-ballots'), payload });
    const overview = async () => (await t.call('organiser', { method: 'GET', url: url('') })).json();

    before(async () => {
      t = await buildTestApp(kind);
      assert.equal((await t.call('organiser', { method: 'POST', url: '/api/units', payload: { units: [CITY, ...COUNTIES] } })).statusCode, 201);
      assert.equal((await t.call('organiser', { method: 'POST', url: '/api/campaigns', payload: setup() })).statusCode, 201);
      const session = await t.call('organiser', { method: 'POST', url: '/api/campaigns/camp1/sessions', payload: { name: '汇报点评会', instrumentIds: ['i-report'], expected: { 'g-office': 6 } } });
      sessionId = session.json().id;
      assert.equal((await t.call('organiser', { method: 'POST', url: url('/open') })).statusCode, 200);
      const tokens = (await t.call('organiser', { method: 'POST', url: url('/tokens'), payload: { raterGroupId: 'g-office', count: 4 } })).json() as { token: string }[];
      for (const [i, token] of tokens.entries()) {
        const res = await t.call(null, { method: 'POST', url: '/api/ballots', payload: { token: token.token, ballots: [{ instrumentId: 'i-report', ratings: ratings(i % 3) }] } });
        assert.equal(res.statusCode, 201, res.body);
      }
    });
    after(() => t.close());

    it('refuses the 5th sheet after 4 tokens came back, with the counts and what saving it would do, and stores nothing', async () => {
      const res = await enter(paper('P-001', 1));
      assert.equal(res.statusCode, 409, res.body);
      const error = res.json().error;
      assert.equal(error.code, 'over_return');
      assert.equal(error.message.zh, '本场发出 4 份，已收回 4 份；保存本票后收回 5 份，多于发出份数，测评会将无效，须重新组织。请核对原票确属本场收回后再确认保存。');
      assert.match(error.message.en, /4 sheets were issued and 4 have come back; with this sheet 5 are back, more than issued, so the session becomes void/);
      assert.deepEqual(error.details.map((d: { code: string; issued: number; returned: number }) => [d.code, d.issued, d.returned]), [['over_return', 4, 4]]);
      assert.equal((await t.call('clerk', { method: 'GET', url: url('/paper-ballots/P-001') })).statusCode, 404);
      const session = await overview();
      assert.equal(session.counts.returned, 4);
      assert.equal(session.verdict.status, 'valid');
    });

    it('refuses it as well when the sheet is saved as 无效票', async () => {
      const incomplete = { sheetNumber: 'P-001', raterGroupId: 'g-office', ballots: [{ instrumentId: 'i-report', ratings: ratings(1).slice(0, 6) }], asInvalid: true };
      const res = await enter(incomplete);
      assert.equal(res.statusCode, 409, res.body);
      assert.equal(res.json().error.code, 'over_return');
    });

    it('stores a confirmed sheet: the receipt, the session’s verdict and the audit log say the session is void', async () => {
      const res = await enter(paper('P-001', 1, { confirmOverReturn: true }));
      assert.equal(res.statusCode, 201, res.body);
      assert.equal(res.json().valid, true);
      assert.deepEqual(res.json().session, { issued: 4, returned: 5, overReturned: true });
      const session = await overview();
      assert.equal(session.verdict.status, 'void');
      // Still open: it reads 目前无效 (it can yet be put right); only a closed session reads 须重新组织.
      assert.equal(session.verdict.explanation.zh, '测评会目前无效：收回 5 份，多于发出的 4 份。');
      const audit = (await t.call('admin', { method: 'GET', url: '/api/audit?action=ballot.paper.enter' })).json();
      const entries = audit as { detail: { sheetNumber: string; overReturn?: { issued: number; returned: number } } }[];
      assert.deepEqual(entries.map((e) => e.detail), [{ sheetNumber: 'P-001', overReturn: { issued: 4, returned: 5 } }]);
    });

    it('answers a re-send of the stored sheet as a duplicate, not as another return', async () => {
      const res = await enter(paper('P-001', 1));
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().duplicate, true);
      assert.deepEqual(res.json().session, { issued: 4, returned: 5, overReturned: true });
    });

    it('asks again for every further sheet of a void session, saying it already is void', async () => {
      const res = await enter(paper('P-002', 0));
      assert.equal(res.statusCode, 409, res.body);
      assert.match(res.json().error.message.zh, /^本场发出 4 份，已收回 5 份，测评会已因收回多于发出而无效；保存本票后收回 6 份/);
    });
  });

  describe(`two clerks entering the last issued sheet at once (${kind})`, () => {
    let t: TestApp;
    after(() => t.close());

    it('stores one and refuses the other', async () => {
      t = await buildTestApp(kind);
      assert.equal((await t.call('organiser', { method: 'POST', url: '/api/units', payload: { units: [CITY, ...COUNTIES] } })).statusCode, 201);
      assert.equal((await t.call('organiser', { method: 'POST', url: '/api/campaigns', payload: setup() })).statusCode, 201);
      const sessionId = (await t.call('organiser', { method: 'POST', url: '/api/campaigns/camp1/sessions', payload: { name: '汇报点评会', instrumentIds: ['i-report'], expected: { 'g-office': 4 }, paperIssued: { 'g-office': 3 } } })).json().id;
      assert.equal((await t.call('organiser', { method: 'POST', url: `/api/sessions/${sessionId}/open` })).statusCode, 200);
      const enter = (n: string) => t.call('clerk', { method: 'POST', url: `/api/sessions/${sessionId}/paper-ballots`, payload: paper(n, 1) });
      for (const n of ['P-001', 'P-002']) assert.equal((await enter(n)).statusCode, 201);
      for (let round = 0; round < 3; round++) {
        const results = await Promise.all(['P-003', 'P-004'].map((n) => enter(`${n}-${round}`)));
        const codes = results.map((r) => r.statusCode).sort();
        if (round === 0) assert.deepEqual(codes, [201, 409], results.map((r) => r.body).join('\n'));
        else assert.deepEqual(codes, [409, 409], results.map((r) => r.body).join('\n'));
      }
      const session = (await t.call('organiser', { method: 'GET', url: `/api/sessions/${sessionId}` })).json();
      assert.deepEqual([session.counts.issued, session.counts.returned, session.verdict.status], [3, 3, 'valid']);
    });
  });
}
