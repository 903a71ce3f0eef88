/** The only place that knows which database engine is underneath. */
import { PostgresAdapter, sql, type CreateTableBuilder, type Kysely } from 'kysely';
import type { DbKind } from '../database.js';
import { postgresAppendOnlyStatements, postgresAutoIncrementType } from './postgres.js';
import { sqliteAppendOnlyStatements, sqliteAutoIncrementType } from './sqlite.js';

export { openPostgres, postgresNamed, rememberPostgresPool } from './postgres.js';
export { claimAndAppendSheets } from './postgres-sheets.js';
export { notify, NOTIFY_PAYLOAD_MAX, PgListener, type ListenerState } from './postgres-notify.js';
export { openSqlite, rememberSqliteHandle, sqliteFileOf, sqliteRawRows } from './sqlite.js';

export function appendOnlyStatements(kind: DbKind, table: string): string[] {
  return kind === 'sqlite' ? sqliteAppendOnlyStatements(table) : postgresAppendOnlyStatements(table);
}

/** Column definition of an auto-increment primary key (raw SQL, used in a migration). */
export function autoIncrementPrimaryKey(kind: DbKind): string {
  return kind === 'sqlite' ? sqliteAutoIncrementType() : postgresAutoIncrementType();
}

/** True when `db` (or a transaction of it) runs on PostgreSQL. */
// biome-ignore lint/suspicious/noExplicitAny: any schema: the app's Kysely, a transaction of it, or a migration's Kysely<any>
export function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** A UNIQUE or PRIMARY KEY violation, on either engine. */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/** SQLite: store the table clustered by its primary key, with no hidden rowid sequence. PostgreSQL: no-op. */
export function withoutRowid(kind: DbKind) {
  // biome-ignore lint/suspicious/noExplicitAny: any table of any schema (migrations build tables with Kysely<any>)
  return <T extends CreateTableBuilder<any, any>>(builder: T): T =>
    kind === 'sqlite' ? (builder.modifyEnd(sql`without rowid`) as T) : builder;
}

/**
 * Serialises the writers of one hash chain (the audit log's) until the caller's transaction ends: PostgreSQL takes a
 * transaction-scoped advisory lock on `key`, so concurrent writers on any connection wait their turn instead of both
 * chaining to the same entry; SQLite has one writer at a time already. Call inside a transaction.
 */
// biome-ignore lint/suspicious/noExplicitAny: any schema: the app's Kysely or a transaction of it
export async function lockChain(db: Kysely<any>, key: number): Promise<void> {
  if (isPostgres(db)) await sql`SELECT pg_advisory_xact_lock(${sql.lit(key)})`.execute(db);
}
