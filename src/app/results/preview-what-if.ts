/** 假设分析: the ranking under other weights or aggregation methods, beside the real one; nothing is stored. */
import { AppError } from '../../contracts/errors.js';
import { MESSAGES } from '../../contracts/messages.js';
import type { WhatIfInput } from '../../contracts/results-output.js';
import { listBallotsForTally } from '../../db/repositories/ballots.js';
import { whatIf } from '../../domain/what-if.js';
import type { WhatIfResult } from '../../contracts/results-output.js';
import type { AppContext } from '../context.js';
import { requireDefinition } from '../campaigns/require-definition.js';
import { presentRanking, noRanking } from './present-ranking.js';

export async function previewWhatIf(ctx: AppContext, campaignId: string, input: WhatIfInput): Promise<WhatIfResult> {
  const def = await requireDefinition(ctx, campaignId);
  const ballots = await listBallotsForTally(ctx.database.db, campaignId, def.instruments);
  const outcome = whatIf(def, ballots, input);
  if (outcome === null) throw noRanking(input.rankingId);
  if ('problems' in outcome) {
    throw new AppError('invalid_definition', {
      message: MESSAGES.whatIfInvalid,
      details: outcome.problems.map((p) => ({ ...p })),
    });
  }
  const baseline = presentRanking(def, outcome.baseline);
  const scenario = presentRanking(outcome.definition, outcome.scenario);
  const before = new Map(baseline.rows.map((r) => [r.unitId, r]));
  const spec = def.rankings.find((r) => r.id === input.rankingId)!;
  const changedSpec = outcome.definition.rankings.find((r) => r.id === input.rankingId)!;
  const instrumentName = new Map(def.instruments.map((i) => [i.id, i.name]));
  const declaredAggregation = new Map(def.instruments.map((i) => [i.id, i.aggregation]));
  return {
    rankingId: spec.id,
    name: spec.name,
    stored: false,
    weights: changedSpec.components.map((c) => ({
      instrumentId: c.instrumentId,
      name: instrumentName.get(c.instrumentId) ?? c.instrumentId,
      declared: spec.components.find((d) => d.instrumentId === c.instrumentId)?.weight ?? null,
      scenario: c.weight,
    })),
    aggregation: Object.entries(input.aggregation ?? {}).map(([instrumentId, method]) => ({
      instrumentId,
      name: instrumentName.get(instrumentId) ?? instrumentId,
      declared: declaredAggregation.get(instrumentId)!,
      scenario: method,
    })),
    tiers: scenario.tiers,
    rows: scenario.rows.map((row) => {
      const old = before.get(row.unitId)!;
      return { ...row, baselineRank: old.rank, change: old.rank - row.rank, baselineTier: old.tier, baselineTotal: old.total };
    }),
  };
}
