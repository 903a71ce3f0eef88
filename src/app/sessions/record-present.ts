/** 实到人数: records the head count of a session (null: none recorded). */
import { setSessionPresent, type SessionRecord } from '../../db/repositories/sessions.js';
import { inTransaction } from '../../db/repositories/shared.js';
import type { AppContext } from '../context.js';
import type { Actor } from '../policies/roles.js';
import { recordAudit } from '../kernel/record-audit.js';
import { requireSession } from './require-session.js';

export async function recordPresent(ctx: AppContext, actor: Actor, sessionId: string, present: number | null): Promise<SessionRecord> {
  await requireSession(ctx, sessionId);
  await inTransaction(ctx.database.db, async (trx) => {
    await setSessionPresent(trx, sessionId, present);
    await recordAudit(trx, ctx, actor, 'session.present', 'session', sessionId, { present });
  });
  return requireSession(ctx, sessionId);
}
