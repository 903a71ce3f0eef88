/**
 * Building blocks for plausible ballots that respect an instrument's rules: grades within every quota rule,
 * scores on the step, adjustments within their caps. Used by the Jincheng demo and the province fixture.
 */
import type { AdjustmentConfig, GradeInstrument, Rating, ScoreInstrument } from '../domain/types.js';
import { quotaBreaches } from './quota.js';
import type { Random } from './random.js';

export interface Perceived {
  subjectId: string;
  /** What this rater perceives of the subject: latent quality plus the rater's noise (≈ −2 … 2). */
  value: number;
}

/**
 * Grades from perceived values by thresholds (best grade first), then repaired until every quota rule holds:
 * an over-full grade set gives up its weakest subject to the next grade down; an under-full one takes an abstention
 * or the weakest subject from above.
 */
export function gradeRatings(
  rng: Random,
  instrument: GradeInstrument,
  perceived: readonly Perceived[],
  thresholds: readonly number[],
  abstainRate = 0,
): Rating[] {
  const keys = instrument.grades.map((g) => g.key);
  const gradeIndexFor = (v: number) => {
    const i = thresholds.findIndex((t) => v > t);
    return i === -1 ? keys.length - 1 : i;
  };
  const entries = perceived.map((p) => ({
    subjectId: p.subjectId,
    value: p.value,
    index: instrument.allowAbstain && rng.chance(abstainRate) ? -1 : gradeIndexFor(p.value),
  }));
  const toRatings = (): Rating[] =>
    entries.map((e) => {
      if (e.index === -1) return { subjectId: e.subjectId, abstain: true };
      const grade = keys[e.index];
      if (grade === undefined) throw new Error('grade index out of range');
      return { subjectId: e.subjectId, grade };
    });

  for (let round = 0; round < 4 * entries.length + 8; round++) {
    const breach = quotaBreaches(instrument, toRatings())[0];
    if (!breach) return toRatings();
    const rule = instrument.quotaRules.find((r) => r.id === breach.ruleId);
    if (!rule) throw new Error('unknown rule');
    const inSet = rule.grades.map((g) => keys.indexOf(g));
    const byValue = [...entries].sort((a, b) => a.value - b.value || a.subjectId.localeCompare(b.subjectId));
    if (rule.bound === 'max') {
      const victim = byValue.find((e) => inSet.includes(e.index));
      if (!victim) throw new Error(`cannot satisfy ${rule.id}`);
      const below = keys.findIndex((_, i) => i > victim.index && !inSet.includes(i));
      let above = -1;
      for (let i = victim.index - 1; i >= 0 && above === -1; i--) if (!inSet.includes(i)) above = i;
      victim.index = below !== -1 ? below : above;
    } else {
      const bestInSet = Math.min(...inSet);
      const abstained = byValue.find((e) => e.index === -1);
      const outside = byValue.find((e) => e.index !== -1 && !inSet.includes(e.index));
      const recruit = abstained ?? outside;
      if (!recruit) throw new Error(`cannot satisfy ${rule.id}`);
      const natural = gradeIndexFor(recruit.value);
      recruit.index = inSet.includes(natural) ? natural : bestInSet;
    }
  }
  throw new Error(`quota repair did not converge for ${instrument.id}`);
}

/** A score on the instrument's step within [lo, hi] (which must lie on the step), as a decimal string. */
export function steppedScore(raw: number, lo: number, hi: number, step: number): string {
  const clamped = Math.min(hi, Math.max(lo, raw));
  const k = Math.round(clamped / step);
  return String(k * step);
}

export function scoreBounds(instrument: ScoreInstrument): { min: number; max: number; step: number } {
  return { min: Number(instrument.min), max: Number(instrument.max), step: Number(instrument.step) };
}

export interface AdjustmentReasons {
  /** Reason templates per item id; `{name}` is replaced by the subject's name. */
  [itemId: string]: readonly string[];
}

/**
 * On-the-spot adjustments (亮点加分 / 不足减分) drawn for one subject: strong subjects tend to earn bonuses, weak ones
 * deductions; each item at most once, within its cap and the totals, on `step`, always with a reason.
 */
export function drawAdjustments(
  rng: Random,
  config: AdjustmentConfig,
  value: number,
  name: string,
  reasons: AdjustmentReasons,
  step = 0.5,
): { itemId: string; points: string; reason: string }[] {
  const out: { itemId: string; points: string; reason: string }[] = [];
  const totals = { bonus: Number(config.maxTotalBonus), deduction: Number(config.maxTotalDeduction) };
  const used = { bonus: 0, deduction: 0 };
  for (const item of config.items) {
    const p = item.direction === 'bonus' ? 0.25 + 0.25 * value : 0.2 - 0.25 * value;
    if (!rng.chance(Math.min(0.8, Math.max(0.02, p)))) continue;
    const room = Math.min(Number(item.maxPoints), totals[item.direction] - used[item.direction]);
    const steps = Math.floor(room / step);
    if (steps < 1) continue;
    const points = rng.int(1, steps) * step;
    used[item.direction] += points;
    const reason = rng.pick(reasons[item.id] ?? [item.label]).replaceAll('{name}', name);
    out.push({ itemId: item.id, points: String(points), reason });
  }
  return out;
}
