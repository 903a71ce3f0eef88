/**
 * 典型案例库 storage. The search index holds each case's grams as tokens (domain/cases/grams.ts); finding candidates is
 * the one place the engines differ: FTS5 MATCH on SQLite, a tsvector and `@@` with a GIN index on PostgreSQL. Both
 * answer a superset of the exact matches, which the caller then checks against the text.
 */
import { sql } from 'kysely';
import type { Db } from '../database.js';
import { isPostgres } from '../dialect/index.js';
import type { CasesTable } from '../tables/index.js';
import { chunk } from './shared.js';

export type CaseRow = CasesTable;

async function writeIndex(db: Db, caseId: string, tokens: readonly string[]): Promise<void> {
  if (isPostgres(db)) {
    await sql`insert into case_search (case_id, grams) values (${caseId}, array_to_tsvector(${[...tokens]}::text[]))
      on conflict (case_id) do update set grams = excluded.grams`.execute(db);
  } else {
    await sql`delete from case_search where case_id = ${caseId}`.execute(db);
    await sql`insert into case_search (case_id, grams) values (${caseId}, ${tokens.join(' ')})`.execute(db);
  }
}

/** Stores a case and its index tokens. */
export async function insertCase(db: Db, row: CaseRow, tokens: readonly string[]): Promise<void> {
  await db.insertInto('cases').values(row).execute();
  await writeIndex(db, row.id, tokens);
}

export async function updateCase(db: Db, row: CaseRow, tokens: readonly string[]): Promise<void> {
  const { id, created_at: _created, ...values } = row;
  await db.updateTable('cases').set(values).where('id', '=', id).execute();
  await writeIndex(db, id, tokens);
}

export async function getCaseRow(db: Db, id: string): Promise<CaseRow | null> {
  return (await db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirst()) ?? null;
}

export async function listCaseRows(db: Db, filter: { publishedOnly: boolean }): Promise<CaseRow[]> {
  let q = db.selectFrom('cases').selectAll();
  if (filter.publishedOnly) q = q.where('published', '=', 1);
  return q.orderBy('updated_at', 'desc').orderBy('id').execute();
}

export async function getCaseRows(db: Db, ids: readonly string[]): Promise<CaseRow[]> {
  const out: CaseRow[] = [];
  for (const part of chunk([...ids], 1)) out.push(...(await db.selectFrom('cases').selectAll().where('id', 'in', part).execute()));
  return out;
}

/** Ids of the cases whose index holds every token (tokens are letters and digits only). */
export async function findCaseCandidates(db: Db, tokens: readonly string[]): Promise<string[]> {
  if (tokens.length === 0) return [];
  if (isPostgres(db)) {
    const rows = await sql<{ case_id: string }>`select case_id from case_search where grams @@ ${tokens.join(' & ')}::tsquery`.execute(db);
    return rows.rows.map((r) => r.case_id);
  }
  const rows = await sql<{ case_id: string }>`select case_id from case_search where case_search match ${tokens.map((t) => `grams:${t}`).join(' AND ')}`.execute(db);
  return rows.rows.map((r) => r.case_id);
}
