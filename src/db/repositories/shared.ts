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

/** Counts per rater group (sheets issued, returned), by group id. */
export type GroupCounts = Record<string, number>;

/** Adds `more`'s counts into `into`, group by group. */
export function addGroupCounts(into: GroupCounts, more: GroupCounts | undefined): GroupCounts {
  for (const [groupId, n] of Object.entries(more ?? {})) into[groupId] = (into[groupId] ?? 0) + n;
  return into;
}

/** Rows of (session, group, count) as counts per group by session. */
export function countsBySession(rows: readonly { session_id: string | null; rater_group_id: string; n: string | number | bigint | null }[]): Map<string, GroupCounts> {
  const out = new Map<string, GroupCounts>();
  for (const r of rows) {
    if (r.session_id === null) continue;
    const perGroup = out.get(r.session_id) ?? {};
    perGroup[r.rater_group_id] = toCount(r.n);
    out.set(r.session_id, perGroup);
  }
  return out;
}

/** Adds every session's counts of `more` into `into`. */
export function addSessionCounts(into: Map<string, GroupCounts>, more: Map<string, GroupCounts>): Map<string, GroupCounts> {
  for (const [sessionId, perGroup] of more) into.set(sessionId, addGroupCounts(into.get(sessionId) ?? {}, perGroup));
  return into;
}
