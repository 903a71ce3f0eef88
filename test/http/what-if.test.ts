import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { loadDemo } from '../../src/app/demo/load-demo.js';
import { INSTRUMENT_IDS } from '../../src/demo/jincheng.js';
import { dialects } from '../helpers/db.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';

const DEMO = 'jincheng-2022-06';

for (const kind of dialects()) {
  describe(`what-if and rank stability (${kind})`, () => {
    let t: TestApp;
    let definitionBefore: unknown;
    let resultsBefore: { rankings: { rankingId: string; rows: { unitId: string; rank: number }[] }[] };
    before(async () => {
      t = await buildTestApp(kind);
      await loadDemo(t.ctx).catch(() => null);
      definitionBefore = (await t.call('organiser', { method: 'GET', url: `/api/campaigns/${DEMO}` })).json().definition;
      resultsBefore = (await t.call('organiser', { method: 'GET', url: `/api/campaigns/${DEMO}/results` })).json();
    });
    after(() => t.close());

    it('with the declared settings reproduces the ranking, every change 0', async () => {
      const res = await t.call('organiser', { method: 'POST', url: `/api/campaigns/${DEMO}/what-if`, payload: { rankingId: 'r-county' } });
      assert.equal(res.statusCode, 200, res.body);
      const body = res.json();
      assert.equal(body.stored, false);
      const stored = resultsBefore.rankings.find((r) => r.rankingId === 'r-county')!.rows.map((r) => [r.unitId, r.rank]);
      assert.deepEqual(body.rows.map((r: { unitId: string; rank: number }) => [r.unitId, r.rank]), stored);
      assert.ok(body.rows.every((r: { change: number }) => r.change === 0));
    });

    it('recomputes under other weights and methods with each unit’s rank change, storing nothing', async () => {
      const payload = {
        rankingId: 'r-county',
        weights: [
          { instrumentId: INSTRUMENT_IDS.observation, weight: 60 },
          { instrumentId: INSTRUMENT_IDS.taskforce, weight: '10' },
          { instrumentId: INSTRUMENT_IDS.report, weight: 10 },
          { instrumentId: INSTRUMENT_IDS.exchange, weight: 10 },
          { instrumentId: INSTRUMENT_IDS.case, weight: 10 },
        ],
        aggregation: { [INSTRUMENT_IDS.report]: { method: 'median' } },
      };
      const res = await t.call('admin', { method: 'POST', url: `/api/campaigns/${DEMO}/what-if`, payload });
      assert.equal(res.statusCode, 200, res.body);
      const body = res.json();
      assert.equal(body.weights.find((w: { instrumentId: string }) => w.instrumentId === INSTRUMENT_IDS.observation).scenario, '60');
      assert.deepEqual(body.aggregation[0].scenario, { method: 'median' });
      for (const row of body.rows) assert.equal(row.change, row.baselineRank - row.rank);
      const weighted = body.rows.map((r: { components: { contribution: { exact: string } }[]; adjustments: { exact: string }; total: { exact: string } }) => r);
      assert.equal(weighted.length, 6);
      assert.deepEqual((await t.call('organiser', { method: 'GET', url: `/api/campaigns/${DEMO}` })).json().definition, definitionBefore);
      assert.deepEqual((await t.call('organiser', { method: 'GET', url: `/api/campaigns/${DEMO}/results` })).json(), resultsBefore);
    });

    it('refuses weights that do not sum to 100, naming the sum', async () => {
      const res = await t.call('organiser', { method: 'POST', url: `/api/campaigns/${DEMO}/what-if`, payload: { rankingId: 'r-county', weights: [{ instrumentId: INSTRUMENT_IDS.observation, weight: 30 }] } });
      assert.equal(res.statusCode, 422, res.body);
      assert.equal(res.json().error.details[0].code, 'weights_not_100');
    });

    it('refuses an unknown ranking or instrument, and a clerk', async () => {
      assert.equal((await t.call('organiser', { method: 'POST', url: `/api/campaigns/${DEMO}/what-if`, payload: { rankingId: 'nope' } })).statusCode, 404);
      const unknown = await t.call('organiser', { method: 'POST', url: `/api/campaigns/${DEMO}/what-if`, payload: { rankingId: 'r-county', aggregation: { nope: { method: 'mean' } } } });
      assert.equal(unknown.statusCode, 422);
      assert.equal((await t.call('clerk', { method: 'POST', url: `/api/campaigns/${DEMO}/what-if`, payload: { rankingId: 'r-county' } })).statusCode, 403);
    });

    it('reports per unit the best and worst rank over the weight grid, the declared rank within', async () => {
      const res = await t.call('organiser', { method: 'GET', url: `/api/campaigns/${DEMO}/rankings/r-county/stability` });
      assert.equal(res.statusCode, 200, res.body);
      const body = res.json();
      assert.equal(body.grid, 'full');
      assert.equal(body.points, 51); // {−1,0,1}^5 with Σ = 0
      const stored = resultsBefore.rankings.find((r) => r.rankingId === 'r-county')!.rows;
      assert.deepEqual(body.units.map((u: { unitId: string }) => u.unitId), stored.map((r) => r.unitId));
      for (const u of body.units) {
        assert.ok(u.bestRank <= u.rank && u.rank <= u.worstRank, JSON.stringify(u));
        assert.equal(u.tierCanChange, u.tiers.length > 1);
        assert.ok(typeof u.name === 'string' && u.name.length > 0);
      }
      const still = await t.call('organiser', { method: 'GET', url: `/api/campaigns/${DEMO}/rankings/r-county/stability?step=0` });
      assert.ok(still.json().units.every((u: { rank: number; bestRank: number; worstRank: number }) => u.bestRank === u.rank && u.worstRank === u.rank));
      assert.equal((await t.call('organiser', { method: 'GET', url: `/api/campaigns/${DEMO}/rankings/nope/stability` })).statusCode, 404);
    });
  });
}
