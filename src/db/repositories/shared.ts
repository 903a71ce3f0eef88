import type { Transaction } from 'kysely';
import type { Db } from '../database.js';
import type { Schema } from '../tables/index.js';

/** Runs `fn` in the caller's transaction when there is one, else in a new one. */
export function inTransaction<T>(db: Db, fn: (trx: Db) => Promise<T>): Promise<T> {
  if (db.isTransaction) return fn(db);
  return db.transaction().execute((trx: Transaction<Schema>) => fn(trx));
}

/**
 * Rows per multi-row INSERT. SQLite allows 32,766 bound parameters per statement and PostgreSQL 65,535;
 * staying well under both keeps statements a sane size.
 */
export function chunk<T>(rows: readonly T[], columns: number, maxParameters = 8000): T[][] {
  const size = Math.max(1, Math.floor(maxParameters / columns));
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

/** COUNT(*) arrives as a number from SQLite and as a bigint string from pg. */
export function toCount(value: string | number | bigint | null | undefined): number {
  return value === null || value === undefined ? 0 : Number(value);
}
