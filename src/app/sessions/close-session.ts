/** 结束测评会: closes an open session and seals its ballots for the tally. */
import { AppError } from '../../contracts/errors.js';
import { MESSAGES } from '../../contracts/messages.js';
import { updateSessionStatus, } from '../../db/repositories/sessions.js';
import { inTransaction } from '../../db/repositories/shared.js';
import { sealSessionBallots } from '../../db/repositories/tally-ballots.js';
import type { AppContext } from '../context.js';
import type { Actor } from '../policies/roles.js';
import { recordAudit } from '../kernel/record-audit.js';
import { requireSession } from './require-session.js';
import { sessionView } from './session-view.js';
import type { SessionView } from '../../contracts/sessions.js';

export async function closeSession(ctx: AppContext, actor: Actor, sessionId: string): Promise<SessionView> {
  const s = await requireSession(ctx, sessionId);
  if (s.status !== 'open') {
    throw new AppError('session_state', { message: MESSAGES.sessionNotOpenToClose });
  }
  await inTransaction(ctx.database.db, async (trx) => {
    if (!(await updateSessionStatus(trx, sessionId, 'open', 'closed', ctx.clock()))) throw new AppError('session_state');
    // One derived row with this session's ballots, so a tally reads a province's sessions, not 150,000 rows.
    await sealSessionBallots(trx, s.campaignId, sessionId);
    await recordAudit(trx, ctx, actor, 'session.close', 'session', sessionId);
  });
  return sessionView(await requireSession(ctx, sessionId));
}
