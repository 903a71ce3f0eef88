/** 登录: password login into a cookie session, logout, who am I, and changing one's own password. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { changePassword } from '../../app/accounts/change-password.js';
import type { AppContext } from '../../app/context.js';
import { logIn } from '../../app/accounts/log-in.js';
import { logOut } from '../../app/accounts/log-out.js';
import { MIN_PASSWORD_LENGTH } from '../../app/accounts/passwords.js';
import type { Actor } from '../../app/policies/roles.js';
import { currentUserSchema, type CurrentUser } from '../../contracts/accounts.js';
import { getAccount } from '../../db/repositories/accounts.js';
import type { BuildAppOptions } from '../options.js';
import { clearSessionCookie, requireActor, setSessionCookie } from '../auth.js';
import { noContent } from '../responses.js';
import { typed } from './types.js';

const tags = ['auth'];
export const passwordSchema = z.string().min(MIN_PASSWORD_LENGTH).max(200);

function whoAmI(actor: Actor, via: 'session' | 'token', username: string | null, csrfToken: string | null): CurrentUser {
  return {
    user: { id: actor.id, username, displayName: actor.name },
    role: actor.role,
    unitId: actor.unitId,
    csrfToken,
    authenticatedBy: via,
  };
}

export function authRoutes(app: FastifyInstance, ctx: AppContext, options: BuildAppOptions): void {
  const api = typed(app);
  const cookie = { secure: options.cookieSecure };

  api.post('/api/auth/login', {
    config: { checkOrigin: true, rateLimit: { max: options.loginLimitPerMinute ?? 300, timeWindow: '1 minute' } },
    schema: {
      tags,
      summary: '密码登录：设置会话 Cookie，返回角色与防伪令牌 / password login: sets the session cookie, returns the role and CSRF token',
      body: z.object({ username: z.string().min(1).max(100), password: z.string().min(1).max(200) }),
      response: { 200: currentUserSchema },
    },
  }, async (request, reply) => {
    const previous = request.authentication;
    const done = await logIn(ctx, { username: request.body.username, password: request.body.password, ip: request.ip });
    // Logging in again replaces the session the browser held.
    if (previous?.via === 'session' && request.actor) await logOut(ctx, request.actor, previous.sessionId);
    setSessionCookie(request, reply, done.sessionSecret, done.expiresAt, cookie);
    return reply.header('cache-control', 'no-store').send(whoAmI(done.actor, 'session', done.username, done.csrfToken));
  });

  api.post('/api/auth/logout', {
    schema: { tags, summary: '退出登录（结束会话）/ log out (ends the session)', response: { 204: noContent } },
  }, async (request, reply) => {
    const auth = request.authentication;
    if (auth?.via === 'session') await logOut(ctx, requireActor(request), auth.sessionId);
    clearSessionCookie(request, reply, cookie);
    return reply.code(204).send();
  });

  api.get('/api/auth/me', {
    schema: { tags, summary: '当前用户、角色、所属单位与防伪令牌 / the current user, role, unit and CSRF token', response: { 200: currentUserSchema } },
  }, async (request, reply) => {
    const auth = request.authentication;
    const actor = requireActor(request);
    const username = auth?.via === 'session' ? auth.username : ((await getAccount(ctx.database.db, actor.id))?.username ?? null);
    return reply.header('cache-control', 'no-store').send(whoAmI(actor, auth?.via === 'session' ? 'session' : 'token', username, auth?.via === 'session' ? auth.csrfToken : null));
  });

  api.post('/api/auth/password', {
    schema: {
      tags,
      summary: `修改本人密码（需当前密码；新密码至少 ${MIN_PASSWORD_LENGTH} 位；其他会话随之结束）/ change your own password (needs the current one; ends your other sessions)`,
      body: z.object({ currentPassword: z.string().min(1).max(200), newPassword: passwordSchema }),
      response: { 204: noContent },
    },
  }, async (request, reply) => {
    const auth = request.authentication;
    await changePassword(ctx, requireActor(request), { ...request.body, keepSessionId: auth?.via === 'session' ? auth.sessionId : null, ip: request.ip });
    return reply.code(204).send();
  });
}
