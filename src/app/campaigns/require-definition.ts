/** Loads a campaign's definition or answers 404. */
import { AppError } from '../../contracts/errors.js';
import { loadDefinition } from '../../db/repositories/definition.js';
import type { CampaignDefinition } from '../../domain/types.js';
import type { AppContext } from '../context.js';

export async function requireDefinition(ctx: AppContext, campaignId: string): Promise<CampaignDefinition> {
  const def = await loadDefinition(ctx.database.db, campaignId);
  if (!def) throw new AppError('not_found', { message: { zh: `活动 ${campaignId} 不存在`, en: `No campaign ${campaignId}` } });
  return def;
}
