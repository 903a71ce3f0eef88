/**
 * 验票: is a ballot acceptable? `checkBallot` returns every problem it finds ([] = valid). Structural problems are
 * refused even on paper; rule problems (比例限制) make an online ballot refused and a paper ballot 无效票.
 *
 * It runs for every ballot of a province tally, so all per-instrument work is done once in `prepareInstrument`
 * (cached per definition index and instrument) and decimal values are checked as integers scaled by 10^6.
 */
import type { DefinitionIndex } from './definition-index.js';
import { hasConflict } from './conflicts.js';
import { Fraction, isDecimal, parseDecimal } from './exact.js';
import { allowedCount, quotaViolationMessage, ruleBase, ruleTitle } from './quota.js';
import type { BallotProblem, Message } from './results.js';
import type { AdjustmentConfig, AdjustmentItem, Ballot, Instrument, QuotaRule, Rating, Session, Subject } from './types.js';
import { isImmutableRating } from './immutable.js';

/** Longest reason or opinion, in characters. */
export const MAX_TEXT_LENGTH = 2000;

// ---------------------------------------------------------------------------------------------------------------
// Decimals as integers scaled by 10^6 (every decimal the domain accepts has at most 6 fraction digits).

const SCALE_DIGITS = 6;
/** Constants beyond this magnitude are compared as Fractions, so differences of fast values stay exact. */
const FAST_LIMIT = 2 ** 52;

/**
 * A decimal string as an integer scaled by 10^6, or NaN when it is not a decimal or has more than 9 integer digits
 * (callers then fall back to exact Fractions).
 */
export function parseScaled(s: string): number {
  const len = s.length;
  if (len === 0 || len > 17) return NaN;
  let i = 0;
  let negative = false;
  if (s.charCodeAt(0) === 45) {
    negative = true;
    i = 1;
  }
  let value = 0;
  const intStart = i;
  for (; i < len; i++) {
    const c = s.charCodeAt(i);
    if (c === 46) break;
    if (c < 48 || c > 57) return NaN;
    value = value * 10 + (c - 48);
  }
  const intDigits = i - intStart;
  if (intDigits === 0 || intDigits > 9) return NaN;
  let fracDigits = 0;
  if (i < len) {
    i++;
    if (i === len) return NaN;
    for (; i < len; i++) {
      const c = s.charCodeAt(i);
      if (c < 48 || c > 57) return NaN;
      value = value * 10 + (c - 48);
      fracDigits++;
    }
    if (fracDigits > SCALE_DIGITS) return NaN;
  }
  for (let k = fracDigits; k < SCALE_DIGITS; k++) value *= 10;
  return negative ? -value : value;
}

/** A declared decimal (min, max, step, cap) in both forms; `scaled` is NaN when only the Fraction is usable. */
interface Exact {
  text: string;
  scaled: number;
  exact: Fraction;
}

function exactOf(text: string): Exact {
  const valid = typeof text === 'string' && isDecimal(text);
  const scaled = valid ? parseScaled(text) : NaN;
  return {
    text,
    scaled: Math.abs(scaled) <= FAST_LIMIT ? scaled : NaN,
    exact: valid ? parseDecimal(text) : new Fraction(0),
  };
}

const OK = 0;
const NOT_DECIMAL = 1;
const OUT_OF_RANGE = 2;
const OFF_STEP = 3;
type Verdict = typeof OK | typeof NOT_DECIMAL | typeof OUT_OF_RANGE | typeof OFF_STEP;

/** Is `value` a decimal in [lo, hi] on lo + k·step? Integer math unless a number is too long to scale. */
function checkValue(value: unknown, lo: Exact, hi: Exact, step: Exact | null): Verdict {
  if (typeof value !== 'string') return NOT_DECIMAL;
  const v = parseScaled(value);
  if (v === v && lo.scaled === lo.scaled && hi.scaled === hi.scaled && (step === null || step.scaled === step.scaled)) {
    if (v < lo.scaled || v > hi.scaled) return OUT_OF_RANGE;
    if (step !== null && step.scaled > 0 && (v - lo.scaled) % step.scaled !== 0) return OFF_STEP;
    return OK;
  }
  if (!isDecimal(value)) return NOT_DECIMAL;
  const f = parseDecimal(value);
  if (f.lt(lo.exact) || f.gt(hi.exact)) return OUT_OF_RANGE;
  if (step !== null && step.exact.s > 0n && step.exact.n > 0n && f.sub(lo.exact).div(step.exact).d !== 1n) {
    return OFF_STEP;
  }
  return OK;
}

/** Σ of decimal strings already known to be decimals, compared with `bound`: −1, 0 or 1. */
function compareSum(values: string[], bound: Exact): number {
  let fast = bound.scaled === bound.scaled;
  let total = 0;
  for (let i = 0; fast && i < values.length; i++) {
    const v = parseScaled(values[i]!);
    if (v !== v) fast = false;
    else total += v;
  }
  if (fast && Math.abs(total) <= FAST_LIMIT) return total < bound.scaled ? -1 : total > bound.scaled ? 1 : 0;
  let sum = new Fraction(0);
  for (const v of values) sum = sum.add(parseDecimal(v));
  return sum.compare(bound.exact);
}

function sumText(values: string[]): string {
  let sum = new Fraction(0);
  for (const v of values) sum = sum.add(parseDecimal(v));
  return sum.toString();
}

// ---------------------------------------------------------------------------------------------------------------
// Per-instrument preparation.

/**
 * Which subjects one rater sees: the instrument's subjects, limited to the session's agenda when it has one, minus
 * conflicts with the rater's bound unit (the same as `subjectsOnBallot`).
 */
export interface BallotView {
  /** Positions (into `PreparedInstrument.subjects`, ascending) of the subjects on the ballot. */
  shown: Int32Array;
  /** The session whose agenda limits the ballot, or null when every subject of the instrument is on it. */
  session: Session | null;
}

interface PreparedRule {
  rule: QuotaRule;
  /** Indexes into the instrument's grades of the grades the rule counts. */
  gradeIndexes: number[];
  /** allowedCount(rule, n) for n = 0 … number of subjects. */
  allowed: Int32Array;
}

interface PreparedAdjustments {
  config: AdjustmentConfig;
  items: Map<string, { item: AdjustmentItem; max: Exact }>;
  maxBonus: Exact;
  maxDeduction: Exact;
}

/**
 * What `checkBallot` needs about one instrument, computed once per definition index: subject positions, grade and
 * rule tables, score bounds as scaled integers, and one `BallotView` per bound unit. The tally may use `position`,
 * `subjects`, `gradeIndex` and `view()` too; everything else is internal.
 */
export interface PreparedInstrument {
  index: DefinitionIndex;
  instrument: Instrument;
  /** subjectId → position in `subjects` (known subjects, first occurrence). */
  position: Map<string, number>;
  subjects: Subject[];
  /** Grade key → index in `instrument.grades` (grade instruments; empty otherwise). */
  gradeIndex: Map<string, number>;
  gradeLabels: Map<string, string>;
  /** The rater's view for a bound unit (null = not bound) in a session (null = none), cached. */
  view(boundUnitId: string | null, session?: Session | null): BallotView;
  rules: PreparedRule[];
  score: { min: Exact; max: Exact; step: Exact; zero: Exact } | null;
  criteria: { id: string; label: string; max: Exact }[] | null;
  adjustments: PreparedAdjustments | null;
  // Scratch space reused by every check of this instrument (checks are synchronous).
  seen: Int32Array;
  shownMark: Int32Array;
  stamp: number;
  gradeCounts: Int32Array;
  /** Verdicts of immutable valid ratings, see `knownRating`. */
  known: Map<Rating, number>;
}

const prepared = new WeakMap<DefinitionIndex, WeakMap<Instrument, PreparedInstrument>>();

/** Positions of the agenda's subjects that belong to the instrument, ascending (the instrument's order). */
function agendaPositions(position: ReadonlyMap<string, number>, agenda: readonly string[]): number[] {
  const found = new Set<number>();
  for (const id of agenda) {
    const pos = position.get(id);
    if (pos !== undefined) found.add(pos);
  }
  return [...found].sort((a, b) => a - b);
}

function prepareAdjustments(config: AdjustmentConfig | null): PreparedAdjustments | null {
  if (config === null) return null;
  return {
    config,
    items: new Map(config.items.map((item) => [item.id, { item, max: exactOf(item.maxPoints) }])),
    maxBonus: exactOf(config.maxTotalBonus),
    maxDeduction: exactOf(config.maxTotalDeduction),
  };
}

// The last preparation handed out: consecutive ballots mostly share their instrument (two WeakMap look-ups saved).
let last: PreparedInstrument | null = null;

/** Prepares (once, cached) what checking ballots of `instrument` needs. The definition must not change afterwards. */
export function prepareInstrument(index: DefinitionIndex, instrument: Instrument): PreparedInstrument {
  if (last !== null && last.index === index && last.instrument === instrument) return last;
  last = prepareUncached(index, instrument);
  return last;
}

function prepareUncached(index: DefinitionIndex, instrument: Instrument): PreparedInstrument {
  let byInstrument = prepared.get(index);
  if (byInstrument === undefined) {
    byInstrument = new WeakMap();
    prepared.set(index, byInstrument);
  }
  const cached = byInstrument.get(instrument);
  if (cached !== undefined) return cached;

  const position = new Map<string, number>();
  const subjects: Subject[] = [];
  for (const id of instrument.subjectIds) {
    const subject = index.subjects.get(id);
    if (subject === undefined || position.has(id)) continue;
    position.set(id, subjects.length);
    subjects.push(subject);
  }
  const allPositions = subjects.map((_, i) => i);
  const views = new Map<Session | null, Map<string | null, BallotView>>();
  const agendaCandidates = new Map<Session, number[]>();
  const view = (boundUnitId: string | null, session: Session | null = null): BallotView => {
    const agendaSession = session?.agenda ? session : null;
    let byBound = views.get(agendaSession);
    if (byBound === undefined) {
      byBound = new Map();
      views.set(agendaSession, byBound);
    }
    let v = byBound.get(boundUnitId);
    if (v === undefined) {
      let candidates = allPositions;
      if (agendaSession) {
        candidates = agendaCandidates.get(agendaSession) ?? agendaPositions(position, agendaSession.agenda!);
        agendaCandidates.set(agendaSession, candidates);
      }
      const shown = candidates.filter((i) => !hasConflict(index, subjects[i]!, boundUnitId));
      v = { shown: Int32Array.from(shown), session: agendaSession };
      byBound.set(boundUnitId, v);
    }
    return v;
  };

  const gradeIndex = new Map<string, number>();
  const gradeLabels = new Map<string, string>();
  let rules: PreparedRule[] = [];
  if (instrument.kind === 'grade') {
    instrument.grades.forEach((g, i) => {
      if (!gradeIndex.has(g.key)) gradeIndex.set(g.key, i);
      gradeLabels.set(g.key, g.label);
    });
    rules = instrument.quotaRules.map((rule) => {
      const allowed = new Int32Array(subjects.length + 1);
      for (let n = 0; n <= subjects.length; n++) allowed[n] = allowedCount(rule, n);
      const gradeIndexes = [...new Set(rule.grades)]
        .map((g) => gradeIndex.get(g))
        .filter((i): i is number => i !== undefined);
      return { rule, gradeIndexes, allowed };
    });
  }

  let score: PreparedInstrument['score'] = null;
  let criteria: PreparedInstrument['criteria'] = null;
  let adjustments: PreparedAdjustments | null = null;
  if (instrument.kind === 'score') {
    score = {
      min: exactOf(instrument.min),
      max: exactOf(instrument.max),
      step: exactOf(instrument.step),
      zero: exactOf('0'),
    };
    criteria = instrument.criteria?.map((c) => ({ id: c.id, label: c.label, max: exactOf(c.maxPoints) })) ?? null;
    adjustments = prepareAdjustments(instrument.adjustments);
  } else if (instrument.kind === 'adjustments') {
    adjustments = prepareAdjustments(instrument.adjustments);
  }

  const result: PreparedInstrument = {
    index,
    instrument,
    position,
    subjects,
    gradeIndex,
    gradeLabels,
    view,
    rules,
    score,
    criteria,
    adjustments,
    seen: new Int32Array(subjects.length),
    shownMark: new Int32Array(subjects.length),
    stamp: 0,
    gradeCounts: new Int32Array(instrument.kind === 'grade' ? instrument.grades.length : 0),
    known: new Map(),
  };
  byInstrument.set(instrument, result);
  return result;
}

// ---------------------------------------------------------------------------------------------------------------
// The check.

type Params = Record<string, string | number>;

function structural(code: ProblemCode, params: Params, subjectId?: string): BallotProblem {
  const problem: BallotProblem = { code, severity: 'structural', params, message: MESSAGES[code](params) };
  if (subjectId !== undefined) problem.subjectId = subjectId;
  return problem;
}

function subjectParams(p: PreparedInstrument, subjectId: string, extra?: Params): Params {
  const subject = p.index.subjects.get(subjectId);
  return { subjectId, subjectName: subject?.name ?? subjectId, ...extra };
}

function hasText(s: unknown): boolean {
  return typeof s === 'string' && /\S/.test(s);
}

function tooLong(s: string): boolean {
  return s.length > MAX_TEXT_LENGTH && [...s].length > MAX_TEXT_LENGTH;
}

/** Checks one ballot against the definition. [] = valid. Order of ratings does not matter. */
export function checkBallot(index: DefinitionIndex, ballot: Ballot): BallotProblem[] {
  const instrument = index.instruments.get(ballot.instrumentId);
  if (instrument === undefined) {
    return [structural('unknown_instrument', { instrumentId: ballot.instrumentId })];
  }
  const problems: BallotProblem[] = [];
  checkHeader(index, instrument, ballot, problems);

  const p = prepareInstrument(index, instrument);
  const bound = ballot.boundUnitId !== null && index.units.has(ballot.boundUnitId) ? ballot.boundUnitId : null;
  const session = ballot.sessionId === null ? null : (index.sessions.get(ballot.sessionId) ?? null);
  const view = p.view(bound, session);
  const stamp = ++p.stamp === 0x7fffffff ? resetStamp(p) : p.stamp;
  const seen = p.seen;
  const onBallot = p.shownMark;
  const shown = view.shown;
  for (let k = 0; k < shown.length; k++) onBallot[shown[k]!] = stamp;
  const counts = p.gradeCounts;
  if (counts.length > 0) counts.fill(0);
  let distinct = 0;
  let abstentions = 0;
  let duplicates = false;
  const ratings = Array.isArray(ballot.ratings) ? ballot.ratings : [];

  const known = p.known;
  for (let i = 0; i < ratings.length; i++) {
    const r = ratings[i]!;
    const verdict = known.get(r);
    if (verdict !== undefined) {
      // The same checks as below, for a rating already found valid on its own: only what depends on the ballot.
      const at = verdict >>> KNOWN_SHIFT;
      if (onBallot[at] === stamp && seen[at] !== stamp) {
        seen[at] = stamp;
        distinct++;
        const tag = verdict & KNOWN_TAG;
        if (tag === KNOWN_ABSTAIN) abstentions++;
        else counts[tag - KNOWN_GRADE]!++;
        continue;
      }
    }
    const before = problems.length;
    const pos = p.position.get(r.subjectId);
    if (pos === undefined || onBallot[pos] !== stamp) {
      problems.push(notOnBallot(p, view, r.subjectId, pos));
      continue;
    }
    if (seen[pos] === stamp) {
      // Every occurrence is still checked, so the problems do not depend on which one came first.
      problems.push(structural('duplicate_subject', subjectParams(p, r.subjectId), r.subjectId));
      duplicates = true;
    } else {
      seen[pos] = stamp;
      distinct++;
    }
    if (r.abstain === true) {
      abstentions++;
      checkAbstention(p, r, problems);
    } else if (instrument.kind === 'grade') {
      const g = r.grade === undefined ? undefined : p.gradeIndex.get(r.grade);
      if (g !== undefined) counts[g]!++;
      else if (r.grade === undefined) problems.push(structural('grade_required', subjectParams(p, r.subjectId), r.subjectId));
      else problems.push(structural('unknown_grade', subjectParams(p, r.subjectId, { grade: String(r.grade) }), r.subjectId));
      if (r.score !== undefined || r.criteria !== undefined || r.adjustments !== undefined) {
        fieldNotAllowed(p, r, ['score', 'criteria', 'adjustments'], problems);
      }
    } else if (instrument.kind === 'score') {
      checkScoreRating(p, r, problems);
    } else {
      checkAdjustmentsRating(p, r, problems);
    }
    if (r.opinion !== undefined && r.opinion !== null) checkOpinionText(p, r, problems);
    else if (instrument.opinion === 'required' && r.abstain !== true) {
      problems.push(structural('opinion_required', subjectParams(p, r.subjectId), r.subjectId));
    }
    if (problems.length === before && verdict === undefined) rememberRating(p, r, pos);
  }

  if (distinct < shown.length) addMissing(p, view, stamp, problems);
  // With a subject rated twice the counts mean nothing; the ballot is refused as structural anyway.
  if (duplicates) return problems;
  for (let k = 0; k < p.rules.length; k++) {
    const pr = p.rules[k]!;
    let count = 0;
    for (let j = 0; j < pr.gradeIndexes.length; j++) count += counts[pr.gradeIndexes[j]!]!;
    const n = ruleBase(pr.rule, shown.length, abstentions);
    const allowed = pr.allowed[n] ?? allowedCount(pr.rule, n);
    const holds = pr.rule.bound === 'max' ? count <= allowed : count >= allowed;
    if (!holds) problems.push(ruleProblem(p, pr.rule, n, allowed, count));
  }
  return problems;
}

/*
 * A province's 1.6 million grade ratings are a few thousand shared, frozen objects (the storage decodes them that
 * way), and checking one on its own — subject, grade, fields, opinion — depends on nothing but the instrument and
 * the rating. So a rating that passed those checks is remembered by identity when it cannot change: frozen, a plain
 * object of data properties only, and an abstention or a grade (no nested values). Its next check skips straight to
 * what depends on the ballot (on this ballot? rated twice?), counting it exactly as the full path would. Reading
 * ratings of a dozen shapes at one place also made every property read slow; the look-up by identity reads none.
 */
const KNOWN_SHIFT = 9;
const KNOWN_TAG = (1 << KNOWN_SHIFT) - 1;
const KNOWN_ABSTAIN = 1;
const KNOWN_GRADE = 2;
const KNOWN_LIMIT = 1 << 16;

function rememberRating(p: PreparedInstrument, r: Rating, pos: number): void {
  if (p.known.size >= KNOWN_LIMIT || pos >= 2 ** (31 - KNOWN_SHIFT) || !isImmutableRating(r)) return;
  let tag: number;
  if (r.abstain === true) tag = KNOWN_ABSTAIN;
  else if (p.instrument.kind === 'grade' && r.grade !== undefined && p.gradeIndex.has(r.grade)) tag = KNOWN_GRADE + p.gradeIndex.get(r.grade)!;
  else return;
  if (tag > KNOWN_TAG) return;
  p.known.set(r, (pos << KNOWN_SHIFT) | tag);
}

function resetStamp(p: PreparedInstrument): number {
  p.seen.fill(0);
  p.shownMark.fill(0);
  p.stamp = 1;
  return 1;
}

function checkHeader(index: DefinitionIndex, instrument: Instrument, ballot: Ballot, problems: BallotProblem[]): void {
  const group = index.groups.get(ballot.raterGroupId);
  if (group === undefined) {
    problems.push(structural('unknown_group', { groupId: ballot.raterGroupId }));
  } else {
    let inInstrument = false;
    for (let k = 0; k < instrument.groupWeights.length && !inInstrument; k++) inInstrument = instrument.groupWeights[k]!.groupId === group.id;
    if (!inInstrument) {
      problems.push(
        structural('group_not_in_instrument', {
          groupId: group.id,
          groupName: group.name,
          instrumentId: instrument.id,
          instrumentName: instrument.name,
        }),
      );
    }
    const named = hasText(ballot.raterName);
    if (group.mode === 'named' && !named) {
      problems.push(structural('rater_name_required', { groupId: group.id, groupName: group.name }));
    } else if (group.mode === 'anonymous' && named) {
      problems.push(structural('rater_name_forbidden', { groupId: group.id, groupName: group.name }));
    }
  }
  if (ballot.sessionId !== null && ballot.sessionId !== undefined) {
    const session = index.sessions.get(ballot.sessionId);
    if (session === undefined) {
      problems.push(structural('unknown_session', { sessionId: ballot.sessionId }));
    } else if (!session.instrumentIds.includes(instrument.id)) {
      problems.push(
        structural('session_instrument_mismatch', {
          sessionId: session.id,
          sessionName: session.name,
          instrumentId: instrument.id,
          instrumentName: instrument.name,
        }),
      );
    }
  }
  if (ballot.boundUnitId !== null && ballot.boundUnitId !== undefined && !index.units.has(ballot.boundUnitId)) {
    problems.push(structural('unknown_bound_unit', { unitId: ballot.boundUnitId }));
  }
}

function notOnBallot(p: PreparedInstrument, view: BallotView, subjectId: string, pos: number | undefined): BallotProblem {
  const session = view.session;
  if (pos !== undefined && session !== null && !session.agenda!.includes(subjectId)) {
    const params = subjectParams(p, subjectId, { sessionId: session.id, sessionName: session.name });
    return structural('subject_not_on_agenda', params, subjectId);
  }
  if (pos !== undefined) {
    const unitId = p.subjects[pos]!.unitId;
    return structural('subject_conflict', subjectParams(p, subjectId, { unitId }), subjectId);
  }
  if (!p.index.subjects.has(subjectId)) return structural('unknown_subject', { subjectId: String(subjectId) }, subjectId);
  return structural(
    'subject_not_in_instrument',
    subjectParams(p, subjectId, { instrumentId: p.instrument.id, instrumentName: p.instrument.name }),
    subjectId,
  );
}

function addMissing(p: PreparedInstrument, view: BallotView, stamp: number, problems: BallotProblem[]): void {
  for (const pos of view.shown) {
    if (p.seen[pos] === stamp) continue;
    const id = p.subjects[pos]!.id;
    problems.push(structural('missing_subject', subjectParams(p, id), id));
  }
}

function ruleProblem(p: PreparedInstrument, rule: QuotaRule, n: number, allowed: number, actual: number): BallotProblem {
  return {
    code: rule.bound === 'max' ? 'quota_exceeded' : 'quota_not_met',
    severity: 'rule',
    ruleId: rule.id,
    params: { ruleId: rule.id, rule: ruleTitle(rule, p.gradeLabels), n, allowed, actual, base: rule.base },
    message: quotaViolationMessage(rule, n, actual, p.gradeLabels),
  };
}

const VALUE_FIELDS = ['grade', 'score', 'criteria', 'adjustments'] as const;

function checkAbstention(p: PreparedInstrument, r: Rating, problems: BallotProblem[]): void {
  if (!p.instrument.allowAbstain) {
    problems.push(structural('abstain_not_allowed', subjectParams(p, r.subjectId), r.subjectId));
  }
  for (const field of VALUE_FIELDS) {
    if (r[field] !== undefined) {
      problems.push(structural('abstain_with_value', subjectParams(p, r.subjectId, { field }), r.subjectId));
    }
  }
}

function fieldNotAllowed(p: PreparedInstrument, r: Rating, fields: readonly (keyof Rating)[], problems: BallotProblem[]): void {
  for (const field of fields) {
    if (r[field] !== undefined) {
      problems.push(structural('field_not_allowed', subjectParams(p, r.subjectId, { field }), r.subjectId));
    }
  }
}

function checkOpinionText(p: PreparedInstrument, r: Rating, problems: BallotProblem[]): void {
  const opinion = r.opinion;
  const mode = p.instrument.opinion;
  if (typeof opinion !== 'string') {
    problems.push(structural('opinion_required', subjectParams(p, r.subjectId), r.subjectId));
    return;
  }
  const written = hasText(opinion);
  if (mode === 'none' && written) {
    problems.push(structural('opinion_forbidden', subjectParams(p, r.subjectId), r.subjectId));
  } else if (mode === 'required' && !written && r.abstain !== true) {
    problems.push(structural('opinion_required', subjectParams(p, r.subjectId), r.subjectId));
  }
  if (tooLong(opinion)) {
    problems.push(
      structural('opinion_too_long', subjectParams(p, r.subjectId, { max: MAX_TEXT_LENGTH, length: [...opinion].length }), r.subjectId),
    );
  }
}

const VALUE_CODES = {
  score: { 1: 'score_not_decimal', 2: 'score_out_of_range', 3: 'score_off_step' },
  criterion: { 1: 'criterion_not_decimal', 2: 'criterion_out_of_range', 3: 'criterion_off_step' },
} as const;

function checkScoreRating(p: PreparedInstrument, r: Rating, problems: BallotProblem[]): void {
  const s = p.score!;
  fieldNotAllowed(p, r, p.adjustments === null ? ['grade', 'adjustments'] : ['grade'], problems);
  if (p.criteria === null) {
    if (r.criteria !== undefined) fieldNotAllowed(p, r, ['criteria'], problems);
    if (r.score === undefined) {
      problems.push(structural('score_required', subjectParams(p, r.subjectId), r.subjectId));
    } else {
      const verdict = checkValue(r.score, s.min, s.max, s.step);
      if (verdict !== OK) {
        const params = subjectParams(p, r.subjectId, { value: String(r.score), min: s.min.text, max: s.max.text, step: s.step.text });
        problems.push(structural(VALUE_CODES.score[verdict], params, r.subjectId));
      }
    }
  } else {
    checkCriteria(p, r, problems);
  }
  if (p.adjustments !== null && r.adjustments !== undefined) checkAdjustmentList(p, p.adjustments, r, problems);
}

function checkCriteria(p: PreparedInstrument, r: Rating, problems: BallotProblem[]): void {
  const s = p.score!;
  const given = r.criteria;
  if (given === undefined || given === null || typeof given !== 'object') {
    problems.push(structural('criteria_required', subjectParams(p, r.subjectId), r.subjectId));
    return;
  }
  let valid = true;
  const values: string[] = [];
  for (const c of p.criteria!) {
    const value = given[c.id];
    if (value === undefined) {
      problems.push(structural('criterion_missing', subjectParams(p, r.subjectId, { criterionId: c.id, criterion: c.label }), r.subjectId));
      valid = false;
      continue;
    }
    const verdict = checkValue(value, s.zero, c.max, s.step);
    if (verdict !== OK) {
      const params = subjectParams(p, r.subjectId, {
        criterionId: c.id,
        criterion: c.label,
        value: String(value),
        max: c.max.text,
        step: s.step.text,
      });
      problems.push(structural(VALUE_CODES.criterion[verdict], params, r.subjectId));
      valid = false;
    } else values.push(value);
  }
  for (const key of Object.keys(given)) {
    if (!p.criteria!.some((c) => c.id === key)) {
      problems.push(structural('unknown_criterion', subjectParams(p, r.subjectId, { criterionId: key }), r.subjectId));
      valid = false;
    }
  }
  if (!valid) return;
  if (compareSum(values, s.min) < 0 || compareSum(values, s.max) > 0) {
    const params = subjectParams(p, r.subjectId, { total: sumText(values), min: s.min.text, max: s.max.text });
    problems.push(structural('criteria_total_out_of_range', params, r.subjectId));
  }
  if (r.score !== undefined) {
    const score = typeof r.score === 'string' && isDecimal(r.score) ? exactOf(r.score) : null;
    if (score === null || compareSum(values, score) !== 0) {
      const params = subjectParams(p, r.subjectId, { value: String(r.score), total: sumText(values) });
      problems.push(structural('score_criteria_mismatch', params, r.subjectId));
    }
  }
}

function checkAdjustmentsRating(p: PreparedInstrument, r: Rating, problems: BallotProblem[]): void {
  fieldNotAllowed(p, r, ['grade', 'score', 'criteria'], problems);
  if (r.adjustments === undefined) {
    problems.push(structural('adjustments_required', subjectParams(p, r.subjectId), r.subjectId));
    return;
  }
  checkAdjustmentList(p, p.adjustments!, r, problems);
}

const ZERO_EXACT = exactOf('0');

function checkAdjustmentList(p: PreparedInstrument, adj: PreparedAdjustments, r: Rating, problems: BallotProblem[]): void {
  const list = r.adjustments;
  if (!Array.isArray(list)) {
    problems.push(structural('adjustments_required', subjectParams(p, r.subjectId), r.subjectId));
    return;
  }
  const bonus: string[] = [];
  const deduction: string[] = [];
  for (const a of list) {
    const found = adj.items.get(a.itemId);
    if (found === undefined) {
      problems.push(structural('unknown_adjustment_item', subjectParams(p, r.subjectId, { itemId: String(a.itemId) }), r.subjectId));
      continue;
    }
    const base = { itemId: found.item.id, item: found.item.label };
    const verdict = checkValue(a.points, ZERO_EXACT, found.max, null);
    if (verdict === NOT_DECIMAL) {
      problems.push(structural('adjustment_not_decimal', subjectParams(p, r.subjectId, { ...base, value: String(a.points) }), r.subjectId));
    } else if (verdict === OUT_OF_RANGE || compareSum([a.points], ZERO_EXACT) <= 0) {
      const params = subjectParams(p, r.subjectId, { ...base, value: a.points, max: found.max.text });
      problems.push(structural('adjustment_out_of_range', params, r.subjectId));
    } else {
      (found.item.direction === 'bonus' ? bonus : deduction).push(a.points);
    }
    if (!hasText(a.reason)) {
      problems.push(structural('reason_required', subjectParams(p, r.subjectId, base), r.subjectId));
    } else if (tooLong(a.reason)) {
      const params = subjectParams(p, r.subjectId, { ...base, max: MAX_TEXT_LENGTH, length: [...a.reason].length });
      problems.push(structural('reason_too_long', params, r.subjectId));
    }
  }
  if (bonus.length > 0 && compareSum(bonus, adj.maxBonus) > 0) {
    const params = subjectParams(p, r.subjectId, { total: sumText(bonus), cap: adj.maxBonus.text });
    problems.push(structural('bonus_cap_exceeded', params, r.subjectId));
  }
  if (deduction.length > 0 && compareSum(deduction, adj.maxDeduction) > 0) {
    const params = subjectParams(p, r.subjectId, { total: sumText(deduction), cap: adj.maxDeduction.text });
    problems.push(structural('deduction_cap_exceeded', params, r.subjectId));
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Messages a clerk understands.

const subj = (p: Params): string => `对象「${p.subjectName ?? p.subjectId}」`;
const subjEn = (p: Params): string => `subject “${p.subjectName ?? p.subjectId}”`;
const msg = (zh: string, en: string): Message => ({ zh, en });

const MESSAGES = {
  unknown_instrument: (p: Params) => msg(`未知的评价方式 ${p.instrumentId}`, `Unknown instrument ${p.instrumentId}`),
  unknown_group: (p: Params) => msg(`未知的测评组 ${p.groupId}`, `Unknown rater group ${p.groupId}`),
  group_not_in_instrument: (p: Params) =>
    msg(`测评组「${p.groupName}」不参加「${p.instrumentName}」`, `Rater group “${p.groupName}” does not rate “${p.instrumentName}”`),
  rater_name_required: (p: Params) =>
    msg(`测评组「${p.groupName}」须署名，本票未填写测评人姓名`, `Rater group “${p.groupName}” signs its ballots; this ballot has no rater name`),
  rater_name_forbidden: (p: Params) =>
    msg(`测评组「${p.groupName}」为匿名测评，选票不得带测评人姓名`, `Rater group “${p.groupName}” is anonymous; the ballot must not carry a rater name`),
  unknown_session: (p: Params) => msg(`未知的测评会 ${p.sessionId}`, `Unknown session ${p.sessionId}`),
  session_instrument_mismatch: (p: Params) =>
    msg(`测评会「${p.sessionName}」的议程不含「${p.instrumentName}」`, `Session “${p.sessionName}” does not include “${p.instrumentName}”`),
  unknown_bound_unit: (p: Params) => msg(`测评人所属单位 ${p.unitId} 不存在`, `The rater's unit ${p.unitId} does not exist`),
  unknown_subject: (p: Params) => msg(`未知的测评对象 ${p.subjectId}`, `Unknown subject ${p.subjectId}`),
  subject_not_in_instrument: (p: Params) =>
    msg(`${subj(p)}不在「${p.instrumentName}」的测评范围内`, `${cap(subjEn(p))} is not rated in “${p.instrumentName}”`),
  subject_not_on_agenda: (p: Params) =>
    msg(`${subj(p)}不在测评会「${p.sessionName}」的议程上`, `${cap(subjEn(p))} is not on the agenda of session “${p.sessionName}”`),
  subject_conflict: (p: Params) =>
    msg(`${subj(p)}与测评人所属单位回避，不应出现在本票上`, `${cap(subjEn(p))} is the rater's own unit (conflict) and is not on this ballot`),
  duplicate_subject: (p: Params) => msg(`${subj(p)}在本票上出现了不止一次`, `${cap(subjEn(p))} appears more than once on this ballot`),
  missing_subject: (p: Params) =>
    msg(`${subj(p)}未评价（每个对象须评价或弃权）`, `${cap(subjEn(p))} is missing (every subject must be rated or abstained)`),
  abstain_not_allowed: (p: Params) => msg(`${subj(p)}：本评价方式不允许弃权`, `${cap(subjEn(p))}: this instrument does not allow abstaining`),
  abstain_with_value: (p: Params) =>
    msg(`${subj(p)}：已弃权却又填写了 ${p.field}`, `${cap(subjEn(p))}: abstained but also has a ${p.field}`),
  field_not_allowed: (p: Params) =>
    msg(`${subj(p)}：本评价方式不使用 ${p.field}`, `${cap(subjEn(p))}: this instrument does not take a ${p.field}`),
  grade_required: (p: Params) => msg(`${subj(p)}：未选择等次`, `${cap(subjEn(p))}: no grade chosen`),
  unknown_grade: (p: Params) => msg(`${subj(p)}：等次「${p.grade}」不在本评价方式的等次中`, `${cap(subjEn(p))}: “${p.grade}” is not a grade of this instrument`),
  score_required: (p: Params) => msg(`${subj(p)}：未填写分数`, `${cap(subjEn(p))}: no score given`),
  score_not_decimal: (p: Params) => msg(`${subj(p)}：分数「${p.value}」不是有效数字`, `${cap(subjEn(p))}: score “${p.value}” is not a number`),
  score_out_of_range: (p: Params) =>
    msg(`${subj(p)}：分数 ${p.value} 超出 ${p.min}–${p.max} 的范围`, `${cap(subjEn(p))}: score ${p.value} is outside ${p.min}–${p.max}`),
  score_off_step: (p: Params) =>
    msg(`${subj(p)}：分数 ${p.value} 不符合最小分值单位 ${p.step}`, `${cap(subjEn(p))}: score ${p.value} is not a multiple of the step ${p.step}`),
  criteria_required: (p: Params) => msg(`${subj(p)}：须按评分细则逐项打分`, `${cap(subjEn(p))}: score each criterion`),
  criterion_missing: (p: Params) => msg(`${subj(p)}：细则「${p.criterion}」未打分`, `${cap(subjEn(p))}: criterion “${p.criterion}” has no score`),
  unknown_criterion: (p: Params) => msg(`${subj(p)}：未知的评分细则 ${p.criterionId}`, `${cap(subjEn(p))}: unknown criterion ${p.criterionId}`),
  criterion_not_decimal: (p: Params) =>
    msg(`${subj(p)}：细则「${p.criterion}」的分数「${p.value}」不是有效数字`, `${cap(subjEn(p))}: criterion “${p.criterion}” score “${p.value}” is not a number`),
  criterion_out_of_range: (p: Params) =>
    msg(`${subj(p)}：细则「${p.criterion}」的分数 ${p.value} 超出 0–${p.max}`, `${cap(subjEn(p))}: criterion “${p.criterion}” score ${p.value} is outside 0–${p.max}`),
  criterion_off_step: (p: Params) =>
    msg(`${subj(p)}：细则「${p.criterion}」的分数 ${p.value} 不符合最小分值单位 ${p.step}`, `${cap(subjEn(p))}: criterion “${p.criterion}” score ${p.value} is not a multiple of ${p.step}`),
  criteria_total_out_of_range: (p: Params) =>
    msg(`${subj(p)}：细则合计 ${p.total} 超出 ${p.min}–${p.max}`, `${cap(subjEn(p))}: criteria total ${p.total} is outside ${p.min}–${p.max}`),
  score_criteria_mismatch: (p: Params) =>
    msg(`${subj(p)}：总分 ${p.value} 与细则合计 ${p.total} 不一致`, `${cap(subjEn(p))}: score ${p.value} differs from the criteria total ${p.total}`),
  adjustments_required: (p: Params) => msg(`${subj(p)}：未填写加减分（没有可填空列表）`, `${cap(subjEn(p))}: no adjustments list (send an empty list for none)`),
  unknown_adjustment_item: (p: Params) => msg(`${subj(p)}：未知的加减分项 ${p.itemId}`, `${cap(subjEn(p))}: unknown adjustment item ${p.itemId}`),
  adjustment_not_decimal: (p: Params) =>
    msg(`${subj(p)}：「${p.item}」的分值「${p.value}」不是有效数字`, `${cap(subjEn(p))}: “${p.item}” points “${p.value}” is not a number`),
  adjustment_out_of_range: (p: Params) =>
    msg(`${subj(p)}：「${p.item}」的分值 ${p.value} 须大于 0 且不超过 ${p.max}`, `${cap(subjEn(p))}: “${p.item}” points ${p.value} must be above 0 and at most ${p.max}`),
  reason_required: (p: Params) => msg(`${subj(p)}：「${p.item}」须写明加减分理由`, `${cap(subjEn(p))}: “${p.item}” needs a written reason`),
  reason_too_long: (p: Params) =>
    msg(`${subj(p)}：「${p.item}」的理由 ${p.length} 字，超过 ${p.max} 字`, `${cap(subjEn(p))}: the reason for “${p.item}” has ${p.length} characters, more than ${p.max}`),
  bonus_cap_exceeded: (p: Params) =>
    msg(`${subj(p)}：加分合计 ${p.total}，超过上限 ${p.cap}`, `${cap(subjEn(p))}: bonus total ${p.total} exceeds the cap of ${p.cap}`),
  deduction_cap_exceeded: (p: Params) =>
    msg(`${subj(p)}：减分合计 ${p.total}，超过上限 ${p.cap}`, `${cap(subjEn(p))}: deduction total ${p.total} exceeds the cap of ${p.cap}`),
  opinion_required: (p: Params) => msg(`${subj(p)}：须填写评价意见`, `${cap(subjEn(p))}: a written opinion is required`),
  opinion_forbidden: (p: Params) => msg(`${subj(p)}：本评价方式不收评价意见`, `${cap(subjEn(p))}: this instrument takes no opinion`),
  opinion_too_long: (p: Params) =>
    msg(`${subj(p)}：评价意见 ${p.length} 字，超过 ${p.max} 字`, `${cap(subjEn(p))}: the opinion has ${p.length} characters, more than ${p.max}`),
} satisfies Record<string, (p: Params) => Message>;

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Codes of structural problems; rule problems are 'quota_exceeded' and 'quota_not_met'. */
export type ProblemCode = keyof typeof MESSAGES;
export type BallotProblemCode = ProblemCode | 'quota_exceeded' | 'quota_not_met';

export const STRUCTURAL_CODES = Object.keys(MESSAGES) as ProblemCode[];
