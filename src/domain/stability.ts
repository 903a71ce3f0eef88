/**
 * 排名稳定性: how far each unit's rank could move if the component weights were set a little differently. The grid
 * is every weight vector whose components each differ from the declared weights by −step, 0 or +step percentage
 * points and still sum to exactly 100 (so no renormalisation, no rounding: weights stay decimal strings and every
 * point is ranked by `rankUnits`, the same code as the real ranking). Deterministic; the declared weights are one
 * of its points. Component scores do not depend on weights, so the ballots are tallied once.
 */
import { indexDefinition } from './definition-index.js';
import { type Fraction, ZERO, parseDecimal } from './exact.js';
import { rankUnits, rollupSource } from './rank.js';
import type { RankingResult, Tally } from './results.js';
import type { CampaignDefinition, RankingSpec } from './types.js';

/** Above this many components the full grid (≈ 3^m / √m points) gives way to single transfers between two weights. */
export const FULL_GRID_MAX_COMPONENTS = 8;

export interface UnitStability {
  unitId: string;
  rank: number;
  tier: string | null;
  bestRank: number;
  worstRank: number;
  /** Weights (percent, by component order) at which the best / worst rank was first reached on the grid. */
  bestAt: string[];
  worstAt: string[];
  /** Every tier the unit lands in somewhere on the grid, in the ranking's tier order. */
  tiers: string[];
  tierCanChange: boolean;
  /** Somewhere on the grid the unit is tied across a tier cut (人工裁定). */
  tierTieSomewhere: boolean;
}

export interface RankingStability {
  rankingId: string;
  /** Percentage points each weight may move, decimal string. */
  step: string;
  grid: 'full' | 'pairwise';
  /** Number of weight vectors ranked, the declared one included. */
  points: number;
  components: { instrumentId: string; weight: string }[];
  units: UnitStability[];
}

/** Prints an exact decimal Fraction as a plain decimal string (weights on the grid always are such decimals). */
function decimalString(f: Fraction): string {
  const s = f.toString();
  if (s.includes('(')) throw new Error(`not a terminating decimal: ${s}`);
  return s;
}

/**
 * The weight vectors of the grid, declared first. Full grid: offsets e ∈ {−1, 0, 1}^m with Σe = 0; pairwise: one
 * weight +step and one other −step. Points with a negative weight are left out.
 */
export function weightGrid(weights: Fraction[], step: Fraction): Fraction[][] {
  const m = weights.length;
  const out: Fraction[][] = [weights];
  const add = (offsets: number[]): void => {
    const point = weights.map((w, i) => w.add(step.mul(offsets[i]!)));
    if (point.every((w) => w.compare(ZERO) >= 0)) out.push(point);
  };
  if (step.equals(0) || m < 2) return out;
  if (m <= FULL_GRID_MAX_COMPONENTS) {
    const offsets = new Array<number>(m).fill(-1);
    for (;;) {
      if (offsets.reduce((a, b) => a + b, 0) === 0 && offsets.some((e) => e !== 0)) add(offsets);
      let i = m - 1;
      while (i >= 0 && offsets[i] === 1) offsets[i--] = -1;
      if (i < 0) break;
      offsets[i]!++;
    }
    return out;
  }
  for (let up = 0; up < m; up++) {
    for (let down = 0; down < m; down++) {
      if (up === down) continue;
      const offsets = new Array<number>(m).fill(0);
      offsets[up] = 1;
      offsets[down] = -1;
      add(offsets);
    }
  }
  return out;
}

/**
 * Best and worst rank of every unit of `rankingId` over the weight grid. `tally` is the campaign's tally of `def`;
 * null when there is no such ranking.
 */
export function rankingStability(def: CampaignDefinition, tally: Tally, rankingId: string, step = '5'): RankingStability | null {
  const spec = def.rankings.find((r) => r.id === rankingId);
  if (!spec) return null;
  const index = indexDefinition(def);
  const rollupOf = rollupSource(index, tally.instruments);
  const declared = spec.components.map((c) => parseDecimal(c.weight));
  const grid = weightGrid(declared, parseDecimal(step));
  const tierOrder = spec.tiers.map((t) => t.key);
  const results: { weights: string[]; result: RankingResult }[] = grid.map((point) => {
    const weights = point.map(decimalString);
    const perturbed: RankingSpec = { ...spec, components: spec.components.map((c, i) => ({ instrumentId: c.instrumentId, weight: weights[i]! })) };
    return { weights, result: rankUnits(index, perturbed, rollupOf) };
  });
  const base = results[0]!;
  const units = new Map<string, UnitStability>(
    base.result.rows.map((row) => [
      row.unitId,
      { unitId: row.unitId, rank: row.rank, tier: row.tier, bestRank: row.rank, worstRank: row.rank, bestAt: base.weights, worstAt: base.weights, tiers: [], tierCanChange: false, tierTieSomewhere: false },
    ]),
  );
  const seenTiers = new Map<string, Set<string>>([...units.keys()].map((id) => [id, new Set<string>()]));
  for (const { weights, result } of results) {
    for (const row of result.rows) {
      const u = units.get(row.unitId)!;
      if (row.rank < u.bestRank) [u.bestRank, u.bestAt] = [row.rank, weights];
      if (row.rank > u.worstRank) [u.worstRank, u.worstAt] = [row.rank, weights];
      if (row.tier !== null) seenTiers.get(row.unitId)!.add(row.tier);
      if (row.tierTie) u.tierTieSomewhere = true;
    }
  }
  for (const u of units.values()) {
    const seen = seenTiers.get(u.unitId)!;
    u.tiers = tierOrder.filter((k) => seen.has(k));
    u.tierCanChange = u.tiers.length > 1;
  }
  return {
    rankingId,
    step,
    grid: spec.components.length <= FULL_GRID_MAX_COMPONENTS ? 'full' : 'pairwise',
    points: grid.length,
    components: spec.components.map((c) => ({ instrumentId: c.instrumentId, weight: c.weight })),
    units: base.result.rows.map((row) => units.get(row.unitId)!),
  };
}
