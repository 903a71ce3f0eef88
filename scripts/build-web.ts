/**
 * Builds the web entries: the phone ballot page (web/rate → dist/web/rate), the trainee's check-in page
 * (web/checkin → dist/web/checkin) and the office console (web/console → dist/web/console). `npm start` runs it with
 * --if-stale first, so `npm ci && npm start` serves them all on a fresh machine; the e2e tests and benches call the
 * ensure… functions.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));

interface Entry {
  source: string;
  built: string;
}

const RATE: Entry = { source: join(root, 'web/rate'), built: join(root, 'dist/web/rate/index.html') };
const CHECKIN: Entry = { source: join(root, 'web/checkin'), built: join(root, 'dist/web/checkin/index.html') };
const CONSOLE: Entry = { source: join(root, 'web/console'), built: join(root, 'dist/web/console/index.html') };

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Missing, or older than any file under its source directory or the installed dependencies. */
function stale(entry: Entry): boolean {
  try {
    return statSync(entry.built).mtimeMs < Math.max(newestMtime(entry.source), statSync(join(root, 'package-lock.json')).mtimeMs);
  } catch {
    return true;
  }
}

async function buildEntry(entry: Entry): Promise<void> {
  await build({ configFile: join(entry.source, 'vite.config.ts'), logLevel: 'warn' });
}

export const ratePageStale = (): boolean => stale(RATE);
export const buildRatePage = (): Promise<void> => buildEntry(RATE);
export async function ensureRatePage(): Promise<void> {
  if (ratePageStale()) await buildRatePage();
}

export const checkinPageStale = (): boolean => stale(CHECKIN);
export const buildCheckinPage = (): Promise<void> => buildEntry(CHECKIN);
export async function ensureCheckinPage(): Promise<void> {
  if (checkinPageStale()) await buildCheckinPage();
}

export const consoleStale = (): boolean => stale(CONSOLE);
export const buildConsole = (): Promise<void> => buildEntry(CONSOLE);
export async function ensureConsole(): Promise<void> {
  if (consoleStale()) await buildConsole();
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const ifStale = process.argv.includes('--if-stale');
  if (!ifStale || ratePageStale()) {
    await buildRatePage();
    process.stdout.write('手机测评页面已构建 / phone ballot page built: dist/web/rate\n');
  }
  if (!ifStale || checkinPageStale()) {
    await buildCheckinPage();
    process.stdout.write('培训签到页面已构建 / check-in page built: dist/web/checkin\n');
  }
  if (!ifStale || consoleStale()) {
    await buildConsole();
    process.stdout.write('办公室工作台已构建 / office console built: dist/web/console\n');
  }
}
