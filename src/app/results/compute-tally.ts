/** The campaign's tally, computed from its ballots, kept current by the results cache (kernel/results-cache.ts). */
import { presentTally, type PresentedTally } from '../../domain/present.js';
import type { Tally } from '../../domain/results.js';
import type { CampaignDefinition } from '../../domain/types.js';
import type { AppContext } from '../context.js';
import { requireDefinition } from '../campaigns/require-definition.js';

export interface ComputedTally {
  def: CampaignDefinition;
  tally: Tally;
}

export async function computeTally(ctx: AppContext, campaignId: string): Promise<ComputedTally> {
  const def = await requireDefinition(ctx, campaignId);
  return { def, tally: await ctx.results.tally(def) };
}

/** The campaign's tally counted again from every ballot in the database now (what a publication freezes). */
export async function recountTally(ctx: AppContext, campaignId: string): Promise<ComputedTally> {
  const def = await requireDefinition(ctx, campaignId);
  return { def, tally: await ctx.results.recount(def) };
}

/**
 * The office's (unfiltered) presented tally with its definition, from the results cache: the purpose-built read
 * views (src/app/ranking-views.ts) pick from it; callers confined to a unit must filter with `viewerRowFilter`.
 */
export async function presentedResults(ctx: AppContext, campaignId: string): Promise<{ def: CampaignDefinition; presented: PresentedTally }> {
  const def = await requireDefinition(ctx, campaignId);
  return { def, presented: await ctx.results.presented(def, (tally) => presentTally(def, tally)) };
}
