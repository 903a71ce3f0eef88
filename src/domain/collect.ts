/**
 * 取值: reads the values of valid ballots into flat columns of scaled integers, then hands them out per subject and
 * group, sorted. Decimal strings are parsed by hand at the instrument's decimal resolution (no Fraction, no object per
 * rating); a value finer than that resolution rescales what was collected so far, so the result does not depend on
 * ballot order.
 */
import { Fraction, HUNDRED, isDecimal, parseDecimal } from './exact.js';
import type { SortedValues } from './aggregate.js';
import type { BallotProblem, GroupValue } from './results.js';
import type { Ballot, Instrument, Rating } from './types.js';
import { isImmutableRating } from './immutable.js';

export interface SubjectValues {
  /** Position in the instrument's subject list. */
  position: number;
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
  /** The same, in the instrument's subject order. */
  subjectList: [string, SubjectValues][];
  groupIndex: Map<string, number>;
  /** Grade key → [raw points, grade position]. */
  grades: Map<string, [number, number]>;
  /** Adjustment item id → +1 bonus / −1 deduction. */
  adjustmentSigns: Map<string, 1 | -1>;
  /**
   * The total caps of a ballot's bonuses and deductions for a subject (decimal strings), each read as a ceiling: a
   * sum over its cap counts as the cap (封顶). Under an instrument's strict reading such a ballot is invalid and never
   * reaches the values, so the ceiling is applied the same way for both. Null without adjustments.
   */
  adjustmentCaps: { bonus: string; deduction: string } | null;
  /** Criteria ids of a score instrument with a rubric. */
  criteria: string[] | null;
  /**
   * Every value collected so far, as flat columns written in arrival order (no object per value, no per-group array
   * growth): slot = subject position × group count + group position; ballot = position in the tally's ballot list.
   */
  length: number;
  /**
   * Grade instruments: groupValues' counting sort, kept as values arrive — each slot's values per grade rank, in
   * arrival order — so a finish copies runs instead of sorting every value again (a running tally finishes on every
   * read during a room). Null otherwise, or with more than 255 distinct grade points.
   */
  byRank: RankBuckets | null;
  /** Readings of immutable grade and abstain ratings, by identity (see `rememberReading`). */
  known: Map<Rating, KnownReading>;
  slot: Int32Array;
  raw: Float64Array;
  ballot: Int32Array;
}

interface RankBuckets {
  /** The distinct raw grade points, ascending. */
  points: number[];
  /** Grade position → its points' rank in `points`. */
  rankOfGrade: number[];
  /** Per bucket (slot × ranks + rank): the positions of its values in the columns, ascending; made on first use. */
  entries: (Int32Array | undefined)[];
  lengths: Int32Array;
}

function rankBuckets(grades: Map<string, [number, number]>, slots: number): RankBuckets | null {
  const points = [...new Set([...grades.values()].map((e) => e[0]))].sort((a, b) => a - b);
  if (points.length === 0 || points.length > 255) return null;
  const rankOfGrade: number[] = [];
  for (const [raw, position] of grades.values()) rankOfGrade[position] = points.indexOf(raw);
  return { points, rankOfGrade, entries: new Array(slots * points.length), lengths: new Int32Array(slots * points.length) };
}

function addToBucket(buckets: RankBuckets, bucket: number, entry: number): void {
  let list = buckets.entries[bucket];
  const n = buckets.lengths[bucket]!;
  if (list === undefined || n === list.length) {
    const grown = new Int32Array(list === undefined ? 8 : list.length * 2);
    if (list !== undefined) grown.set(list);
    buckets.entries[bucket] = list = grown;
  }
  list[n] = entry;
  buckets.lengths[bucket] = n + 1;
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

/** `capacity`: how many values to make room for at once (the ratings on its ballots), to avoid regrowing columns. */
export function prepareInstrument(instrument: Instrument, capacity = 1024): InstrumentValues {
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
    decimalStrings.push(adjustments.maxTotalBonus, adjustments.maxTotalDeduction);
  }
  const decimals = Math.max(0, ...decimalStrings.map(decimalsOf));
  if (instrument.kind === 'grade') {
    instrument.grades.forEach((g, i) => { grades.set(g.key, [parseScaled(g.points, decimals), i]); });
  }
  const groupIndex = new Map(instrument.groupWeights.map((g, i) => [g.groupId, i]));
  const subjects = new Map<string, SubjectValues>();
  instrument.subjectIds.forEach((subjectId, position) => {
    if (subjects.has(subjectId)) return;
    subjects.set(subjectId, {
      position,
      abstentions: 0,
      gradeCounts: instrument.kind === 'grade' ? instrument.grades.map(() => 0) : null,
      lastBallot: -1,
    });
  });
  capacity = Math.max(16, capacity);
  return {
    instrument,
    decimals,
    subjects,
    subjectList: [...subjects],
    groupIndex,
    grades,
    adjustmentSigns,
    adjustmentCaps: adjustments ? { bonus: adjustments.maxTotalBonus, deduction: adjustments.maxTotalDeduction } : null,
    criteria,
    length: 0,
    byRank: instrument.kind === 'grade' ? rankBuckets(grades, instrument.subjectIds.length * groupIndex.size) : null,
    known: new Map(),
    slot: new Int32Array(capacity),
    raw: new Float64Array(capacity),
    ballot: new Int32Array(capacity),
  };
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
  const raw = values.raw;
  for (let i = 0; i < values.length; i++) raw[i]! *= factor;
  for (const entry of values.grades.values()) entry[0] *= factor;
  values.decimals = decimals;
}

function append(values: InstrumentValues, slot: number, raw: number, ballot: number): void {
  if (values.length === values.slot.length) {
    const grow = <T extends Int32Array | Float64Array>(a: T, make: (n: number) => T): T => {
      const b = make(a.length * 2);
      b.set(a);
      return b;
    };
    values.slot = grow(values.slot, (n) => new Int32Array(n));
    values.raw = grow(values.raw, (n) => new Float64Array(n));
    values.ballot = grow(values.ballot, (n) => new Int32Array(n));
  }
  const i = values.length++;
  values.slot[i] = slot;
  values.raw[i] = raw;
  values.ballot[i] = ballot;
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

interface KnownReading {
  subject: SubjectValues;
  /** The grade's [raw, position] entry of `InstrumentValues.grades` (the same array), or null for an abstention. */
  grade: [number, number] | null;
}

/**
 * What a rating reads as depends only on the instrument and the rating; a province's grade ratings are a few
 * thousand shared, frozen objects (see check-ballot.ts, KNOWN_*). A frozen plain object with data properties only,
 * none nested, cannot change, so its reading is remembered by identity and the next ballot that carries it reads no
 * property at all.
 */
function rememberReading(values: InstrumentValues, r: Rating, subject: SubjectValues, grade: [number, number] | null): void {
  if (values.known.size >= 1 << 16 || !isImmutableRating(r)) return;
  values.known.set(r, { subject, grade });
}

// Scratch space for one ballot's readings, reused so the hot loop allocates only the values it keeps.
const pendingSubjects: SubjectValues[] = [];
const pendingRaw: number[] = [];
const pendingGrade: number[] = [];

/**
 * Adds one ballot (already found valid by checkBallot) to the collected values and returns its abstention count.
 * Returns a problem instead when the ballot cannot be read after all — a safety net, so a gap in validation never
 * turns into a wrong number.
 */
export function addBallot(values: InstrumentValues, ballot: Ballot, ballotIndex: number): BallotProblem | number {
  const instrument = values.instrument;
  const group = values.groupIndex.get(ballot.raterGroupId);
  if (group === undefined) return unreadable(undefined, `group ${ballot.raterGroupId}`);
  const isGrade = instrument.kind === 'grade';
  if (!isGrade) {
    const needed = ballotDecimals(ballot);
    if (needed < 0) return unreadable(undefined, 'not a decimal');
    if (needed > values.decimals) rescale(values, needed);
  }
  const ratings = ballot.ratings;
  const n = ratings.length;
  const groupCount = values.groupIndex.size;
  const known = values.known;
  for (let i = 0; i < n; i++) {
    const r = ratings[i]!;
    const reading = known.get(r);
    if (reading !== undefined) {
      const subject = reading.subject;
      if (subject.lastBallot === ballotIndex) return unreadable(r.subjectId, 'subject');
      subject.lastBallot = ballotIndex;
      pendingSubjects[i] = subject;
      const grade = reading.grade;
      if (grade === null) pendingRaw[i] = NaN;
      else {
        pendingRaw[i] = grade[0];
        pendingGrade[i] = grade[1];
      }
      continue;
    }
    // Ratings usually come in the instrument's subject order: try that position before hashing.
    const hinted = values.subjectList[i];
    const subject = hinted !== undefined && hinted[0] === r.subjectId ? hinted[1] : values.subjects.get(r.subjectId);
    if (subject === undefined || subject.lastBallot === ballotIndex) return unreadable(r.subjectId, 'subject');
    subject.lastBallot = ballotIndex;
    pendingSubjects[i] = subject;
    if (r.abstain) {
      pendingRaw[i] = NaN;
      rememberReading(values, r, subject, null);
    } else if (isGrade) {
      const grade = r.grade === undefined ? undefined : values.grades.get(r.grade);
      if (grade === undefined) return unreadable(r.subjectId, 'grade');
      pendingRaw[i] = grade[0];
      pendingGrade[i] = grade[1];
      rememberReading(values, r, subject, grade);
    } else {
      const raw = readRating(values, r);
      if (raw === undefined) return unreadable(r.subjectId, 'value');
      pendingRaw[i] = raw;
    }
  }
  let abstentions = 0;
  for (let i = 0; i < n; i++) {
    const subject = pendingSubjects[i]!;
    const raw = pendingRaw[i]!;
    if (Number.isNaN(raw)) {
      subject.abstentions++;
      abstentions++;
      continue;
    }
    const slot = subject.position * groupCount + group;
    append(values, slot, raw, ballotIndex);
    if (isGrade) {
      const grade = pendingGrade[i]!;
      subject.gradeCounts![grade]!++;
      const byRank = values.byRank;
      if (byRank !== null) addToBucket(byRank, slot * byRank.points.length + byRank.rankOfGrade[grade]!, values.length - 1);
    }
  }
  return abstentions;
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
    const caps = values.adjustmentCaps;
    if (caps === null) return undefined;
    let bonus = 0;
    let deduction = 0;
    for (const a of r.adjustments) {
      const sign = values.adjustmentSigns.get(a.itemId);
      if (sign === undefined) return undefined;
      if (sign > 0) bonus += parseScaled(a.points, d);
      else deduction += parseScaled(a.points, d);
    }
    raw += Math.min(bonus, parseScaled(caps.bonus, d)) - Math.min(deduction, parseScaled(caps.deduction, d));
  }
  return Number.isSafeInteger(raw) ? raw : undefined;
}

/**
 * The collected values per subject position and group position, each sorted ascending by raw, ties by ballot id.
 * `idOrdered`: the ballots were added in ballot-id order, so a stable sort by raw already gives the tie order;
 * otherwise ties are put in id order when someone first reads ballot ids (an explanation, a trimmed mean's dropped
 * ballots) — only aggregates of raw values are needed for every subject, and those do not depend on tie order.
 */
export function groupValues(values: InstrumentValues, ballotIds: readonly string[], idOrdered = true): SortedValues[][] {
  if (values.instrument.kind === 'grade') {
    const byRank = groupGradeValues(values, ballotIds, idOrdered);
    if (byRank !== null) return byRank;
  }
  const groupCount = values.groupIndex.size;
  const slots = values.instrument.subjectIds.length * groupCount;
  const { length, slot, raw, ballot } = values;
  // Bucket entries by slot (counting sort keeps arrival order inside a slot).
  const start = new Int32Array(slots + 1);
  for (let i = 0; i < length; i++) start[slot[i]! + 1]!++;
  for (let s = 0; s < slots; s++) start[s + 1]! += start[s]!;
  const fill = start.slice(0, slots);
  const order = new Int32Array(length);
  for (let i = 0; i < length; i++) order[fill[slot[i]!]!++] = i;
  const out: SortedValues[][] = [];
  for (let p = 0; p < values.instrument.subjectIds.length; p++) {
    const groups: SortedValues[] = [];
    for (let g = 0; g < groupCount; g++) {
      const s = p * groupCount + g;
      const entries = sortByRaw(order.subarray(start[s]!, start[s + 1]!), raw);
      groups.push(sortedColumns(entries, raw, ballot, ballotIds, idOrdered));
    }
    out.push(groups);
  }
  return out;
}

function sortedColumns(entries: Int32Array, raw: Float64Array, ballot: Int32Array, ballotIds: readonly string[], idOrdered: boolean): SortedValues {
  const sortedRaw = new Float64Array(entries.length);
  for (let i = 0; i < entries.length; i++) sortedRaw[i] = raw[entries[i]!]!;
  return new SlotValues(entries, sortedRaw, ballot, ballotIds, idOrdered);
}

/**
 * Grade instruments: every raw value is one of a few grade points, and each slot's values are already kept per rank
 * of their points, in arrival order (`byRank`): copying those runs in rank order sorts the slot — stably, so equal
 * values keep arrival order as the per-slot sort does — and the sorted raw values are the rank's points repeated.
 * Null without buckets (the general path then).
 */
function groupGradeValues(values: InstrumentValues, ballotIds: readonly string[], idOrdered: boolean): SortedValues[][] | null {
  const byRank = values.byRank;
  if (byRank === null) return null;
  const ranks = byRank.points.length;
  const groupCount = values.groupIndex.size;
  const subjects = values.instrument.subjectIds.length;
  const order = new Int32Array(values.length);
  const sortedRaw = new Float64Array(values.length);
  let at = 0;
  const out: SortedValues[][] = [];
  for (let p = 0; p < subjects; p++) {
    const groups: SortedValues[] = [];
    for (let g = 0; g < groupCount; g++) {
      const from = at;
      const first = (p * groupCount + g) * ranks;
      for (let r = 0; r < ranks; r++) {
        const n = byRank.lengths[first + r]!;
        if (n === 0) continue;
        order.set(byRank.entries[first + r]!.subarray(0, n), at);
        sortedRaw.fill(byRank.points[r]!, at, at + n);
        at += n;
      }
      groups.push(new SlotValues(order.subarray(from, at), sortedRaw.subarray(from, at), values.ballot, ballotIds, idOrdered));
    }
    out.push(groups);
  }
  return out;
}

/** One group's values for one subject, as columns (a class, not closures: a province has thousands of them). */
class SlotValues implements SortedValues {
  readonly raw: Float64Array;
  /** Runs of equal raw (by first position) already in ballot-id order; null once every run is. */
  private orderedRuns: Set<number> | null;

  /** `sortedRaw[i]` is the raw value of entry `entries[i]`, ascending. */
  constructor(
    private readonly entries: Int32Array,
    sortedRaw: Float64Array,
    private readonly ballot: Int32Array,
    private readonly ballotIds: readonly string[],
    idOrdered: boolean,
  ) {
    this.raw = sortedRaw;
    this.orderedRuns = idOrdered ? null : new Set();
  }

  ballotId(i: number): string {
    const runs = this.orderedRuns;
    if (runs !== null) {
      const sortedRaw = this.raw;
      const r = sortedRaw[i]!;
      let from = i;
      while (from > 0 && sortedRaw[from - 1] === r) from--;
      if (!runs.has(from)) {
        let to = i + 1;
        while (to < sortedRaw.length && sortedRaw[to] === r) to++;
        this.orderRun(from, to);
        runs.add(from);
      }
    }
    return this.ballotIds[this.ballot[this.entries[i]!]!]!;
  }

  materialize(): GroupValue[] {
    const n = this.raw.length;
    const runs = this.orderedRuns;
    if (runs !== null) {
      for (let from = 0, to = 1; from < n; from = to++) {
        while (to < n && this.raw[to] === this.raw[from]) to++;
        if (!runs.has(from)) this.orderRun(from, to);
      }
      this.orderedRuns = null;
    }
    const list: GroupValue[] = [];
    for (let i = 0; i < n; i++) list.push({ ballotId: this.ballotIds[this.ballot[this.entries[i]!]!]!, raw: this.raw[i]! });
    return list;
  }

  /** Puts entries [from, to) — equal raw values — in ballot-id order (ties by arrival, for equal ids). */
  private orderRun(from: number, to: number): void {
    if (to - from < 2) return;
    const { ballot, ballotIds } = this;
    const run = Array.from(this.entries.subarray(from, to));
    run.sort((x, y) => {
      const a = ballotIds[ballot[x]!]!;
      const b = ballotIds[ballot[y]!]!;
      return a < b ? -1 : a > b ? 1 : x - y;
    });
    this.entries.set(run, from);
  }
}

/** A stable sort of entry indices by raw value. Few distinct raws (always so for grades): one pass per raw. */
function sortByRaw(entries: Int32Array, raw: Float64Array): Int32Array {
  const n = entries.length;
  let sorted = true;
  for (let i = 1; i < n && sorted; i++) sorted = raw[entries[i - 1]!]! <= raw[entries[i]!]!;
  if (sorted) return entries;
  const keys: number[] = [];
  for (let i = 0; i < n && keys.length <= 16; i++) {
    const r = raw[entries[i]!]!;
    if (keys.indexOf(r) < 0) keys.push(r);
  }
  if (keys.length > 16) return Int32Array.from(Array.from(entries).sort((a, b) => raw[a]! - raw[b]!));
  keys.sort((a, b) => a - b);
  const out = new Int32Array(n);
  let j = 0;
  for (const k of keys) for (let i = 0; i < n; i++) if (raw[entries[i]!] === k) out[j++] = entries[i]!;
  return out;
}
