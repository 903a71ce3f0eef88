/** Revokes every screen key of a session (a link that leaked). */
import { revokeScreenKeysOf } from '../../db/repositories/screen-keys.js';
import { inTransaction } from '../../db/repositories/shared.js';
import type { AppContext } from '../context.js';
import { requireSession } from './require-session.js';
import type { Actor } from '../policies/roles.js';
import { recordAudit } from '../kernel/record-audit.js';

export async function revokeScreenKeys(ctx: AppContext, actor: Actor, sessionId: string): Promise<void> {
  await requireSession(ctx, sessionId);
  await inTransaction(ctx.database.db, async (trx) => {
    const revoked = await revokeScreenKeysOf(trx, sessionId, ctx.clock().toISOString());
    await recordAudit(trx, ctx, actor, 'screen.key.revoke', 'session', sessionId, { revoked });
  });
}
