import { sql, type Migration } from 'kysely';
import type { DbKind } from '../database.js';

/**
 * A token's claim (issued → used, one UPDATE per sheet in the storing statement) rewrote every index of `tokens` on
 * PostgreSQL: `status` was in the (session_id, rater_group_id, status) index that counts the tokens handed out, so no
 * claim could be a HOT update (heap-only: the new row version beside the old one, no index touched). A claim cost
 * ~38 µs of PostgreSQL's time a sheet — five index entries and six WAL records — of a ~135 µs statement
 * (auto_explain during bench:room; decision 0021).
 * - The count only needs to know whether a token is revoked. `revoked` is that, derived from `status` by the
 *   database itself (a generated column: one source of truth), and the index counts by it instead. A claim leaves
 *   `revoked` false, so it changes no indexed value.
 * - PostgreSQL: the table keeps half of each page free (fillfactor 50), so the claimed version of a token fits on its
 *   page and the update is HOT. Adding the stored column rewrites the table, which gives existing tokens that room too.
 * - PostgreSQL: `ballots.campaign_id → campaigns` is dropped. It is implied by the two composite keys every ballot
 *   already has, (campaign_id, instrument_id) → instruments and (campaign_id, rater_group_id) → rater_groups, whose rows
 *   each reference their campaign, and its per-row check cost ~10 µs a sheet. SQLite keeps it: dropping a constraint
 *   there means rebuilding the ballots table, for a check that costs SQLite about a microsecond.
 */
export function tokenClaims(kind: DbKind): Migration {
  return {
    async up(db) {
      if (kind === 'postgres') {
        await sql`ALTER TABLE tokens SET (fillfactor = 50)`.execute(db);
        await sql`ALTER TABLE tokens ADD COLUMN revoked boolean GENERATED ALWAYS AS (status = 'revoked') STORED`.execute(db);
        await sql`ALTER TABLE ballots DROP CONSTRAINT ballots_campaign_id_fkey`.execute(db);
      } else {
        // SQLite adds only virtual generated columns to an existing table; an index on one stores its value.
        await sql`ALTER TABLE tokens ADD COLUMN revoked integer GENERATED ALWAYS AS (status = 'revoked') VIRTUAL`.execute(db);
      }
      await db.schema.dropIndex('tokens_session_group').execute();
      await db.schema.createIndex('tokens_session_group').on('tokens').columns(['session_id', 'rater_group_id', 'revoked']).execute();
    },
  };
}
