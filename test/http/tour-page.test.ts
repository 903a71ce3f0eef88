/**
 * Serving the observer's tour page (/o/<link>) and its service worker (/o/sw.js): the page carries a secret in its
 * address (no-store, no referrer, only its own inline script); /o/ — the shell the service worker keeps — is the same
 * page; sw.js names exactly the files the page loads, which /assets/ serves, and its cache is named after the build;
 * the page stays within 60 KB gzipped.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { after, before, describe, it } from 'node:test';
import { ensureTourPage } from '../../scripts/build-web.js';
import { TOUR_PAGE_DIR } from '../../src/http/routes/tour-page.js';
import { SHELL_PATH } from '../../web/tour/sw/build.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';

/** The JS and CSS files the built page loads, as bench/tour.ts counts them. */
function pageAssets(): string[] {
  const html = readFileSync(join(TOUR_PAGE_DIR, 'index.html'), 'utf8');
  return [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
}

const BUDGET_BYTES = 60 * 1024;

// Serving only: no database behaviour is involved, so one dialect is enough.
describe('serving the observer’s tour page and its service worker', () => {
  let t: TestApp;

  before(async () => {
    await ensureTourPage();
    t = await buildTestApp('sqlite');
  });
  after(() => t.close());

  it('answers a personal link and the bare /o/ with the page: never stored, no referrer, only its own inline script', async () => {
    const html = readFileSync(join(TOUR_PAGE_DIR, 'index.html'), 'utf8');
    const inline = /<script>([\s\S]*?)<\/script>/.exec(html)![1]!;
    const hash = `'sha256-${createHash('sha256').update(inline).digest('base64')}'`;
    assert.equal(SHELL_PATH, '/o/');
    for (const url of ['/o/ob_1.AbCdEfGhIjKlMnOpQrStUv', SHELL_PATH]) {
      const res = await t.call(null, { method: 'GET', url });
      assert.equal(res.statusCode, 200, url);
      assert.match(String(res.headers['content-type']), /^text\/html; charset=utf-8/);
      assert.equal(res.body, html);
      assert.equal(res.headers['cache-control'], 'no-store');
      assert.equal(res.headers['referrer-policy'], 'no-referrer');
      const csp = String(res.headers['content-security-policy']);
      assert.match(csp, /default-src 'none'/);
      assert.match(csp, /frame-ancestors 'none'/);
      assert.match(csp, /connect-src 'self'/);
      assert.equal(/script-src ([^;]+)/.exec(csp)![1], `'self' ${hash}`);
    }
  });

  it('serves sw.js for revalidation, naming exactly the files the page loads, each served under /assets/', async () => {
    const res = await t.call(null, { method: 'GET', url: '/o/sw.js' });
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /^text\/javascript/);
    assert.equal(res.headers['cache-control'], 'no-cache');
    const files = JSON.parse(/const TOUR_FILES = (\[.*\]);/.exec(res.body)![1]!) as string[];
    assert.deepEqual(files, pageAssets().sort());
    assert.equal(JSON.parse(/const TOUR_SHELL = (".*");/.exec(res.body)![1]!), SHELL_PATH);
    const version = JSON.parse(/const TOUR_VERSION = (".*");/.exec(res.body)![1]!) as string;
    const html = readFileSync(join(TOUR_PAGE_DIR, 'index.html'), 'utf8');
    const source = readFileSync(new URL('../../web/tour/sw/sw.ts', import.meta.url), 'utf8');
    assert.equal(version, createHash('sha256').update(html).update(files.join('\n')).update(source).digest('hex').slice(0, 16), 'the cache is named after this build');
    // Types stripped: a classic worker script, no module syntax.
    assert.doesNotMatch(res.body, /^\s*(import|export)\s/m);
    assert.doesNotMatch(res.body, /declare const/);
    for (const file of files) {
      const asset = await t.call(null, { method: 'GET', url: file });
      assert.equal(asset.statusCode, 200, file);
    }
  });

  it('loads one script and one stylesheet, named tour-*, within 60 KB gzipped together', () => {
    const files = pageAssets();
    assert.equal(files.length, 2);
    assert.ok(files.every((f) => /^\/assets\/tour-[A-Za-z0-9_-]+\.(js|css)$/.test(f)), files.join());
    const gzipped = files.reduce((sum, f) => sum + gzipSync(readFileSync(join(TOUR_PAGE_DIR, f)), { level: 9 }).length, 0);
    assert.ok(gzipped <= BUDGET_BYTES, `${gzipped} bytes gzipped > ${BUDGET_BYTES}`);
  });

  it('declares the page routes public', () => {
    const rows = t.app.accessTable.filter((r) => r.url.startsWith('/o/'));
    assert.deepEqual(rows.map((r) => r.url).sort(), ['/o/:link', '/o/sw.js']);
    for (const r of rows) assert.equal(r.access, 'public', r.url);
  });
});
