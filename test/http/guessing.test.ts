/**
 * A hall behind one NAT address (issue #17 § 3): 2,100 raters each open their ballot by QR link and submit it, all
 * succeeding within two minutes, while a guesser on the same address tries short codes flat out — answered at once
 * for its first 20 misses, then one a second, then locked out of typing codes. The lock never touches a QR link, never
 * another address, and a valid code typed elsewhere still opens its ballot. Real wall-clock pace: the windows are
 * 15 minutes and the slow-down one second (the app's clock starts at a window's beginning, see windowAlignedClock).
 */
import assert from 'node:assert/strict';
import { randomInt } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { ensureAdmin } from '../../src/app/accounts/ensure-admin.js';
import { FREE_MISSES, GUESS_WINDOW_MS, LOCK_AFTER_MISSES, SLOW_MS } from '../../src/app/ballots/guess-guard.js';
import { createAppContext, type AppContext } from '../../src/app/context.js';
import { MESSAGES } from '../../src/contracts/messages.js';
import type { Database } from '../../src/db/database.js';
import { buildApp } from '../../src/http/app.js';
import { countBallots } from '../../src/db/repositories/ballots.js';
import { createTestDb, dialects } from '../helpers/db.js';
import { CITY, COUNTIES, ratings, setup } from './fixtures.js';
import type { FastifyInstance } from 'fastify';

const RATERS = 2100;
const HALL = '203.0.113.1';
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const randomCode = () => Array.from({ length: 10 }, () => ALPHABET[randomInt(32)]).join('');

/**
 * Wall-clock time at its real pace, started at the beginning of a 15-minute guessing window: on the plain clock, a run
 * that crossed a quarter hour began a new window halfway and counted its misses twice over.
 */
function windowAlignedClock(): () => Date {
  const real0 = Date.now();
  const start = real0 - (real0 % GUESS_WINDOW_MS) + GUESS_WINDOW_MS;
  return () => new Date(start + (Date.now() - real0));
}

for (const kind of dialects()) {
  describe(`a hall behind one address, with a guesser among it (${kind})`, () => {
    let database: Database;
    let ctx: AppContext;
    let app: FastifyInstance;
    let tokens: { token: string; code: string }[] = [];

    before(async () => {
      database = await createTestDb(kind);
      ctx = createAppContext(database, { clock: windowAlignedClock() });
      app = await buildApp(ctx, { logger: false });
      const bearer = { authorization: `Bearer ${(await ensureAdmin(ctx))!.accessToken}` };
      const post = async (url: string, payload?: object) => {
        const res = await app.inject({ method: 'POST', url, payload, headers: bearer });
        assert.ok(res.statusCode < 300, `${url}: ${res.statusCode} ${res.body}`);
        return res.json();
      };
      await post('/api/units', { units: [CITY, ...COUNTIES] });
      await post('/api/campaigns', setup());
      const session = await post('/api/campaigns/camp1/sessions', { name: '汇报点评会', instrumentIds: ['i-report'], expected: { 'g-office': RATERS + 2 } });
      await post(`/api/sessions/${session.id}/open`);
      tokens = await post(`/api/sessions/${session.id}/tokens`, { raterGroupId: 'g-office', count: RATERS + 2 });
    });
    after(async () => {
      await app.close();
      await ctx.ballotWriter.close();
      await database.close();
    });

    it('lets 2,100 raters vote while the guesser beside them is slowed, then locked out', async (t) => {
      const started = Date.now();
      const from = (address: string, url: string, payload: object) => app.inject({ method: 'POST', url, payload, remoteAddress: address });

      let raterFailures: string[] = [];
      let next = 0;
      const rater = async () => {
        while (next < RATERS) {
          const { token } = tokens[next++]!;
          const form = await from(HALL, '/api/ballot-form', { token });
          if (form.statusCode !== 200) raterFailures.push(`form ${form.statusCode}`);
          const sent = await from(HALL, '/api/ballots', { token, ballots: [{ instrumentId: 'i-report', ratings: ratings(1) }] });
          if (sent.statusCode !== 201) raterFailures.push(`ballot ${sent.statusCode} ${sent.body}`);
        }
      };

      const guesses: { status: number; ms: number }[] = [];
      let hallSeconds = Number.POSITIVE_INFINITY;
      const guesser = async () => {
        // Flat out: as fast as the answers come, until locked out and some more (bounded: a minute at most).
        while (Date.now() - started < 60_000 && guesses.filter((g) => g.status === 429).length < 8) {
          const at = Date.now();
          const res = await from(HALL, '/api/ballot-form', { code: randomCode() });
          guesses.push({ status: res.statusCode, ms: Date.now() - at });
          if (res.statusCode === 429) assert.equal(res.json().error.message.zh, MESSAGES.guessingLocked.zh);
        }
      };

      await Promise.all([
        Promise.all(Array.from({ length: 50 }, rater)).then(() => void (hallSeconds = (Date.now() - started) / 1000)),
        ...Array.from({ length: 4 }, guesser),
      ]);
      const seconds = hallSeconds;
      t.diagnostic(`${RATERS} raters in ${seconds.toFixed(1)} s; the guesser: ${guesses.length} tries, ${guesses.filter((g) => g.status === 404).length} misses answered, ${guesses.filter((g) => g.status === 429).length} refused`);

      raterFailures = raterFailures.slice(0, 5);
      assert.deepEqual(raterFailures, [], 'every rater voted');
      assert.equal(await countBallots(database.db, { campaignId: 'camp1' }), RATERS);
      assert.ok(seconds < 120, `the hall took ${seconds} s`);

      const misses = guesses.filter((g) => g.status === 404);
      // Tries already past the check when the lock fell are still answered: at most one per guesser in flight.
      assert.ok(misses.length >= LOCK_AFTER_MISSES && misses.length < LOCK_AFTER_MISSES + 4, `locked out after ${misses.length} misses`);
      assert.ok(guesses.some((g) => g.status === 429), 'locked out');
      assert.deepEqual(guesses.filter((g) => g.status !== 404 && g.status !== 429), []);
      // The first misses come at once; past the free ones each costs a second.
      const slowed = misses.filter((g) => g.ms >= SLOW_MS - 50).length;
      assert.ok(slowed >= LOCK_AFTER_MISSES - FREE_MISSES - 4, `${slowed} slowed misses`);
    });

    it('keeps a locked address out of typing codes only: its QR links pass, and a valid code typed elsewhere opens', async () => {
      const spare = tokens[RATERS]!;
      const typedHere = await app.inject({ method: 'POST', url: '/api/ballot-form', payload: { code: spare.code }, remoteAddress: HALL });
      assert.equal(typedHere.statusCode, 429, 'typing codes is paused on the guesser’s address');
      assert.equal((await app.inject({ method: 'POST', url: '/api/ballot-form', payload: { token: spare.token }, remoteAddress: HALL })).statusCode, 200);
      assert.equal((await app.inject({ method: 'POST', url: '/api/ballot-form', payload: { code: tokens[RATERS + 1]!.code }, remoteAddress: '198.51.100.7' })).statusCode, 200);
    });
  });
}
