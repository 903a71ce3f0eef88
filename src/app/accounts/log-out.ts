/** 退出登录: revokes the login session behind the cookie. */
import { revokeLoginSession } from '../../db/repositories/login.js';
import { inTransaction } from '../../db/repositories/shared.js';
import type { AppContext } from '../context.js';
import type { Actor } from '../policies/roles.js';
import { recordAudit } from '../kernel/record-audit.js';

export async function logOut(ctx: AppContext, actor: Actor, sessionId: string): Promise<void> {
  await inTransaction(ctx.database.db, async (trx) => {
    await revokeLoginSession(trx, sessionId, ctx.clock().toISOString());
    await recordAudit(trx, ctx, actor, 'auth.logout', 'account', actor.id, { sessionId });
  });
}
