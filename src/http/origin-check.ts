/**
 * Where a browser's write comes from (docs/security.md): a cookie-authenticated write — and a password login, which
 * asks for a cookie — must come from this server's own pages. Browsers say where a request comes from in `Origin`
 * (on every POST, PUT, PATCH and DELETE) and `Sec-Fetch-Site`; a request with neither is no browser's, and the CSRF
 * token alone guards it (as Rails and Go's CrossOriginProtection do). Own origins: the Host the request came to,
 * and the configured public address (公开地址), which a proxy in front may present under another name.
 */
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../app/context.js';
import { resolvePublicAddress } from '../app/settings/resolve-public-address.js';
import { AppError } from '../contracts/errors.js';
import { MESSAGES } from '../contracts/messages.js';
import { requestOrigin } from './request-origin.js';

/** Refuses the request (403) unless it comes from this server's own pages or from no browser at all. */
export async function checkOrigin(ctx: AppContext, request: FastifyRequest): Promise<void> {
  const origin = header(request, 'origin');
  const site = header(request, 'sec-fetch-site');
  const sameSiteOrCross = site !== undefined && site !== 'same-origin' && site !== 'none';
  if (origin === undefined && !sameSiteOrCross) return;
  const url = origin === undefined ? null : parseOrigin(origin);
  if (url !== null && !sameSiteOrCross && sameHost(url, request.host)) return;
  if (url !== null && (await isPublicAddress(ctx, request, url))) return;
  throw new AppError('csrf_failed', { message: MESSAGES.foreignOrigin });
}

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return typeof value === 'string' ? value.trim().toLowerCase() : undefined;
}

/** `null` (a sandboxed frame, a file or data: page) and anything not http(s) is no origin of ours. */
function parseOrigin(origin: string): URL | null {
  if (origin === 'null') return null;
  try {
    const url = new URL(origin);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

/** The Origin names the host and port the request came to (behind a TLS proxy the scheme the server sees differs). */
function sameHost(origin: URL, host: string): boolean {
  let target: URL;
  try {
    target = new URL(`${origin.protocol}//${host}`);
  } catch {
    return false;
  }
  return target.hostname === origin.hostname && portOf(target) === portOf(origin);
}

function portOf(url: URL): string {
  return url.port || (url.protocol === 'https:' ? '443' : '80');
}

async function isPublicAddress(ctx: AppContext, request: FastifyRequest, origin: URL): Promise<boolean> {
  const { url, source } = await resolvePublicAddress(ctx, requestOrigin(request));
  if (source === 'request') return false;
  const configured = parseOrigin(url);
  return configured !== null && configured.origin === origin.origin;
}
