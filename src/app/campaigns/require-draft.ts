/** Refuses to change a campaign whose set-up is frozen (any session has opened). */
import { AppError } from '../../contracts/errors.js';
import { MESSAGES } from '../../contracts/messages.js';
import type { AppContext } from '../context.js';
import { requireCampaign } from './require-campaign.js';

export async function requireDraft(ctx: AppContext, campaignId: string): Promise<void> {
  const c = await requireCampaign(ctx, campaignId);
  if (c.status !== 'draft') throw new AppError('campaign_state', { message: MESSAGES.campaignFrozen });
}
