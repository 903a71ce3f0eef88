/** What the server is built with beyond its context: kept apart from app.ts so routes can read it without a cycle. */
import type { ResponseOptions } from './responses.js';

export interface BuildAppOptions extends ResponseOptions {
  /** true or a level: Fastify's request log, with secrets taken out of URLs (request-log.ts); `stream` for tests. */
  logger?: boolean | { level: string; stream?: { write(line: string): void } };
  /** Per-IP requests per minute to the ballot routes (default 60,000): a coarse flood guard; guesses are limited by guess-guard.ts. */
  redeemLimitPerMinute?: number;
  /** Per-IP limit of requests per minute for the public receipt lists (JSON and page). */
  receiptsLimitPerMinute?: number;
  /**
   * Per-IP limit of password login attempts per minute (default 300): a coarse flood guard, counted in this process. The
   * guard that matters is the per-(username, address) throttle in the database (app/accounts/lock-out.ts).
   */
  loginLimitPerMinute?: number;
  /**
   * Proxies whose X-Forwarded-For is believed: addresses or CIDR ranges (comma-separated), or a number of hops. Unset:
   * none — the connection's address is the client's, and a forged header changes nothing.
   */
  trustProxy?: string | number;
  /** Mark the session cookie Secure even over plain HTTP (LEITAI_COOKIE_SECURE=true behind a TLS proxy). */
  cookieSecure?: boolean;
}
