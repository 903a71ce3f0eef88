/**
 * Building blocks for plausible ballots that respect an instrument's rules: grades within every quota rule,
 * scores on the step, adjustments within their caps. Used by the Jincheng demo and the province fixture.
 */
import type { AdjustmentConfig, GradeInstrument, QuotaRule, Rating, ScoreInstrument } from '../domain/types.js';
import { quotaLimit } from './quota.js';
import type { Random } from './random.js';

export interface Perceived {
  subjectId: string;
  /** What this rater perceives of the subject: latent quality plus the rater's noise (≈ −2 … 2). */
  value: number;
}

interface PreparedGrades {
  keys: string[];
  /** Per rule: which grade indexes it counts. */
  rules: { rule: QuotaRule; counts: boolean[] }[];
}

const preparedGrades = new WeakMap<GradeInstrument, PreparedGrades>();

function prepare(instrument: GradeInstrument): PreparedGrades {
  let p = preparedGrades.get(instrument);
  if (!p) {
    const keys = instrument.grades.map((g) => g.key);
    const rules = instrument.quotaRules.map((rule) => ({ rule, counts: keys.map((k) => rule.grades.includes(k)) }));
    preparedGrades.set(instrument, (p = { keys, rules }));
  }
  return p;
}

/** The first rule that grade indexes (−1 = abstain) break, or undefined. */
function firstBreach(p: PreparedGrades, index: readonly number[]): PreparedGrades['rules'][number] | undefined {
  let rated = 0;
  for (const i of index) if (i !== -1) rated++;
  for (const r of p.rules) {
    let count = 0;
    for (const i of index) if (i !== -1 && r.counts[i]) count++;
    const limit = quotaLimit(r.rule, r.rule.base === 'all' ? index.length : rated);
    if (r.rule.bound === 'max' ? count > limit : count < limit) return r;
  }
  return undefined;
}

/**
 * Grades from perceived values by thresholds (best grade first), then repaired until every quota rule holds:
 * an over-full grade set gives up its weakest subject to the next grade down; an under-full one takes an abstention
 * or the weakest subject from outside it.
 */
export function gradeRatings(
  rng: Random,
  instrument: GradeInstrument,
  perceived: readonly Perceived[],
  thresholds: readonly number[],
  abstainRate = 0,
): Rating[] {
  return gradeRatingsOf(
    rng,
    instrument,
    perceived.map((p) => p.subjectId),
    Float64Array.from(perceived, (p) => p.value),
    thresholds,
    abstainRate,
  );
}

/** `gradeRatings` over parallel arrays, for hot loops that should not allocate a `Perceived` per subject. */
export function gradeRatingsOf(
  rng: Random,
  instrument: GradeInstrument,
  subjectIds: readonly string[],
  values: Float64Array,
  thresholds: readonly number[],
  abstainRate = 0,
): Rating[] {
  const p = prepare(instrument);
  const last = p.keys.length - 1;
  const gradeIndexFor = (v: number) => {
    for (let i = 0; i < thresholds.length && i < last; i++) if (v > (thresholds[i] ?? Infinity)) return i;
    return last;
  };
  const n = subjectIds.length;
  const index: number[] = new Array(n);
  const abstains = instrument.allowAbstain && abstainRate > 0;
  for (let i = 0; i < n; i++) index[i] = abstains && rng.chance(abstainRate) ? -1 : gradeIndexFor(values[i] ?? 0);

  for (let round = 0; round < 4 * index.length + 8; round++) {
    const breach = firstBreach(p, index);
    if (!breach) {
      const ratings: Rating[] = new Array(n);
      for (let i = 0; i < n; i++) {
        const g = index[i] ?? -1;
        const subjectId = subjectIds[i] ?? '';
        ratings[i] = g === -1 ? { subjectId, abstain: true } : { subjectId, grade: p.keys[g] ?? '' };
      }
      return ratings;
    }
    // Positions from the weakest perceived subject up.
    const order = index.map((_, i) => i).sort((a, b) => (values[a] ?? 0) - (values[b] ?? 0) || a - b);
    const inSet = breach.counts;
    if (breach.rule.bound === 'max') {
      const victim = order.find((i) => (index[i] ?? -1) !== -1 && inSet[index[i] ?? -1]);
      if (victim === undefined) throw new Error(`cannot satisfy ${breach.rule.id}`);
      const g = index[victim] ?? 0;
      let target = -1;
      for (let k = g + 1; k <= last && target === -1; k++) if (!inSet[k]) target = k;
      for (let k = g - 1; k >= 0 && target === -1; k--) if (!inSet[k]) target = k;
      index[victim] = target;
    } else {
      const recruit = order.find((i) => index[i] === -1) ?? order.find((i) => !inSet[index[i] ?? -1]);
      if (recruit === undefined) throw new Error(`cannot satisfy ${breach.rule.id}`);
      const natural = gradeIndexFor(values[recruit] ?? 0);
      index[recruit] = inSet[natural] ? natural : inSet.indexOf(true);
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
