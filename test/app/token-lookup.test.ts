/** Token look-ups of one turn share one query (on SQLite and PostgreSQL), and answer exactly as one look-up each would. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { KEPT_REDEEMED, TokenLookup } from '../../src/app/kernel/token-lookup.js';
import { findTokensBy, type FoundToken } from '../../src/db/repositories/tokens.js';
import type { Database } from '../../src/db/database.js';
import { createTestDb, dialects, issueSmallCampaignTokens, seedSmallCampaign } from '../helpers/db.js';

for (const kind of dialects()) {
  describe(`token look-up (${kind})`, () => {
    let database: Database;

    before(async () => {
      database = await createTestDb(kind);
      await seedSmallCampaign(database);
      await issueSmallCampaignTokens(database, 6);
    });
    after(() => database.close());

    it('finds each token of a turn by its hash or code, unknown ones as null, a repeated one twice', async () => {
      const lookup = new TokenLookup(database);
      const found = await Promise.all([
        lookup.byTokenHash('th-0'),
        lookup.byTokenHash('th-3'),
        lookup.byTokenHash('th-nowhere'),
        lookup.byTokenHash('th-3'),
        lookup.byCodeHash('ch-5'),
        lookup.byCodeHash('ch-nowhere'),
      ]);
      assert.deepEqual(found.map((t) => t?.id ?? null), ['tok-0', 'tok-3', null, 'tok-3', 'tok-5', null]);
      assert.equal(found[0]!.status, 'issued');
      assert.equal(found[0]!.sessionId, 'sess-1');
      // One query per column for the whole turn.
      assert.equal(lookup.queries, 2);
      // The next turn asks again.
      assert.equal((await lookup.byTokenHash('th-1'))?.id, 'tok-1');
      assert.equal(lookup.queries, 3);
    });

    it('runs one query per column at a time: look-ups of later turns wait for it and share the next', async () => {
      let release!: () => void;
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      const batches: string[][] = [];
      const lookup = new TokenLookup(database, async (db, column, hashes) => {
        batches.push([...hashes]);
        if (batches.length === 1) await held;
        return findTokensBy(db, column, hashes);
      });
      const turn = () => new Promise((resolve) => setImmediate(resolve));
      const first = lookup.byTokenHash('th-0');
      await turn();
      const later = [lookup.byTokenHash('th-1')];
      await turn();
      later.push(lookup.byTokenHash('th-2'), lookup.byCodeHash('ch-3'));
      await turn();
      assert.deepEqual(batches, [['th-0'], ['ch-3']], 'the token column waits for its running query; the code column does not');
      release();
      assert.equal((await first)?.id, 'tok-0');
      assert.deepEqual((await Promise.all(later)).map((t) => t?.id), ['tok-1', 'tok-2', 'tok-3']);
      assert.deepEqual(batches, [['th-0'], ['ch-3'], ['th-1', 'th-2']]);
    });

    it('keeps a redeemed token for one submission: only an issued one in an open session, the oldest dropped past the bound', async () => {
      const lookup = new TokenLookup(database);
      const found = (await lookup.byTokenHash('th-0'))!;
      lookup.keepRedeemed(found);
      assert.equal(lookup.takeRedeemed('th-0'), null, 'its session is not open');
      const token: FoundToken = { ...found, sessionStatus: 'open' };
      lookup.keepRedeemed(token);
      assert.equal(lookup.takeRedeemed('th-0'), token);
      assert.equal(lookup.takeRedeemed('th-0'), null, 'taken once');
      lookup.keepRedeemed({ ...token, status: 'used' });
      lookup.keepRedeemed({ ...token, tokenHash: 'th-r', status: 'revoked' });
      lookup.keepRedeemed({ ...token, tokenHash: 'th-c', sessionStatus: 'closed' });
      assert.deepEqual([lookup.takeRedeemed('th-0'), lookup.takeRedeemed('th-r'), lookup.takeRedeemed('th-c')], [null, null, null]);
      const nth = (i: number): FoundToken => ({ ...token, tokenHash: `th-n${i}` });
      for (let i = 0; i <= KEPT_REDEEMED; i++) lookup.keepRedeemed(nth(i));
      assert.equal(lookup.takeRedeemed('th-n0'), null, 'the oldest was dropped');
      assert.equal(lookup.takeRedeemed('th-n1')?.tokenHash, 'th-n1');
      assert.equal(lookup.takeRedeemed(`th-n${KEPT_REDEEMED}`)?.tokenHash, `th-n${KEPT_REDEEMED}`);
      assert.equal(lookup.queries, 1);
    });
  });
}
