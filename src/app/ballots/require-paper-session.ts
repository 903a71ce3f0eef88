/** A session paper sheets may be entered in: opened (now or before) and of a campaign whose results are not published. */
import { AppError } from '../../contracts/errors.js';
import { MESSAGES } from '../../contracts/messages.js';
import type { Campaign } from '../../db/repositories/campaigns.js';
import type { SessionRecord } from '../../db/repositories/sessions.js';
import { requireCampaign } from '../campaigns/require-campaign.js';
import type { AppContext } from '../context.js';
import { requireSession } from '../sessions/require-session.js';

export async function requirePaperSession(ctx: AppContext, sessionId: string): Promise<{ session: SessionRecord; campaign: Campaign }> {
  const session = await requireSession(ctx, sessionId);
  if (session.status === 'draft') throw new AppError('session_state', { message: MESSAGES.paperBeforeOpen });
  const campaign = await requireCampaign(ctx, session.campaignId);
  if (campaign.status === 'published') throw new AppError('campaign_state', { message: MESSAGES.paperAfterPublish });
  return { session, campaign };
}
