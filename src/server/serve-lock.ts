/**
 * The mark a running server leaves beside its SQLite file (`<file>.serve.json`: pid, host, start time), so that
 * `leitai restore` can refuse to replace a database under a running server, and a second server refuses to share the
 * file. A mark left by a server that was killed names a process that is gone, and is taken over. (PostgreSQL needs
 * none: its restore goes through pg_restore, and several servers share it by design.)
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';

interface ServeMark {
  pid: number;
  host: string;
  startedAt: string;
}

export function serveMarkFile(databaseFile: string): string {
  return `${databaseFile}.serve.json`;
}

function readMark(file: string): ServeMark | null {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<ServeMark>;
    return typeof parsed.pid === 'number' && typeof parsed.host === 'string' ? { pid: parsed.pid, host: parsed.host, startedAt: String(parsed.startedAt) } : null;
  } catch {
    return null;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: it exists but belongs to someone else — still a live process.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  try {
    // A pid the system has since given to another program is not our server.
    return /leitai/.test(readFileSync(`/proc/${pid}/cmdline`, 'utf8'));
  } catch {
    return true;
  }
}

/** The live server holding `databaseFile`, or null. A mark from another host cannot be checked and counts as live. */
export function runningServer(databaseFile: string): ServeMark | null {
  const mark = readMark(serveMarkFile(databaseFile));
  if (!mark || mark.pid === process.pid) return null;
  if (mark.host !== hostname()) return mark;
  return alive(mark.pid) ? mark : null;
}

/** Marks `databaseFile` as served by this process; throws when a live server already holds it. Returns the release. */
export function markServing(databaseFile: string, now: Date): () => void {
  const holder = runningServer(databaseFile);
  if (holder) {
    throw new Error(
      `数据库 ${databaseFile} 已由另一服务进程（${holder.host} 上的 pid ${holder.pid}，${holder.startedAt} 启动）使用 / ` +
        `the database ${databaseFile} is in use by another server (pid ${holder.pid} on ${holder.host}, started ${holder.startedAt})`,
    );
  }
  const file = serveMarkFile(databaseFile);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify({ pid: process.pid, host: hostname(), startedAt: now.toISOString() }) + '\n');
  return () => {
    if (readMark(file)?.pid === process.pid) rmSync(file, { force: true });
  };
}
