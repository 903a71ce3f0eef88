import BetterSqlite3 from 'better-sqlite3';
import { SqliteDialect } from 'kysely';

/**
 * synchronous=FULL: an acknowledged ballot survives power loss (WAL alone with NORMAL may lose the last commits).
 * busy_timeout: another process (the CLI) holding the write lock makes us wait instead of failing at once.
 */
export function openSqlite(file: string): { dialect: SqliteDialect; handle: BetterSqlite3.Database } {
  const handle = new BetterSqlite3(file);
  handle.pragma('journal_mode = WAL');
  handle.pragma('synchronous = FULL');
  handle.pragma('foreign_keys = ON');
  handle.pragma('busy_timeout = 5000');
  return { dialect: new SqliteDialect({ database: handle }), handle };
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
