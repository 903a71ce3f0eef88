/**
 * The tour instrument's scale and words, read from the campaign's set-up: the range and step a review meeting's
 * score takes, and the labels of criteria and 加分/减分 items a sheet's history names by id.
 */
import { scaled } from '../../../../shared/adjustments.js';
import type { CampaignWithDefinition } from '../../api/types.js';

export interface ScoreScale {
  min: string;
  max: string;
  step: string;
  criteria: Map<string, string>;
  items: Map<string, { label: string; direction: 'bonus' | 'deduction' }>;
}

export function scoreScaleOf(definition: CampaignWithDefinition['definition'], instrumentId: string): ScoreScale | null {
  const it = definition.instruments.find((i) => i.id === instrumentId);
  if (it?.kind !== 'score') return null;
  return {
    min: it.min,
    max: it.max,
    step: it.step,
    criteria: new Map((it.criteria ?? []).map((c) => [c.id, c.label])),
    items: new Map((it.adjustments?.items ?? []).map((a) => [a.id, { label: a.label, direction: a.direction }])),
  };
}

/**
 * Whether a typed score is a decimal within min..max on min + k·step, as the server checks it (so the form says so
 * before sending); decimals as the phone and the server read them, scaled integers (web/shared/adjustments.ts).
 */
export function scoreFits(text: string, scale: Pick<ScoreScale, 'min' | 'max' | 'step'>): boolean {
  const [v, min, max, step] = [text, scale.min, scale.max, scale.step].map(scaled) as [number, number, number, number];
  if ([v, min, max].some(Number.isNaN) || v < min || v > max) return false;
  return !(step > 0) || (v - min) % step === 0;
}
