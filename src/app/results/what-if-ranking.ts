/**
 * 假设分析 and 排名稳定性 for the office: the ranking under other weights or aggregation methods, and how far each
 * rank could move on a grid of weights. Read-only: the stored definition and any publication stay as they are.
 */
import { AppError } from '../../contracts/errors.js';
import { MESSAGES, notFound } from '../../contracts/messages.js';
import type { WhatIfInput } from '../../contracts/results-output.js';
import { listBallotsForTally } from '../../db/repositories/ballots.js';
import { presentTally, type PresentedTally } from '../../domain/present.js';
import type { RankingResult, Tally } from '../../domain/results.js';
import { rankingStability, } from '../../domain/stability.js';
import type { CampaignDefinition } from '../../domain/types.js';
import { whatIf } from '../../domain/what-if.js';
import type { StabilityResult } from '../../contracts/results-output.js';
import type { WhatIfResult } from '../../contracts/results-output.js';
import { computeTally } from './compute-results.js';
import type { AppContext } from '../context.js';
import { requireDefinition } from '../campaigns/require-definition.js';

type PresentedRanking = PresentedTally['rankings'][number];

function presentRanking(def: CampaignDefinition, ranking: RankingResult): PresentedRanking {
  const tally: Tally = { campaignId: def.id, ballots: { total: 0, valid: 0, invalid: 0, excluded: 0 }, invalidBallots: [], sessions: [], instruments: [], rankings: [ranking] };
  return presentTally({ ...def, sessions: [] }, tally).rankings[0]!;
}

const noRanking = (rankingId: string) => notFound('ranking', rankingId);

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

export async function rankStability(ctx: AppContext, campaignId: string, rankingId: string, step = '5'): Promise<StabilityResult> {
  const { def, tally } = await computeTally(ctx, campaignId);
  const result = rankingStability(def, tally, rankingId, step);
  if (!result) throw noRanking(rankingId);
  const names = new Map(def.units.map((u) => [u.id, u.name]));
  return {
    ...result,
    name: def.rankings.find((r) => r.id === rankingId)!.name,
    units: result.units.map((u) => ({ ...u, name: names.get(u.unitId) ?? u.unitId })),
  };
}
