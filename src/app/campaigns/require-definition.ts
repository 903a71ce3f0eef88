/** Loads a campaign's definition or answers 404. */
import { notFound } from '../../contracts/messages.js';
import { loadDefinition } from '../../db/repositories/definition.js';
import type { CampaignDefinition } from '../../domain/types.js';
import type { AppContext } from '../context.js';

export async function requireDefinition(ctx: AppContext, campaignId: string): Promise<CampaignDefinition> {
  const def = await loadDefinition(ctx.database.db, campaignId);
  if (!def) throw notFound('campaign', campaignId);
  return def;
}
