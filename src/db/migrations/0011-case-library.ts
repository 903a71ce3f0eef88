import { type Migration, sql } from 'kysely';
import type { DbKind } from '../database.js';

/**
 * 典型案例库 (tables/cases.ts): cases with their owning unit, and a full-text index of their text cut into grams
 * (domain/cases/grams.ts): an FTS5 table on SQLite, a tsvector with a GIN index on PostgreSQL.
 */
export function caseLibrary(kind: DbKind): Migration {
  return {
    async up(db) {
      await db.schema
        .createTable('cases')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('summary', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('tags', 'text', (c) => c.notNull())
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('published', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('cases_unit').on('cases').column('unit_id').execute();
      if (kind === 'sqlite') {
        await sql`create virtual table case_search using fts5(case_id unindexed, grams)`.execute(db);
      } else {
        await db.schema
          .createTable('case_search')
          .addColumn('case_id', 'text', (c) => c.primaryKey().references('cases.id'))
          .addColumn('grams', sql`tsvector`, (c) => c.notNull())
          .execute();
        await sql`create index case_search_grams on case_search using gin (grams)`.execute(db);
      }
    },
  };
}
