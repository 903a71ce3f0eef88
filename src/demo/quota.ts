/**
 * Per-ballot quota arithmetic (比例限制) for generating demo ballots that respect the rules, in integers only.
 * The domain checker is the authority; this mirrors its contract so fixtures never trip it by accident.
 */
import type { GradeInstrument, QuotaRule, Rating } from '../domain/types.js';

/** The count a rule allows (max) or demands (min) on a ballot whose base is `n` subjects. */
export function quotaLimit(rule: QuotaRule, n: number): number {
  const { numerator: num, denominator: den } = rule;
  let limit: number;
  if (rule.rounding === 'half-up') {
    limit = Math.floor((2 * num * n + den) / (2 * den));
  } else if (rule.bound === 'max') {
    limit = Math.floor((num * n) / den);
  } else {
    limit = Math.ceil((num * n) / den);
  }
  if (rule.rounding === 'at-least-one' && n > 0) limit = Math.max(1, limit);
  return limit;
}

export interface QuotaBreach {
  ruleId: string;
  count: number;
  limit: number;
  n: number;
}

/** The rules a ballot's ratings break, compared as `count·den` against `num·n` (or the declared rounding). */
export function quotaBreaches(instrument: GradeInstrument, ratings: readonly Rating[]): QuotaBreach[] {
  const rated = ratings.filter((r) => !r.abstain && r.grade !== undefined).length;
  const breaches: QuotaBreach[] = [];
  for (const rule of instrument.quotaRules) {
    const n = rule.base === 'all' ? ratings.length : rated;
    const set = new Set(rule.grades);
    const count = ratings.filter((r) => !r.abstain && r.grade !== undefined && set.has(r.grade)).length;
    const limit = quotaLimit(rule, n);
    const ok = rule.bound === 'max' ? count <= limit : count >= limit;
    if (!ok) breaches.push({ ruleId: rule.id, count, limit, n });
  }
  return breaches;
}
