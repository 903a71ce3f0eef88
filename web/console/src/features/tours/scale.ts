/**
 * The tour instrument's scale and words, read from the campaign's set-up: the range and step a review meeting's
 * score takes, and the labels of criteria and 加分/减分 items a sheet's history names by id.
 */
import { scaled } from '../../../../shared/adjustments.js';
import type { CampaignWithDefinition } from '../../api/types.js';

export interface ScoreScale {
  /** The rater groups the instrument weighs: a review group among them makes review meetings' scores count. */
  weighed: Set<string>;
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
    weighed: new Set(it.groupWeights.map((g) => g.groupId)),
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

/** The groups a tour's review meetings may score as: any rater group but the observers', weighed ones first. */
export function reviewGroupChoices(
  definition: CampaignWithDefinition['definition'],
  scale: Pick<ScoreScale, 'weighed'> | null,
  observersGroupId: string,
): { id: string; name: string; weighed: boolean }[] {
  return definition.raterGroups
    .filter((g) => g.id !== observersGroupId)
    .map((g) => ({ id: g.id, name: g.name, weighed: scale?.weighed.has(g.id) ?? false }))
    .sort((a, b) => Number(b.weighed) - Number(a.weighed));
}
