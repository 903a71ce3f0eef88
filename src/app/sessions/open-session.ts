/** 开始测评会: opening the first session activates the campaign and freezes its set-up. */
import { AppError } from '../../contracts/errors.js';
import { MESSAGES } from '../../contracts/messages.js';
import { updateCampaignStatus } from '../../db/repositories/campaigns.js';
import { updateSessionStatus, } from '../../db/repositories/sessions.js';
import { inTransaction } from '../../db/repositories/shared.js';
import type { AppContext } from '../context.js';
import { requireCampaign } from '../campaigns/require-campaign.js';
import type { Actor } from '../policies/roles.js';
import { recordAudit } from '../kernel/record-audit.js';
import { requireSession } from './require-session.js';
import { sessionView } from './session-view.js';
import type { SessionView } from '../../contracts/sessions.js';

/** Opening the first session activates the campaign: from then on its set-up is frozen. */
export async function openSession(ctx: AppContext, actor: Actor, sessionId: string): Promise<SessionView> {
  const s = await requireSession(ctx, sessionId);
  if (s.status !== 'draft') {
    throw new AppError('session_state', { message: MESSAGES.sessionAlreadyStarted(s.status) });
  }
  const campaign = await requireCampaign(ctx, s.campaignId);
  await inTransaction(ctx.database.db, async (trx) => {
    if (!(await updateSessionStatus(trx, sessionId, 'draft', 'open', ctx.clock()))) throw new AppError('session_state');
    if (campaign.status === 'draft') await updateCampaignStatus(trx, campaign.id, 'draft', 'active', ctx.clock());
    await recordAudit(trx, ctx, actor, 'session.open', 'session', sessionId);
  });
  return sessionView(await requireSession(ctx, sessionId));
}
