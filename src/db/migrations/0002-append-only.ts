import { sql, type Migration } from 'kysely';
import type { DbKind } from '../database.js';
import { appendOnlyStatements } from '../dialect/index.js';

/** Ballots, their contents and the audit log are append-only in the database itself, not only by convention in the code. */
export function appendOnly(kind: DbKind): Migration {
  return {
    async up(db) {
      for (const table of ['ballots', 'ballot_contents', 'audit_log']) {
        for (const statement of appendOnlyStatements(kind, table)) await sql.raw(statement).execute(db);
      }
    },
  };
}
