/**
 * The editor's own checks of a score instrument's criteria (评分细则) and of adjustment items (加减分项), exact, as the
 * office types: the server checks the same again (CheckPanel), these say it next to the field. Errors stop saving;
 * warnings only point at something that probably was not meant.
 */
import type { CampaignSetup, Instrument } from './api.js';
import type { setupMessages } from './messages.js';
import { formatDecimal, parseDecimal } from './weights.js';

export type Criterion = NonNullable<Extract<Instrument, { kind: 'score' }>['criteria']>[number];
export type AdjustmentConfig = NonNullable<Extract<Instrument, { kind: 'score' }>['adjustments']>;
export type AdjustmentItem = AdjustmentConfig['items'][number];

export interface Finding {
  level: 'error' | 'warning';
  /** The row it belongs to (criterion or item id), or null for the whole list. */
  id: string | null;
  field?: 'label' | 'maxPoints' | 'step' | 'maxTotalBonus' | 'maxTotalDeduction';
  message: keyof typeof setupMessages;
  params?: Record<string, string | number>;
}

const positive = (text: string): bigint | null => {
  const v = parseDecimal(text);
  return v !== null && v > 0n ? v : null;
};

/** Labels: not empty, not repeated (a rater could not tell two rows apart). */
function labelFindings(rows: readonly { id: string; label: string }[], out: Finding[]): void {
  const seen = new Set<string>();
  rows.forEach((r, n) => {
    const label = r.label.trim();
    if (!label) out.push({ level: 'error', id: r.id, field: 'label', message: 'rowLabelEmpty', params: { n: n + 1 } });
    else if (seen.has(label)) out.push({ level: 'warning', id: r.id, field: 'label', message: 'rowLabelRepeated', params: { label } });
    seen.add(label);
  });
}

/** The criteria of a score instrument on the scale `max` / `step`: each max a positive decimal, Σ max = scale max. */
export function checkCriteria(criteria: readonly Criterion[], scale: { max: string; step: string }): { findings: Finding[]; sum: string | null } {
  const out: Finding[] = [];
  if (criteria.length === 0) out.push({ level: 'error', id: null, message: 'criteriaNone' });
  labelFindings(criteria, out);
  const step = positive(scale.step);
  let sum: bigint | null = 0n;
  criteria.forEach((c, n) => {
    const max = positive(c.maxPoints);
    if (max === null) {
      out.push({ level: 'error', id: c.id, field: 'maxPoints', message: 'rowPointsInvalid', params: { label: c.label || `#${n + 1}` } });
      sum = null;
      return;
    }
    if (sum !== null) sum += max;
    // Each criterion is scored on the scale's step from 0: a maximum off the step can never be given in full.
    if (step !== null && max % step !== 0n) {
      out.push({ level: 'warning', id: c.id, field: 'maxPoints', message: 'criterionOffStep', params: { label: c.label, max: c.maxPoints, step: scale.step } });
    }
  });
  const scaleMax = parseDecimal(scale.max);
  const total = sum === null ? null : formatDecimal(sum);
  if (total !== null && sum !== null && scaleMax !== null && criteria.length > 0 && sum !== scaleMax) {
    out.push({ level: 'error', id: null, message: 'criteriaSumBad', params: { sum: total, max: scale.max } });
  }
  return { findings: out, sum: total };
}

/** Adjustment items and the two caps per ballot and subject: positive decimals; an item above its total cap is never given in full. */
export function checkAdjustments(config: AdjustmentConfig): { findings: Finding[]; sums: Record<AdjustmentItem['direction'], string | null> } {
  const out: Finding[] = [];
  if (config.items.length === 0) out.push({ level: 'error', id: null, message: 'itemsNone' });
  labelFindings(config.items, out);
  const caps = { bonus: positive(config.maxTotalBonus), deduction: positive(config.maxTotalDeduction) };
  if (caps.bonus === null) out.push({ level: 'error', id: null, field: 'maxTotalBonus', message: 'bonusCapInvalid' });
  if (caps.deduction === null) out.push({ level: 'error', id: null, field: 'maxTotalDeduction', message: 'deductionCapInvalid' });
  const sums: Record<AdjustmentItem['direction'], bigint | null> = { bonus: 0n, deduction: 0n };
  config.items.forEach((item, n) => {
    const max = positive(item.maxPoints);
    if (max === null) {
      out.push({ level: 'error', id: item.id, field: 'maxPoints', message: 'rowPointsInvalid', params: { label: item.label || `#${n + 1}` } });
      sums[item.direction] = null;
      return;
    }
    if (item.step !== undefined) {
      const step = positive(item.step);
      if (step === null) out.push({ level: 'error', id: item.id, field: 'step', message: 'itemStepInvalid', params: { label: item.label || `#${n + 1}` } });
      else if (max % step !== 0n) {
        out.push({ level: 'error', id: item.id, field: 'step', message: 'itemMaxOffStep', params: { label: item.label, max: item.maxPoints, step: item.step } });
      }
    }
    const sum = sums[item.direction];
    if (sum !== null) sums[item.direction] = sum + max;
    const cap = caps[item.direction];
    if (cap !== null && max > cap) {
      const capText = item.direction === 'bonus' ? config.maxTotalBonus : config.maxTotalDeduction;
      out.push({ level: 'warning', id: item.id, field: 'maxPoints', message: item.direction === 'bonus' ? 'itemOverBonusCap' : 'itemOverDeductionCap', params: { label: item.label, max: item.maxPoints, cap: capText } });
    }
  });
  const shown = (v: bigint | null) => (v === null ? null : formatDecimal(v));
  return { findings: out, sums: { bonus: shown(sums.bonus), deduction: shown(sums.deduction) } };
}

/** The rubric findings of one instrument (criteria and adjustments, where it has them). */
export function rubricFindings(instrument: Instrument): Finding[] {
  if (instrument.kind === 'grade') return [];
  if (instrument.kind === 'adjustments') return checkAdjustments(instrument.adjustments).findings;
  return [
    ...(instrument.criteria ? checkCriteria(instrument.criteria, instrument).findings : []),
    ...(instrument.adjustments ? checkAdjustments(instrument.adjustments).findings : []),
  ];
}

/** Instruments whose criteria or adjustment items have an error, as `instrument:<id>` like weightProblems. */
export function rubricProblems(setup: CampaignSetup): string[] {
  return setup.instruments.filter((i) => rubricFindings(i).some((f) => f.level === 'error')).map((i) => `instrument:${i.id}`);
}

/** The next criterion: what is left of the scale max, or one step when nothing is left. */
export function nextCriterionMax(criteria: readonly Criterion[], scale: { max: string; step: string }): string {
  const max = parseDecimal(scale.max);
  let sum = 0n;
  for (const c of criteria) sum += parseDecimal(c.maxPoints) ?? 0n;
  if (max !== null && max > sum) return formatDecimal(max - sum);
  return positive(scale.step) !== null ? scale.step : '1';
}
