import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { after, before, describe, it } from 'node:test';
import { ensureRatePage } from '../../scripts/build-web.js';
import { RATE_PAGE_DIR } from '../../src/http/routes/rate-page.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';

// Serving only: no database behaviour is involved, so one dialect is enough.
describe('serving the phone ballot page', () => {
  let t: TestApp;
  let script = '';

  before(async () => {
    await ensureRatePage();
    script = /src="\/assets\/([^"]+\.js)"/.exec(readFileSync(`${RATE_PAGE_DIR}index.html`, 'utf8'))![1]!;
    t = await buildTestApp('sqlite');
  });
  after(() => t.close());

  it('answers the QR link and the code entry with the page, uncached, unframeable and leaking no referrer', async () => {
    for (const url of ['/r/AbCdEfGhIjKlMnOpQrStUv', '/r']) {
      const res = await t.call(null, { method: 'GET', url });
      assert.equal(res.statusCode, 200);
      assert.match(String(res.headers['content-type']), /^text\/html; charset=utf-8/);
      assert.match(res.body, /<html lang="zh-CN">/);
      assert.equal(res.headers['cache-control'], 'no-store');
      assert.equal(res.headers['referrer-policy'], 'no-referrer');
      const csp = String(res.headers['content-security-policy']);
      assert.match(csp, /frame-ancestors 'none'/);
      assert.match(csp, /script-src 'self' 'sha256-[A-Za-z0-9+/=]+'/);
    }
  });

  it('serves the hashed script pre-compressed with a year-long immutable cache', async () => {
    const res = await t.call(null, { method: 'GET', url: `/assets/${script}`, headers: { 'accept-encoding': 'gzip' } });
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-encoding'], 'gzip');
    assert.match(String(res.headers['cache-control']), /max-age=31536000.*immutable/);
    assert.match(String(res.headers['content-type']), /javascript/);
    assert.equal(gunzipSync(res.rawPayload).toString(), readFileSync(`${RATE_PAGE_DIR}assets/${script}`, 'utf8'));
    const plain = await t.call(null, { method: 'GET', url: `/assets/${script}`, headers: { 'accept-encoding': 'identity' } });
    assert.equal(plain.headers['content-encoding'], undefined);
  });

  it('names no file outside the built assets', async () => {
    for (const url of ['/assets/..%2Findex.html', '/assets/index.html', '/assets/nope.js', '/assets/%2e%2e%2f%2e%2e%2fpackage.json']) {
      const res = await t.call(null, { method: 'GET', url });
      assert.equal(res.statusCode, 404, url);
      assert.equal(res.json().error.code, 'route_not_found');
    }
  });

  it('declares every page route public', () => {
    const rows = t.app.accessTable.filter((r) => r.url === '/r' || r.url.startsWith('/r/') || r.url.startsWith('/assets/'));
    assert.ok(rows.length >= 3);
    for (const r of rows) assert.equal(r.access, 'public', r.url);
  });
});
