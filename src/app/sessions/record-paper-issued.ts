/**
 * 纸质发出: the paper sheets handed out per rater group, recorded when the session is created and corrected while it
 * runs — typically when sheets went out unrecorded and the session turned void with more back than issued. The figure
 * replaces the previous one (it is a count, not an increment); tokens count as issued by themselves. Audited with
 * both figures.
 */
import type { PaperIssuedInput } from '../../contracts/api.js';
import { AppError } from '../../contracts/errors.js';
import { MESSAGES } from '../../contracts/messages.js';
import type { SessionView } from '../../contracts/sessions.js';
import { setPaperIssued } from '../../db/repositories/sessions.js';
import { inTransaction } from '../../db/repositories/shared.js';
import { indexDefinition } from '../../domain/definition-index.js';
import { requireDefinition } from '../campaigns/require-definition.js';
import type { AppContext } from '../context.js';
import { recordAudit } from '../kernel/record-audit.js';
import type { Actor } from '../policies/roles.js';
import { requireSession } from './require-session.js';
import { sessionView } from './session-view.js';

export async function recordPaperIssued(ctx: AppContext, actor: Actor, sessionId: string, input: PaperIssuedInput): Promise<SessionView> {
  const session = await requireSession(ctx, sessionId);
  if (session.status === 'closed') throw new AppError('session_state', { message: MESSAGES.sessionClosedCounts });
  const index = indexDefinition(await requireDefinition(ctx, session.campaignId));
  const details = Object.keys(input.paperIssued).flatMap((groupId) => {
    const group = index.groups.get(groupId);
    const path = `paperIssued.${groupId}`;
    if (!group) return [{ path, message: MESSAGES.paperIssuedGroupUnknown(groupId) }];
    const rates = session.instrumentIds.some((i) => index.instruments.get(i)?.groupWeights.some((g) => g.groupId === groupId));
    return rates ? [] : [{ path, message: MESSAGES.paperIssuedGroupNotRating(group.name) }];
  });
  if (details.length > 0) throw new AppError('invalid_request', { message: details[0]!.message, details });
  // Groups left out keep their figure; a zero clears one.
  const paperIssued = Object.fromEntries(
    Object.entries({ ...session.paperIssued, ...input.paperIssued }).filter(([, n]) => n > 0),
  );
  await inTransaction(ctx.database.db, async (trx) => {
    await setPaperIssued(trx, sessionId, paperIssued);
    await recordAudit(trx, ctx, actor, 'session.paper-issued', 'session', sessionId, { from: session.paperIssued, to: paperIssued });
  });
  return sessionView(await requireSession(ctx, sessionId));
}
