/**
 * The phone ballot page (手机测评): /r/<token> from the QR code and /r for a typed code return the same small page
 * built from web/rate/ (`npm run build:web`); its hashed files are served under /assets/ (phone-assets.ts).
 */
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { document } from '../responses.js';
import { loadBuiltPage, type BuiltPage } from './built-page.js';
import { typed } from './types.js';

/** Where `npm run build:web` writes the phone page. */
export const RATE_PAGE_DIR = fileURLToPath(new URL('../../../dist/web/rate/', import.meta.url));

const NOT_BUILT = `<!doctype html><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>擂台</title><p>手机测评页面尚未构建，请在服务器上运行 <code>npm run build:web</code>。</p>
<p>The phone ballot page has not been built; run <code>npm run build:web</code> on the server.</p>`;

export async function ratePageRoutes(app: FastifyInstance, dir: string = RATE_PAGE_DIR): Promise<void> {
  let page: BuiltPage | null = null;
  const sendPage = (reply: FastifyReply) => {
    page ??= loadBuiltPage(dir);
    if (!page) return reply.code(503).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(NOT_BUILT);
    return reply
      .type('text/html; charset=utf-8')
      // The URL carries the rater's token: nothing may keep it, and no request from the page may pass it on.
      .header('cache-control', 'no-store')
      .header('referrer-policy', 'no-referrer')
      .header('x-robots-tag', 'noindex')
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', page.csp)
      .send(page.html);
  };
  const api = typed(app);
  const hidden = {
    hide: true,
    response: {
      200: document('text/html', '手机测评页面 / the phone ballot page'),
      503: document('text/html', '页面尚未构建 / the page is not built yet'),
    },
  };
  api.get('/r', { schema: hidden }, async (_request, reply) => sendPage(reply));
  api.get('/r/', { schema: hidden }, async (_request, reply) => sendPage(reply));
  api.get('/r/:token', { schema: { ...hidden, params: z.object({ token: z.string().max(200) }) } }, async (_request, reply) => sendPage(reply));
}
