/**
 * Migration 0018 (decision 0021): the tokens handed out are counted by a `revoked` flag the database derives from
 * `status`, so claiming a token (issued → used) changes no indexed value — on PostgreSQL a HOT update — and the counts
 * stay what they were: every token but the revoked ones.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sql } from 'kysely';
import { migrateToLatest } from '../../src/db/migrations/index.js';
import { tokenIssuedCounts } from '../../src/db/repositories/sessions.js';
import { issueTokens, markTokensUsed, revokeToken } from '../../src/db/repositories/tokens.js';
import { createTestDb, dialects, issueSmallCampaignTokens, seedSmallCampaign } from '../helpers/db.js';

for (const kind of dialects()) {
  describe(`migration 0018-token-claims (${kind})`, () => {
    it('counts the tokens handed out as before, and keeps counting them right after claims and revocations', async () => {
      const database = await createTestDb(kind, '0017-tours');
      try {
        await seedSmallCampaign(database);
        await issueSmallCampaignTokens(database, 6);
        assert.deepEqual(await markTokensUsed(database.db, [{ tokenId: 'tok-0', receipt: 'R-0' }]), new Set(['tok-0']));
        assert.equal(await revokeToken(database.db, 'tok-1'), true);

        await migrateToLatest(database);
        // Six issued before the migration, one of them revoked (the used one counts: it was handed out).
        assert.deepEqual(Object.fromEntries(await tokenIssuedCounts(database.db, 'c-1')), { 'sess-1': { 'g-office': 5 } });
        const revoked = await sql<{ id: string; revoked: unknown }>`select id, revoked from tokens order by id`.execute(database.db);
        assert.deepEqual(revoked.rows.map((r) => [r.id, Boolean(r.revoked)]), [0, 1, 2, 3, 4, 5].map((i) => [`tok-${i}`, i === 1]));

        // A claim keeps the token counted; a revocation takes it out; a new token comes in.
        assert.deepEqual(await markTokensUsed(database.db, [{ tokenId: 'tok-2', receipt: 'R-2' }]), new Set(['tok-2']));
        assert.equal(await revokeToken(database.db, 'tok-3'), true);
        await issueTokens(database.db, [{ id: 'tok-6', campaignId: 'c-1', sessionId: 'sess-1', raterGroupId: 'g-office', tokenHash: 'th-6', codeHash: 'ch-6', boundUnitId: null, raterName: null }]);
        assert.deepEqual(Object.fromEntries(await tokenIssuedCounts(database.db, 'c-1')), { 'sess-1': { 'g-office': 5 } });
        // The flag is the database's: it cannot be written.
        await assert.rejects(sql`update tokens set revoked = ${kind === 'postgres' ? sql`true` : sql`1`} where id = 'tok-4'`.execute(database.db));
      } finally {
        await database.close();
      }
    });

    if (kind === 'postgres') {
      it('leaves status out of every index of tokens and room on each page, so a claim is a HOT update', async () => {
        const database = await createTestDb(kind);
        try {
          const indexed = await sql<{ index: string; column: string }>`
            select i.relname as index, a.attname as column
            from pg_index x join pg_class i on i.oid = x.indexrelid join pg_attribute a on a.attrelid = x.indrelid and a.attnum = any(x.indkey)
            where x.indrelid = 'tokens'::regclass`.execute(database.db);
          assert.ok(indexed.rows.length > 0);
          assert.deepEqual(indexed.rows.filter((r) => r.column === 'status' || r.column === 'receipt'), []);
          // No index on an expression or with a predicate over status either.
          const other = await sql<{ n: number }>`select count(*)::int as n from pg_index where indrelid = 'tokens'::regclass and (indexprs is not null or indpred is not null)`.execute(database.db);
          assert.equal(other.rows[0]!.n, 0);
          const options = await sql<{ reloptions: string[] | null }>`select reloptions from pg_class where oid = 'tokens'::regclass`.execute(database.db);
          assert.deepEqual(options.rows[0]!.reloptions, ['fillfactor=50']);
          const fks = await sql<{ conname: string }>`select conname from pg_constraint where conrelid = 'ballots'::regclass and contype = 'f' order by conname`.execute(database.db);
          assert.deepEqual(fks.rows.map((r) => r.conname), ['ballots_bound_unit_id_fkey', 'ballots_instrument', 'ballots_rater_group', 'ballots_session_id_fkey']);
        } finally {
          await database.close();
        }
      });
    }
  });
}
