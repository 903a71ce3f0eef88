/**
 * Access is declared on every route (`config.access`) and checked before the handler; a route without a declaration
 * is refused at start-up, so no route can be forgotten. Office staff send `Authorization: Bearer <access token>`;
 * raters authenticate with their one-time ballot token inside the request instead.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { authenticate } from '../app/authenticate.js';
import type { AppContext } from '../app/context.js';
import type { Actor, Role } from '../app/policies/roles.js';
import { AppError } from '../contracts/errors.js';

/** public: anyone; rater: anyone holding a ballot token (checked by the use case); otherwise the roles allowed. */
export type Access = 'public' | 'rater' | readonly Role[];

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    actor: Actor | null;
  }
  interface FastifyInstance {
    /** Every route with its declared access, for the authorization tests and docs. */
    accessTable: { method: string; url: string; access: Access }[];
  }
}

const PLUGIN_ROUTES = /^\/api\/docs(\/|$)/;

export function installAuth(app: FastifyInstance, ctx: AppContext): void {
  app.decorateRequest('actor', null);
  const table: FastifyInstance['accessTable'] = [];
  app.decorate('accessTable', table);

  app.addHook('onRoute', (route) => {
    if (PLUGIN_ROUTES.test(route.url)) {
      route.config = { ...(route.config ?? {}), access: 'public' };
      return;
    }
    const access = (route.config as { access?: Access } | undefined)?.access;
    if (access === undefined) throw new Error(`route ${route.method} ${route.url} declares no access`);
    for (const method of [route.method].flat()) if (method !== 'HEAD') table.push({ method, url: route.url, access });
  });

  app.addHook('onRequest', async (request: FastifyRequest) => {
    const access = request.routeOptions.config.access;
    if (access === undefined) return; // 404 handler
    request.actor = await actorFromHeader(ctx, request.headers.authorization);
    if (access === 'public' || access === 'rater') return;
    if (!request.actor) throw new AppError('unauthenticated');
    if (!access.includes(request.actor.role)) throw new AppError('forbidden');
  });
}

async function actorFromHeader(ctx: AppContext, header: string | undefined): Promise<Actor | null> {
  if (!header) return null;
  const m = /^Bearer\s+([A-Za-z0-9_-]{16,128})$/.exec(header.trim());
  if (!m?.[1]) throw new AppError('unauthenticated');
  const actor = await authenticate(ctx, m[1]);
  if (!actor) throw new AppError('unauthenticated');
  return actor;
}

export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('unauthenticated');
  return request.actor;
}
