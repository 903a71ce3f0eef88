/** What the benchmarks share: a throwaway database per run, and a load generator in a process of its own. */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { Session as InspectorSession } from 'node:inspector/promises';
import { join } from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from '../scripts/embedded-postgres.js';
import { createDb } from '../src/db/create-db.js';
import type { Database, DbKind } from '../src/db/database.js';

/**
 * A SQLite file in `dir`, or a fresh database on the PostgreSQL server at `pgUrl`, dropped on close; `url` is the
 * fresh database's address (for a second server on it), null on SQLite.
 */
export async function openDatabase(kind: DbKind, dir: string, pgUrl: string | null, name = 'room'): Promise<Database & { url: string | null }> {
  if (kind === 'sqlite') return { ...(await createDb({ kind, file: join(dir, `${name}.sqlite`) })), url: null };
  const admin = new pg.Client({ connectionString: pgUrl! });
  await admin.connect();
  const dbName = `leitai_bench_${randomBytes(5).toString('hex')}`;
  await admin.query(`CREATE DATABASE ${dbName}`);
  await admin.end();
  const url = new URL(pgUrl!);
  url.pathname = `/${dbName}`;
  const database = await createDb({ kind, url: url.toString() });
  return {
    ...database,
    url: url.toString(),
    close: async () => {
      await database.close();
      const c = new pg.Client({ connectionString: pgUrl! });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${dbName}`).catch(() => undefined);
      await c.end();
    },
  };
}

/**
 * Runs the load script `script` on `job` (written to a file in `dir`) in its own process, so the server keeps its
 * core; resolves with the last line it prints, parsed. `onStart` runs just before the process starts.
 */
export function runLoadProcess<T>(script: URL, job: unknown, dir: string, onStart?: () => void): Promise<T> {
  const file = join(dir, `job-${randomBytes(4).toString('hex')}.json`);
  writeFileSync(file, JSON.stringify(job));
  onStart?.();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script.pathname, file], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('exit', (code) => {
      rmSync(file, { force: true });
      if (code !== 0) return reject(new Error(`load generator exited with ${code}`));
      resolve(JSON.parse(out.trim().split('\n').pop()!) as T);
    });
  });
}

/**
 * Runs `fn` under the V8 CPU profiler when `dir` is given (the server's side of one phase), written as
 * DIR/<name>.cpuprofile (open in Chrome DevTools or speedscope). The profile starts when `fn` calls the `begin` it is
 * given (once its load is ready, so writing the job file is not in it), or once `fn` has started if it does not.
 */
export async function profiled<T>(dir: string | undefined, name: string, fn: (begin: () => void) => Promise<T>, intervalUs = 200): Promise<T> {
  if (!dir) return fn(() => undefined);
  const session = new InspectorSession();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: intervalUs });
  let started: Promise<unknown> | null = null;
  const begin = () => void (started ??= session.post('Profiler.start'));
  try {
    const running = fn(begin);
    begin();
    return await running;
  } finally {
    await started;
    const { profile } = await session.post('Profiler.stop');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `${name}.cpuprofile`), JSON.stringify(profile));
    session.disconnect();
  }
}

/**
 * Runs `run` once per database kind, each with a fresh scratch directory and (for PostgreSQL, unless
 * LEITAI_BENCH_PG_URL names one) an embedded server with durability on; prints each run's JSON line at the end.
 */
export async function benchEachDatabase(kinds: DbKind[], name: string, run: (kind: DbKind, dir: string, pgUrl: string | null) => Promise<unknown>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), `leitai-${name}-`));
  let pgStop: (() => Promise<void>) | null = null;
  const lines: string[] = [];
  try {
    for (const kind of kinds) {
      let pgUrl = process.env.LEITAI_BENCH_PG_URL ?? null;
      if (kind === 'postgres' && !pgUrl) {
        // Durability ON: this measures durable commits (the test runner turns fsync off).
        const started = await startEmbeddedPostgres(['-c', 'max_connections=50']);
        pgUrl = started.url;
        pgStop = started.stop;
      }
      lines.push(JSON.stringify(await run(kind, dir, pgUrl)));
    }
  } finally {
    await pgStop?.().catch((e) => console.error('stopping PostgreSQL:', e));
    rmSync(dir, { recursive: true, force: true });
  }
  for (const line of lines) console.log(line);
}

/**
 * The CPU time of a PostgreSQL server started here (embedded): its postmaster, every process it runs now (backends,
 * WAL writer, checkpointer, autovacuum) and those it has reaped, in ms. On these 2 cores the database shares the
 * machine with the server and the load, so its CPU per sheet is as much the cost of a sheet as the server's own.
 * Null when the server is not ours to read (LEITAI_BENCH_PG_URL) or /proc is not there.
 */
export function postgresCpuMeter(dataDir: string | null): { read(): number } | null {
  if (!dataDir) return null;
  let postmaster: number;
  try {
    postmaster = Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  } catch {
    return null;
  }
  // utime, stime, cutime, cstime are fields 14–17 of /proc/<pid>/stat, in clock ticks (CLK_TCK is 100 on Linux).
  const fields = (pid: number | string): string[] | null => {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    } catch {
      return null;
    }
  };
  return {
    read(): number {
      let ticks = 0;
      for (const pid of readdirSync('/proc')) {
        if (!/^\d+$/.test(pid)) continue;
        const f = fields(pid);
        if (!f) continue;
        const own = Number(pid) === postmaster;
        // f[1] is the parent pid (field 4); f[11..14] are fields 14–17.
        if (!own && Number(f[1]) !== postmaster) continue;
        ticks += Number(f[11]) + Number(f[12]) + (own ? Number(f[13]) + Number(f[14]) : 0);
      }
      return ticks * 10;
    },
  };
}

/**
 * The whole machine's CPU from /proc/stat: busy time (every process and the kernel: the server, its database, the
 * load generator, loopback TCP) and all time, summed over the cores, in ms. `busyMs / allMs` is the share of the
 * cores in use. Null where /proc/stat is not there.
 */
export function machineCpuMeter(): { read(): { busyMs: number; allMs: number } } | null {
  const read = () => {
    // cpu  user nice system idle iowait irq softirq steal …, in clock ticks (CLK_TCK is 100 on Linux).
    const [user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0] = readFileSync('/proc/stat', 'utf8')
      .split('\n', 1)[0]!
      .trim()
      .split(/\s+/)
      .slice(1, 9)
      .map(Number);
    const busy = user + nice + system + irq + softirq + steal;
    return { busyMs: busy * 10, allMs: (busy + idle + iowait) * 10 };
  };
  try {
    read();
  } catch {
    return null;
  }
  return { read };
}
