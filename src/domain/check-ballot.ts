/**
 * 验票: is a ballot acceptable? `checkBallot` returns every problem it finds ([] = valid). Structural problems are
 * refused even on paper; rule problems (比例限制) make an online ballot refused and a paper ballot 无效票.
 *
 * It runs for every ballot of a province tally, so all per-instrument work is done once in `prepareInstrument`
 * (cached per definition index and instrument) and decimal values are checked as integers scaled by 10^6.
 */
import type { DefinitionIndex } from './definition-index.js';
import { hasConflict } from './conflicts.js';
import { isDecimal } from './exact.js';
import { allowedCount, quotaViolationMessage, ruleBase, ruleTitle } from './quota.js';
import type { BallotProblem } from './results.js';
import type { AdjustmentConfig, AdjustmentItem, Ballot, Instrument, QuotaRule, Rating, Session, Subject } from './types.js';
import { isImmutableRating } from './immutable.js';
import { structural, type Params } from './ballot-problems.js';
import { checkValue, compareSum, exactOf, NOT_DECIMAL, OFF_STEP, OK, OUT_OF_RANGE, sumText, type Exact } from './decimal-check.js';

export { parseScaled } from './decimal-check.js';
export { STRUCTURAL_CODES, type BallotProblemCode, type ProblemCode } from './ballot-problems.js';

/** Longest reason or opinion, in characters. */
export const MAX_TEXT_LENGTH = 2000;

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
  items: Map<string, { item: AdjustmentItem; max: Exact; step: Exact | null }>;
  maxBonus: Exact;
  maxDeduction: Exact;
  /** The strict reading: a total over its cap makes the ballot invalid (otherwise the cap is a ceiling). */
  strict: boolean;
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
    items: new Map(
      config.items.map((item) => [item.id, { item, max: exactOf(item.maxPoints), step: item.step === undefined ? null : exactOf(item.step) }]),
    ),
    maxBonus: exactOf(config.maxTotalBonus),
    maxDeduction: exactOf(config.maxTotalDeduction),
    strict: config.capReading === 'strict',
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
  const view = ballot.scope === undefined ? p.view(bound, session) : scopedView(p, p.view(bound, session), ballot.scope);
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
      problems.push(notOnBallot(p, view, r.subjectId, pos, ballot.scope));
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

/**
 * A ballot cast for a few subjects only (`Ballot.scope`, a tour sheet): the rater's view limited to them. Made per
 * ballot, never cached: a scope is one stop, and ballots without one (every ballot of a province) never come here.
 */
function scopedView(p: PreparedInstrument, view: BallotView, scope: readonly string[]): BallotView {
  const wanted = new Set<number>();
  for (const id of Array.isArray(scope) ? scope : []) {
    const pos = p.position.get(id);
    if (pos !== undefined) wanted.add(pos);
  }
  return { shown: view.shown.filter((pos) => wanted.has(pos)), session: view.session };
}

function notOnBallot(p: PreparedInstrument, view: BallotView, subjectId: string, pos: number | undefined, scope: readonly string[] | undefined): BallotProblem {
  if (pos !== undefined && scope !== undefined && !scope.includes(subjectId)) {
    const names = scope.map((id) => p.index.subjects.get(id)?.name ?? id).join('、');
    return structural('subject_not_in_scope', subjectParams(p, subjectId, { scope: names }), subjectId);
  }
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
    const verdict = checkValue(a.points, ZERO_EXACT, found.max, found.step);
    if (verdict === NOT_DECIMAL) {
      problems.push(structural('adjustment_not_decimal', subjectParams(p, r.subjectId, { ...base, value: String(a.points) }), r.subjectId));
    } else if (verdict === OUT_OF_RANGE || compareSum([a.points], ZERO_EXACT) <= 0) {
      const params = subjectParams(p, r.subjectId, { ...base, value: a.points, max: found.max.text });
      problems.push(structural('adjustment_out_of_range', params, r.subjectId));
    } else if (verdict === OFF_STEP) {
      const params = subjectParams(p, r.subjectId, { ...base, value: a.points, step: found.step!.text });
      problems.push(structural('adjustment_off_step', params, r.subjectId));
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
  // Under the ceiling reading (封顶) a total over its cap counts as the cap (collect.ts); only the strict reading
  // makes it a problem.
  if (!adj.strict) return;
  if (bonus.length > 0 && compareSum(bonus, adj.maxBonus) > 0) {
    const params = subjectParams(p, r.subjectId, { total: sumText(bonus), cap: adj.maxBonus.text });
    problems.push(structural('bonus_cap_exceeded', params, r.subjectId));
  }
  if (deduction.length > 0 && compareSum(deduction, adj.maxDeduction) > 0) {
    const params = subjectParams(p, r.subjectId, { total: sumText(deduction), cap: adj.maxDeduction.text });
    problems.push(structural('deduction_cap_exceeded', params, r.subjectId));
  }
}
