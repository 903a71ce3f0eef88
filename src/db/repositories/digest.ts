/**
 * A database's digest: every table's rows, in a canonical order, hashed. Two databases with the same digest hold the
 * same rows (on one engine: values are compared as that engine returns them). Used by `leitai backup` / `restore` to
 * show that a copy is whole, and by tests that must show a refused request changed nothing.
 *
 * It reads every row into memory: meant for checks and copies, not for the hot path.
 */
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Db, DbKind } from '../database.js';

/** Kysely's own bookkeeping and SQLite's FTS5 shadow tables (derived from the case_search table itself). */
const SKIPPED = /^(kysely_migration|kysely_migration_lock|sqlite_.*|case_search_(data|idx|content|docsize|config))$/;

export async function tableNames(db: Db, kind: DbKind): Promise<string[]> {
  const rows =
    kind === 'sqlite'
      ? (await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(db)).rows
      : (await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(db)).rows;
  return rows.map((r) => r.name).filter((name) => !SKIPPED.test(name)).sort();
}

function cell(value: unknown): unknown {
  if (value instanceof Uint8Array) return { bytes: Buffer.from(value).toString('base64') };
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Date) return value.toISOString();
  return value;
}

export interface DatabaseDigest {
  /** Hex sha-256 over every table's name and digest. */
  sha256: string;
  /** Rows per table. */
  rows: Record<string, number>;
  /** Per table, "<rows>:<sha-256 of its sorted rows>": which table differs when two digests do. */
  tables: Record<string, string>;
}

/** `except`: tables left out (e.g. the counters of wrong guesses, which a refused request is meant to change). */
export async function databaseDigest(db: Db, kind: DbKind, except: readonly string[] = []): Promise<DatabaseDigest> {
  const all = createHash('sha256');
  const rows: Record<string, number> = {};
  const tables: Record<string, string> = {};
  for (const table of await tableNames(db, kind)) {
    if (except.includes(table)) continue;
    const result = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(db);
    const lines = result.rows.map((row) => JSON.stringify(Object.keys(row).sort().map((k) => [k, cell(row[k])]))).sort();
    const hash = createHash('sha256');
    for (const line of lines) hash.update(`${line}\n`);
    rows[table] = lines.length;
    tables[table] = `${lines.length}:${hash.digest('hex')}`;
    all.update(`${table}\n${tables[table]}\n`);
  }
  return { sha256: all.digest('hex'), rows, tables };
}
