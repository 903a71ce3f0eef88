/**
 * `leitai backup <file>` and `leitai restore <file>` for the embedded (SQLite) database. On PostgreSQL both point to
 * pg_dump and pg_restore (README § Backup), which do the same for a server that several Leitai servers share.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../../config/index.js';
import { AppError } from '../../contracts/errors.js';
import { backupSqlite, checkSqliteFile, readSqliteFile, restoreSqlite } from '../../db/dialect/sqlite-backup.js';
import { migrationsFor } from '../../db/migrations/index.js';
import { databaseDigest, type DatabaseDigest } from '../../db/repositories/digest.js';
import { openDatabase } from '../../server/open-database.js';
import { runningServer } from '../../server/serve-lock.js';

const ON_POSTGRES = {
  zh: '当前使用 PostgreSQL（DATABASE_URL）：请用 pg_dump / pg_restore 备份与恢复，见 README 的“备份与恢复”',
  en: 'the database is PostgreSQL (DATABASE_URL): back it up and restore it with pg_dump / pg_restore, see README § Backup and restore',
};

function refuse(message: { zh: string; en: string }): never {
  throw new AppError('invalid_request', { message });
}

function sqliteFile(): string {
  const config = loadConfig();
  if (config.database.kind !== 'sqlite') refuse(ON_POSTGRES);
  return config.database.file;
}

function digestOf(file: string): Promise<DatabaseDigest> {
  return readSqliteFile(file, (db) => databaseDigest(db, 'sqlite'));
}

function describe(digest: DatabaseDigest): string {
  const { rows } = digest;
  const n = (table: string) => rows[table] ?? 0;
  return `${n('campaigns')} campaigns, ${n('sessions')} sessions, ${n('ballots')} ballots, ${n('training_classes')} classes, ${n('training_checkins')} check-ins; digest ${digest.sha256}`;
}

export async function runBackup(file: string): Promise<void> {
  const source = sqliteFile();
  const target = path.resolve(file);
  if (!existsSync(source)) refuse({ zh: `数据库文件 ${source} 不存在`, en: `the database file ${source} does not exist` });
  if (existsSync(target)) refuse({ zh: `${target} 已存在：备份不会覆盖已有文件`, en: `${target} exists: a backup never overwrites a file` });
  const started = Date.now();
  const { pages } = await backupSqlite(source, target);
  const digest = await digestOf(target);
  process.stdout.write(`已备份 / backed up ${source} → ${target} (${pages} pages, ${((Date.now() - started) / 1000).toFixed(1)} s): ${describe(digest)}\n`);
}

export async function runRestore(file: string): Promise<void> {
  const config = loadConfig();
  const target = sqliteFile();
  const backup = path.resolve(file);
  if (!existsSync(backup)) refuse({ zh: `备份文件 ${backup} 不存在`, en: `the backup ${backup} does not exist` });
  if (backup === target) refuse({ zh: '备份文件就是当前数据库', en: 'the backup is the database itself' });
  const check = checkSqliteFile(backup);
  if (!check.ok) refuse(check.problem!);
  const known = new Set(Object.keys(migrationsFor('sqlite')));
  const unknown = check.migrations.filter((m) => !known.has(m));
  if (unknown.length > 0) {
    refuse({ zh: `备份来自更新的版本（迁移 ${unknown.join('、')}），请先升级擂台`, en: `the backup comes from a newer release (migrations ${unknown.join(', ')}): upgrade Leitai first` });
  }
  const holder = runningServer(target);
  if (holder) {
    refuse({
      zh: `服务正在使用 ${target}（pid ${holder.pid}，${holder.host}）：请先停止服务再恢复`,
      en: `a server is using ${target} (pid ${holder.pid} on ${holder.host}): stop it before restoring`,
    });
  }
  const before = await digestOf(backup);
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const { previous } = restoreSqlite(backup, target, stamp);
  // An older backup is brought up to this release's schema, as a start would.
  const database = await openDatabase(config.database);
  const after = await databaseDigest(database.db, 'sqlite').finally(() => database.close());
  process.stdout.write(`已恢复 / restored ${backup} → ${target}: ${describe(after)}\n`);
  if (check.migrations.length === known.size && after.sha256 !== before.sha256) {
    throw new Error(`恢复后的摘要与备份不同 / the restored digest differs from the backup's (${before.sha256})`);
  }
  if (previous) process.stdout.write(`原数据库已移至 / the previous database was moved to ${previous}\n`);
}
