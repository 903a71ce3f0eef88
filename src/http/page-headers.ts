/**
 * What every HTML page answers with (docs/security.md): a Content-Security-Policy, `X-Content-Type-Options: nosniff`
 * and `frame-ancestors 'none'` (with X-Frame-Options for old browsers), set in one onSend hook for every text/html
 * answer. A page whose needs are known declares its own policy (its inline style sheet by hash, its script by 'self');
 * any other page gets DEFAULT_PAGE_CSP, which runs no script at all.
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';

export interface PagePolicy {
  /** The page's inline <style> sheets, allowed exactly, by hash. */
  styles?: readonly string[];
  /** Its scripts come from this server ('self'); no inline script is ever allowed. */
  scripts?: boolean;
  /** Its style sheets come from this server (link rel=stylesheet). */
  selfStyles?: boolean;
  /** Inline sheets it inserts itself, by their hash ('sha256-…'), when their text is not ours to read. */
  styleHashes?: readonly string[];
  /** It fetches or streams from this server (fetch, EventSource). */
  connect?: boolean;
  /** It sets style="" attributes through innerHTML (the big screen's bars): allowed for attributes only. */
  styleAttributes?: boolean;
  /** Images from this server and data: URLs. */
  images?: boolean;
  /** Its forms post to this server. */
  forms?: boolean;
}

const hash = (text: string): string => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

export function pageCsp(policy: PagePolicy): string {
  const styles = [...(policy.styles ?? []).map(hash), ...(policy.styleHashes ?? [])];
  return [
    "default-src 'none'",
    policy.scripts ? "script-src 'self'" : null,
    styles.length > 0 || policy.selfStyles ? `style-src ${[...(policy.selfStyles ? ["'self'"] : []), ...styles].join(' ')}` : null,
    policy.styleAttributes ? "style-src-attr 'unsafe-inline'" : null,
    policy.images ? "img-src 'self' data:" : null,
    policy.connect ? "connect-src 'self'" : null,
    "base-uri 'none'",
    `form-action ${policy.forms ? "'self'" : "'none'"}`,
    "frame-ancestors 'none'",
  ]
    .filter((d) => d !== null)
    .join('; ');
}

/** A page that declared nothing: no script, its own inline styles, images inline. Prefer declaring a policy. */
export const DEFAULT_PAGE_CSP = [
  "default-src 'none'",
  "style-src 'unsafe-inline'",
  'img-src data:',
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Headers of a page whose URL carries a secret (a screen key) or whose body does (fresh tokens). */
export const SECRET_PAGE_HEADERS = { 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' } as const;

export function installPageHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (_request, reply, payload) => {
    if (!String(reply.getHeader('content-type') ?? '').startsWith('text/html')) return payload;
    reply.header('x-content-type-options', 'nosniff');
    reply.header('x-frame-options', 'DENY');
    if (!reply.hasHeader('content-security-policy')) reply.header('content-security-policy', DEFAULT_PAGE_CSP);
    if (!reply.hasHeader('referrer-policy')) reply.header('referrer-policy', 'same-origin');
    return payload;
  });
}
