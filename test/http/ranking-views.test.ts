/**
 * The console's purpose-built reads: a ranking board and a unit card, picked from the same tally as the full results,
 * with the same gate (unit viewers: published only, own units only) and no ballot-level data.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { appendBallots } from '../../src/db/repositories/ballots.js';
import { setSessionPresent, updateSessionStatus } from '../../src/db/repositories/sessions.js';
import { updateCampaignStatus } from '../../src/db/repositories/campaigns.js';
import { parseExact } from '../../src/domain/exact.js';
import { addViewer, buildTestApp, type TestApp } from '../helpers/app.js';
import { dialects, NOW, reportBallot, seedSmallCampaign } from '../helpers/db.js';

interface Row {
  rank: number;
  unitId: string;
  name: string;
  total: { exact: string; display: string };
  tier: string | null;
  tierTie: boolean;
  components: { instrumentId: string; score: { exact: string; display: string } | null; contribution: { display: string }; source: string }[];
}

for (const kind of dialects()) {
  describe(`ranking board and unit card (${kind})`, () => {
    let t: TestApp;
    let results: { name: string; rankings: { rankingId: string; name: string; tiers: unknown[]; rows: Row[] }[] };

    before(async () => {
      t = await buildTestApp(kind);
      await seedSmallCampaign(t.ctx.database);
      await appendBallots(t.ctx.database.db, [reportBallot('sheet-1', 0), reportBallot('sheet-2', 1), reportBallot('sheet-3', 1)]);
      await addViewer(t, 'u-c1');
      results = (await t.call('organiser', { method: 'GET', url: '/api/campaigns/c-1/results' })).json();
    });
    after(() => t.close());

    it('lists the rankings with their row counts', async () => {
      const res = await t.call('clerk', { method: 'GET', url: '/api/campaigns/c-1/rankings' });
      assert.equal(res.statusCode, 200, res.body);
      const body = res.json();
      assert.equal(body.name, results.name);
      assert.deepEqual(body.rankings.map((r: { rankingId: string; rowCount: number }) => [r.rankingId, r.rowCount]), results.rankings.map((r) => [r.rankingId, r.rows.length]));
    });

    it('a board carries one ranking’s rows as the full results rank them, and nothing per subject or ballot', async () => {
      for (const ranking of results.rankings) {
        const res = await t.call('organiser', { method: 'GET', url: `/api/campaigns/c-1/rankings/${ranking.rankingId}` });
        assert.equal(res.statusCode, 200, res.body);
        const board = res.json();
        assert.deepEqual(board.ranking.tiers, ranking.tiers);
        assert.deepEqual(Object.keys(board).sort(), ['ballots', 'campaignId', 'name', 'ranking', 'rankings']);
        assert.deepEqual(
          board.ranking.rows.map((r: { rank: number; unitId: string; total: unknown; tier: string | null; tierTie: boolean; components: { score: string | null }[] }) => [r.rank, r.unitId, r.total, r.tier, r.tierTie, r.components.map((c) => c.score)]),
          ranking.rows.map((r) => [r.rank, r.unitId, r.total, r.tier, r.tierTie, r.components.map((c) => c.score?.display ?? null)]),
        );
        assert.deepEqual(board.ranking.components.map((c: { instrumentId: string }) => c.instrumentId), ranking.rows[0]!.components.map((c) => c.instrumentId));
        assert.doesNotMatch(res.body, /ballotId|sheet-|"groups"/);
      }
      assert.equal((await t.call('organiser', { method: 'GET', url: '/api/campaigns/c-1/rankings/nope' })).statusCode, 404);
      assert.equal((await t.call('organiser', { method: 'GET', url: '/api/campaigns/c-nope/rankings/r-county' })).statusCode, 404);
    });

    it('a unit card has the unit’s row and each component’s average over the ranking', async () => {
      const ranking = results.rankings.find((r) => r.rankingId === 'r-county')!;
      const row = ranking.rows.find((r) => r.unitId === 'u-c1')!;
      const res = await t.call('admin', { method: 'GET', url: '/api/campaigns/c-1/rankings/r-county/units/u-c1' });
      assert.equal(res.statusCode, 200, res.body);
      const card = res.json();
      assert.deepEqual(card.row, row);
      assert.equal(card.ranking.rowCount, ranking.rows.length);
      row.components.forEach((c, i) => {
        const scores = ranking.rows.map((r) => r.components[i]!.score).filter((s) => s !== null);
        const avg = card.averages[i];
        assert.equal(avg.instrumentId, c.instrumentId);
        assert.equal(avg.count, scores.length);
        if (scores.length === 0) assert.equal(avg.average, null);
        else {
          const mean = scores.reduce((a, s) => a.add(parseExact(s.exact)), parseExact('0')).div(scores.length);
          assert.ok(parseExact(avg.average.exact).equals(mean), `${c.instrumentId}: ${avg.average.exact}`);
        }
      });
      assert.doesNotMatch(res.body, /ballotId|sheet-/);
      assert.equal((await t.call('admin', { method: 'GET', url: '/api/campaigns/c-1/rankings/r-county/units/u-nowhere' })).statusCode, 404);
      assert.equal((await t.call('admin', { method: 'GET', url: '/api/campaigns/c-1/rankings/nope/units/u-c1' })).statusCode, 404);
    });

    it('a unit viewer: nothing before publication, then only its own rows, never another county’s card', async () => {
      const viewer = (url: string) => t.call('viewer', { method: 'GET', url });
      for (const url of ['/api/campaigns/c-1/rankings', '/api/campaigns/c-1/rankings/r-county', '/api/campaigns/c-1/rankings/r-county/units/u-c1']) {
        const res = await viewer(url);
        assert.equal(res.statusCode, 403, url);
        assert.equal(res.json().error.code, 'forbidden');
      }
      const db = t.ctx.database.db;
      assert.ok(await updateCampaignStatus(db, 'c-1', 'draft', 'active', NOW));
      assert.ok(await updateCampaignStatus(db, 'c-1', 'active', 'published', NOW));

      const full = (await viewer('/api/campaigns/c-1/results')).json();
      const board = (await viewer('/api/campaigns/c-1/rankings/r-county')).json();
      assert.deepEqual(board.ranking.rows.map((r: { unitId: string }) => r.unitId), ['u-c1']);
      assert.deepEqual(board.ranking.rows.map((r: { unitId: string }) => r.unitId), full.rankings.find((r: { rankingId: string }) => r.rankingId === 'r-county').rows.map((r: { unitId: string }) => r.unitId));
      assert.deepEqual((await viewer('/api/campaigns/c-1/rankings')).json().rankings.map((r: { rowCount: number }) => r.rowCount), full.rankings.map((r: { rows: unknown[] }) => r.rows.length));

      const card = await viewer('/api/campaigns/c-1/rankings/r-county/units/u-c1');
      assert.equal(card.statusCode, 200, card.body);
      assert.equal(card.json().ranking.rowCount, 1);
      // Its radar compares it with the level's published average (every county with a score), not with itself.
      await setSessionPresent(db, 'sess-1', 9); // a quorum, so the session's sheets count
      const full6 = (sheetId: string) => ({
        ...reportBallot(sheetId, 0, false),
        ratings: ['good', 'fair', 'ok', 'poor', 'fair', 'ok'].map((grade, i) => ({ subjectId: `s-u-c${i + 1}`, grade })),
      });
      await appendBallots(db, [full6('sheet-4'), full6('sheet-5')]);
      // 汇报评 shows its scores after the session closes.
      assert.ok(await updateSessionStatus(db, 'sess-1', 'draft', 'open', NOW));
      assert.ok(await updateSessionStatus(db, 'sess-1', 'open', 'closed', NOW));
      const card2 = (await viewer('/api/campaigns/c-1/rankings/r-county/units/u-c1')).json();
      const office = (await t.call('organiser', { method: 'GET', url: '/api/campaigns/c-1/rankings/r-county/units/u-c1' })).json();
      const report = card2.averages.find((a: { instrumentId: string }) => a.instrumentId === 'i-report');
      assert.equal(report.count, 6, 'every county was rated: the average is over all six, though the viewer sees one');
      assert.deepEqual(card2.averages, office.averages);
      for (const other of ['u-c2', 'u-c5', 'u-jincheng', 'u-nowhere']) {
        const res = await viewer(`/api/campaigns/c-1/rankings/r-county/units/${other}`);
        assert.equal(res.statusCode, 403, other);
        assert.doesNotMatch(res.body, /"total"/);
      }
    });
  });
}
