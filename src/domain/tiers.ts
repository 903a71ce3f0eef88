/**
 * 结果等次: forced distribution, filled from the top. A tied group (same rank) that would straddle a tier's cut is
 * never split and never pushes the tier over its cap: the whole group goes on to the next tier, nobody below moves
 * up, and the group is flagged for the office's decision (人工裁定).
 */
import type { TierSpec } from './types.js';

/** How many of n units a tier may hold, with integer arithmetic only. */
export function tierCap(spec: Pick<TierSpec, 'numerator' | 'denominator' | 'rounding'>, n: number): number {
  const num = BigInt(spec.numerator);
  const den = BigInt(spec.denominator);
  const units = BigInt(n);
  if (spec.rounding === 'half-up') return Number((2n * num * units + den) / (2n * den));
  const floor = Number((num * units) / den);
  return spec.rounding === 'at-least-one' ? Math.max(1, floor) : floor;
}

export interface TierAssignment {
  /** Tier key per row, in row order (null when no tiers are declared). */
  tierOf: (string | null)[];
  /** Rows whose tied group straddled a cut. */
  tierTie: boolean[];
  tiers: { key: string; cap: number | null; filled: number }[];
}

/** `ranks` are the rows' ranks in ranking order (equal rank = tied group, 1, 2, 2, 4). */
export function assignTiers(specs: TierSpec[], ranks: number[]): TierAssignment {
  const n = ranks.length;
  const tierOf: (string | null)[] = ranks.map(() => null);
  const tierTie = ranks.map(() => false);
  const tiers: TierAssignment['tiers'] = [];
  let next = 0;
  specs.forEach((spec, t) => {
    const last = t === specs.length - 1;
    const cap = last ? null : tierCap(spec, n);
    let filled = 0;
    while (next < n) {
      let end = next + 1;
      while (end < n && ranks[end] === ranks[next]) end++;
      const size = end - next;
      if (cap !== null && filled + size > cap) {
        if (filled < cap) for (let i = next; i < end; i++) tierTie[i] = true;
        break;
      }
      for (let i = next; i < end; i++) tierOf[i] = spec.key;
      filled += size;
      next = end;
    }
    tiers.push({ key: spec.key, cap, filled });
  });
  return { tierOf, tierTie, tiers };
}
