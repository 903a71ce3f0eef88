import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { after, before, describe, it } from 'node:test';
import { ensureConsole } from '../../scripts/build-web.js';
import { CONSOLE_DIR } from '../../src/http/routes/console-page.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';

// Serving only: no database behaviour is involved, so one dialect is enough.
describe('serving the office console', () => {
  let t: TestApp;
  let script = '';

  before(async () => {
    await ensureConsole();
    script = /src="\/console\/assets\/([^"]+\.js)"/.exec(readFileSync(`${CONSOLE_DIR}index.html`, 'utf8'))![1]!;
    t = await buildTestApp('sqlite');
  });
  after(() => t.close());

  it('answers / and every /console path with the app page, revalidated and unframeable', async () => {
    for (const url of ['/', '/console', '/console/', '/console/campaigns/x/results/r/units/u']) {
      const res = await t.call(null, { method: 'GET', url });
      assert.equal(res.statusCode, 200, url);
      assert.match(String(res.headers['content-type']), /^text\/html; charset=utf-8/);
      assert.match(res.body, /<html lang="zh-CN">/);
      assert.equal(res.headers['cache-control'], 'no-cache');
      const csp = String(res.headers['content-security-policy']);
      assert.match(csp, /frame-ancestors 'none'/);
      assert.match(csp, /script-src 'self'(;|$)/);
    }
  });

  it('serves hashed assets pre-compressed and year-cached, and nothing outside them', async () => {
    const res = await t.call(null, { method: 'GET', url: `/console/assets/${script}`, headers: { 'accept-encoding': 'gzip' } });
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-encoding'], 'gzip');
    assert.match(String(res.headers['cache-control']), /max-age=31536000.*immutable/);
    assert.equal(gunzipSync(res.rawPayload).toString(), readFileSync(`${CONSOLE_DIR}assets/${script}`, 'utf8'));
    for (const url of ['/console/assets/..%2Findex.html', '/console/assets/nope.js', '/console/assets/%2e%2e%2f%2e%2e%2fpackage.json']) {
      const bad = await t.call(null, { method: 'GET', url });
      assert.equal(bad.statusCode, 404, url);
    }
  });

  it('leaves the API answering JSON 404s and declares every page route public', async () => {
    const res = await t.call(null, { method: 'GET', url: '/api/nope' });
    assert.equal(res.statusCode, 404);
    const rows = t.app.accessTable.filter((r) => r.url === '/' || r.url.startsWith('/console'));
    assert.ok(rows.length >= 4);
    for (const r of rows) assert.equal(r.access, 'public', r.url);
  });
});
