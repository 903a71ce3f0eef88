/** 排名稳定性: each unit's best and worst rank if the component weights were set a little differently (domain/stability). */
import { rankingStability } from '../../domain/stability.js';
import type { StabilityResult } from '../../contracts/results-output.js';
import { computeTally } from './compute-tally.js';
import type { AppContext } from '../context.js';
import { noRanking } from './present-ranking.js';

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
