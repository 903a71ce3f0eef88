import { sql, type Migration } from 'kysely';
import type { DbKind } from '../database.js';
import { appendOnlyStatements } from '../dialect/index.js';

/** 公示: one append-only publication per campaign, with its frozen results snapshot and hash (tables/publications.ts). */
export function publications(kind: DbKind): Migration {
  return {
    async up(db) {
      await db.schema
        .createTable('publications')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('campaign_id', 'text', (c) => c.notNull().unique().references('campaigns.id'))
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('notice_date', 'text', (c) => c.notNull())
        .addColumn('objection_end_date', 'text', (c) => c.notNull())
        .addColumn('objection_days', 'integer', (c) => c.notNull())
        .addColumn('contact', 'text')
        .addColumn('snapshot', 'text', (c) => c.notNull())
        .addColumn('results_hash', 'text', (c) => c.notNull())
        .addColumn('published_by', 'text', (c) => c.notNull())
        .addColumn('published_at', 'text', (c) => c.notNull())
        .execute();
      for (const statement of appendOnlyStatements(kind, 'publications')) await sql.raw(statement).execute(db);
    },
  };
}
