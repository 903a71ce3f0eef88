/**
 * The room as it really runs: 4 codes, paper sheets handed out unrecorded, a head count. The verdict goes to the office
 * with its next step; the big screen never announces void or no quorum, it holds on a neutral line until the office
 * records the paper sheets issued (or closes and reruns). Sheets count as sheets, ballots as ballots.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { dialects } from '../helpers/db.js';
import { CITY, COUNTIES, ratings, setup } from './fixtures.js';

const VERDICT_WORDS = /无效|作废|法定人数|void|quorum|重新组织|rerun/i;

for (const kind of dialects()) {
  describe(`paper sheets, head count and the void rule (${kind})`, () => {
    let t: TestApp;
    let sessionId = '';
    let key = '';
    const url = (path: string) => `/api/sessions/${sessionId}${path}`;
    const overview = async () => (await t.call('organiser', { method: 'GET', url: url('') })).json();
    const board = async () => {
      const res = await t.call(null, { method: 'GET', url: url(`/screen?key=${key}`) });
      assert.equal(res.statusCode, 200, res.body);
      return res.json();
    };
    // Confirmed as the clerk confirms a sheet that voids the session (test/http/paper-over-return.test.ts).
    const paper = (sheetNumber: string, good = 1) => t.call('clerk', { method: 'POST', url: url('/paper-ballots'), payload: { sheetNumber, raterGroupId: 'g-office', ballots: [{ instrumentId: 'i-report', ratings: ratings(good) }], confirmOverReturn: true } });

    before(async () => {
      t = await buildTestApp(kind);
      assert.equal((await t.call('organiser', { method: 'POST', url: '/api/units', payload: { units: [CITY, ...COUNTIES] } })).statusCode, 201);
      assert.equal((await t.call('organiser', { method: 'POST', url: '/api/campaigns', payload: setup() })).statusCode, 201);
      const created = await t.call('organiser', { method: 'POST', url: '/api/campaigns/camp1/sessions', payload: { name: '汇报点评会', instrumentIds: ['i-report'], expected: { 'g-office': 8 }, present: 6 } });
      assert.equal(created.statusCode, 201, created.body);
      sessionId = created.json().id;
      assert.equal(created.json().present, 6, 'the head count is recorded at creation');
      assert.equal((await t.call('organiser', { method: 'POST', url: url('/open') })).statusCode, 200);
      const tokens = (await t.call('clerk', { method: 'POST', url: url('/tokens'), payload: { raterGroupId: 'g-office', count: 4 } })).json() as { token: string }[];
      for (const [i, tk] of tokens.entries()) {
        const res = await t.call(null, { method: 'POST', url: '/api/ballots', payload: { token: tk.token, ballots: [{ instrumentId: 'i-report', ratings: ratings(i % 3) }] } });
        assert.equal(res.statusCode, 201, res.body);
      }
      key = (await t.call('organiser', { method: 'POST', url: url('/screen-keys') })).json().key;
    });
    after(() => t.close());

    it('shows a valid session on the screen with its numbers and no verdict at all', async () => {
      const b = await board();
      assert.equal(b.hold, null);
      assert.equal('verdict' in b, false);
      assert.deepEqual([b.participation.issued, b.participation.returned], [4, 4]);
      assert.doesNotMatch(JSON.stringify(b), VERDICT_WORDS);
    });

    it('a 5th sheet from paper handed out unrecorded voids the session: the office hears it with its next step, the screen holds', async () => {
      assert.equal((await paper('P-001')).statusCode, 201);
      const o = await overview();
      assert.equal(o.verdict.status, 'void');
      assert.match(o.verdict.explanation.zh, /收回 5 份，多于发出的 4 份/);
      assert.match(o.verdict.nextStep.zh, /纸质发出/);
      assert.match(o.verdict.nextStep.en, /paper sheets issued/);
      const b = await board();
      assert.deepEqual(b.hold, { zh: '正在核对票数，请稍候', en: 'The count is being checked; please wait' });
      assert.equal(b.participation, null, 'no numbers while the office checks');
      assert.deepEqual(b.rankings, []);
      assert.ok(b.instruments.every((i: { visible: boolean; subjects: unknown[] }) => !i.visible && i.subjects.length === 0));
      assert.doesNotMatch(JSON.stringify(b), VERDICT_WORDS);
      const events = await t.app.inject({ method: 'GET', url: url(`/screen?key=${key}`) });
      assert.doesNotMatch(events.body, /5 份|多于发出/);
    });

    it('recording the paper sheets issued, audited, makes it count again and releases the screen', async () => {
      const res = await t.call('organiser', { method: 'PUT', url: url('/paper-issued'), payload: { paperIssued: { 'g-office': 3 } } });
      assert.equal(res.statusCode, 200, res.body);
      assert.deepEqual(res.json().paperIssued, { 'g-office': 3 });
      const o = await overview();
      assert.equal(o.verdict.status, 'valid');
      assert.equal(o.verdict.nextStep, null);
      assert.equal(o.counts.issued, 7);
      assert.deepEqual(o.groups, [{ groupId: 'g-office', name: '办公室', expected: 8, issued: 7, returned: 5 }]);
      const b = await board();
      assert.equal(b.hold, null);
      assert.deepEqual([b.participation.issued, b.participation.returned], [7, 5]);
      const audit = (await t.call('admin', { method: 'GET', url: '/api/audit?action=session.paper-issued' })).json();
      const entry = audit.find((e: { entityId: string }) => e.entityId === sessionId);
      assert.deepEqual(entry.detail, { from: {}, to: { 'g-office': 3 } });
    });

    it('a clerk may record paper sheets too; a group left out keeps its figure and 0 clears one', async () => {
      const res = await t.call('clerk', { method: 'PUT', url: url('/paper-issued'), payload: { paperIssued: { 'g-office': 0 } } });
      assert.equal(res.statusCode, 200, res.body);
      assert.deepEqual(res.json().paperIssued, {});
      assert.equal((await t.call('clerk', { method: 'PUT', url: url('/paper-issued'), payload: { paperIssued: { 'g-office': 3 } } })).statusCode, 200);
    });

    it('refuses paper sheets for unknown groups, groups not rating here, negative or empty figures, and without a counting role', async () => {
      const put = (role: 'organiser' | null, payload: unknown) => t.call(role, { method: 'PUT', url: url('/paper-issued'), payload: payload as object });
      const unknown = await put('organiser', { paperIssued: { 'g-nobody': 2 } });
      assert.equal(unknown.statusCode, 400);
      assert.match(unknown.json().error.message.zh, /g-nobody 不存在/);
      const notRating = await put('organiser', { paperIssued: { 'g-tf': 2 } });
      assert.equal(notRating.statusCode, 400);
      assert.match(notRating.json().error.message.zh, /工作专班.*不参与/);
      assert.equal((await put('organiser', { paperIssued: { 'g-office': -1 } })).statusCode, 400);
      assert.equal((await put('organiser', { paperIssued: { 'g-office': 1.5 } })).statusCode, 400);
      assert.equal((await put('organiser', { paperIssued: {} })).statusCode, 400);
      assert.equal((await put('organiser', {})).statusCode, 400);
      assert.equal((await put(null, { paperIssued: { 'g-office': 1 } })).statusCode, 401);
      assert.equal((await t.call('organiser', { method: 'PUT', url: '/api/sessions/nosuch/paper-issued', payload: { paperIssued: { 'g-office': 1 } } })).statusCode, 404);
      assert.deepEqual((await overview()).paperIssued, { 'g-office': 3 }, 'nothing refused was stored');
    });

    it('a head count below quorum is the office’s to see; the screen keeps counting without a word of it', async () => {
      assert.equal((await t.call('clerk', { method: 'PUT', url: url('/present'), payload: { present: 4 } })).statusCode, 200);
      const o = await overview();
      assert.equal(o.verdict.status, 'no-quorum');
      assert.match(o.verdict.explanation.zh, /至少 5 人/);
      assert.match(o.verdict.nextStep.zh, /更正实到人数/);
      const b = await board();
      assert.equal(b.hold, null, 'an open session below quorum is still counting: no hold');
      assert.equal(b.participation.returned, 5);
      assert.doesNotMatch(JSON.stringify(b), VERDICT_WORDS);
    });

    it('counts sheets as sheets: a sheet with an invalid ballot is one sheet, its ballots are counted per form', async () => {
      assert.equal((await paper('P-002', 3)).statusCode, 201);
      const o = await overview();
      assert.equal(o.counts.returned, 6);
      assert.equal(o.counts.sheetsWithInvalid, 1);
      assert.equal(o.counts.invalidBallots, 1);
      assert.equal(o.counts.validBallots, 5);
      const report = (await t.call('clerk', { method: 'GET', url: url('/tally-report') })).json();
      assert.equal(report.counts.sheetsWithInvalid, 1);
      const html = (await t.call('clerk', { method: 'GET', url: url('/tally-report.html') })).body;
      for (const label of ['收回（份）', '含无效票（份）', '有效票（张，按评价方式计）', '弃权（项，按测评对象计）']) assert.ok(html.includes(label), label);
      assert.match(html, /下一步：/, 'the report says what to do about a session below quorum');
    });

    it('once closed below quorum, the screen holds on a neutral line and the office is told to rerun; counts no longer change', async () => {
      assert.equal((await t.call('organiser', { method: 'POST', url: url('/close') })).statusCode, 200);
      const o = await overview();
      assert.equal(o.verdict.status, 'no-quorum');
      assert.match(o.verdict.nextStep.zh, /新建一场测评会/);
      const b = await board();
      assert.equal(b.hold.zh, '测评已结束，结果经测评办公室核对后公布');
      assert.equal(b.participation, null);
      assert.doesNotMatch(JSON.stringify(b), VERDICT_WORDS);
      const present = await t.call('organiser', { method: 'PUT', url: url('/present'), payload: { present: 8 } });
      assert.equal(present.statusCode, 409);
      assert.match(present.json().error.message.zh, /已结束/);
      assert.equal((await t.call('organiser', { method: 'PUT', url: url('/paper-issued'), payload: { paperIssued: { 'g-office': 9 } } })).statusCode, 409);
    });
  });
}
