/**
 * 签到大屏: the venue screen of a lesson, /checkin-screen/<class>/<lesson>/<venue>/<key> — a plain HTML shell with a
 * small script (src/http/pages/assets/checkin-screen.*), no build step, like the big screen. The page holds nothing:
 * the rotating QR code and the counts come from /api/checkin-screen/…/<key>, which checks the key.
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { asset } from '../pages/html.js';
import { document } from '../responses.js';
import { typed } from './types.js';

const PAGE = asset('checkin-screen.html');
const SCRIPT = asset('checkin-screen.js');

const inlineStyle = /<style>([\s\S]*?)<\/style>/.exec(PAGE)?.[1] ?? '';

/** Its own script and its one inline style sheet (by hash); the QR is inline SVG, the data same-origin JSON and SSE. */
export const CHECKIN_SCREEN_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  `style-src 'sha256-${createHash('sha256').update(inlineStyle).digest('base64')}'`,
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Loose on purpose: a mistyped link still gets the page, which shows the API's refusal in words. */
const segment = z.string().max(200);

export function checkinScreenPageRoutes(app: FastifyInstance): void {
  const api = typed(app);
  api.get('/checkin-screen/:classId/:lessonId/:venueId/:key', {
    schema: {
      hide: true,
      params: z.object({ classId: segment, lessonId: segment, venueId: segment, key: segment }),
      response: { 200: document('text/html', '会场签到大屏 / the venue check-in screen') },
    },
  }, async (_request, reply) =>
    reply
      .type('text/html; charset=utf-8')
      // The key is in the path: nothing may keep the page or pass the address on.
      .header('cache-control', 'no-store')
      .header('referrer-policy', 'no-referrer')
      .header('x-robots-tag', 'noindex')
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', CHECKIN_SCREEN_CSP)
      .send(PAGE));

  api.get('/checkin-screen/assets/checkin-screen.js', {
    schema: { hide: true, response: { 200: document('text/javascript', '签到大屏脚本 / the venue screen’s script') } },
  }, async (_request, reply) =>
    reply.type('text/javascript; charset=utf-8').header('cache-control', 'no-cache').header('x-content-type-options', 'nosniff').send(SCRIPT));
}
