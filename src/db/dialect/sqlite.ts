import BetterSqlite3 from 'better-sqlite3';
import { SqliteDialect, type Kysely } from 'kysely';

/**
 * synchronous=FULL: an acknowledged ballot survives power loss (WAL alone with NORMAL may lose the last commits).
 * busy_timeout: another process (the CLI) holding the write lock makes us wait instead of failing at once.
 * cache_size 32 MiB (default 2 MiB): ballot ids are random, so a batch of sheets touches pages all over the ballots'
 * B-trees; with the default cache the writer re-read them for every batch (bench:room sustained: ~+10% sheets/s).
 * wal_autocheckpoint 10,000 pages (~40 MiB; default 1,000): a batch of 25 sheets dirties ~1–2 MiB of scattered pages,
 * so the default checkpointed (copied the WAL into the database and fsynced it) inside every other commit; now about
 * every twentieth, and a page changed by several batches is copied once (sustained: ~+25% sheets/s; p99 ~40 → ~65 ms).
 * Every commit is still fsynced in the WAL. journal_size_limit trims the WAL file back to 64 MiB after a checkpoint.
 */
export function openSqlite(file: string): { dialect: SqliteDialect; handle: BetterSqlite3.Database } {
  const handle = new BetterSqlite3(file);
  handle.pragma('journal_mode = WAL');
  handle.pragma('synchronous = FULL');
  handle.pragma('foreign_keys = ON');
  handle.pragma('busy_timeout = 5000');
  handle.pragma('cache_size = -32768');
  handle.pragma('wal_autocheckpoint = 10000');
  handle.pragma('journal_size_limit = 67108864');
  return { dialect: new SqliteDialect({ database: withStatementCache(handle) }), handle };
}

/**
 * Kysely's better-sqlite3 driver prepares every query anew; on the ballot path preparing cost as much as running
 * (a token look-up: ~5% of the server's CPU under load). This hands it the statements it prepared before, keyed by
 * SQL text, the most recently used `max` kept. Kysely runs one query at a time on its single connection; a statement
 * still busy (a stream left open) is never handed out twice — that caller gets a fresh one. SQLite re-prepares a
 * cached statement by itself after a schema change.
 */
function withStatementCache(handle: BetterSqlite3.Database, max = 500): { prepare(sql: string): BetterSqlite3.Statement; close(): void } {
  const cache = new Map<string, BetterSqlite3.Statement>();
  return {
    prepare(sql) {
      const cached = cache.get(sql);
      if (cached) {
        if (cached.busy) return handle.prepare(sql);
        cache.delete(sql);
        cache.set(sql, cached);
        return cached;
      }
      const statement = handle.prepare(sql);
      cache.set(sql, statement);
      if (cache.size > max) cache.delete(cache.keys().next().value!);
      return statement;
    },
    close() {
      cache.clear();
      handle.close();
    },
  };
}

/** Triggers that make a table append-only. RAISE(ABORT) fails the statement and rolls back its changes. */
export function sqliteAppendOnlyStatements(table: string): string[] {
  return [
    `CREATE TRIGGER ${table}_refuse_update BEFORE UPDATE ON ${table}
       BEGIN SELECT RAISE(ABORT, '${table} is append-only: UPDATE refused'); END`,
    `CREATE TRIGGER ${table}_refuse_delete BEFORE DELETE ON ${table}
       BEGIN SELECT RAISE(ABORT, '${table} is append-only: DELETE refused'); END`,
  ];
}

export function sqliteAutoIncrementType(): string {
  return 'integer primary key autoincrement';
}

/*
 * Native read hook. Kysely's better-sqlite3 driver returns one object per row; for the tally's 150,000-row read,
 * arrays from `.raw()` cost measurably less. The handle is found from the Kysely instance that createDb built.
 */
const handles = new WeakMap<object, BetterSqlite3.Database>();
const statements = new WeakMap<BetterSqlite3.Database, Map<string, BetterSqlite3.Statement>>();

// biome-ignore lint/suspicious/noExplicitAny: any schema: the app's Kysely, a transaction of it, or a migration's Kysely<any>
export function rememberSqliteHandle(db: Kysely<any>, handle: BetterSqlite3.Database): void {
  handles.set(db, handle);
}

/** The file of a SQLite database built by createDb (for a second connection, e.g. a writer thread); else null. */
// biome-ignore lint/suspicious/noExplicitAny: any schema: the app's Kysely, a transaction of it, or a migration's Kysely<any>
export function sqliteFileOf(db: Kysely<any>): string | null {
  const handle = handles.get(db);
  return handle && !handle.memory ? handle.name : null;
}

/**
 * Runs a read as rows of arrays on SQLite's native statement, holding Kysely's connection so it never interleaves
 * with a transaction in flight. Null when `db` is not a SQLite database built by createDb (PostgreSQL, or a
 * transaction: then the caller uses Kysely).
 */
// biome-ignore lint/suspicious/noExplicitAny: any schema: the app's Kysely, a transaction of it, or a migration's Kysely<any>
export async function sqliteRawRows(db: Kysely<any>, text: string, params: unknown[]): Promise<unknown[][] | null> {
  const handle = handles.get(db);
  if (!handle) return null;
  let cache = statements.get(handle);
  if (!cache) statements.set(handle, (cache = new Map()));
  let statement = cache.get(text);
  if (!statement) cache.set(text, (statement = handle.prepare(text).raw(true)));
  const prepared = statement;
  return db.connection().execute(async () => prepared.all(...params) as unknown[][]);
}
