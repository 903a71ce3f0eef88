/** What the server is built with beyond its context: kept apart from app.ts so routes can read it without a cycle. */
import type { ResponseOptions } from './responses.js';

export interface BuildAppOptions extends ResponseOptions {
  /** true or a level: Fastify's request log, with secrets taken out of URLs (request-log.ts); `stream` for tests. */
  logger?: boolean | { level: string; stream?: { write(line: string): void } };
  /** Per-IP limit of token redemptions per minute (rate limiting of guesses at codes). */
  redeemLimitPerMinute?: number;
  /** Per-IP limit of requests per minute for the public receipt lists (JSON and page). */
  receiptsLimitPerMinute?: number;
  /** Per-IP limit of password login attempts per minute (the per-username lock-out is separate). */
  loginLimitPerMinute?: number;
  /** Mark the session cookie Secure even over plain HTTP (LEITAI_COOKIE_SECURE=true behind a TLS proxy). */
  cookieSecure?: boolean;
}
