/**
 * 实到人数: records the head count of a session (null: none recorded, the returned sheets stand for it). A closed
 * session's verdict is final, so its head count no longer changes.
 */
import { AppError } from '../../contracts/errors.js';
import { MESSAGES } from '../../contracts/messages.js';
import { setSessionPresent, } from '../../db/repositories/sessions.js';
import { inTransaction } from '../../db/repositories/shared.js';
import type { AppContext } from '../context.js';
import type { Actor } from '../policies/roles.js';
import { recordAudit } from '../kernel/record-audit.js';
import { requireSession } from './require-session.js';
import { sessionView } from './session-view.js';
import type { SessionView } from '../../contracts/sessions.js';

export async function recordPresent(ctx: AppContext, actor: Actor, sessionId: string, present: number | null): Promise<SessionView> {
  const session = await requireSession(ctx, sessionId);
  if (session.status === 'closed') throw new AppError('session_state', { message: MESSAGES.sessionClosedCounts });
  await inTransaction(ctx.database.db, async (trx) => {
    await setSessionPresent(trx, sessionId, present);
    await recordAudit(trx, ctx, actor, 'session.present', 'session', sessionId, { from: session.present, present });
  });
  return sessionView(await requireSession(ctx, sessionId));
}
