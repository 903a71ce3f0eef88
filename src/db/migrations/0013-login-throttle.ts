import type { Migration } from 'kysely';
import type { DbKind } from '../database.js';
import { withoutRowid } from '../dialect/index.js';

/**
 * Failed passwords are counted per (username typed, client address), not per username: five wrong passwords from
 * one address slow that address down on that account, and never lock the right password out for everyone
 * (app/accounts/lock-out.ts). The old per-username counts are transient and are dropped with their table.
 * Token guesses are counted per client address in fixed windows (app/ballots/guess-guard.ts).
 */
export function loginThrottle(kind: DbKind): Migration {
  return {
    async up(db) {
      await db.schema.dropTable('login_failures').execute();
      await db.schema
        .createTable('login_failures')
        .addColumn('username', 'text', (c) => c.notNull())
        .addColumn('address', 'text', (c) => c.notNull())
        .addColumn('failures', 'integer', (c) => c.notNull())
        .addColumn('last_failed_at', 'text', (c) => c.notNull())
        .addColumn('locked_until', 'text')
        .addPrimaryKeyConstraint('login_failures_pk', ['username', 'address'])
        .$call(withoutRowid(kind))
        .execute();
      await db.schema
        .createTable('guess_counters')
        .addColumn('address', 'text', (c) => c.primaryKey())
        .addColumn('window_start', 'text', (c) => c.notNull())
        .addColumn('misses', 'integer', (c) => c.notNull())
        .addColumn('locked_until', 'text')
        .execute();
    },
  };
}
