/**
 * A digest of a whole database, on both engines: every table's rows, each row as canonical JSON (keys sorted, bytes
 * as hex, times as ISO strings, big integers as text), the rows sorted, hashed per table. Two equal digests mean no
 * row was added, removed or changed anywhere; `tables` names which table differs when they are not.
 */
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Database } from '../../src/db/database.js';

export interface DatabaseDigest {
  digest: string;
  tables: Record<string, string>;
}

async function tableNames(database: Database): Promise<string[]> {
  const query =
    database.kind === 'sqlite'
      ? sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name`
      : sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`;
  return (await query.execute(database.db)).rows.map((r) => r.name);
}

function canonical(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'bigint') return `${value}n`;
  if (value instanceof Uint8Array) return `hex:${Buffer.from(value).toString('hex')}`;
  if (Array.isArray(value)) return value.map(canonical);
  if (typeof value === 'object') {
    return Object.fromEntries(Object.keys(value).sort().map((k) => [k, canonical((value as Record<string, unknown>)[k])]));
  }
  return value;
}

/** `except`: tables that a refused request is meant to change (the counters of wrong guesses). */
export async function databaseDigest(database: Database, except: readonly string[] = []): Promise<DatabaseDigest> {
  const tables: Record<string, string> = {};
  const all = createHash('sha256');
  for (const name of await tableNames(database)) {
    if (except.includes(name)) continue;
    const rows = (await sql<Record<string, unknown>>`select * from ${sql.table(name)}`.execute(database.db)).rows;
    const lines = rows.map((r) => JSON.stringify(canonical(r))).sort();
    const hash = createHash('sha256').update(lines.join('\n')).digest('hex');
    tables[name] = `${rows.length}:${hash}`;
    all.update(`${name}\n${tables[name]}\n`);
  }
  return { digest: all.digest('hex'), tables };
}
