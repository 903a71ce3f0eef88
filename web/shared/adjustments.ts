/**
 * 现场加减分 as a rater fills them in on the phone or a clerk types them from paper: a subject's bonus and deduction
 * items, their running totals, and what the server would refuse about them (check-ballot.ts checkAdjustmentList) — an
 * item not chosen, points not above 0, over the item's cap or off its step, a missing reason, and under an
 * instrument's strict reading a total over its cap. Under the default reading a total over its cap counts as the cap
 * (封顶): a warning, not a refusal (docs/rules.md). Decimals are integers scaled by 10^6, as there. Shared by the
 * phone page (web/rate) and the console's paper entry.
 */
import type { BallotForm } from '../../src/contracts/api.js';

export type AdjustmentConfig = NonNullable<BallotForm['instruments'][number]['adjustments']>;
export type AdjustmentItem = AdjustmentConfig['items'][number];
export type Direction = AdjustmentItem['direction'];

/** One bonus or deduction being written; `itemId` is '' until an item of `direction` is chosen. */
export interface AdjustmentDraft {
  direction: Direction;
  itemId: string;
  points: string;
  reason: string;
}

export type AdjustmentProblem =
  /** `index` counts from 1, as the rater sees the rows. */
  | { code: 'no-item'; index: number }
  | { code: 'bad-points'; item: string; max: string }
  | { code: 'off-step'; item: string; step: string }
  | { code: 'no-reason'; item: string }
  /** Only under the strict reading: the ballot would be invalid. */
  | { code: 'over-cap'; direction: Direction; total: string; cap: string };

/** A total over its cap: under the ceiling reading it counts as `counted` (the cap); under the strict one it is refused. */
export interface CapWarning {
  direction: Direction;
  total: string;
  cap: string;
  strict: boolean;
}

/** A decimal string as an integer scaled by 10^6, or NaN (mirrors the server's fast path). */
export function scaled(text: string | null | undefined): number {
  const m = /^(-?)(\d{1,9})(?:\.(\d{1,6}))?$/.exec(String(text ?? '').trim());
  if (!m) return NaN;
  const v = Number(m[2]) * 1e6 + Number((m[3] ?? '').padEnd(6, '0'));
  return m[1] ? -v : v;
}

/** The decimal string of a scaled integer: 1500000 → "1.5". */
export function unscaled(v: number): string {
  const abs = Math.abs(v);
  const frac = String(abs % 1e6).padStart(6, '0').replace(/0+$/, '');
  return `${v < 0 ? '-' : ''}${Math.floor(abs / 1e6)}${frac ? '.' + frac : ''}`;
}

export const itemOf = (config: AdjustmentConfig, id: string): AdjustmentItem | undefined => config.items.find((i) => i.id === id);

/** Points within the item's range: a decimal above 0 and at most the item's cap (the step is `onStep`'s). */
export function pointsInRange(points: string, item: AdjustmentItem): boolean {
  const v = scaled(points);
  return v > 0 && v <= scaled(item.maxPoints);
}

/** Points on the item's declared step (a whole multiple of it); true when it declares none. */
export function onStep(points: string, item: AdjustmentItem): boolean {
  if (item.step === undefined) return true;
  const st = scaled(item.step);
  const v = scaled(points);
  return !(st > 0) || (!Number.isNaN(v) && v % st === 0);
}

/** Points the server accepts for this item: above 0, at most the item's cap, on its step when it declares one. */
export function pointsFit(points: string, item: AdjustmentItem): boolean {
  return pointsInRange(points, item) && onStep(points, item);
}

/** The strict reading (a total over its cap makes the ballot invalid); otherwise the cap is a ceiling. */
export const strictCaps = (config: AdjustmentConfig): boolean => config.capReading === 'strict';

export interface Totals {
  bonus: string;
  deduction: string;
  bonusOver: boolean;
  deductionOver: boolean;
}

/** Σ bonus and Σ deduction over the rows whose item and points are valid — what the server adds up against the caps. */
export function adjustmentTotals(config: AdjustmentConfig, list: readonly Pick<AdjustmentDraft, 'itemId' | 'points'>[]): Totals {
  let bonus = 0;
  let deduction = 0;
  for (const a of list) {
    const item = itemOf(config, a.itemId);
    if (!item || !pointsFit(a.points, item)) continue;
    if (item.direction === 'bonus') bonus += scaled(a.points);
    else deduction += scaled(a.points);
  }
  return {
    bonus: unscaled(bonus),
    deduction: unscaled(deduction),
    bonusOver: bonus > scaled(config.maxTotalBonus),
    deductionOver: deduction > scaled(config.maxTotalDeduction),
  };
}

/** The totals over their caps, each with how it will be read (counted as the cap, or the ballot invalid). */
export function capWarnings(config: AdjustmentConfig, list: readonly Pick<AdjustmentDraft, 'itemId' | 'points'>[]): CapWarning[] {
  const totals = adjustmentTotals(config, list);
  const strict = strictCaps(config);
  const out: CapWarning[] = [];
  if (totals.bonusOver) out.push({ direction: 'bonus', total: totals.bonus, cap: config.maxTotalBonus, strict });
  if (totals.deductionOver) out.push({ direction: 'deduction', total: totals.deduction, cap: config.maxTotalDeduction, strict });
  return out;
}

/**
 * Everything about one subject's adjustments that keeps the sheet from being accepted, row by row, then (under the
 * strict reading only) the caps. Under the ceiling reading a total over its cap is a warning: `capWarnings`.
 */
export function adjustmentProblems(config: AdjustmentConfig, list: readonly AdjustmentDraft[]): AdjustmentProblem[] {
  const out: AdjustmentProblem[] = [];
  list.forEach((a, i) => {
    const item = itemOf(config, a.itemId);
    if (!item) {
      out.push({ code: 'no-item', index: i + 1 });
      return;
    }
    if (!pointsInRange(a.points, item)) out.push({ code: 'bad-points', item: item.label, max: item.maxPoints });
    else if (!onStep(a.points, item)) out.push({ code: 'off-step', item: item.label, step: item.step ?? '' });
    if (!/\S/.test(a.reason)) out.push({ code: 'no-reason', item: item.label });
  });
  for (const w of capWarnings(config, list)) {
    if (w.strict) out.push({ code: 'over-cap', direction: w.direction, total: w.total, cap: w.cap });
  }
  return out;
}

/** The − / + step of an item: its own declared step, else the instrument's (`fallback`). */
export const itemStep = (item: AdjustmentItem, fallback: string): string => item.step ?? fallback;

/** The next value of the − / + buttons: one `step` from the points typed, kept within (0, the item's cap]. */
export function stepPoints(points: string, step: string, max: string, up: boolean): string {
  const st = scaled(step) > 0 ? scaled(step) : 1e6;
  const hi = Number.isNaN(scaled(max)) ? Infinity : scaled(max);
  const v = scaled(points);
  if (!(v > 0)) return unscaled(up ? Math.min(st, hi) : st);
  const next = up ? Math.min(v + st, hi) : Math.max(v - st, Math.min(st, v));
  return unscaled(next);
}

/** The rows as the API takes them: reasons and points trimmed. */
export function adjustmentsForApi(list: readonly AdjustmentDraft[]): { itemId: string; points: string; reason: string }[] {
  return list.map((a) => ({ itemId: a.itemId, points: a.points.trim(), reason: a.reason.trim() }));
}
