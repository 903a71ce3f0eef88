/**
 * 比例限制: per-ballot quota rules ("好 ≤ 40%", "较好或以下 ≥ 25%"), compared with integers only.
 *
 * A rule is numerator/denominator of a base n. For a max rule `allowedCount` is the largest count allowed; for a
 * min rule it is the smallest count required. Ratios are never turned into floating point: `0.07 * 100` is not 7.
 */
import type { Message } from './results.js';
import type { QuotaRule } from './types.js';

/** floor(a / b) for non-negative safe integers, exact (no floating-point division of inexact values). */
function floorDiv(a: number, b: number): number {
  return (a - (a % b)) / b;
}

function ceilDiv(a: number, b: number): number {
  const q = floorDiv(a, b);
  return q * b === a ? q : q + 1;
}

/** Products beyond 2^53 would lose digits; quota inputs are small, so this only guards against misuse. */
function bigAllowed(rule: QuotaRule, n: number): number {
  const num = BigInt(rule.numerator) * BigInt(n);
  const den = BigInt(rule.denominator);
  if (rule.rounding === 'half-up') return Number((2n * num + den) / (2n * den));
  if (rule.bound === 'max') return Number(num / den);
  return Number((num + den - 1n) / den);
}

function assertRule(rule: QuotaRule, n: number): void {
  if (!Number.isInteger(rule.denominator) || rule.denominator <= 0) {
    throw new RangeError(`quota rule ${rule.id}: denominator must be a positive integer`);
  }
  if (!Number.isInteger(rule.numerator) || rule.numerator < 0) {
    throw new RangeError(`quota rule ${rule.id}: numerator must be a non-negative integer`);
  }
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`quota base must be a non-negative integer, got ${n}`);
}

/**
 * Max rule: the largest count allowed over base n. Min rule: the smallest count required.
 * exact = floor (max) / ceil (min) of num·n/den; half-up = num·n/den rounded half up;
 * at-least-one = exact, but never below 1 when n > 0 (a max rule allows one, a min rule demands one).
 */
export function allowedCount(rule: QuotaRule, n: number): number {
  assertRule(rule, n);
  const product = rule.numerator * n;
  let count: number;
  if (2 * product + rule.denominator > Number.MAX_SAFE_INTEGER) count = bigAllowed(rule, n);
  else if (rule.rounding === 'half-up') count = floorDiv(2 * product + rule.denominator, 2 * rule.denominator);
  else if (rule.bound === 'max') count = floorDiv(product, rule.denominator);
  else count = ceilDiv(product, rule.denominator);
  if (rule.rounding === 'at-least-one' && n > 0 && count < 1) count = 1;
  return count;
}

/** Does a ballot with `count` subjects in the rule's grades, over base n, satisfy the rule? */
export function quotaHolds(rule: QuotaRule, count: number, n: number): boolean {
  const allowed = allowedCount(rule, n);
  return rule.bound === 'max' ? count <= allowed : count >= allowed;
}

/** The base n of a rule: all subjects shown on the ballot (abstentions included), or only the rated ones. */
export function ruleBase(rule: QuotaRule, shownCount: number, abstainCount: number): number {
  return rule.base === 'rated' ? shownCount - abstainCount : shownCount;
}

/** Grade labels by key; a rule names grades by key, messages show their labels. */
export type GradeLabels = ReadonlyMap<string, string> | Readonly<Record<string, string>>;

function labelOf(labels: GradeLabels | undefined, key: string): string {
  if (labels === undefined) return key;
  const label = labels instanceof Map ? labels.get(key) : (labels as Record<string, string>)[key];
  return label ?? key;
}

/** “好” or “较好”“一般”或“差”. */
export function zhGrades(rule: QuotaRule, labels?: GradeLabels): string {
  const quoted = rule.grades.map((g) => `“${labelOf(labels, g)}”`);
  if (quoted.length <= 1) return quoted.join('');
  return quoted.slice(0, -1).join('') + '或' + quoted[quoted.length - 1];
}

/** 好 or 较好, 一般 or 差. */
export function enGrades(rule: QuotaRule, labels?: GradeLabels): string {
  const names = rule.grades.map((g) => labelOf(labels, g));
  if (names.length <= 1) return names.join('');
  return names.slice(0, -1).join(', ') + ' or ' + names[names.length - 1];
}

/** The rule as the office wrote it, e.g. "好 ≤ 40%"; generated from the ratio when the label is blank. */
export function ruleTitle(rule: QuotaRule, labels?: GradeLabels): string {
  if (rule.label.trim() !== '') return rule.label;
  const ratio =
    rule.denominator === 100 ? `${rule.numerator}%` : `${rule.numerator}/${rule.denominator}`;
  const names = rule.grades.map((g) => labelOf(labels, g)).join('/');
  return `${names} ${rule.bound === 'max' ? '≤' : '≥'} ${ratio}`;
}

/**
 * Why a ballot breaks a rule, with the concrete counts:
 * 「好 ≤ 40%」：本票 6 个对象最多 2 个“好”，实际 3 个 / Rule “好 ≤ 40%”: at most 2 of 6 subjects may be 好; this ballot has 3.
 */
export function quotaViolationMessage(
  rule: QuotaRule,
  n: number,
  actual: number,
  labels?: GradeLabels,
): Message {
  const allowed = allowedCount(rule, n);
  const title = ruleTitle(rule, labels);
  const zhBase = rule.base === 'rated' ? `本票已评 ${n} 个对象（弃权不计）` : `本票 ${n} 个对象`;
  const enBase = rule.base === 'rated' ? `${n} rated subjects (abstentions not counted)` : `${n} subjects`;
  if (rule.bound === 'max') {
    return {
      zh: `「${title}」：${zhBase}最多 ${allowed} 个${zhGrades(rule, labels)}，实际 ${actual} 个`,
      en: `Rule “${title}”: at most ${allowed} of ${enBase} may be ${enGrades(rule, labels)}; this ballot has ${actual}`,
    };
  }
  return {
    zh: `「${title}」：${zhBase}至少 ${allowed} 个${zhGrades(rule, labels)}，实际 ${actual} 个`,
    en: `Rule “${title}”: at least ${allowed} of ${enBase} must be ${enGrades(rule, labels)}; this ballot has ${actual}`,
  };
}

/** What the rater sees for a ballot of n subjects: 本票最多 2 个“好” / At most 2 × 好 on this ballot. */
export function describeRuleForBallot(rule: QuotaRule, n: number, labels?: GradeLabels): Message {
  const allowed = allowedCount(rule, n);
  const zhNote = rule.base === 'rated' ? '（按已评对象计，弃权不计）' : '';
  const enNote = rule.base === 'rated' ? ' (counted over rated subjects)' : '';
  const grades = rule.grades.map((g) => labelOf(labels, g)).join('/');
  if (rule.bound === 'max') {
    return {
      zh: `本票最多 ${allowed} 个${zhGrades(rule, labels)}${zhNote}`,
      en: `At most ${allowed} × ${grades} on this ballot${enNote}`,
    };
  }
  return {
    zh: `本票至少 ${allowed} 个${zhGrades(rule, labels)}${zhNote}`,
    en: `At least ${allowed} × ${grades} on this ballot${enNote}`,
  };
}
