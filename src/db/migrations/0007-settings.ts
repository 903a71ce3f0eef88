import type { Migration } from 'kysely';

/**
 * Settings the office changes at run time and every server must see alike (tables/settings.ts): one row per key, in
 * the database rather than in a server's memory or environment, so several servers on one PostgreSQL agree.
 */
export function settings(): Migration {
  return {
    async up(db) {
      await db.schema
        .createTable('settings')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('value', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('updated_by', 'text', (c) => c.notNull())
        .execute();
    },
  };
}
