/**
 * Builds the phone ballot page (web/rate → dist/web/rate). `npm start` runs it with --if-stale first, so
 * `npm ci && npm start` serves the page on a fresh machine; the e2e tests and bench:phone call it too.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
const source = join(root, 'web/rate');
const built = join(root, 'dist/web/rate/index.html');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Missing, or older than any file under web/rate. */
export function ratePageStale(): boolean {
  try {
    return statSync(built).mtimeMs < newestMtime(source);
  } catch {
    return true;
  }
}

export async function buildRatePage(): Promise<void> {
  await build({ configFile: join(source, 'vite.config.ts'), logLevel: 'warn' });
}

export async function ensureRatePage(): Promise<void> {
  if (ratePageStale()) await buildRatePage();
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const ifStale = process.argv.includes('--if-stale');
  if (!ifStale || ratePageStale()) {
    await buildRatePage();
    process.stdout.write('手机测评页面已构建 / phone ballot page built: dist/web/rate\n');
  }
}
