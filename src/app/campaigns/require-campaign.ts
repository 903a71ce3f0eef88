/** Loads a campaign or answers 404. */
import { AppError } from '../../contracts/errors.js';
import { getCampaign, type Campaign } from '../../db/repositories/campaigns.js';
import type { AppContext } from '../context.js';

export async function requireCampaign(ctx: AppContext, campaignId: string): Promise<Campaign> {
  const campaign = await getCampaign(ctx.database.db, campaignId);
  if (!campaign) throw new AppError('not_found', { message: { zh: `活动 ${campaignId} 不存在`, en: `No campaign ${campaignId}` } });
  return campaign;
}
