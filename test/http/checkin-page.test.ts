import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { after, before, describe, it } from 'node:test';
import Fastify from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { ensureCheckinPage, ensureRatePage } from '../../scripts/build-web.js';
import { CHECKIN_PAGE_DIR, checkinPageRoutes } from '../../src/http/routes/checkin-page.js';
import { RATE_PAGE_DIR } from '../../src/http/routes/rate-page.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';

/** The JS and CSS files a built page loads, as bench/phone.ts counts them. */
function pageAssets(dir: string): string[] {
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  return [...html.matchAll(/(?:src|href)="\/assets\/([^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
}

const BUDGET_BYTES = 30 * 1024;

// Serving only: no database behaviour is involved, so one dialect is enough.
describe('serving the trainee’s check-in page and the venue screen', () => {
  let t: TestApp;
  let files: string[] = [];

  before(async () => {
    await ensureRatePage();
    await ensureCheckinPage();
    files = pageAssets(CHECKIN_PAGE_DIR);
    t = await buildTestApp('sqlite');
  });
  after(() => t.close());

  it('answers the QR link and "my check-ins" with the page: revalidated, unframeable, no referrer, only its own inline script', async () => {
    const html = readFileSync(`${CHECKIN_PAGE_DIR}index.html`, 'utf8');
    const inline = /<script>([\s\S]*?)<\/script>/.exec(html)![1]!;
    const hash = `'sha256-${createHash('sha256').update(inline).digest('base64')}'`;
    for (const url of ['/c/class-1/lesson-1/venue-1', '/c/class-1']) {
      const res = await t.call(null, { method: 'GET', url });
      assert.equal(res.statusCode, 200, url);
      assert.match(String(res.headers['content-type']), /^text\/html; charset=utf-8/);
      assert.match(res.body, /<html lang="zh-CN">/);
      assert.equal(res.headers['cache-control'], 'no-cache');
      assert.equal(res.headers['referrer-policy'], 'no-referrer');
      const csp = String(res.headers['content-security-policy']);
      assert.match(csp, /default-src 'none'/);
      assert.match(csp, /frame-ancestors 'none'/);
      assert.match(csp, /connect-src 'self'/);
      assert.equal(/script-src ([^;]+)/.exec(csp)![1], `'self' ${hash}`);
    }
  });

  it('loads one script and one stylesheet, named checkin-*, within 30 KB gzipped together', () => {
    assert.equal(files.length, 2);
    assert.ok(files.every((f) => /^checkin-[A-Za-z0-9_-]+\.(js|css)$/.test(f)), files.join());
    const gzipped = files.reduce((sum, f) => sum + gzipSync(readFileSync(join(CHECKIN_PAGE_DIR, 'assets', f)), { level: 9 }).length, 0);
    assert.ok(gzipped <= BUDGET_BYTES, `${gzipped} bytes gzipped > ${BUDGET_BYTES}`);
  });

  it('serves its files under /assets/ beside the ballot’s, pre-compressed and year-cached, and nothing else', async () => {
    for (const file of files) {
      const res = await t.call(null, { method: 'GET', url: `/assets/${file}`, headers: { 'accept-encoding': 'gzip' } });
      assert.equal(res.statusCode, 200, file);
      assert.equal(res.headers['content-encoding'], 'gzip');
      assert.match(String(res.headers['cache-control']), /max-age=31536000.*immutable/);
      assert.equal(gunzipSync(res.rawPayload).toString(), readFileSync(`${CHECKIN_PAGE_DIR}assets/${file}`, 'utf8'));
      const plain = await t.call(null, { method: 'GET', url: `/assets/${file}`, headers: { 'accept-encoding': 'identity' } });
      assert.equal(plain.statusCode, 200);
      assert.equal(plain.headers['content-encoding'], undefined);
    }
    // The ballot's own files still come from its directory.
    for (const file of pageAssets(RATE_PAGE_DIR)) {
      const res = await t.call(null, { method: 'GET', url: `/assets/${file}`, headers: { 'accept-encoding': 'br' } });
      assert.equal(res.statusCode, 200, file);
      assert.equal(res.headers['content-encoding'], 'br');
    }
    for (const url of ['/assets/checkin-nope.js', '/assets/index.html', '/assets/..%2Fcheckin%2Findex.html', '/assets/checkin-%2e%2e%2findex.html']) {
      const res = await t.call(null, { method: 'GET', url });
      assert.equal(res.statusCode, 404, url);
    }
  });

  it('answers 503 with a page saying how to build it when the page is not built', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'leitai-no-checkin-'));
    const app = Fastify();
    app.setValidatorCompiler(validatorCompiler);
    app.setSerializerCompiler(serializerCompiler);
    try {
      await checkinPageRoutes(app, `${dir}/`);
      const res = await app.inject({ method: 'GET', url: '/c/class-1/lesson-1/venue-1' });
      assert.equal(res.statusCode, 503);
      assert.match(String(res.headers['content-type']), /^text\/html/);
      assert.match(res.body, /npm run build:web/);
      assert.equal(res.headers['cache-control'], 'no-store');
    } finally {
      await app.close();
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('serves the venue screen uncached with a CSP allowing its script and exactly its inline style sheet', async () => {
    const res = await t.call(null, { method: 'GET', url: '/checkin-screen/class-1/lesson-1/venue-1/AbCdEfGhIjKlMnOpQrSt' });
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /^text\/html; charset=utf-8/);
    assert.equal(res.headers['cache-control'], 'no-store');
    assert.equal(res.headers['referrer-policy'], 'no-referrer');
    const csp = String(res.headers['content-security-policy']);
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /script-src 'self'(;|$)/);
    assert.match(csp, /frame-ancestors 'none'/);
    const style = /<style>([\s\S]*?)<\/style>/.exec(res.body)![1]!;
    assert.equal(/style-src ([^;]+)/.exec(csp)![1], `'sha256-${createHash('sha256').update(style).digest('base64')}'`);
    assert.doesNotMatch(res.body, /<script>/, 'no inline script');

    const src = /<script type="module" src="([^"]+)"/.exec(res.body)![1]!;
    const script = await t.call(null, { method: 'GET', url: src });
    assert.equal(script.statusCode, 200);
    assert.match(String(script.headers['content-type']), /^text\/javascript/);
    assert.match(script.body, /api\/checkin-screen/);
  });

  it('declares every page route public', () => {
    const rows = t.app.accessTable.filter((r) => r.url.startsWith('/c/') || r.url.startsWith('/checkin-screen/') || r.url.startsWith('/assets/'));
    assert.ok(rows.length >= 5, rows.map((r) => r.url).join());
    for (const r of rows) assert.equal(r.access, 'public', r.url);
  });
});
