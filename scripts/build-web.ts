/**
 * Builds the web entries: the phone ballot page (web/rate → dist/web/rate), the trainee's check-in page
 * (web/checkin → dist/web/checkin), the observer's tour page with its service worker (web/tour → dist/web/tour) and
 * the office console (web/console → dist/web/console). `npm start` runs it with
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
  /** Other directories whose files go into the build (the phone pages' shared rules and editor). */
  shared: string[];
  built: string;
}

const SHARED = [join(root, 'web/shared')];
const RATE: Entry = { source: join(root, 'web/rate'), shared: SHARED, built: join(root, 'dist/web/rate/index.html') };
const CHECKIN: Entry = { source: join(root, 'web/checkin'), shared: SHARED, built: join(root, 'dist/web/checkin/index.html') };
// sw.js is written last, after index.html: it is the file that says the build is complete.
const TOUR: Entry = { source: join(root, 'web/tour'), shared: SHARED, built: join(root, 'dist/web/tour/sw.js') };
const CONSOLE: Entry = { source: join(root, 'web/console'), shared: SHARED, built: join(root, 'dist/web/console/index.html') };

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Missing, or older than any file under its source directories or the installed dependencies. */
function stale(entry: Entry): boolean {
  try {
    const sources = [entry.source, ...entry.shared].map(newestMtime);
    return statSync(entry.built).mtimeMs < Math.max(...sources, statSync(join(root, 'package-lock.json')).mtimeMs);
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

export const tourPageStale = (): boolean => stale(TOUR);
export const buildTourPage = (): Promise<void> => buildEntry(TOUR);
export async function ensureTourPage(): Promise<void> {
  if (tourPageStale()) await buildTourPage();
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
  if (!ifStale || tourPageStale()) {
    await buildTourPage();
    process.stdout.write('观摩评分页面已构建 / observer tour page built: dist/web/tour\n');
  }
  if (!ifStale || consoleStale()) {
    await buildConsole();
    process.stdout.write('办公室工作台已构建 / office console built: dist/web/console\n');
  }
}
