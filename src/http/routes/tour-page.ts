/**
 * The observer's phone page (观摩评分): /o/<observerId>.<secret> is the personal link; the page, built from web/tour/
 * (`npm run build:web`), keeps itself and the tour for offline use with a service worker served at /o/sw.js (so its
 * scope is /o/). Its hashed tour-* files are served under /assets/ beside the other phone pages' (phone-assets.ts).
 * Every answer it shows comes from the /api/tour-phone routes.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { document } from '../responses.js';
import { loadBuiltPage, type BuiltPage } from './built-page.js';
import { typed } from './types.js';

/** Where `npm run build:web` writes the observer's page. */
export const TOUR_PAGE_DIR = fileURLToPath(new URL('../../../dist/web/tour/', import.meta.url));

const NOT_BUILT = `<!doctype html><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>擂台</title><p>观摩评分页面未构建，请在服务器上运行 <code>npm run build:web</code>。</p>
<p>The observer's scoring page has not been built; run <code>npm run build:web</code> on the server.</p>`;

function loadWorker(dir: string): string | null {
  try {
    return readFileSync(`${dir}sw.js`, 'utf8');
  } catch {
    return null;
  }
}

export async function tourPageRoutes(app: FastifyInstance, dir: string = TOUR_PAGE_DIR): Promise<void> {
  let page: BuiltPage | null = null;
  let worker: string | null = null;
  const notBuilt = (reply: FastifyReply) => reply.code(503).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(NOT_BUILT);
  const api = typed(app);

  api.get('/o/sw.js', {
    schema: {
      hide: true,
      response: {
        200: document('text/javascript', '观摩评分页面的离线脚本（service worker）/ the observer page’s service worker'),
        503: document('text/html', '页面尚未构建 / the page is not built yet'),
      },
    },
  }, async (_request, reply) => {
    worker ??= loadWorker(dir);
    if (worker === null) return notBuilt(reply);
    // Revalidated on every update check, so a new build reaches the phones when they are online.
    return reply.type('text/javascript; charset=utf-8').header('cache-control', 'no-cache').header('x-content-type-options', 'nosniff').send(worker);
  });

  api.get('/o/:link', {
    schema: {
      hide: true,
      // Loose on purpose: a link cut short still gets the page, which says the link is not valid.
      params: z.object({ link: z.string().max(200) }),
      response: {
        200: document('text/html', '观摩评分页面 / the observer’s scoring page'),
        503: document('text/html', '页面尚未构建 / the page is not built yet'),
      },
    },
  }, async (_request, reply) => {
    page ??= loadBuiltPage(dir);
    if (!page) return notBuilt(reply);
    return reply
      .type('text/html; charset=utf-8')
      // The URL carries the observer's secret: nothing may keep it, and no request from the page may pass it on.
      .header('cache-control', 'no-store')
      .header('referrer-policy', 'no-referrer')
      .header('x-robots-tag', 'noindex')
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', page.csp)
      .send(page.html);
  });
}
