/**
 * `leitai backup` and `restore` on SQLite. The copy is made with SQLite's online backup API through a connection of
 * its own, so the server goes on taking ballots meanwhile: after a first step, the rest of the pages are copied in one
 * step inside one read transaction, which in WAL mode does not wait for writers and sees one committed state — the
 * copy is the database as it was at one commit. (A step-by-step copy restarts whenever another connection writes, so
 * under a steady stream of ballots it might never finish.) The copy is checked before it takes the file's name.
 */
import { closeSync, existsSync, fsyncSync, openSync, renameSync, rmSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Db } from '../database.js';
import type { Schema } from '../tables/index.js';

export interface SqliteFileCheck {
  ok: boolean;
  /** What is wrong, in words for the operator, when not ok. */
  problem: { zh: string; en: string } | null;
  /** The migrations the file's schema has, in order. */
  migrations: string[];
}

/** Opens `file` read-only and checks that it is a whole SQLite database with Leitai's schema. */
export function checkSqliteFile(file: string): SqliteFileCheck {
  let handle: BetterSqlite3.Database | null = null;
  try {
    handle = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
    const integrity = handle.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') return { ok: false, problem: { zh: `数据库文件已损坏：${String(integrity)}`, en: `the database file is damaged: ${String(integrity)}` }, migrations: [] };
    const hasMigrations = handle.prepare(`select 1 from sqlite_master where type = 'table' and name = 'kysely_migration'`).get();
    if (!hasMigrations) return { ok: false, problem: { zh: '不是擂台的数据库（没有迁移记录）', en: 'not a Leitai database (it has no migration table)' }, migrations: [] };
    const migrations = (handle.prepare('select name from kysely_migration order by name').all() as { name: string }[]).map((r) => r.name);
    return { ok: true, problem: null, migrations };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, problem: { zh: `无法作为 SQLite 数据库打开：${message}`, en: `cannot be opened as a SQLite database: ${message}` }, migrations: [] };
  } finally {
    handle?.close();
  }
}

function fsyncFile(file: string): void {
  const fd = openSync(file, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Copies the live database `source` to `target` (which must not exist), consistent while others write. */
export async function backupSqlite(source: string, target: string): Promise<{ pages: number }> {
  const partial = `${target}.partial`;
  rmSync(partial, { force: true });
  const handle = new BetterSqlite3(source, { fileMustExist: true });
  try {
    handle.pragma('busy_timeout = 5000');
    // The first step copies 100 pages; returning the remaining count makes the next step copy all the rest at once.
    const { totalPages } = await handle.backup(partial, { progress: ({ remainingPages }) => Math.max(remainingPages, 1) });
    // The copy carries the live file's WAL mode; a backup is a single file, so it is turned back to a rollback journal
    // (a read-only opening of a WAL file would leave -wal and -shm files beside it).
    const copy = new BetterSqlite3(partial, { fileMustExist: true });
    try {
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    fsyncFile(partial);
    const check = checkSqliteFile(partial);
    if (!check.ok) throw new Error(`${check.problem?.zh} / ${check.problem?.en}`);
    renameSync(partial, target);
    return { pages: totalPages };
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  } finally {
    handle.close();
  }
}

/**
 * Puts the checked copy `backup` in place of `target`: the current database (with its WAL and shared-memory files) is
 * moved aside to `<target>.before-restore-<stamp>`, never deleted, and the copy is written beside the target, synced,
 * then renamed over it. The caller makes sure no server has the target open.
 */
export function restoreSqlite(backup: string, target: string, stamp: string): { previous: string | null } {
  const partial = `${target}.restoring`;
  rmSync(partial, { force: true });
  const source = new BetterSqlite3(backup, { readonly: true, fileMustExist: true });
  // A plain file copy of a database whose WAL is not empty would lose its last commits; VACUUM INTO writes one
  // self-contained file from a read transaction.
  try {
    source.prepare('vacuum into ?').run(partial);
  } finally {
    source.close();
  }
  fsyncFile(partial);
  let previous: string | null = null;
  if (existsSync(target)) {
    previous = `${target}.before-restore-${stamp}`;
    renameSync(target, previous);
    for (const suffix of ['-wal', '-shm']) if (existsSync(target + suffix)) renameSync(target + suffix, previous + suffix);
  }
  renameSync(partial, target);
  return { previous };
}

/** Runs `work` over `file` opened read-only (a backup is read, never changed, by a check). */
export async function readSqliteFile<T>(file: string, work: (db: Db) => Promise<T>): Promise<T> {
  const db = new Kysely<Schema>({ dialect: new SqliteDialect({ database: new BetterSqlite3(file, { readonly: true, fileMustExist: true }) }) });
  try {
    return await work(db);
  } finally {
    await db.destroy();
  }
}
