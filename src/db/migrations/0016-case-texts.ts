import { sql, type Migration } from 'kysely';
import type { DbKind } from '../database.js';
import { autoIncrementPrimaryKey } from '../dialect/index.js';
import { normaliseText } from '../../domain/cases/grams.js';

/**
 * 案例检索的核对文本 (tables/cases.ts CaseTextsTable): each case's fields as the search compares them (normalised: lower
 * case, one space for any run of spaces; the tags joined by spaces), with the few columns a search filters and sorts
 * by, short ones first. The exact re-check of the index's candidates and the ranking by field then run inside the
 * database over this table, so a common word no longer loads every case's body into the server. Existing cases are
 * copied in. On SQLite each row has a number (`doc`) that is also its FTS5 row's rowid: candidates are read by rowid,
 * which FTS5 answers from its index alone, where reading its `case_id` column would read every matching row's stored
 * grams.
 */
export function caseTexts(kind: DbKind): Migration {
  return {
    async up(db) {
      await db.schema
        .createTable('case_texts')
        .addColumn('doc', sql.raw(autoIncrementPrimaryKey(kind)))
        .addColumn('case_id', 'text', (c) => c.notNull().unique().references('cases.id'))
        .addColumn('published', 'integer', (c) => c.notNull())
        .addColumn('unit_id', 'text', (c) => c.notNull())
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('tags', 'text', (c) => c.notNull())
        .addColumn('summary', 'text', (c) => c.notNull())
        .execute();
      // The bodies apart: the short fields of every case then fit in few pages, and a body is read only when a term
      // longer than two characters is not in the case's title, tags or summary.
      await db.schema
        .createTable('case_text_bodies')
        .addColumn('doc', 'integer', (c) => c.primaryKey())
        .addColumn('body', 'text', (c) => c.notNull())
        .execute();
      // PostgreSQL: long bodies are kept out of line but not compressed, so the re-check reads them without inflating.
      if (kind === 'postgres') {
        await sql`alter table case_text_bodies alter column body set storage external`.execute(db);
        // Every new case goes straight into the GIN index: no pending list that each search would have to read
        // through until the next vacuum.
        await sql`alter index case_search_grams set (fastupdate = off)`.execute(db);
        await sql`select gin_clean_pending_list('case_search_grams'::regclass)`.execute(db);
      }
      await db.schema.createIndex('case_texts_recent').on('case_texts').columns(['updated_at', 'case_id']).execute();
      const cases = await db.selectFrom('cases').selectAll().execute();
      for (const c of cases) {
        const { doc } = await db
          .insertInto('case_texts')
          .values({
            case_id: c.id,
            published: c.published,
            unit_id: c.unit_id,
            year: c.year,
            updated_at: c.updated_at,
            title: normaliseText(c.title),
            tags: normaliseText((JSON.parse(c.tags) as string[]).join(' ')),
            summary: normaliseText(c.summary),
          })
          .returning('doc')
          .executeTakeFirstOrThrow();
        await db.insertInto('case_text_bodies').values({ doc, body: normaliseText(c.body) }).execute();
      }
      if (kind === 'sqlite') {
        // The index's rows take their case's number, so a search reads matches by rowid, never the index's stored text.
        await sql`create temp table case_search_old as select case_id, grams from case_search`.execute(db);
        await sql`delete from case_search`.execute(db);
        await sql`insert into case_search (rowid, case_id, grams) select t.doc, o.case_id, o.grams from case_search_old o join case_texts t on t.case_id = o.case_id`.execute(db);
        await sql`drop table case_search_old`.execute(db);
      }
    },
  };
}
