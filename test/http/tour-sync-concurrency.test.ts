/**
 * Sync is idempotent under concurrent duplicate sends: 20 phones × 22 stops, every sheet sent twice at the same
 * moment, leave exactly 440 sheets — one 201 and one 200 (duplicate, with the same receipt) per sheet — on each engine.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { dialects } from '../helpers/db.js';
import { countRows, json, planTour, seedTourCampaign, sendSheet, sheet } from '../helpers/tours.js';

const PHONES = 20;

for (const kind of dialects()) {
  describe(`tour sync under concurrent duplicates (${kind})`, () => {
    let t: TestApp;
    before(async () => {
      t = await buildTestApp(kind);
      await seedTourCampaign(t.ctx.database);
    });
    after(() => t.close());

    it('stores 20 × 22 sheets sent twice at once exactly once each', async () => {
      const plan = await planTour(t, PHONES);
      assert.equal(plan.stops.length, 22);
      const queue = plan.links.flatMap((link, p) => plan.stops.map((stop, s) => ({ link, body: sheet(stop, String(70 + ((p + s) % 50) / 2)) })));
      const answers = await Promise.all(queue.flatMap((q) => [sendSheet(t, q.link, q.body), sendSheet(t, q.link, q.body)]));

      const statuses = new Map<number, number>();
      for (const a of answers) statuses.set(a.statusCode, (statuses.get(a.statusCode) ?? 0) + 1);
      assert.deepEqual(Object.fromEntries(statuses), { 200: 440, 201: 440 });
      for (let i = 0; i < queue.length; i++) {
        const [a, b] = [answers[2 * i]!.json(), answers[2 * i + 1]!.json()] as { id: string; status: string; receivedAt: string; revision: number }[];
        assert.deepEqual([a!.status, b!.status].sort(), ['duplicate', 'stored']);
        assert.equal(a!.receivedAt, b!.receivedAt);
        assert.deepEqual([a!.revision, b!.revision], [1, 1]);
      }
      assert.equal(await countRows(t.ctx.database, 'tour_sheets'), 440);

      // The same queue synced again stores nothing new.
      const again = await Promise.all(queue.map((q) => sendSheet(t, q.link, q.body)));
      assert.ok(again.every((a) => a.statusCode === 200 && a.json().status === 'duplicate'));
      assert.equal(await countRows(t.ctx.database, 'tour_sheets'), 440);

      const progress = json<{ missing: unknown[]; stops: { received: number; expected: number }[] }>(await t.call('organiser', { method: 'GET', url: `/api/tours/${plan.tourId}/progress` }), 200);
      assert.deepEqual(progress.missing, []);
      assert.ok(progress.stops.every((s) => s.received === PHONES && s.expected === PHONES));
    });
  });
}
