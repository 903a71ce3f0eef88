import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CampaignSetup } from '../../src/contracts/api.js';
import type { GradeInstrument } from '../../src/domain/types.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { dialects } from '../helpers/db.js';
import { CITY, COUNTIES, ratings, setup } from './fixtures.js';

/** The fixture campaign, with the task force (named) also rating, and "较好或以下 ≥ 25%" counted over rated subjects. */
function formSetup(): CampaignSetup {
  const s = setup();
  const report = s.instruments[0] as GradeInstrument;
  report.groupWeights.push({ groupId: 'g-tf', weight: '1' });
  report.quotaRules[1]!.base = 'rated';
  return s;
}

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

for (const kind of dialects()) {
  describe(`the phone ballot form (${kind})`, () => {
    let t: TestApp;
    let sessionId = '';
    let agendaSessionId = '';
    let office: { token: string; code: string }[] = [];
    let boundToK1: { token: string; code: string }[] = [];
    let named: { token: string; code: string }[] = [];
    const form = (payload: object) => t.call(null, { method: 'POST', url: '/api/ballot-form', payload });

    before(async () => {
      t = await buildTestApp(kind);
      assert.equal((await t.call('organiser', { method: 'POST', url: '/api/units', payload: { units: [CITY, ...COUNTIES] } })).statusCode, 201);
      const created = await t.call('organiser', { method: 'POST', url: '/api/campaigns', payload: formSetup() });
      assert.equal(created.statusCode, 201, created.body);
      const newSession = async (payload: object) => {
        const res = await t.call('organiser', { method: 'POST', url: '/api/campaigns/camp1/sessions', payload });
        assert.equal(res.statusCode, 201, res.body);
        const id: string = res.json().id;
        assert.equal((await t.call('organiser', { method: 'POST', url: `/api/sessions/${id}/open` })).statusCode, 200);
        return id;
      };
      const issue = async (id: string, payload: object) => {
        const res = await t.call('clerk', { method: 'POST', url: `/api/sessions/${id}/tokens`, payload });
        assert.equal(res.statusCode, 201, res.body);
        return res.json();
      };
      sessionId = await newSession({ name: '汇报点评会', instrumentIds: ['i-report'], expected: { 'g-office': 4, 'g-tf': 1 } });
      office = await issue(sessionId, { raterGroupId: 'g-office', count: 2 });
      boundToK1 = await issue(sessionId, { raterGroupId: 'g-office', count: 1, boundUnitIds: ['k1'] });
      named = await issue(sessionId, { raterGroupId: 'g-tf', count: 1, raterNames: ['张专班'] });
      agendaSessionId = await newSession({ name: '五县点评会', instrumentIds: ['i-report'], agenda: ['s-k1', 's-k2', 's-k3', 's-k4', 's-k5'], expected: { 'g-office': 1 } });
    });
    after(() => t.close());

    it('shows an issued token its campaign, session, group and the 7 subjects with 好 capped at 2', async () => {
      const res = await form({ token: office[0]!.token });
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.headers['cache-control'], 'no-store');
      const body = res.json();
      assert.deepEqual(body.campaign, { name: '测试活动' });
      assert.deepEqual(body.session, { id: sessionId, name: '汇报点评会', status: 'open' });
      assert.deepEqual(body.token, { status: 'issued', receipt: null });
      assert.deepEqual(body.group, { name: '办公室', mode: 'anonymous', raterName: null });
      assert.equal(body.instruments.length, 1);
      const report = body.instruments[0];
      assert.equal(report.kind, 'grade');
      assert.equal(report.allowAbstain, true);
      assert.deepEqual(report.grades.map((g: { label: string }) => g.label), ['好', '较好', '一般', '差']);
      assert.deepEqual(report.subjects.map((s: { name: string }) => s.name), COUNTIES.map((k) => k.name));
      const good = report.rules.find((r: { id: string }) => r.id === 'r-good');
      assert.equal(good.allowed, 2);
      assert.equal(good.title, '好 ≤ 40%');
      assert.equal(good.allowedByRated, null);
      assert.equal(good.description.zh, '本票最多 2 个“好”');
      const low = report.rules.find((r: { id: string }) => r.id === 'r-low');
      assert.equal(low.bound, 'min');
      assert.equal(low.base, 'rated');
      // ⌈25% × k⌉ for k = 0…7 rated subjects.
      assert.deepEqual(low.allowedByRated, [0, 1, 1, 1, 1, 2, 2, 2]);
    });

    it('leaves the rater’s own county off the ballot and counts the quota over the 6 others', async () => {
      const report = (await form({ token: boundToK1[0]!.token })).json().instruments[0];
      assert.deepEqual(report.subjects.map((s: { id: string }) => s.id), ['s-k2', 's-k3', 's-k4', 's-k5', 's-k6', 's-k7']);
      assert.equal(report.rules[0].allowed, 2);
      assert.equal(report.rules[1].allowedByRated.length, 7);
    });

    it('limits the ballot to the session’s agenda', async () => {
      const res = await t.call('clerk', { method: 'POST', url: `/api/sessions/${agendaSessionId}/tokens`, payload: { raterGroupId: 'g-office', count: 1 } });
      const report = (await form({ token: res.json()[0].token })).json().instruments[0];
      assert.equal(report.subjects.length, 5);
      assert.equal(report.rules[0].allowed, 2);
      assert.equal(report.rules[0].description.en, 'At most 2 × 好 on this ballot');
    });

    it('finds the form by the short code typed in lower case with a space', async () => {
      const res = await form({ code: office[1]!.code.toLowerCase().replace('-', ' ') });
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().instruments[0].subjects.length, 7);
    });

    it('carries no token ids, hashes or other raters’ data; a named token shows only its own signer', async () => {
      const anonymous = (await form({ token: office[0]!.token })).json();
      const keys = keysOf(anonymous);
      for (const leak of ['tokenId', 'tokenHash', 'codeHash', 'boundUnitId', 'sheetId', 'ballots', 'points', 'groupWeights', 'expected']) {
        assert.ok(!keys.has(leak), `form leaks ${leak}`);
      }
      assert.ok(!JSON.stringify(anonymous).includes('张专班'));
      const signed = (await form({ token: named[0]!.token })).json();
      assert.deepEqual(signed.group, { name: '工作专班', mode: 'named', raterName: '张专班' });
    });

    it('after submission answers the receipt instead of the form', async () => {
      const submit = await t.call(null, { method: 'POST', url: '/api/ballots', payload: { token: office[0]!.token, ballots: [{ instrumentId: 'i-report', ratings: ratings(2) }] } });
      assert.equal(submit.statusCode, 201, submit.body);
      const body = (await form({ token: office[0]!.token })).json();
      assert.deepEqual(body.token, { status: 'used', receipt: submit.json().receipt });
      assert.deepEqual(body.instruments, []);
    });

    it('refuses unknown tokens and malformed requests with bilingual errors', async () => {
      const unknown = await form({ token: 'A'.repeat(22) });
      assert.equal(unknown.statusCode, 404);
      assert.equal(unknown.json().error.code, 'token_unknown');
      assert.match(unknown.json().error.message.zh, /测评码无效/);
      assert.equal((await form({ code: 'ZZZZ-ZZZZ' })).statusCode, 404);
      assert.equal((await form({})).statusCode, 400);
      assert.equal((await form({ token: office[0]!.token, code: office[1]!.code })).statusCode, 400);
    });

    it('reports a closed session so the phone can say so', async () => {
      assert.equal((await t.call('organiser', { method: 'POST', url: `/api/sessions/${sessionId}/close` })).statusCode, 200);
      const body = (await form({ token: office[1]!.token })).json();
      assert.equal(body.session.status, 'closed');
      assert.equal(body.token.status, 'issued');
    });

    it('is declared a rater route', () => {
      const row = t.app.accessTable.find((r) => r.url === '/api/ballot-form');
      assert.equal(row?.access, 'rater');
    });
  });
}
