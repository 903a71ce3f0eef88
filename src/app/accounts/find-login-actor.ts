/** The actor behind a login cookie, or null when the login is unknown, revoked, idle too long or past its end. */
import { findLoginSession, touchLoginSession } from '../../db/repositories/login.js';
import type { AppContext } from '../context.js';
import type { Actor } from '../policies/roles.js';
import { sha256Hex } from '../kernel/secrets.js';
import { LOGIN_IDLE_MS, TOUCH_MS, actorOf } from './login-rules.js';

export interface LoginActor {
  actor: Actor;
  username: string;
  sessionId: string;
  csrfToken: string;
}

export async function loginActor(ctx: AppContext, secret: string): Promise<LoginActor | null> {
  const found = await findLoginSession(ctx.database.db, sha256Hex(secret));
  if (!found) return null;
  const now = ctx.clock().getTime();
  const lastSeen = Date.parse(found.session.last_seen_at);
  if (Date.parse(found.session.expires_at) <= now || lastSeen + LOGIN_IDLE_MS <= now) return null;
  if (now - lastSeen >= TOUCH_MS) await touchLoginSession(ctx.database.db, found.session.id, new Date(now).toISOString());
  return { actor: actorOf(found.account), username: found.account.username, sessionId: found.session.id, csrfToken: found.session.csrf_token };
}
