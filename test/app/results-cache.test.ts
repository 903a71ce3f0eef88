/**
 * When a read may answer without the newest ballots (kernel/results-cache.ts): while the campaign is counted again or
 * another server's ballots are fetched, for at most `staleMs` after they were announced — then it waits. The cache's
 * clock is the test's, so what is answered does not depend on how fast the machine is.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createAppContext, type AppContext } from '../../src/app/context.js';
import { databaseTallySource, ResultsCache, type TallySource } from '../../src/app/kernel/results-cache.js';
import { loadDefinition } from '../../src/db/repositories/definition.js';
import { computeTally } from '../../src/app/results/compute-tally.js';
import { listBallotsAsCast } from '../../src/db/repositories/ballots.js';
import { dialects } from '../helpers/db.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { CITY, COUNTIES, ratings, setup } from '../http/fixtures.js';

for (const kind of dialects()) {
  describe(`results cache: what a read waits for (${kind})`, () => {
    let t: TestApp;
    /** A second context on the same database, as another server: it hears only what the test announces to it. */
    let reader: AppContext;
    let clock = 0;
    let sessionId = '';
    let tokens: string[] = [];
    const submit = async (n: number) => {
      for (let k = 0; k < n; k++) {
        const res = await t.call(null, { method: 'POST', url: '/api/ballots', payload: { token: tokens.shift()!, ballots: [{ instrumentId: 'i-report', ratings: ratings(k % 3) }] } });
        assert.equal(res.statusCode, 201, res.body);
      }
    };
    const counted = async () => (await computeTally(reader, 'camp1')).tally.ballots.total;

    before(async () => {
      t = await buildTestApp(kind);
      assert.equal((await t.call('organiser', { method: 'POST', url: '/api/units', payload: { units: [CITY, ...COUNTIES] } })).statusCode, 201);
      assert.equal((await t.call('organiser', { method: 'POST', url: '/api/campaigns', payload: setup() })).statusCode, 201);
      const session = await t.call('organiser', { method: 'POST', url: '/api/campaigns/camp1/sessions', payload: { name: '汇报点评会', instrumentIds: ['i-report'], expected: { 'g-office': 30 } } });
      sessionId = session.json().id;
      assert.equal((await t.call('organiser', { method: 'POST', url: `/api/sessions/${sessionId}/open` })).statusCode, 200);
      const issued = await t.call('clerk', { method: 'POST', url: `/api/sessions/${sessionId}/tokens`, payload: { raterGroupId: 'g-office', count: 30 } });
      tokens = (issued.json() as { token: string }[]).map((x) => x.token);
      reader = createAppContext(t.ctx.database, { results: { staleMs: 500, catchUpGapMs: 100, staleFromBallots: 1, now: () => clock } });
    });
    after(async () => {
      await reader.ballotWriter.close();
      await t.close();
    });

    it('answers with the last finished tally while counting again, until the change is older than staleMs', async () => {
      await submit(3);
      assert.equal(await counted(), 3);
      await submit(2);
      clock = 1000;
      reader.ballotFeed.emit({ sessionId, revised: true });
      clock = 1400;
      assert.equal(await counted(), 3, 'within staleMs: the last finished tally, the count goes on behind it');
      clock = 1501;
      assert.equal(await counted(), 5, 'past staleMs: the read waits for the count');
    });

    it('waits for the count of a campaign smaller than staleFromBallots: a read after a revision sees it', async () => {
      const small = createAppContext(t.ctx.database, { results: { staleMs: 500, now: () => clock } });
      try {
        const before = (await computeTally(small, 'camp1')).tally.ballots.total;
        await submit(1);
        clock += 10;
        small.ballotFeed.emit({ sessionId, revised: true });
        clock += 10;
        assert.equal((await computeTally(small, 'camp1')).tally.ballots.total, before + 1, 'counted again before answering');
      } finally {
        await small.ballotWriter.close();
      }
    });

    it('answers with what it has counted while another server’s ballots are fetched, and waits once they are too old', async () => {
      await submit(3);
      clock = 2000;
      reader.ballotFeed.emit({ sessionId, remote: true });
      clock = 2010;
      assert.equal(await counted(), 5, 'the fetch starts and the read does not wait for it');
      await submit(1);
      clock = 2050;
      reader.ballotFeed.emit({ sessionId, remote: true });
      clock = 2600;
      assert.equal(await counted(), 10, 'announced more than staleMs ago: fetched before answering');
    });

    it('reads the ballots another server announced by id, and counts their session per prefix at most every countGapMs', async () => {
      const calls = { all: 0, count: 0, ids: 0 };
      const db = databaseTallySource(t.ctx.database.db);
      const spy: TallySource = {
        all: (def) => {
          calls.all++;
          return db.all(def);
        },
        countByPrefix: (campaignId, sessions) => {
          calls.count++;
          return db.countByPrefix(campaignId, sessions);
        },
        withPrefixes: (def, session, prefixes) => db.withPrefixes(def, session, prefixes),
        withIds: (def, ids) => {
          calls.ids++;
          return db.withIds(def, ids);
        },
      };
      const cache = new ResultsCache(spy, { staleMs: 500, catchUpGapMs: 0, countGapMs: 1000, staleFromBallots: 1, now: () => clock });
      const total = async () => (await cache.tally((await loadDefinition(t.ctx.database.db, 'camp1'))!)).ballots.total;
      /** Submits here and answers the ids the writer stored them under, as the relay would announce them. */
      const submitted = async (n: number) => {
        const ids: string[] = [];
        const off = t.ctx.ballotFeed.on((e) => void ids.push(...(e.ballots ?? []).map((b) => b.id)));
        await submit(n).finally(off);
        return ids;
      };

      clock = 10_000;
      const first = await total();
      assert.deepEqual(calls, { all: 1, count: 0, ids: 0 });
      cache.heard({ sessionId, remote: true, ballotIds: await submitted(2) });
      clock = 10_600;
      assert.equal(await total(), first + 2, 'read by id once announced more than staleMs ago');
      assert.deepEqual(calls, { all: 1, count: 0, ids: 1 }, 'no count of the session, no count of the campaign');

      await submitted(1); // committed, its announcement lost
      clock = 10_700;
      cache.heard({ sessionId, remote: true, ballotIds: await submitted(1) });
      clock = 11_300;
      assert.equal(await total(), first + 3, 'the lost one is not known yet');
      assert.equal(calls.count, 0, 'within countGapMs of the count that started at 10,000: ids only');

      clock = 11_400;
      cache.heard({ sessionId, remote: true, ballotIds: await submitted(1) });
      clock = 12_000;
      assert.equal(await total(), first + 5, 'the next announcement, countGapMs after the last count, counts the session');
      assert.deepEqual(calls, { all: 1, count: 1, ids: 3 });
    });

    it('finishes a large campaign at most every finishGapMs, never leaving out what was announced more than staleMs ago', async () => {
      /** The ballots this server stored, as its writer announces them: those not in `seen`. */
      const stored = async (seen: Set<string>) => (await listBallotsAsCast(t.ctx.database.db, 'camp1')).filter((b) => !seen.has(b.id));
      const ids = async () => new Set((await listBallotsAsCast(t.ctx.database.db, 'camp1')).map((b) => b.id));
      for (const finishGapMs of [300, 10_000]) {
        const ctx = createAppContext(t.ctx.database, { results: { staleMs: 500, staleFromBallots: 1, finishGapMs, now: () => clock } });
        try {
          const count = async () => (await computeTally(ctx, 'camp1')).tally.ballots.total;
          clock = 5000;
          const first = await count();
          const seen = await ids();
          await submit(2);
          clock = 5010;
          ctx.ballotFeed.emit({ sessionId, ballots: await stored(seen) });
          clock = 5100;
          assert.equal(await count(), first, 'within the gap and staleMs: the last finish');
          if (finishGapMs === 300) {
            clock = 5301;
            assert.equal(await count(), first + 2, 'the gap has passed: finished again');
          } else {
            clock = 5510;
            assert.equal(await count(), first, 'announced staleMs ago: still the last finish');
            clock = 5511;
            assert.equal(await count(), first + 2, 'announced more than staleMs ago: finished again, whatever the gap');
          }
        } finally {
          await ctx.ballotWriter.close();
        }
      }
    });
  });
}
