/**
 * 汇总: one rater group's values for one subject → the group's score (mean, median or trimmed mean), and the groups
 * → the subject's score by group weight. Values arrive as scaled integers; only the few aggregates become Fractions.
 */
import { Fraction, ONE, ZERO } from './exact.js';
import type { GroupTally, GroupValue, SubjectTally } from './results.js';
import type { AggregationMethod } from './types.js';

/** Ascending by raw value, ties by ballot id (code-unit order), so the result never depends on ballot order. */
export function compareGroupValues(a: GroupValue, b: GroupValue): number {
  if (a.raw !== b.raw) return a.raw - b.raw;
  return a.ballotId < b.ballotId ? -1 : a.ballotId > b.ballotId ? 1 : 0;
}

/**
 * A group's values sorted with `compareGroupValues`, as columns: the tally keeps them this way and makes `GroupValue`
 * objects only when someone reads `GroupTally.values` (an explanation), not for every value of a province.
 */
export interface SortedValues {
  raw: ArrayLike<number>;
  ballotId(i: number): string;
  /** The same values as objects. */
  materialize(): GroupValue[];
}

/** Columns over values already sorted with `compareGroupValues` (tests, small inputs). */
export function sortedValuesOf(values: GroupValue[]): SortedValues {
  return { raw: values.map((v) => v.raw), ballotId: (i) => values[i]!.ballotId, materialize: () => values };
}

/** Σ raw over sorted positions [from, to), exact even past 2^53. */
function sumRaw(raw: ArrayLike<number>, from: number, to: number): bigint {
  let total = 0;
  for (let i = from; i < to; i++) total += raw[i]!;
  if (Number.isSafeInteger(total)) return BigInt(total);
  let big = 0n;
  for (let i = from; i < to; i++) big += BigInt(raw[i]!);
  return big;
}

export interface GroupAggregate {
  score: Fraction | null;
  fellBackToMean: boolean;
  droppedBallotIds: string[];
}

/** Does a trimmed mean with this k actually trim n values (more than 2k of them)? */
export function trims(n: number, k: number): boolean {
  return k > 0 && n > 2 * k;
}

/** Aggregates sorted values; `unit` turns a raw sum into a normalised value. */
export function aggregateGroup(sorted: SortedValues, unit: Fraction, aggregation: AggregationMethod): GroupAggregate {
  const raw = sorted.raw;
  const n = raw.length;
  if (n === 0) return { score: null, fellBackToMean: false, droppedBallotIds: [] };
  if (aggregation.method === 'median') {
    const mid = n >> 1;
    const score = n % 2 === 1 ? unit.mul(raw[mid]!) : new Fraction(sumRaw(raw, mid - 1, mid + 1), 2n).mul(unit);
    return { score, fellBackToMean: false, droppedBallotIds: [] };
  }
  if (aggregation.method === 'trimmed' && trims(n, aggregation.k)) {
    const k = aggregation.k;
    const dropped: string[] = [];
    for (let i = 0; i < k; i++) dropped.push(sorted.ballotId(i));
    for (let i = n - k; i < n; i++) dropped.push(sorted.ballotId(i));
    const score = new Fraction(sumRaw(raw, k, n - k), BigInt(n - 2 * k)).mul(unit);
    return { score, fellBackToMean: false, droppedBallotIds: dropped };
  }
  const score = new Fraction(sumRaw(raw, 0, n), BigInt(n)).mul(unit);
  return { score, fellBackToMean: aggregation.method === 'trimmed' && aggregation.k > 0, droppedBallotIds: [] };
}

/**
 * The weight each sorted value carries in its group's score (what the explanation shows): mean 1/n each; median 1 for
 * the middle value or 1/2 for each of the two middle values; trimmed 0 for dropped values and 1/(n−2k) for kept ones.
 */
export function valueWeights(n: number, aggregation: AggregationMethod): Fraction[] {
  if (n === 0) return [];
  if (aggregation.method === 'median') {
    const mid = n >> 1;
    return Array.from({ length: n }, (_, i) => {
      if (n % 2 === 1) return i === mid ? ONE : ZERO;
      return i === mid || i === mid - 1 ? new Fraction(1, 2) : ZERO;
    });
  }
  if (aggregation.method === 'trimmed' && trims(n, aggregation.k)) {
    const k = aggregation.k;
    const kept = new Fraction(1, n - 2 * k);
    return Array.from({ length: n }, (_, i) => (i < k || i >= n - k ? ZERO : kept));
  }
  const each = new Fraction(1, n);
  return Array.from({ length: n }, () => each);
}

export interface GroupInput {
  groupId: string;
  declaredWeight: Fraction;
  values: SortedValues;
}

/** A GroupTally whose `values` are made on first read (then kept). */
function groupTally(fields: Omit<GroupTally, 'values'>, values: SortedValues): GroupTally {
  let cache: GroupValue[] | undefined;
  return Object.defineProperty(fields, 'values', {
    enumerable: true,
    configurable: true,
    get: () => (cache ??= values.materialize()),
    set: (v: GroupValue[]) => {
      cache = v;
    },
  }) as GroupTally;
}

/**
 * Combines the groups of one subject by declared weight. A group without values is missing: with 'renormalize' the
 * other groups share its weight; with 'zero' it counts as 0 with its weight. No values at all → no score.
 */
export function combineGroups(
  inputs: GroupInput[],
  unit: Fraction,
  aggregation: AggregationMethod,
  missingGroup: 'renormalize' | 'zero',
): Pick<SubjectTally, 'score' | 'groups' | 'renormalized' | 'missingGroupIds'> {
  const aggregates = inputs.map((g) => aggregateGroup(g.values, unit, aggregation));
  const missingGroupIds = inputs.filter((g) => g.values.raw.length === 0).map((g) => g.groupId);
  const anyValue = missingGroupIds.length < inputs.length;
  const renormalized = missingGroup === 'renormalize' && anyValue && missingGroupIds.length > 0;
  let weightBase = ZERO;
  for (const g of inputs) {
    if (missingGroup === 'zero' || g.values.raw.length > 0) weightBase = weightBase.add(g.declaredWeight);
  }
  let score: Fraction | null = anyValue ? ZERO : null;
  const groups: GroupTally[] = inputs.map((g, i) => {
    const agg = aggregates[i]!;
    const counts = missingGroup === 'zero' || g.values.raw.length > 0;
    const effectiveWeight = anyValue && counts && !weightBase.equals(0) ? g.declaredWeight.div(weightBase) : ZERO;
    if (score !== null && agg.score !== null) score = score.add(effectiveWeight.mul(agg.score));
    const fields = {
      groupId: g.groupId,
      declaredWeight: g.declaredWeight,
      effectiveWeight,
      unit,
      count: g.values.raw.length,
      score: agg.score,
      method: aggregation.method,
      fellBackToMean: agg.fellBackToMean,
      droppedBallotIds: agg.droppedBallotIds,
    };
    return groupTally(fields, g.values);
  });
  return { score, groups, renormalized, missingGroupIds };
}
