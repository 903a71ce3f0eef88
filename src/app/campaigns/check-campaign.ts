/** 方案检查 of a stored campaign (see domain/review-definition.ts). */
import type { SetupCheck } from '../../contracts/campaigns.js';
import type { AppContext } from '../context.js';
import { requireDefinition } from './require-definition.js';
import { reviewDefinition } from '../../domain/review-definition.js';

export async function checkCampaign(ctx: AppContext, campaignId: string): Promise<SetupCheck> {
  return reviewDefinition(await requireDefinition(ctx, campaignId));
}
