/**
 * 典型案例库 storage. The search index holds each case's grams as tokens (domain/cases/grams.ts); finding candidates is
 * the one place the engines differ: FTS5 MATCH on SQLite, a tsvector and `@@` with a GIN index on PostgreSQL. Both
 * answer a superset of the exact matches, which the caller then checks against the text.
 */
import { sql } from 'kysely';
import type { Db } from '../database.js';
import { isPostgres } from '../dialect/index.js';
import type { CasesTable } from '../tables/index.js';
import type { CaseIndex } from '../../domain/cases/grams.js';
import { chunk, inTransaction } from './shared.js';

export type CaseRow = CasesTable;

function textsRow(row: CaseRow, index: CaseIndex) {
  const { body: _body, ...short } = index.texts;
  return { case_id: row.id, published: row.published, unit_id: row.unit_id, year: row.year, updated_at: row.updated_at, ...short };
}

/** Replaces a case's normalised text; returns its number (on SQLite, its FTS5 rowid). */
async function writeTexts(db: Db, row: CaseRow, index: CaseIndex): Promise<{ doc: number; before: number | null }> {
  const before = await db.selectFrom('case_texts').select('doc').where('case_id', '=', row.id).executeTakeFirst();
  if (before) {
    await db.deleteFrom('case_text_bodies').where('doc', '=', Number(before.doc)).execute();
    await db.deleteFrom('case_texts').where('case_id', '=', row.id).execute();
  }
  const { doc } = await db.insertInto('case_texts').values(textsRow(row, index)).returning('doc').executeTakeFirstOrThrow();
  await db.insertInto('case_text_bodies').values({ doc: Number(doc), body: index.texts.body }).execute();
  return { doc: Number(doc), before: before ? Number(before.doc) : null };
}

async function writeIndex(db: Db, row: CaseRow, index: CaseIndex): Promise<void> {
  const { doc, before } = await writeTexts(db, row, index);
  if (isPostgres(db)) {
    await sql`insert into case_search (case_id, grams) values (${row.id}, array_to_tsvector(${index.tokens}::text[]))
      on conflict (case_id) do update set grams = excluded.grams`.execute(db);
    return;
  }
  if (before !== null) await sql`delete from case_search where rowid = ${before}`.execute(db);
  await sql`insert into case_search (rowid, case_id, grams) values (${doc}, ${row.id}, ${index.tokens.join(' ')})`.execute(db);
}

/** Stores a case, its index tokens and its normalised text. */
export async function insertCase(db: Db, row: CaseRow, index: CaseIndex): Promise<void> {
  await db.insertInto('cases').values(row).execute();
  await writeIndex(db, row, index);
}

/** Stores many cases with their index in chunked multi-row statements (the demo, the search benchmark). */
export async function insertCases(db: Db, entries: readonly { row: CaseRow; index: CaseIndex }[]): Promise<void> {
  const pg = isPostgres(db);
  for (const part of chunk(entries, 10, 2000)) {
    await db.insertInto('cases').values(part.map((e) => e.row)).execute();
    const docs = await db.insertInto('case_texts').values(part.map((e) => textsRow(e.row, e.index))).returning(['doc', 'case_id']).execute();
    const docOf = new Map(docs.map((d) => [d.case_id, Number(d.doc)]));
    await db.insertInto('case_text_bodies').values(part.map((e) => ({ doc: docOf.get(e.row.id)!, body: e.index.texts.body }))).execute();
    const values = part.map((e) =>
      pg ? sql`(${e.row.id}, array_to_tsvector(${e.index.tokens}::text[]))` : sql`(${docOf.get(e.row.id)}, ${e.row.id}, ${e.index.tokens.join(' ')})`,
    );
    await (pg ? sql`insert into case_search (case_id, grams) values ${sql.join(values)}` : sql`insert into case_search (rowid, case_id, grams) values ${sql.join(values)}`).execute(db);
  }
}

export async function updateCase(db: Db, row: CaseRow, index: CaseIndex): Promise<void> {
  const { id, created_at: _created, ...values } = row;
  await db.updateTable('cases').set(values).where('id', '=', id).execute();
  await writeIndex(db, row, index);
}

export async function getCaseRow(db: Db, id: string): Promise<CaseRow | null> {
  return (await db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirst()) ?? null;
}

export async function getCaseRows(db: Db, ids: readonly string[]): Promise<CaseRow[]> {
  const out: CaseRow[] = [];
  for (const part of chunk([...ids], 1)) out.push(...(await db.selectFrom('cases').selectAll().where('id', 'in', part).execute()));
  return out;
}

/** What a search asks: the index tokens every match holds, the terms to find (normalised), filters and a page. */
export interface CaseSearchPlan {
  tokens: readonly string[];
  /** Each must occur in some field; `indexed` when the index alone proves it does (a term of 1–2 characters). */
  terms: readonly { text: string; indexed: boolean }[];
  weights: { title: number; tags: number; summary: number; body: number };
  publishedOnly: boolean;
  unitId?: string;
  year?: number;
  /** A tag as it is written in the stored JSON list (JSON.stringify of the tag). */
  tagJson?: string;
  offset: number;
  limit: number;
}

/**
 * One page of matches, best first (score, then newest, then id), with how many match in all. Candidates come from
 * the engine's own full-text index over the grams (FTS5 MATCH; a tsvector and `@@` with GIN); each is checked, and
 * scored by the best field each term occurs in, against the normalised text in the database, so a common word costs
 * one pass over short rows instead of every case's body in the server.
 */
export async function searchCaseIds(db: Db, plan: CaseSearchPlan): Promise<{ total: number; hits: { id: string; score: number }[] }> {
  const pg = isPostgres(db);
  const at = (column: 'title' | 'tags' | 'summary', term: string) => (pg ? sql`strpos(t.${sql.raw(column)}, ${term})` : sql`instr(t.${sql.raw(column)}, ${term})`);
  // The body is read only when the term is in none of the short fields (CASE stops at the first that holds it).
  const inBody = (term: string) =>
    pg ? sql`(select strpos(b.body, ${term}) from case_text_bodies b where b.doc = t.doc)` : sql`(select instr(b.body, ${term}) from case_text_bodies b where b.doc = t.doc)`;
  const w = plan.weights;
  const termScore = (term: { text: string; indexed: boolean }) =>
    sql<number>`case when ${at('title', term.text)} > 0 then ${sql.lit(w.title)} when ${at('tags', term.text)} > 0 then ${sql.lit(w.tags)} when ${at('summary', term.text)} > 0 then ${sql.lit(w.summary)} ${
      term.indexed ? sql`else ${sql.lit(w.body)}` : sql`when ${inBody(term.text)} > 0 then ${sql.lit(w.body)} else 0`
    } end`;
  const run = async (d: Db) => {
    let inner = d.selectFrom('case_texts as t').select(['t.case_id', 't.updated_at']);
    plan.terms.forEach((term, i) => {
      inner = inner.select(termScore(term).as(`s${i}`));
    });
    if (plan.tokens.length > 0) {
      inner = inner.where(
        pg
          ? sql<boolean>`t.case_id in (select case_id from case_search where grams @@ ${plan.tokens.join(' & ')}::tsquery)`
          : sql<boolean>`t.doc in (select rowid from case_search where case_search match ${plan.tokens.map((g) => `grams:${g}`).join(' AND ')})`,
      );
    }
    if (plan.publishedOnly) inner = inner.where('t.published', '=', 1);
    if (plan.unitId !== undefined) inner = inner.where('t.unit_id', '=', plan.unitId);
    if (plan.year !== undefined) inner = inner.where('t.year', '=', plan.year);
    if (plan.tagJson !== undefined) {
      const tag = plan.tagJson;
      inner = inner.where(pg ? sql<boolean>`exists (select 1 from cases c where c.id = t.case_id and strpos(c.tags, ${tag}) > 0)` : sql<boolean>`exists (select 1 from cases c where c.id = t.case_id and instr(c.tags, ${tag}) > 0)`);
    }
    const score = plan.terms.length === 0 ? sql<number>`0` : sql<number>`${sql.join(plan.terms.map((_, i) => sql.ref(`x.s${i}`)), sql` + `)}`;
    const collate = pg ? sql` collate "C"` : sql``;
    let outer = d
      .selectFrom(inner.as('x'))
      .select([sql<string>`x.case_id`.as('id'), score.as('score'), sql<number | string>`count(*) over ()`.as('total')]);
    plan.terms.forEach((term, i) => {
      if (!term.indexed) outer = outer.where(sql.ref(`x.s${i}`), '>', 0);
    });
    const ordered = outer
      .orderBy(sql`2`, 'desc')
      .orderBy(sql`x.updated_at${collate}`, 'desc')
      .orderBy(sql`x.case_id${collate}`)
      .limit(plan.limit)
      .offset(plan.offset);
    const rows = await ordered.execute();
    if (rows.length > 0) return { total: Number(rows[0]!.total), hits: rows.map((r) => ({ id: r.id, score: Number(r.score) })) };
    if (plan.offset === 0) return { total: 0, hits: [] };
    // Past the last page: the count alone.
    const counted = await d.selectFrom(outer.clearSelect().clearOrderBy().clearLimit().clearOffset().select(sql`1`.as('one')).as('y')).select(sql<number | string>`count(*)`.as('n')).executeTakeFirstOrThrow();
    return { total: Number(counted.n), hits: [] };
  };
  // PostgreSQL's planner prices a scan of case_search by its small main table and misses that each row's tsvector
  // lives out of line: for a common gram it scans and inflates every case's grams (40 ms at 3,000 cases) where the
  // GIN index answers in 3. Within this one statement's transaction it is told to use its indexes.
  if (!pg) return run(db);
  return inTransaction(db, async (trx) => {
    await sql`set local enable_seqscan = off`.execute(trx);
    return run(trx);
  });
}

/**
 * The plain way, without the index: ids of the cases in which every term occurs somewhere (SQL LIKE over every
 * field, each row read). The search benchmark's baseline; the search itself never uses it.
 */
export async function scanCasesBySubstring(db: Db, terms: readonly string[]): Promise<string[]> {
  let q = db.selectFrom('cases').select('id');
  for (const term of terms) {
    const pattern = `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) => eb.or((['title', 'tags', 'summary', 'body'] as const).map((f) => eb(sql`lower(${sql.ref(f)})`, 'like', sql`${pattern} escape '\\'`))));
  }
  return (await q.execute()).map((r) => r.id);
}
