/**
 * Migration 0018 (decision 0021): the tokens handed out per session and rater group are kept in `token_counts` by the
 * transactions that issue and revoke tokens, so a results read does not count tokens; and no index of `tokens` holds
 * `status`, so a claim (issued → used) changes no indexed value — on PostgreSQL a HOT update.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { sql } from 'kysely';
import { migrateToLatest } from '../../src/db/migrations/index.js';
import { tokenIssuedCounts } from '../../src/db/repositories/sessions.js';
import { issueTokens, markTokensUsed, revokeToken } from '../../src/db/repositories/tokens.js';
import type { Database } from '../../src/db/database.js';
import { createTestDb, dialects, seedSmallCampaign } from '../helpers/db.js';

/** Tokens handed out counted from the tokens themselves, as before the migration. */
async function countedFromTokens(database: Database): Promise<Record<string, Record<string, number>>> {
  const rows = await sql<{ session_id: string; rater_group_id: string; n: number | string }>`
    select session_id, rater_group_id, count(*) as n from tokens where status <> 'revoked' group by session_id, rater_group_id`.execute(database.db);
  const out: Record<string, Record<string, number>> = {};
  for (const r of rows.rows) (out[r.session_id] ??= {})[r.rater_group_id] = Number(r.n);
  return out;
}

const token = (i: number, group: string) => ({ id: `tok-${i}`, campaignId: 'c-1', sessionId: 'sess-1', raterGroupId: group, tokenHash: `th-${i}`, codeHash: `ch-${i}`, boundUnitId: null, raterName: null });

for (const kind of dialects()) {
  describe(`migration 0018-token-claims (${kind})`, () => {
    it('fills the counts from the tokens issued before it: used ones count, revoked ones do not', async () => {
      const database = await createTestDb(kind, '0017-tours');
      try {
        await seedSmallCampaign(database);
        // As the code before it stored them: the tokens alone.
        for (let i = 0; i < 6; i++) {
          const status = i === 0 ? 'used' : i === 1 ? 'revoked' : 'issued';
          await sql`insert into tokens (id, campaign_id, session_id, rater_group_id, token_hash, code_hash, status)
                    values (${`tok-${i}`}, 'c-1', 'sess-1', 'g-office', ${`th-${i}`}, ${`ch-${i}`}, ${status})`.execute(database.db);
        }
        await migrateToLatest(database);
        assert.deepEqual(Object.fromEntries(await tokenIssuedCounts(database.db, 'c-1')), { 'sess-1': { 'g-office': 5 } });
      } finally {
        await database.close();
      }
    });

    it('keeps the counts equal to counting the tokens, whatever is issued, claimed and revoked', async () => {
      const database = await createTestDb(kind);
      try {
        await seedSmallCampaign(database);
        let next = 0;
        const op = fc.oneof(
          fc.record({ issue: fc.integer({ min: 1, max: 4 }), group: fc.constantFrom('g-office', 'g-force') }),
          fc.record({ claim: fc.nat() }),
          fc.record({ revoke: fc.nat() }),
        );
        await fc.assert(
          fc.asyncProperty(fc.array(op, { maxLength: 12 }), async (ops) => {
            for (const o of ops) {
              if ('issue' in o) await issueTokens(database.db, Array.from({ length: o.issue }, () => token(next++, o.group)));
              else if (next > 0 && 'claim' in o) await markTokensUsed(database.db, [{ tokenId: `tok-${o.claim % next}`, receipt: `R-${o.claim}` }]);
              else if (next > 0 && 'revoke' in o) await revokeToken(database.db, `tok-${o.revoke % next}`);
            }
            const kept = Object.fromEntries(await tokenIssuedCounts(database.db, 'c-1'));
            assert.deepEqual(kept, await countedFromTokens(database));
          }),
          { numRuns: 15 },
        );
      } finally {
        await database.close();
      }
    });

    if (kind === 'postgres') {
      it('leaves status out of every index of tokens and room on its new pages, so a claim is a HOT update', async () => {
        const database = await createTestDb(kind);
        try {
          const indexed = await sql<{ column: string }>`
            select a.attname as column
            from pg_index x join pg_attribute a on a.attrelid = x.indrelid and a.attnum = any(x.indkey)
            where x.indrelid = 'tokens'::regclass`.execute(database.db);
          assert.ok(indexed.rows.length > 0);
          assert.deepEqual(indexed.rows.filter((r) => r.column === 'status' || r.column === 'receipt'), []);
          const other = await sql<{ n: number }>`select count(*)::int as n from pg_index where indrelid = 'tokens'::regclass and (indexprs is not null or indpred is not null)`.execute(database.db);
          assert.equal(other.rows[0]!.n, 0, 'no index on an expression of, or with a predicate over, status');
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
