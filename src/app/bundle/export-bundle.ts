/** 导出: the definition and every ballot as cast or entered, plus the results as the server computes them now. */
import { BUNDLE_FORMAT, BUNDLE_VERSION, } from '../../contracts/bundle.js';
import { presentTally } from '../../domain/present.js';
import type { AppContext } from '../context.js';
import { listBallotsAsCast } from '../../db/repositories/ballots.js';
import { requireDefinition } from '../campaigns/require-definition.js';
import { tallyCampaign } from '../../domain/tally.js';
import type { ExportedBundle } from '../../contracts/bundle.js';

export async function exportBundle(ctx: AppContext, campaignId: string): Promise<ExportedBundle> {
  const definition = await requireDefinition(ctx, campaignId);
  const ballots = await listBallotsAsCast(ctx.database.db, campaignId);
  const results = presentTally(definition, tallyCampaign(definition, ballots));
  return { format: BUNDLE_FORMAT, version: BUNDLE_VERSION, exportedAt: ctx.clock().toISOString(), definition, ballots, results };
}
