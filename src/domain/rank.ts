/**
 * 排名: ranks the units of a level by total = Σ effective weight × component score + campaign adjustments. Ties share
 * a rank (1, 2, 2, 4) after the declared tie-breaks; tiers are then filled from the top (`tiers.ts`).
 */
import type { DefinitionIndex } from './definition-index.js';
import { Fraction, HUNDRED, ZERO, formatFixed, parseDecimal } from './exact.js';
import type { ComponentResult, InstrumentTally, RankingResult, RankingRow } from './results.js';
import { createRollup, type Rollup } from './rollup.js';
import { assignTiers } from './tiers.js';
import type { RankingSpec } from './types.js';

/** Roll-ups per instrument, built on first use. */
export function rollupSource(index: DefinitionIndex, instruments: InstrumentTally[]): (instrumentId: string) => Rollup | null {
  const tallies = new Map(instruments.map((t) => [t.instrumentId, t]));
  const built = new Map<string, Rollup>();
  return (instrumentId) => {
    const known = built.get(instrumentId);
    if (known) return known;
    const tally = tallies.get(instrumentId);
    if (!tally) return null;
    const rollup = createRollup(index, tally);
    built.set(instrumentId, rollup);
    return rollup;
  };
}

/** The value ties are judged on: exact, or the published rounded value when the campaign says so. */
export function judgedValue(index: DefinitionIndex, f: Fraction): Fraction {
  if (index.def.tieJudgement !== 'published') return f;
  const p = index.def.precision;
  return new Fraction(BigInt(formatFixed(f, p).replace('.', '')), 10n ** BigInt(p));
}

/** The units a ranking ranks, in definition order. A scoped ranking walks down its subtree only (a province has
 * thousands of scoped rankings; filtering every unit for each would be quadratic). */
export function unitsOfRanking(index: DefinitionIndex, spec: RankingSpec): string[] {
  if (spec.scopeUnitId === null) return index.def.units.filter((u) => u.level === spec.level).map((u) => u.id);
  const inScope = new Set<string>();
  const stack = [spec.scopeUnitId];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (inScope.has(id)) continue;
    inScope.add(id);
    for (const child of index.children.get(id) ?? []) stack.push(child);
  }
  const position = unitPositions(index);
  return [...inScope]
    .filter((id) => index.units.get(id)?.level === spec.level)
    .sort((a, b) => position.get(a)! - position.get(b)!);
}

const positions = new WeakMap<DefinitionIndex, Map<string, number>>();

function unitPositions(index: DefinitionIndex): Map<string, number> {
  let map = positions.get(index);
  if (!map) positions.set(index, (map = new Map(index.def.units.map((u, i) => [u.id, i]))));
  return map;
}

function scoreRow(spec: RankingSpec, rollupOf: (id: string) => Rollup | null, unitId: string): RankingRow {
  const scored = spec.components.map((c) => {
    const us = rollupOf(c.instrumentId)?.scoreOf(unitId);
    return { c, weight: parseDecimal(c.weight), score: us?.score ?? null, source: us?.source ?? ('missing' as const) };
  });
  const renormalize = spec.missingComponent === 'renormalize';
  const presentWeight = scored.reduce((s, x) => (x.score === null ? s : s.add(x.weight)), ZERO);
  const components: ComponentResult[] = scored.map(({ c, weight, score, source }) => {
    let effectiveWeight = weight.div(HUNDRED);
    if (renormalize) effectiveWeight = score === null || presentWeight.equals(0) ? ZERO : weight.div(presentWeight);
    const contribution = score === null ? ZERO : effectiveWeight.mul(score);
    return { instrumentId: c.instrumentId, weight, effectiveWeight, score, contribution, source };
  });
  let adjustments = ZERO;
  for (const id of spec.adjustmentInstrumentIds) {
    adjustments = adjustments.add(rollupOf(id)?.scoreOf(unitId).score ?? ZERO);
  }
  const total = components.reduce((s, c) => s.add(c.contribution), adjustments);
  const missingComponents = components.filter((c) => c.score === null).map((c) => c.instrumentId);
  return { unitId, total, rank: 0, tier: null, tierTie: false, components, adjustments, missingComponents };
}

/** Higher first; a missing score ranks below any score. */
function compareDesc(a: Fraction | null, b: Fraction | null): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  return b.compare(a);
}

export function rankUnits(
  index: DefinitionIndex,
  spec: RankingSpec,
  rollupOf: (instrumentId: string) => Rollup | null,
): RankingResult {
  const rows = unitsOfRanking(index, spec).map((unitId) => scoreRow(spec, rollupOf, unitId));
  const keys = new Map(
    rows.map((row) => {
      const breaks = spec.tieBreaks.map((tb) => row.components.find((c) => c.instrumentId === tb.instrumentId));
      const breakScores = breaks.map((c) => (c?.score == null ? null : judgedValue(index, c.score)));
      return [row, [judgedValue(index, row.total), ...breakScores]] as const;
    }),
  );
  const compareKeys = (a: RankingRow, b: RankingRow): number => {
    const ka = keys.get(a)!;
    const kb = keys.get(b)!;
    for (let i = 0; i < ka.length; i++) {
      const c = compareDesc(ka[i]!, kb[i]!);
      if (c !== 0) return c;
    }
    return 0;
  };
  rows.sort(compareKeys); // stable: equal rows keep definition order
  rows.forEach((row, i) => {
    row.rank = i > 0 && compareKeys(rows[i - 1]!, row) === 0 ? rows[i - 1]!.rank : i + 1;
  });
  const assignment = assignTiers(spec.tiers, rows.map((r) => r.rank));
  rows.forEach((row, i) => {
    row.tier = assignment.tierOf[i] ?? null;
    row.tierTie = assignment.tierTie[i] ?? false;
  });
  return { rankingId: spec.id, rows, tiers: assignment.tiers };
}

export function rankAll(index: DefinitionIndex, instruments: InstrumentTally[]): RankingResult[] {
  const rollupOf = rollupSource(index, instruments);
  return index.def.rankings.map((spec) => rankUnits(index, spec, rollupOf));
}
