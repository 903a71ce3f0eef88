/**
 * 现场加减分 as a rater fills them in on the phone or a clerk types them from paper: a subject's bonus and deduction
 * items, their running totals, and what the server would refuse about them (check-ballot.ts checkAdjustmentList) — an
 * item not chosen, points not above 0 or over the item's cap, a missing reason, a total over its cap. Decimals are
 * integers scaled by 10^6, as there. Shared by the phone page (web/rate) and the console's paper entry.
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
  | { code: 'no-reason'; item: string }
  | { code: 'over-cap'; direction: Direction; total: string; cap: string };

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

/** Points the server accepts for this item: a decimal above 0 and at most the item's cap (no step is imposed). */
export function pointsFit(points: string, item: AdjustmentItem): boolean {
  const v = scaled(points);
  return v > 0 && v <= scaled(item.maxPoints);
}

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

/** Everything about one subject's adjustments that keeps the sheet from being accepted, row by row, then the caps. */
export function adjustmentProblems(config: AdjustmentConfig, list: readonly AdjustmentDraft[]): AdjustmentProblem[] {
  const out: AdjustmentProblem[] = [];
  list.forEach((a, i) => {
    const item = itemOf(config, a.itemId);
    if (!item) {
      out.push({ code: 'no-item', index: i + 1 });
      return;
    }
    if (!pointsFit(a.points, item)) out.push({ code: 'bad-points', item: item.label, max: item.maxPoints });
    if (!/\S/.test(a.reason)) out.push({ code: 'no-reason', item: item.label });
  });
  const totals = adjustmentTotals(config, list);
  if (totals.bonusOver) out.push({ code: 'over-cap', direction: 'bonus', total: totals.bonus, cap: config.maxTotalBonus });
  if (totals.deductionOver) out.push({ code: 'over-cap', direction: 'deduction', total: totals.deduction, cap: config.maxTotalDeduction });
  return out;
}

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
