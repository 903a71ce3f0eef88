/**
 * 取值: reads the values of valid ballots into per-subject, per-group lists of scaled integers. Decimal strings are
 * parsed by hand at the instrument's decimal resolution (no Fraction per rating); a value finer than that resolution
 * rescales what was collected so far, so the result does not depend on ballot order.
 */
import { Fraction, HUNDRED, isDecimal, parseDecimal } from './exact.js';
import type { BallotProblem, GroupValue } from './results.js';
import type { Ballot, Instrument } from './types.js';

export interface SubjectValues {
  /** Values per group, in the instrument's groupWeights order. */
  groups: GroupValue[][];
  abstentions: number;
  /** Grade instruments: count per grade, in the instrument's grade order. */
  gradeCounts: number[] | null;
  /** Index of the last ballot that rated this subject (catches a subject twice on one ballot). */
  lastBallot: number;
}

export interface InstrumentValues {
  instrument: Instrument;
  /** Raw values are integers in units of 10^-decimals points. */
  decimals: number;
  subjects: Map<string, SubjectValues>;
  groupIndex: Map<string, number>;
  /** Grade key → [raw points, grade position]. */
  grades: Map<string, [number, number]>;
  /** Adjustment item id → +1 bonus / −1 deduction. */
  adjustmentSigns: Map<string, 1 | -1>;
  /** Criteria ids of a score instrument with a rubric. */
  criteria: string[] | null;
}

function decimalsOf(s: string): number {
  const dot = s.indexOf('.');
  if (dot < 0) return 0;
  let end = s.length;
  while (end > dot + 1 && s.charCodeAt(end - 1) === 48) end--;
  return end - dot - 1;
}

const POW10 = [1, 10, 100, 1000, 10_000, 100_000, 1_000_000];

/** s (already known to be a decimal with at most `decimals` significant fraction digits) × 10^decimals. */
function parseScaled(s: string, decimals: number): number {
  let value = 0;
  let fraction = -1;
  const negative = s.charCodeAt(0) === 45;
  for (let i = negative ? 1 : 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 46) {
      fraction = 0;
      continue;
    }
    if (fraction >= 0) {
      if (fraction >= decimals) break; // only trailing zeros remain
      fraction++;
    }
    value = value * 10 + (c - 48);
  }
  value *= POW10[decimals - Math.max(fraction, 0)]!;
  return negative ? -value : value;
}

export function prepareInstrument(instrument: Instrument): InstrumentValues {
  const decimalStrings: string[] = [];
  const grades = new Map<string, [number, number]>();
  const adjustmentSigns = new Map<string, 1 | -1>();
  let criteria: string[] | null = null;
  if (instrument.kind === 'grade') decimalStrings.push(...instrument.grades.map((g) => g.points));
  if (instrument.kind === 'score') {
    decimalStrings.push(instrument.min, instrument.max, instrument.step);
    if (instrument.criteria) {
      criteria = instrument.criteria.map((c) => c.id);
      decimalStrings.push(...instrument.criteria.map((c) => c.maxPoints));
    }
  }
  const adjustments = instrument.kind === 'grade' ? null : instrument.adjustments;
  if (adjustments) {
    for (const item of adjustments.items) {
      adjustmentSigns.set(item.id, item.direction === 'bonus' ? 1 : -1);
      decimalStrings.push(item.maxPoints);
    }
  }
  const decimals = Math.max(0, ...decimalStrings.map(decimalsOf));
  if (instrument.kind === 'grade') {
    instrument.grades.forEach((g, i) => grades.set(g.key, [parseScaled(g.points, decimals), i]));
  }
  const groupIndex = new Map(instrument.groupWeights.map((g, i) => [g.groupId, i]));
  const subjects = new Map<string, SubjectValues>();
  for (const subjectId of instrument.subjectIds) {
    subjects.set(subjectId, {
      groups: instrument.groupWeights.map(() => []),
      abstentions: 0,
      gradeCounts: instrument.kind === 'grade' ? instrument.grades.map(() => 0) : null,
      lastBallot: -1,
    });
  }
  return { instrument, decimals, subjects, groupIndex, grades, adjustmentSigns, criteria };
}

/** Normalised value of one raw step: 100 / (10^decimals × max) for grade and score instruments, 10^-decimals else. */
export function unitOf(values: InstrumentValues): Fraction {
  const step = new Fraction(1n, 10n ** BigInt(values.decimals));
  const instrument = values.instrument;
  if (instrument.kind === 'adjustments') return step;
  const max =
    instrument.kind === 'score'
      ? parseDecimal(instrument.max)
      : instrument.grades.map((g) => parseDecimal(g.points)).reduce((a, b) => (b.gt(a) ? b : a));
  if (!max.gt(0)) throw new Error(`instrument ${instrument.id} has no positive maximum`);
  return step.mul(HUNDRED).div(max);
}

function rescale(values: InstrumentValues, decimals: number): void {
  const factor = POW10[decimals - values.decimals]!;
  for (const subject of values.subjects.values()) {
    for (const group of subject.groups) for (const v of group) v.raw *= factor;
  }
  for (const entry of values.grades.values()) entry[0] *= factor;
  values.decimals = decimals;
}

/** The finest resolution a ballot's values need; -1 when a value is not a plain decimal. */
function ballotDecimals(ballot: Ballot): number {
  let d = 0;
  const see = (s: unknown): boolean => {
    if (typeof s !== 'string' || !isDecimal(s)) return false;
    d = Math.max(d, decimalsOf(s));
    return true;
  };
  for (const r of ballot.ratings) {
    if (r.abstain) continue;
    if (r.score !== undefined && !see(r.score)) return -1;
    if (r.criteria) for (const k in r.criteria) if (!see(r.criteria[k])) return -1;
    if (r.adjustments) for (const a of r.adjustments) if (!see(a.points)) return -1;
  }
  return d;
}

function unreadable(subjectId: string | undefined, what: string): BallotProblem {
  return {
    code: 'tally-unreadable',
    severity: 'structural',
    ...(subjectId === undefined ? {} : { subjectId }),
    params: { what },
    message: { zh: `计票无法读取选票内容（${what}）`, en: `The tally cannot read this ballot (${what})` },
  };
}

const pendingSubjects: SubjectValues[] = [];
const pendingRaw: number[] = [];

/**
 * Adds one ballot (already found valid by checkBallot) to the collected values. Returns a problem instead when the
 * ballot cannot be read after all — a safety net, so a gap in validation never turns into a wrong number.
 */
export function addBallot(values: InstrumentValues, ballot: Ballot, ballotIndex: number): BallotProblem | null {
  const instrument = values.instrument;
  const group = values.groupIndex.get(ballot.raterGroupId);
  if (group === undefined) return unreadable(undefined, `group ${ballot.raterGroupId}`);
  if (instrument.kind !== 'grade') {
    const needed = ballotDecimals(ballot);
    if (needed < 0) return unreadable(undefined, 'not a decimal');
    if (needed > values.decimals) rescale(values, needed);
  }
  pendingSubjects.length = 0;
  pendingRaw.length = 0;
  for (const r of ballot.ratings) {
    const subject = values.subjects.get(r.subjectId);
    if (!subject || subject.lastBallot === ballotIndex) return unreadable(r.subjectId, 'subject');
    subject.lastBallot = ballotIndex;
    const raw = r.abstain ? NaN : readRating(values, r);
    if (raw === undefined) return unreadable(r.subjectId, 'value');
    pendingSubjects.push(subject);
    pendingRaw.push(raw);
  }
  for (let i = 0; i < pendingSubjects.length; i++) {
    const subject = pendingSubjects[i]!;
    const raw = pendingRaw[i]!;
    if (Number.isNaN(raw)) {
      subject.abstentions++;
      continue;
    }
    subject.groups[group]!.push({ ballotId: ballot.id, raw });
    if (subject.gradeCounts) {
      const grade = values.grades.get(ballot.ratings[i]!.grade!)!;
      subject.gradeCounts[grade[1]]!++;
    }
  }
  return null;
}

/** A rating's raw value, or undefined when it cannot be read. */
function readRating(values: InstrumentValues, r: Ballot['ratings'][number]): number | undefined {
  const d = values.decimals;
  const instrument = values.instrument;
  if (instrument.kind === 'grade') {
    return r.grade === undefined ? undefined : values.grades.get(r.grade)?.[0];
  }
  let raw = 0;
  if (instrument.kind === 'score') {
    if (values.criteria) {
      if (!r.criteria) return undefined;
      for (const id of values.criteria) {
        const s = r.criteria[id];
        if (s === undefined) return undefined;
        raw += parseScaled(s, d);
      }
    } else {
      if (r.score === undefined) return undefined;
      raw = parseScaled(r.score, d);
    }
  }
  if (r.adjustments && r.adjustments.length > 0) {
    if (values.adjustmentSigns.size === 0) return undefined;
    for (const a of r.adjustments) {
      const sign = values.adjustmentSigns.get(a.itemId);
      if (sign === undefined) return undefined;
      raw += sign * parseScaled(a.points, d);
    }
  }
  return Number.isSafeInteger(raw) ? raw : undefined;
}
