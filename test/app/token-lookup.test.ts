/** Token look-ups of one turn share one query (on SQLite and PostgreSQL), and answer exactly as one look-up each would. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { TokenLookup } from '../../src/app/kernel/token-lookup.js';
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
  });
}
