/**
 * The results kept current as ballots arrive (kernel/results-cache.ts, issue #16 § 2): whatever the sequence — sheets
 * submitted here between reads, sheets another server stored, a revision, a closed session, a late paper sheet — the
 * results read over HTTP equal a count from scratch of the ballots in the database, on both engines.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { createAppContext, type AppContext } from '../../src/app/context.js';
import { appendBallots } from '../../src/db/repositories/ballots.js';
import { loadDefinition } from '../../src/db/repositories/definition.js';
import { listBallotsForTally } from '../../src/db/repositories/tally-ballots.js';
import { presentTally } from '../../src/domain/present.js';
import { tallyCampaign } from '../../src/domain/tally.js';
import { buildApp } from '../../src/http/app.js';
import { storedBallot } from '../../src/app/ballots/stored-ballot.js';
import { indexDefinition } from '../../src/domain/definition-index.js';
import { dialects } from '../helpers/db.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { CITY, COUNTIES, setup } from './fixtures.js';

const GRADES = ['good', 'fair', 'avg', 'poor'];

/** A sheet from a seed: at most 2 of 7 counties 好 (valid online), now and then an abstention. */
function sheetRatings(seed: number, good = seed % 3): { subjectId: string; grade?: string; abstain?: true }[] {
  return COUNTIES.map((k, i) => {
    if ((seed + i) % 11 === 0) return { subjectId: `s-${k.id}`, abstain: true as const };
    return { subjectId: `s-${k.id}`, grade: i < good ? 'good' : GRADES[1 + ((seed * 7 + i) % 3)]! };
  });
}

for (const kind of dialects()) {
  describe(`results kept current as ballots arrive (${kind})`, () => {
    let t: TestApp;
    /** A second server on the same database: its own caches and writer, no relay (the test announces for it). */
    let other: { ctx: AppContext; app: FastifyInstance };
    let sessionId = '';
    let tokens: string[] = [];
    let used = 0;

    const fromScratch = async () => {
      const def = (await loadDefinition(t.ctx.database.db, 'camp1'))!;
      const ballots = await listBallotsForTally(t.ctx.database.db, 'camp1', def.instruments);
      return JSON.parse(JSON.stringify(presentTally(def, tallyCampaign(def, ballots)))) as unknown;
    };
    const read = async () => {
      const res = await t.call('organiser', { method: 'GET', url: '/api/campaigns/camp1/results' });
      assert.equal(res.statusCode, 200, res.body);
      return res.json() as { ballots: { total: number } };
    };
    const submit = async (app: FastifyInstance, seed: number) => {
      const res = await app.inject({ method: 'POST', url: '/api/ballots', payload: { token: tokens[used++]!, ballots: [{ instrumentId: 'i-report', ratings: sheetRatings(seed) }] } });
      assert.equal(res.statusCode, 201, res.body);
    };
    /** Reads until the results equal a count from scratch; fails after `ms`. Answers how many reads it took. */
    const readsUntilExact = async (ms: number) => {
      const started = Date.now();
      const expected = await fromScratch();
      for (let reads = 1; ; reads++) {
        const got = await read();
        try {
          assert.deepEqual(got, expected);
          return reads;
        } catch (error) {
          if (Date.now() - started > ms) throw error;
        }
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    };

    before(async () => {
      t = await buildTestApp(kind);
      assert.equal((await t.call('organiser', { method: 'POST', url: '/api/units', payload: { units: [CITY, ...COUNTIES] } })).statusCode, 201);
      assert.equal((await t.call('organiser', { method: 'POST', url: '/api/campaigns', payload: setup() })).statusCode, 201);
      const session = await t.call('organiser', { method: 'POST', url: '/api/campaigns/camp1/sessions', payload: { name: '汇报点评会', instrumentIds: ['i-report'], expected: { 'g-office': 60 } } });
      sessionId = session.json().id;
      assert.equal((await t.call('organiser', { method: 'POST', url: `/api/sessions/${sessionId}/open` })).statusCode, 200);
      const issued = await t.call('clerk', { method: 'POST', url: `/api/sessions/${sessionId}/tokens`, payload: { raterGroupId: 'g-office', count: 120 } });
      tokens = (issued.json() as { token: string }[]).map((x) => x.token);
      const ctx = createAppContext(t.ctx.database);
      other = { ctx, app: await buildApp(ctx, { logger: false }) };
    });
    after(async () => {
      await other.app.close();
      await other.ctx.ballotWriter.close();
      await t.close();
    });

    it('equals a count from scratch after every few sheets submitted here, and after a paper sheet that breaks a rule', async () => {
      assert.deepEqual(await read(), await fromScratch());
      for (let round = 0; round < 8; round++) {
        await Promise.all(Array.from({ length: 1 + (round % 4) }, (_, k) => submit(t.app, round * 10 + k)));
        if (round === 4) {
          const paper = await t.call('clerk', { method: 'POST', url: `/api/sessions/${sessionId}/paper-ballots`, payload: { sheetNumber: 'P-001', raterGroupId: 'g-office', ballots: [{ instrumentId: 'i-report', ratings: sheetRatings(3, 3) }] } });
          assert.equal(paper.statusCode, 201, paper.body);
          assert.equal(paper.json().valid, false);
        }
        // Read at once: this server's own ballots are in the very next read.
        assert.deepEqual(await read(), await fromScratch(), `round ${round}`);
      }
      const results = await read();
      assert.equal(results.ballots.total, 1 + 2 + 3 + 4 + 1 + 2 + 3 + 4 + 1);
    });

    it('adds the sheets another server stored once their session is announced, within a second', async () => {
      const before = await read();
      for (let k = 0; k < 5; k++) await submit(other.app, 100 + k);
      // Not announced yet: this server does not know of them (and counts nothing again).
      assert.deepEqual(await read(), before);
      t.ctx.ballotFeed.emit({ sessionId, remote: true });
      const reads = await readsUntilExact(1000);
      assert.ok(reads <= 3, `${reads} reads`);
      assert.equal((await read()).ballots.total, before.ballots.total + 5);
    });

    it('counts again when ballots replace an earlier revision', async () => {
      // Stored behind the feed's back and outside the session, then the session announced as revised: a fetch of the
      // session's new ballots would not find it, only a count from scratch does.
      const def = (await loadDefinition(t.ctx.database.db, 'camp1'))!;
      const index = indexDefinition(def);
      const ballot = { id: 'b_revision-0001', instrumentId: 'i-report', raterGroupId: 'g-office', raterName: null, boundUnitId: null, sessionId: null, sheetId: 'revised-sheet', channel: 'online' as const, ratings: sheetRatings(5) };
      await appendBallots(t.ctx.database.db, [storedBallot(index.instruments, ballot, { campaignId: 'camp1', receipt: 'REVISED1', enteredBy: null })]);
      t.ctx.ballotFeed.emit({ sessionId, revised: true });
      await readsUntilExact(1000);
    });

    it('counts again once the session is closed, and when a paper sheet comes after the close', async () => {
      assert.equal((await t.call('organiser', { method: 'POST', url: `/api/sessions/${sessionId}/close` })).statusCode, 200);
      assert.deepEqual(await read(), await fromScratch());
      const late = await t.call('clerk', { method: 'POST', url: `/api/sessions/${sessionId}/paper-ballots`, payload: { sheetNumber: 'P-002', raterGroupId: 'g-office', ballots: [{ instrumentId: 'i-report', ratings: sheetRatings(7) }] } });
      assert.equal(late.statusCode, 201, late.body);
      await readsUntilExact(1000);
    });
  });
}
