/**
 * Access is decided for every route by the one policy table (route-policy.ts) and checked before the handler; a route
 * without an entry is refused at start-up, so no route can be forgotten. Office staff authenticate either with
 * `Authorization: Bearer <access token>` (CLI, scripts) or with the session cookie of a password login (the
 * console); raters authenticate with their one-time ballot token inside the request instead.
 *
 * CSRF: a browser sends the cookie on its own, so a cookie-authenticated request with an unsafe method must also
 * carry `x-csrf-token` equal to its session's token (returned by login and /api/auth/me). A bearer token is never
 * sent automatically, so bearer requests need none. Cookie-authenticated writes (and the password login) must also
 * come from this server's own pages by their Origin and Sec-Fetch-Site (origin-check.ts).
 */
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { authenticate } from '../app/accounts/authenticate.js';
import type { AppContext } from '../app/context.js';
import { loginActor } from '../app/accounts/find-login-actor.js';
import type { Actor } from '../app/policies/roles.js';
import { AppError } from '../contracts/errors.js';
import { own } from '../domain/own.js';
import { ROUTE_POLICY, type Access } from './route-policy.js';
import { checkOrigin } from './origin-check.js';

export type { Access } from './route-policy.js';

/** How the caller proved who they are. */
export type Authentication = { via: 'token' } | { via: 'session'; sessionId: string; csrfToken: string; username: string };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
    /** A public write that starts a login: its origin is checked as a cookie-authenticated write's is. */
    checkOrigin?: boolean;
  }
  interface FastifyRequest {
    actor: Actor | null;
    authentication: Authentication | null;
  }
  interface FastifyInstance {
    /** Every route with its declared access, for the authorization tests and docs. */
    accessTable: { method: string; url: string; access: Access; inPolicy: boolean }[];
  }
}

export const SESSION_COOKIE = 'leitai_session';
export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** The OpenAPI document and its viewer: routes of a plugin, public, with no schema of their own. */
export const PLUGIN_ROUTES = /^\/api\/docs(\/|$)/;

export function installAuth(app: FastifyInstance, ctx: AppContext): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('authentication', null);
  const table: FastifyInstance['accessTable'] = [];
  app.decorate('accessTable', table);

  app.addHook('onRoute', (route) => {
    if (PLUGIN_ROUTES.test(route.url)) {
      route.config = { ...(route.config ?? {}), access: 'public' };
      return;
    }
    const methods = [route.method].flat().filter((m) => m !== 'HEAD');
    // A HEAD route Fastify adds beside a GET one is decided by the GET's entry.
    const keys = (methods.length > 0 ? methods : ['GET']).map((m) => `${m} ${route.url}`);
    const entries = keys.map((key) => own(ROUTE_POLICY, key));
    const declared = (route.config as { access?: Access } | undefined)?.access;
    if (entries.some((e) => e !== undefined) && declared !== undefined) {
      throw new Error(`route ${keys.join(', ')} declares its own access: src/http/route-policy.ts decides`);
    }
    // A route outside the product (a benchmark's bare baseline) may declare its access itself; every product route is
    // in the table (the authorization test checks).
    const access = entries[0] ?? declared;
    if (access === undefined || entries.some((e) => e !== entries[0])) {
      throw new Error(`route ${keys.join(', ')} has no entry in src/http/route-policy.ts`);
    }
    route.config = { ...(route.config ?? {}), access };
    for (const method of methods) table.push({ method, url: route.url, access, inPolicy: entries[0] !== undefined });
  });

  app.addHook('onRequest', async (request: FastifyRequest) => {
    const access = request.routeOptions.config.access;
    if (access === undefined) return; // 404 handler
    await identify(ctx, request);
    const unsafe = !SAFE_METHODS.has(request.method);
    if (access === 'public' || access === 'rater') {
      if (unsafe && request.routeOptions.config.checkOrigin === true) await checkOrigin(ctx, request);
      return;
    }
    if (!request.actor) throw new AppError('unauthenticated');
    const auth = request.authentication;
    if (auth?.via === 'session' && unsafe) {
      await checkOrigin(ctx, request);
      if (!csrfMatches(request.headers[CSRF_HEADER], auth.csrfToken)) throw new AppError('csrf_failed');
    }
    if (!access.includes(request.actor.role)) throw new AppError('forbidden');
  });
}

/** A bearer header wins over a cookie; a bad bearer token is refused, a stale cookie just counts as none. */
async function identify(ctx: AppContext, request: FastifyRequest): Promise<void> {
  const header = request.headers.authorization;
  if (header) {
    const m = /^Bearer\s+([A-Za-z0-9_-]{16,128})$/.exec(header.trim());
    const actor = m?.[1] ? await authenticate(ctx, m[1]) : null;
    if (!actor) throw new AppError('unauthenticated');
    request.actor = actor;
    request.authentication = { via: 'token' };
    return;
  }
  const secret = request.cookies?.[SESSION_COOKIE];
  if (!secret || !/^[A-Za-z0-9_-]{20,128}$/.test(secret)) return;
  const found = await loginActor(ctx, secret);
  if (!found) return;
  request.actor = found.actor;
  request.authentication = { via: 'session', sessionId: found.sessionId, csrfToken: found.csrfToken, username: found.username };
}

function csrfMatches(sent: string | string[] | undefined, expected: string): boolean {
  if (typeof sent !== 'string') return false;
  const a = Buffer.from(sent);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export interface CookieOptions {
  /** Always mark the cookie Secure (LEITAI_COOKIE_SECURE=true, e.g. behind a TLS proxy); otherwise only over HTTPS. */
  secure?: boolean;
}

export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, secret: string, expiresAt: Date, options: CookieOptions): void {
  reply.setCookie(SESSION_COOKIE, secret, {
    httpOnly: true,
    sameSite: 'strict',
    path: '/',
    secure: options.secure === true || request.protocol === 'https',
    expires: expiresAt,
  });
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply, options: CookieOptions): void {
  reply.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'strict', path: '/', secure: options.secure === true || request.protocol === 'https' });
}

export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('unauthenticated');
  return request.actor;
}
