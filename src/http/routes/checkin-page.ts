/**
 * The trainee's check-in page (学员扫码签到): /c/<class>/<lesson>/<venue> is what a venue screen's QR code opens (the
 * rotating code rides in the # fragment, which never reaches the server), /c/<class> is "我的签到". Both return the
 * same small page built from web/checkin/ (`npm run build:web`); its hashed checkin-* files are served under /assets/
 * beside the phone ballot's (phone-assets.ts). Every answer it shows comes from the /api/checkin routes.
 */
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { document } from '../responses.js';
import { loadBuiltPage, type BuiltPage } from './built-page.js';
import { typed } from './types.js';

/** Where `npm run build:web` writes the check-in page. */
export const CHECKIN_PAGE_DIR = fileURLToPath(new URL('../../../dist/web/checkin/', import.meta.url));

const NOT_BUILT = `<!doctype html><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>擂台</title><p>签到页面尚未构建，请在服务器上运行 <code>npm run build:web</code>。</p>
<p>The check-in page has not been built; run <code>npm run build:web</code> on the server.</p>`;

/** Loose on purpose: a link cut short or garbled still gets the page, which tells the trainee to scan again. */
const segment = z.string().max(200);

export async function checkinPageRoutes(app: FastifyInstance, dir: string = CHECKIN_PAGE_DIR): Promise<void> {
  let page: BuiltPage | null = null;
  const sendPage = (reply: FastifyReply) => {
    page ??= loadBuiltPage(dir);
    if (!page) return reply.code(503).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(NOT_BUILT);
    return reply
      .type('text/html; charset=utf-8')
      // The same page for every class: revalidated, so a new build reaches the phones; the hashed files carry the caching.
      .header('cache-control', 'no-cache')
      .header('referrer-policy', 'no-referrer')
      .header('x-robots-tag', 'noindex')
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', page.csp)
      .send(page.html);
  };
  const api = typed(app);
  const response = {
    200: document('text/html', '学员签到页面 / the trainee’s check-in page'),
    503: document('text/html', '页面尚未构建 / the page is not built yet'),
  };
  api.get('/c/:classId', { schema: { hide: true, params: z.object({ classId: segment }), response } }, async (_request, reply) => sendPage(reply));
  api.get('/c/:classId/:lessonId/:venueId', {
    schema: { hide: true, params: z.object({ classId: segment, lessonId: segment, venueId: segment }), response },
  }, async (_request, reply) => sendPage(reply));
}
