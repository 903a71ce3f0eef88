import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parseBundle } from '../../src/app/bundle/parse-bundle.js';
import { Fraction, parseExact } from '../../src/domain/exact.js';
import { tallyBundle } from '../../src/app/bundle/tally-bundle.js';
import { countBallots } from '../../src/db/repositories/ballots.js';
import { dialects } from '../helpers/db.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { CITY, COUNTIES, ratings, setup } from './fixtures.js';

for (const kind of dialects()) {
  describe(`rating in a session over the API (${kind})`, () => {
    let t: TestApp;
    let sessionId = '';
    let tokens: { token: string; code: string }[] = [];
    const ballotCount = () => countBallots(t.ctx.database.db, { campaignId: 'camp1' });

    before(async () => {
      t = await buildTestApp(kind);
      assert.equal((await t.call('organiser', { method: 'POST', url: '/api/units', payload: { units: [CITY, ...COUNTIES] } })).statusCode, 201);
      const created = await t.call('organiser', { method: 'POST', url: '/api/campaigns', payload: setup() });
      assert.equal(created.statusCode, 201, created.body);
      const session = await t.call('organiser', { method: 'POST', url: '/api/campaigns/camp1/sessions', payload: { name: '汇报点评会', instrumentIds: ['i-report'], expected: { 'g-office': 4 } } });
      assert.equal(session.statusCode, 201, session.body);
      sessionId = session.json().id;
      assert.equal((await t.call('organiser', { method: 'POST', url: `/api/sessions/${sessionId}/open` })).statusCode, 200);
      const issued = await t.call('clerk', { method: 'POST', url: `/api/sessions/${sessionId}/tokens`, payload: { raterGroupId: 'g-office', count: 4 } });
      assert.equal(issued.statusCode, 201, issued.body);
      tokens = issued.json();
    });
    after(() => t.close());

    it('refuses a ballot with 3 of 7 rated 好, naming the rule and the counts, and stores nothing', async () => {
      const res = await t.call(null, { method: 'POST', url: '/api/ballots', payload: { token: tokens[0]!.token, ballots: [{ instrumentId: 'i-report', ratings: ratings(3) }] } });
      assert.equal(res.statusCode, 422);
      const body = res.json();
      assert.equal(body.error.code, 'ballot_refused');
      const quota = body.error.details.find((d: { ruleId?: string }) => d.ruleId === 'r-good');
      assert.ok(quota, res.body);
      assert.equal(quota.params.allowed, 2);
      assert.equal(quota.params.actual, 3);
      assert.match(quota.message.zh, /好/);
      assert.equal(await ballotCount(), 0);
    });

    it('accepts the corrected ballot, and a re-send returns the same receipt without storing twice', async () => {
      const payload = { token: tokens[0]!.token, ballots: [{ instrumentId: 'i-report', ratings: ratings(2) }] };
      const first = await t.call(null, { method: 'POST', url: '/api/ballots', payload });
      assert.equal(first.statusCode, 201, first.body);
      const again = await t.call(null, { method: 'POST', url: '/api/ballots', payload });
      assert.equal(again.statusCode, 200);
      assert.equal(again.json().receipt, first.json().receipt);
      assert.equal(again.json().duplicate, true);
      assert.equal(await ballotCount(), 1);
    });

    it('refuses different content on a used token', async () => {
      const res = await t.call(null, { method: 'POST', url: '/api/ballots', payload: { token: tokens[0]!.token, ballots: [{ instrumentId: 'i-report', ratings: ratings(1) }] } });
      assert.equal(res.statusCode, 409);
      assert.equal(res.json().error.code, 'token_used');
      assert.equal(await ballotCount(), 1);
    });

    it('accepts the short code typed in lower case with spaces', async () => {
      const typed = tokens[1]!.code.toLowerCase().replace('-', ' ');
      const res = await t.call(null, { method: 'POST', url: '/api/ballots', payload: { code: typed, ballots: [{ instrumentId: 'i-report', ratings: ratings(0) }] } });
      assert.equal(res.statusCode, 201, res.body);
    });

    it('stores a rule-breaking paper ballot as invalid with its reason', async () => {
      const res = await t.call('clerk', { method: 'POST', url: `/api/sessions/${sessionId}/paper-ballots`, payload: { sheetNumber: 'P-001', raterGroupId: 'g-office', ballots: [{ instrumentId: 'i-report', ratings: ratings(3) }] } });
      assert.equal(res.statusCode, 201, res.body);
      assert.equal(res.json().valid, false);
      assert.equal(res.json().problems[0].code, 'quota_exceeded');
      assert.equal(await ballotCount(), 3);
    });

    it('refuses a paper ballot naming a subject that is not on the form, storing nothing', async () => {
      const bad = [...ratings(1).slice(0, 6), { subjectId: 's-nope', grade: 'good' }];
      const res = await t.call('clerk', { method: 'POST', url: `/api/sessions/${sessionId}/paper-ballots`, payload: { sheetNumber: 'P-002', raterGroupId: 'g-office', ballots: [{ instrumentId: 'i-report', ratings: bad }] } });
      assert.equal(res.statusCode, 422);
      assert.equal(await ballotCount(), 3);
    });

    it('counts valid and invalid ballots and ranks from the ballots alone', async () => {
      assert.equal((await t.call('organiser', { method: 'POST', url: `/api/sessions/${sessionId}/close` })).statusCode, 200);
      const res = await t.call('clerk', { method: 'GET', url: '/api/campaigns/camp1/results' });
      assert.equal(res.statusCode, 200, res.body);
      const results = res.json();
      assert.deepEqual(results.ballots, { total: 3, valid: 2, invalid: 1, excluded: 0 });
      const session = results.sessions[0];
      assert.equal(session.returned, 3);
      assert.equal(session.issued, 4);
      assert.equal(session.status, 'valid');
      const rows = results.rankings[0].rows;
      // Ballot A: k1,k2 好 (100), rest 较好 (85); ballot B: all 较好. So k1, k2 = 92.5; the others 85.
      assert.deepEqual(rows.map((r: { rank: number }) => r.rank), [1, 1, 3, 3, 3, 3, 3]);
      assert.equal(rows[0].total.display, '92.50');
      assert.equal(rows[2].total.display, '85.00');
      // 好 ≤ 40% of 7 = 2 units: k1 and k2 exactly fill it.
      assert.deepEqual(rows.map((r: { tier: string }) => r.tier), ['good', 'good', 'rest', 'rest', 'rest', 'rest', 'rest']);
    });

    it('reports participation per rater group: expected, issued and returned sheets', async () => {
      const res = await t.call('clerk', { method: 'GET', url: `/api/sessions/${sessionId}` });
      assert.equal(res.statusCode, 200, res.body);
      assert.deepEqual(res.json().groups, [{ groupId: 'g-office', name: '办公室', expected: 4, issued: 4, returned: 3 }]);
    });

    it('explains a total exactly, hiding the ballots of a group with fewer than 3', async () => {
      const res = await t.call('organiser', { method: 'GET', url: '/api/campaigns/camp1/results/rank-county/units/k1/explanation' });
      assert.equal(res.statusCode, 200, res.body);
      type Node = { kind: string; value: { exact: string; display: string } | null; weight: { exact: string }; hiddenForAnonymity: boolean; children: Node[] };
      const tree: Node = res.json();
      assert.equal(tree.value?.display, '92.50');
      const check = (n: Node): void => {
        // A hidden group shows no value; its parent still shows the total it makes up.
        if (n.children.length === 0 || n.children.some((c) => c.value === null)) return;
        const sum = n.children.reduce((acc, c) => acc.add(parseExact(c.weight.exact).mul(parseExact(c.value!.exact))), new Fraction(0));
        assert.ok(sum.equals(parseExact(n.value!.exact)), `${n.kind} ${n.value!.exact} != Σ ${sum.toFraction()}`);
        n.children.forEach(check);
      };
      check(tree);
      const groups: Node[] = [];
      const walk = (n: Node) => (n.kind === 'group' ? groups.push(n) : n.children.forEach(walk));
      walk(tree);
      assert.equal(groups.length, 1);
      assert.equal(groups[0]!.hiddenForAnonymity, true);
      assert.equal(groups[0]!.value, null);
      assert.deepEqual(groups[0]!.children, []);
    });

    it('checks the quota rules for the ballot sizes a session agenda makes: 40% of 3 allows one 好', async () => {
      const session = await t.call('organiser', { method: 'POST', url: '/api/campaigns/camp1/sessions', payload: { name: '片区会', instrumentIds: ['i-report'], agenda: ['s-k1', 's-k2', 's-k3'], expected: { 'g-office': 3 } } });
      assert.equal(session.statusCode, 201, session.body);
      const res = await t.call('organiser', { method: 'GET', url: '/api/campaigns/camp1/check' });
      assert.equal(res.statusCode, 200, res.body);
      const report = res.json().instruments[0];
      assert.ok(report.subjectCounts.includes(3), JSON.stringify(report.subjectCounts));
      const three = report.limits.find((l: { n: number }) => l.n === 3);
      assert.equal(three.rules.find((r: { ruleId: string }) => r.ruleId === 'r-good').allowed, 1);
    });

    it('exports a bundle that the offline tally reproduces digit for digit', async () => {
      const res = await t.call('organiser', { method: 'GET', url: '/api/campaigns/camp1/export' });
      assert.equal(res.statusCode, 200);
      const bundle = parseBundle(res.json());
      assert.equal(bundle.ballots.length, 3);
      const server = (await t.call('organiser', { method: 'GET', url: '/api/campaigns/camp1/results' })).json();
      const offline = JSON.parse(JSON.stringify(tallyBundle(bundle).results));
      // The export names ballots for itself (export-bundle.ts): the invalid paper ballot is the same under another name.
      assert.match(String(offline.invalidBallots.map((b: { ballotId: string }) => bundle.ballots.find((x) => x.id === b.ballotId)?.sheetId)), /^paper:[^,]*:P-001$/);
      server.invalidBallots = server.invalidBallots.map((b: { ballotId: string }, i: number) => ({ ...b, ballotId: offline.invalidBallots[i].ballotId }));
      assert.deepEqual(offline, server);
    });
  });
}
