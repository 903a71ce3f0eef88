import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Database } from '../../src/db/database.js';
import { findTokenByCodeHash, findTokenByHash, issueTokens, markTokenUsed, revokeToken } from '../../src/db/repositories/tokens.js';
import { createTestDb, dialects, seedSmallCampaign } from '../helpers/db.js';

for (const kind of dialects()) {
  describe(`tokens (${kind})`, () => {
    let database: Database;
    before(async () => {
      database = await createTestDb(kind);
      await seedSmallCampaign(database);
      await issueTokens(
        database.db,
        [1, 2, 3].map((i) => ({
          id: `t-${i}`,
          campaignId: 'c-1',
          sessionId: 'sess-1',
          raterGroupId: 'g-office',
          tokenHash: `th-${i}`,
          codeHash: `ch-${i}`,
          boundUnitId: i === 1 ? 'u-c1' : null,
          raterName: null,
        })),
      );
    });
    after(() => database.close());

    it('finds a token by its hash or its code hash, never by the secret', async () => {
      const token = await findTokenByHash(database.db, 'th-1');
      assert.equal(token?.id, 't-1');
      assert.equal(token?.boundUnitId, 'u-c1');
      assert.equal(token?.status, 'issued');
      assert.equal((await findTokenByCodeHash(database.db, 'ch-2'))?.id, 't-2');
      assert.equal(await findTokenByHash(database.db, 'unknown'), null);
    });

    it('lets exactly one of many concurrent uses win', async () => {
      const wins = await Promise.all(Array.from({ length: 8 }, (_, i) => markTokenUsed(database.db, 't-2', `r-${i}`)));
      assert.equal(wins.filter(Boolean).length, 1);
      const token = await findTokenByHash(database.db, 'th-2');
      assert.equal(token?.status, 'used');
      assert.equal(token?.receipt, `r-${wins.indexOf(true)}`);
    });

    it('cannot use a revoked token', async () => {
      assert.equal(await revokeToken(database.db, 't-3'), true);
      assert.equal(await markTokenUsed(database.db, 't-3', 'r'), false);
    });

    it('refuses a second token with the same hash', async () => {
      await assert.rejects(
        issueTokens(database.db, [
          { id: 't-9', campaignId: 'c-1', sessionId: 'sess-1', raterGroupId: 'g-office', tokenHash: 'th-1', codeHash: 'ch-9', boundUnitId: null, raterName: null },
        ]),
      );
    });
  });
}
