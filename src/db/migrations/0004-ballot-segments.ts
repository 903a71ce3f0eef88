import { sql, type Migration } from 'kysely';
import type { DbKind } from '../database.js';
import { appendOnlyStatements, withoutRowid } from '../dialect/index.js';

/**
 * Sealed per-session ballot segments (tables/ballot-segments.ts): derived, append-only, keyed by the ballot count
 * they were sealed at, so a later paper ballot makes the session's rows the source again without changing any row.
 */
export function ballotSegments(kind: DbKind): Migration {
  return {
    async up(db) {
      await db.schema
        .createTable('ballot_segments')
        .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id'))
        .addColumn('session_id', 'text', (c) => c.notNull().references('sessions.id'))
        .addColumn('ballot_count', 'integer', (c) => c.notNull())
        .addColumn('strings', 'text', (c) => c.notNull())
        .addColumn('body', kind === 'sqlite' ? 'blob' : 'bytea', (c) => c.notNull())
        .addPrimaryKeyConstraint('ballot_segments_pk', ['campaign_id', 'session_id', 'ballot_count'])
        .$call(withoutRowid(kind))
        .execute();
      for (const statement of appendOnlyStatements(kind, 'ballot_segments')) await sql.raw(statement).execute(db);
    },
  };
}
