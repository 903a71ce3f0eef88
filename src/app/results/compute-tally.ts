/** The campaign's tally, computed from its ballots, kept by the results cache until the next ballot. */
import { listBallotsForTally } from '../../db/repositories/ballots.js';
import { presentTally, type PresentedTally } from '../../domain/present.js';
import { tallyCampaign } from '../../domain/tally.js';
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
  return { def, tally: await ctx.results.tally(def, tallyFromBallots(ctx, def)) };
}

export const tallyFromBallots = (ctx: AppContext, def: CampaignDefinition) => async (): Promise<Tally> =>
  tallyCampaign(def, await listBallotsForTally(ctx.database.db, def.id, def.instruments));

/**
 * The office's (unfiltered) presented tally with its definition, from the results cache: the purpose-built read
 * views (src/app/ranking-views.ts) pick from it; callers confined to a unit must filter with `viewerRowFilter`.
 */
export async function presentedResults(ctx: AppContext, campaignId: string): Promise<{ def: CampaignDefinition; presented: PresentedTally }> {
  const def = await requireDefinition(ctx, campaignId);
  return { def, presented: await ctx.results.presented(def, tallyFromBallots(ctx, def), (tally) => presentTally(def, tally)) };
}
