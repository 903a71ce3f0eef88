import { sql, type Migration } from 'kysely';
import type { DbKind } from '../database.js';

/**
 * Two costs of a room on PostgreSQL (decision 0021), measured with auto_explain during bench:room at 21,000 raters:
 * - **The tokens handed out were counted on every results read**: `count(*) … group by session, group` over the
 *   session's tokens, ~17 ms of PostgreSQL's time a read while the room voted (claims keep the pages from being
 *   all-visible, so the index-only scan read the table too) — of a ~0.3 ms per rater in all, a third. They are kept in
 *   `token_counts` now, one row per session and rater group, changed in the transaction that issues or revokes tokens;
 *   a read takes the rows of its campaign's sessions.
 * - **A token's claim rewrote every index of `tokens`**: `status` was in the (session_id, rater_group_id, status) index
 *   the count used, so no claim (issued → used) could be a HOT update (the new row version beside the old one, no index
 *   touched): ~38 µs a sheet, five index entries and six WAL records. The index no longer holds `status`, and on
 *   PostgreSQL new pages of the table keep half their room free (fillfactor 50) so that the claimed version fits on its
 *   page. (Tokens issued before this migration sit on full pages: their claims stay as before, since rewriting the
 *   table needs VACUUM FULL, which a migration's transaction cannot run.)
 * And on PostgreSQL `ballots.campaign_id → campaigns` is dropped: it is implied by the two composite keys every ballot
 * has, (campaign_id, instrument_id) → instruments and (campaign_id, rater_group_id) → rater_groups, whose rows each
 * reference their campaign, and its per-row check cost ~10 µs a sheet. SQLite keeps it: dropping a constraint there
 * means rebuilding the ballots table, for a check that costs SQLite about a microsecond.
 */
export function tokenClaims(kind: DbKind): Migration {
  return {
    async up(db) {
      await db.schema
        .createTable('token_counts')
        .addColumn('session_id', 'text', (c) => c.notNull().references('sessions.id'))
        .addColumn('rater_group_id', 'text', (c) => c.notNull())
        // Tokens issued and not revoked (used ones included: they were handed out).
        .addColumn('handed_out', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('token_counts_pk', ['session_id', 'rater_group_id'])
        .execute();
      await sql`INSERT INTO token_counts (session_id, rater_group_id, handed_out)
                SELECT session_id, rater_group_id, count(*) FROM tokens WHERE status <> 'revoked' GROUP BY session_id, rater_group_id`.execute(db);
      await db.schema.dropIndex('tokens_session_group').execute();
      await db.schema.createIndex('tokens_session_group').on('tokens').columns(['session_id', 'rater_group_id']).execute();
      if (kind === 'postgres') {
        await sql`ALTER TABLE tokens SET (fillfactor = 50)`.execute(db);
        await sql`ALTER TABLE ballots DROP CONSTRAINT ballots_campaign_id_fkey`.execute(db);
      }
    },
  };
}
