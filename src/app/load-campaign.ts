/** Loads a campaign's definition or answers 404. */
import type { CampaignRecord } from '../contracts/campaigns.js';
import { assertSame, type Same } from '../contracts/common.js';
import { AppError } from '../contracts/errors.js';
import { getCampaign, type Campaign } from '../db/repositories/campaigns.js';
import { loadDefinition } from '../db/repositories/definition.js';
import type { CampaignDefinition } from '../domain/types.js';
import type { AppContext } from './context.js';

export async function requireCampaign(ctx: AppContext, campaignId: string): Promise<Campaign> {
  const campaign = await getCampaign(ctx.database.db, campaignId);
  if (!campaign) throw new AppError('not_found', { message: { zh: `活动 ${campaignId} 不存在`, en: `No campaign ${campaignId}` } });
  return campaign;
}

// Campaign records leave as stored: the stored record and the API's may not drift apart.
assertSame<Same<Campaign, CampaignRecord>>();

export async function requireDefinition(ctx: AppContext, campaignId: string): Promise<CampaignDefinition> {
  const def = await loadDefinition(ctx.database.db, campaignId);
  if (!def) throw new AppError('not_found', { message: { zh: `活动 ${campaignId} 不存在`, en: `No campaign ${campaignId}` } });
  return def;
}
