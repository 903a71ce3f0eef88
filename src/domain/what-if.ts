/**
 * 假设分析 (what-if): one ranking recomputed from the same ballots under other component weights or aggregation
 * methods. The overrides are applied to a copy of the definition and the copy goes through `tallyCampaign` — the
 * rules have one implementation. The stored definition and any publication are never touched.
 */
import { checkDefinition, type DefinitionProblem } from './check-definition.js';
import type { RankingResult } from './results.js';
import { tallyCampaign } from './tally.js';
import type { AggregationMethod, Ballot, CampaignDefinition } from './types.js';

export interface WhatIfOverrides {
  rankingId: string;
  /** Component weights in percent (decimal strings). A listed instrument replaces its weight or joins the ranking. */
  weights?: { instrumentId: string; weight: string }[];
  /** Aggregation per instrument id (applies to the instrument wherever it counts). */
  aggregation?: Record<string, AggregationMethod>;
}

export interface RankChange {
  unitId: string;
  baselineRank: number;
  rank: number;
  /** baselineRank − rank: positive means the unit moves up. */
  change: number;
  baselineTier: string | null;
  tier: string | null;
}

export interface WhatIfOutcome {
  definition: CampaignDefinition;
  baseline: RankingResult;
  scenario: RankingResult;
  changes: RankChange[];
}

/** A copy of `def` with the overrides applied; the input is left as it was. */
export function applyOverrides(def: CampaignDefinition, overrides: WhatIfOverrides): CampaignDefinition {
  const rankings = def.rankings.map((spec) => {
    if (spec.id !== overrides.rankingId || !overrides.weights) return spec;
    const given = new Map(overrides.weights.map((w) => [w.instrumentId, w.weight]));
    const components = spec.components.map((c) => ({ instrumentId: c.instrumentId, weight: given.get(c.instrumentId) ?? c.weight }));
    for (const w of overrides.weights) {
      if (!spec.components.some((c) => c.instrumentId === w.instrumentId)) components.push({ instrumentId: w.instrumentId, weight: w.weight });
    }
    return { ...spec, components };
  });
  const methods = overrides.aggregation ?? {};
  const instruments = def.instruments.map((i) => (methods[i.id] ? { ...i, aggregation: { ...methods[i.id]! } } : i));
  return { ...def, rankings, instruments };
}

const key = (p: DefinitionProblem): string => `${p.code} ${p.path}`;

/**
 * The problems the overrides introduce (weights that no longer sum to 100, an unknown instrument, a trimmed mean
 * with k < 1, …): those of the changed definition that the stored one did not already have.
 */
export function overrideProblems(def: CampaignDefinition, changed: CampaignDefinition, overrides: WhatIfOverrides): DefinitionProblem[] {
  const before = new Set(checkDefinition(def).map(key));
  const problems = checkDefinition(changed).filter((p) => !before.has(key(p)));
  const known = new Set(def.instruments.map((i) => i.id));
  for (const id of Object.keys(overrides.aggregation ?? {})) {
    if (!known.has(id)) {
      problems.push({
        code: 'unknown_reference',
        path: `aggregation.${id}`,
        params: { kind: 'instrument', ref: id },
        message: { zh: `引用了不存在的评价方式「${id}」`, en: `Refers to instrument “${id}”, which does not exist` },
      });
    }
  }
  return problems;
}

/** Ranks in `scenario` against `baseline`, in scenario order. */
export function rankChanges(baseline: RankingResult, scenario: RankingResult): RankChange[] {
  const before = new Map(baseline.rows.map((r) => [r.unitId, r]));
  return scenario.rows.map((row) => {
    const old = before.get(row.unitId)!;
    return { unitId: row.unitId, baselineRank: old.rank, rank: row.rank, change: old.rank - row.rank, baselineTier: old.tier, tier: row.tier };
  });
}

/** Only the asked ranking is ranked (rankings are independent of each other); every instrument is still tallied. */
function onlyRanking(def: CampaignDefinition, rankingId: string): CampaignDefinition {
  return { ...def, rankings: def.rankings.filter((r) => r.id === rankingId) };
}

/**
 * Recomputes the ranking under the overrides. Returns the problems instead when the overrides make the definition
 * invalid, or null when there is no such ranking.
 */
export function whatIf(
  def: CampaignDefinition,
  ballots: Ballot[],
  overrides: WhatIfOverrides,
): WhatIfOutcome | { problems: DefinitionProblem[] } | null {
  if (!def.rankings.some((r) => r.id === overrides.rankingId)) return null;
  const changed = applyOverrides(def, overrides);
  const problems = overrideProblems(def, changed, overrides);
  if (problems.length > 0) return { problems };
  const baseline = tallyCampaign(onlyRanking(def, overrides.rankingId), ballots).rankings[0]!;
  const scenario = tallyCampaign(onlyRanking(changed, overrides.rankingId), ballots).rankings[0]!;
  return { definition: changed, baseline, scenario, changes: rankChanges(baseline, scenario) };
}
