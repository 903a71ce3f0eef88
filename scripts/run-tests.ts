/**
 * `npm test [-- <path or substring>…]`: runs every test/**\/*.test.ts (except test/e2e/) with node:test, against
 * SQLite and a real PostgreSQL. Without LEITAI_TEST_PG_URL it starts an embedded PostgreSQL for the run and stops it
 * afterwards, also on Ctrl-C. If PostgreSQL cannot start, the run fails: no suite is skipped silently.
 */
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { ensureCheckinPage, ensureConsole, ensureRatePage, ensureTourPage } from './build-web.js';
import { startEmbeddedPostgres } from './embedded-postgres.js';

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

async function main(): Promise<number> {
  const files = testFiles(process.argv.slice(2));
  if (files.length === 0) {
    console.error(`no test files match ${process.argv.slice(2).join(' ') || 'test/**/*.test.ts'}`);
    return 1;
  }

  // Routes that serve the web pages answer 503 until they are built; a fresh clone has no build yet.
  const started = Date.now();
  await ensureRatePage();
  await ensureCheckinPage();
  await ensureTourPage();
  await ensureConsole();
  console.log(`Web pages: up to date (${Date.now() - started} ms)`);

  let stop: (() => Promise<void>) | null = null;
  if (process.env.LEITAI_TEST_PG_URL) {
    const shown = new URL(process.env.LEITAI_TEST_PG_URL);
    shown.password = shown.password ? '***' : '';
    console.log(`PostgreSQL: external, LEITAI_TEST_PG_URL=${shown.toString()}`);
  } else {
    const started = Date.now();
    // Throwaway data: durability off makes the suite faster and changes no semantics.
    const embedded = await startEmbeddedPostgres(['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off']);
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
