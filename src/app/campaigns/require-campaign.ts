/** Loads a campaign or answers 404. */
import { notFound } from '../../contracts/messages.js';
import { getCampaign, type Campaign } from '../../db/repositories/campaigns.js';
import type { CampaignRecord } from '../../contracts/campaigns.js';
import { assertSame, type Same } from '../../contracts/common.js';
import type { AppContext } from '../context.js';

export async function requireCampaign(ctx: AppContext, campaignId: string): Promise<Campaign> {
  const campaign = await getCampaign(ctx.database.db, campaignId);
  if (!campaign) throw notFound('campaign', campaignId);
  return campaign;
}

// Campaign records leave as stored: the stored record and the API's may not drift apart.
assertSame<Same<Campaign, CampaignRecord>>();
