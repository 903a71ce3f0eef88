/**
 * Leitai as an operator runs it: `leitai serve` in a process of its own, on a database prepared beforehand, reached
 * over real HTTP — so a test can kill it (SIGKILL), start it again on the same data, or back it up while it serves.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureAdmin } from '../../src/app/accounts/ensure-admin.js';
import { createAppContext } from '../../src/app/context.js';
import type { DbConfig, DbKind } from '../../src/db/database.js';
import { buildApp } from '../../src/http/app.js';
import { openDatabase } from '../../src/server/open-database.js';
import { freshPostgresUrl } from './db.js';
import { CITY, COUNTIES, setup } from '../http/fixtures.js';

const BIN = new URL('../../bin/leitai.js', import.meta.url).pathname;

/** Where a server's data lives: a data directory, and a PostgreSQL database when `kind` is postgres. */
export interface ServerData {
  kind: DbKind;
  dir: string;
  database: DbConfig;
  env: Record<string, string>;
  remove(): Promise<void>;
}

export async function serverData(kind: DbKind): Promise<ServerData> {
  const dir = await mkdtemp(join(tmpdir(), 'leitai-proc-'));
  const pg = kind === 'postgres' ? await freshPostgresUrl() : null;
  return {
    kind,
    dir,
    database: pg ? { kind: 'postgres', url: pg.url } : { kind: 'sqlite', file: join(dir, 'leitai.sqlite') },
    env: { LEITAI_DATA_DIR: dir, ...(pg ? { DATABASE_URL: pg.url } : {}) },
    remove: async () => {
      await pg?.drop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/**
 * The test campaign (test/http/fixtures.ts) with an open session and `count` fresh tokens of 办公室, made in-process;
 * `bearer` is the admin's access token.
 */
export async function prepareSession(data: ServerData, count: number): Promise<{ sessionId: string; tokens: string[]; bearer: string }> {
  const database = await openDatabase(data.database);
  const ctx = createAppContext(database);
  const app = await buildApp(ctx, { logger: false });
  try {
    const bearer = (await ensureAdmin(ctx))!.accessToken;
    const call = async (url: string, payload?: unknown) => {
      const res = await app.inject({ method: 'POST', url, payload: payload as object, headers: { authorization: `Bearer ${bearer}` } });
      if (res.statusCode >= 300) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
      return res.json();
    };
    await call('/api/units', { units: [CITY, ...COUNTIES] });
    await call('/api/campaigns', setup());
    const session = await call('/api/campaigns/camp1/sessions', { name: '汇报点评会', instrumentIds: ['i-report'], expected: { 'g-office': count } });
    await call(`/api/sessions/${session.id}/open`);
    const tokens: string[] = [];
    for (let left = count; left > 0; left -= 5000) {
      const issued = (await call(`/api/sessions/${session.id}/tokens`, { raterGroupId: 'g-office', count: Math.min(5000, left) })) as { token: string }[];
      tokens.push(...issued.map((t) => t.token));
    }
    return { sessionId: session.id, tokens, bearer };
  } finally {
    await app.close();
    await ctx.ballotWriter.close();
    await database.close();
  }
}

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** SIGTERM, and wait for the exit. */
  stop(): Promise<void>;
  /** SIGKILL, and wait for the exit: nothing of the process runs after. */
  kill(): Promise<void>;
}

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((resolve) => child.once('exit', () => resolve()));
}

export async function startServer(data: ServerData): Promise<ServerProcess> {
  const child = spawn(process.execPath, [BIN, 'serve'], {
    env: { ...process.env, ...data.env, PORT: '0', HOST: '127.0.0.1', LEITAI_DEMO: 'off', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start in 30 s:\n${output}`)), 30_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /listening on http:\/\/localhost:(\d+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`the server exited (${code ?? signal}) before listening:\n${output}`));
    });
  });
  return {
    url: `http://127.0.0.1:${port}`,
    child,
    stop: async () => {
      child.kill('SIGTERM');
      await exited(child);
    },
    kill: async () => {
      child.kill('SIGKILL');
      await exited(child);
    },
  };
}

/** Runs `leitai <args>` to its end with the data's environment. */
export function runCli(data: ServerData, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, ...data.env, LOG_LEVEL: 'warn' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => void (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => void (stderr += c.toString()));
    child.once('exit', (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}
