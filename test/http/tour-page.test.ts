/**
 * Serving the observer's page (/o/<link>) and its service worker (/o/sw.js) from a build directory: uncached,
 * unframeable, no referrer, its inline script allowed by hash; a clear 503 (页面未构建) while it is not built. The page
 * itself is built by web/tour (its own tests); here a directory holds two known files, so the route is tested alone.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { tourPageRoutes } from '../../src/http/routes/tour-page.js';

const INLINE = "window.__leitaiTour = fetch('/api/tour-phone/open')";
const HTML = `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>观摩评分</title><script>${INLINE}</script><div id="app"></div>`;
const WORKER = "self.addEventListener('fetch', () => {});";

async function app(dir: string): Promise<FastifyInstance> {
  const a = Fastify({ logger: false });
  a.setValidatorCompiler(validatorCompiler);
  a.setSerializerCompiler(serializerCompiler);
  await tourPageRoutes(a, dir);
  await a.ready();
  return a;
}

describe('serving the observer page', () => {
  let built = '';
  let empty = '';
  before(async () => {
    built = `${await mkdtemp(join(tmpdir(), 'leitai-tour-page-'))}/`;
    empty = `${await mkdtemp(join(tmpdir(), 'leitai-tour-none-'))}/`;
    await writeFile(`${built}index.html`, HTML);
    await writeFile(`${built}sw.js`, WORKER);
  });
  after(async () => {
    await rm(built, { recursive: true, force: true });
    await rm(empty, { recursive: true, force: true });
  });

  it('answers a personal link with the page, uncached, unframeable, leaking no referrer, its bootstrap allowed by hash', async () => {
    const a = await app(built);
    const res = await a.inject({ method: 'GET', url: '/o/ob_0123.AbCdEfGhIjKlMnOpQrStUv' });
    assert.equal(res.statusCode, 200);
    assert.equal(res.body, HTML);
    assert.equal(res.headers['cache-control'], 'no-store');
    assert.equal(res.headers['referrer-policy'], 'no-referrer');
    const csp = String(res.headers['content-security-policy']);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.ok(csp.includes(`'sha256-${createHash('sha256').update(INLINE).digest('base64')}'`));
    assert.match(csp, /connect-src 'self'/);
    await a.close();
  });

  it('serves the service worker at /o/sw.js (scope /o/), revalidated so a new build reaches the phones', async () => {
    const a = await app(built);
    const res = await a.inject({ method: 'GET', url: '/o/sw.js' });
    assert.equal(res.statusCode, 200);
    assert.equal(res.body, WORKER);
    assert.match(String(res.headers['content-type']), /^text\/javascript/);
    assert.equal(res.headers['cache-control'], 'no-cache');
    await a.close();
  });

  it('says plainly that the page is not built, with a 503', async () => {
    const a = await app(empty);
    for (const url of ['/o/ob_0123.AbCdEfGhIjKlMnOpQrStUv', '/o/sw.js']) {
      const res = await a.inject({ method: 'GET', url });
      assert.equal(res.statusCode, 503, url);
      assert.match(res.body, /观摩评分页面未构建/);
      assert.equal(res.headers['cache-control'], 'no-store');
    }
    await a.close();
  });
});
