/**
 * The office console (办公室工作台): one page built from web/console/ (`npm run build:web`), returned at / and for
 * every path under /console/ (the browser app routes itself); its hashed files are served under /console/assets/,
 * year-cached and pre-compressed. The page itself is public — every number it shows comes from the API, which
 * checks the caller.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { document } from '../responses.js';
import { serveBuiltAssets } from './built-assets.js';
import { typed } from './types.js';

/** Where `npm run build:web` writes the console. */
export const CONSOLE_DIR = fileURLToPath(new URL('../../../dist/web/console/', import.meta.url));

const ASSET = /^[A-Za-z0-9_-]+\.(js|css|woff2?|svg|png)$/;

const NOT_BUILT = `<!doctype html><meta charset="utf-8"><title>擂台</title>
<p>办公室工作台尚未构建，请在服务器上运行 <code>npm run build:web</code>。</p>
<p>The office console has not been built; run <code>npm run build:web</code> on the server.</p>`;

/**
 * Scripts only from our own files. Styles also allow inline: antd writes its component styles at run time
 * (CSS-in-JS) and ECharts sets element styles; script injection stays closed, which is what CSP is for here.
 */
const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "connect-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export async function consolePageRoutes(app: FastifyInstance, dir: string = CONSOLE_DIR): Promise<void> {
  let html: string | null = null;
  const sendPage = (reply: FastifyReply) => {
    if (html === null) {
      try {
        html = readFileSync(`${dir}index.html`, 'utf8');
      } catch {
        return reply.code(503).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(NOT_BUILT);
      }
    }
    return reply
      .type('text/html; charset=utf-8')
      // A new build must reach the office on the next load; the hashed assets carry the caching.
      .header('cache-control', 'no-cache')
      .header('x-content-type-options', 'nosniff')
      .header('referrer-policy', 'same-origin')
      .header('x-robots-tag', 'noindex')
      .header('content-security-policy', CSP)
      .send(html);
  };
  const api = typed(app);
  const response = {
    200: document('text/html', '办公室工作台 / the office console'),
    503: document('text/html', '工作台尚未构建 / the console is not built yet'),
  };
  const page = { schema: { hide: true, response } };
  api.get('/', page, async (_request, reply) => sendPage(reply));
  api.get('/console', page, async (_request, reply) => sendPage(reply));
  api.get('/console/*', page, async (_request, reply) => sendPage(reply));

  await serveBuiltAssets(app, { prefix: '/console/assets', dir: `${dir}assets`, pattern: ASSET });
}
