/**
 * The rater's draft and what still keeps it from being submitted. The server decides (checkBallot); this only counts
 * what the form says — each rule's concrete allowed count, each adjustment's cap — so the phone can explain before
 * sending.
 */
import type { BallotForm } from '../../../src/contracts/api.js';
import { adjustmentProblems, adjustmentsForApi, type AdjustmentDraft, type AdjustmentProblem } from '../../shared/adjustments.js';
import { valueFits } from '../../shared/score.js';
import type { Texts } from './i18n.js';

export { scaled } from '../../shared/adjustments.js';

export type Form = BallotForm;
export type FormInstrument = Form['instruments'][number];
export type FormRule = FormInstrument['rules'][number];

/** One subject's entry as the rater fills it in. */
export interface Entry {
  grade?: string;
  abstain?: boolean;
  score?: string;
  criteria?: Record<string, string>;
  /** 加减分 (instruments with adjustments): in the order the rater added them. */
  adjustments?: AdjustmentDraft[];
  opinion?: string;
}

/** instrumentId → subjectId → entry. */
export type Draft = Record<string, Record<string, Entry>>;

export interface RuleState {
  rule: FormRule;
  count: number;
  allowed: number;
  /** max: count ≤ allowed; min: count ≥ allowed. */
  holds: boolean;
}

export interface Problem {
  text: string;
  /** A rule that is broken now (not merely unfinished): shown in red. */
  breaks: boolean;
}

const entryOf = (draft: Draft, instrumentId: string, subjectId: string): Entry => draft[instrumentId]?.[subjectId] ?? {};

export function ruleStates(instrument: FormInstrument, draft: Draft): RuleState[] {
  let abstained = 0;
  for (const s of instrument.subjects) if (entryOf(draft, instrument.id, s.id).abstain) abstained++;
  return instrument.rules.map((rule) => {
    const grades = new Set(rule.grades);
    let count = 0;
    for (const s of instrument.subjects) {
      const e = entryOf(draft, instrument.id, s.id);
      if (!e.abstain && e.grade !== undefined && grades.has(e.grade)) count++;
    }
    const allowed = rule.allowedByRated ? (rule.allowedByRated[instrument.subjects.length - abstained] ?? rule.allowed) : rule.allowed;
    return { rule, count, allowed, holds: rule.bound === 'max' ? count <= allowed : count >= allowed };
  });
}

/** Grade labels of a rule: “好” or “较好”“一般”或“差” (zh); 好 or 较好, 一般 or 差 (en). */
export function ruleGrades(instrument: FormInstrument, rule: FormRule, zh: boolean): string {
  const label = (k: string) => instrument.grades?.find((g) => g.key === k)?.label ?? k;
  const names = rule.grades.map(label);
  if (zh) {
    const q = names.map((n) => `“${n}”`);
    return q.length <= 1 ? q.join('') : q.slice(0, -1).join('') + '或' + q[q.length - 1];
  }
  return names.length <= 1 ? names.join('') : names.slice(0, -1).join(', ') + ' or ' + names[names.length - 1];
}

function entryDone(instrument: FormInstrument, e: Entry): boolean {
  if (e.abstain) return true;
  if (instrument.kind === 'grade') return e.grade !== undefined;
  // No bonus or deduction is an answer too: the list is sent empty.
  if (instrument.kind === 'adjustments') return true;
  if (instrument.kind === 'score' && instrument.score) {
    const s = instrument.score;
    if (s.criteria) return s.criteria.every((c) => (e.criteria?.[c.id] ?? '').trim() !== '');
    return (e.score ?? '').trim() !== '';
  }
  return false;
}

function entryValid(instrument: FormInstrument, e: Entry): boolean {
  if (e.abstain || instrument.kind !== 'score' || !instrument.score) return true;
  const s = instrument.score;
  if (s.criteria) return s.criteria.every((c) => valueFits(e.criteria?.[c.id], '0', c.maxPoints, s.step));
  return valueFits(e.score, s.min, s.max, s.step);
}

function adjustmentText(t: Texts, name: string, p: AdjustmentProblem): Problem {
  switch (p.code) {
    case 'no-item':
      return { text: t.adjNoItem(name, p.index), breaks: false };
    case 'bad-points':
      return { text: t.adjBadPoints(name, p.item, p.max), breaks: true };
    case 'off-step':
      return { text: t.adjOffStep(name, p.item, p.step), breaks: true };
    case 'no-reason':
      return { text: t.adjNoReason(name, p.item), breaks: false };
    case 'over-cap':
      return { text: t.adjOverCap(name, p.direction === 'bonus', p.total, p.cap), breaks: true };
  }
}

/** Everything that still keeps the sheet from being submitted, in the order the rater should fix it. */
export function sheetProblems(form: Form, draft: Draft, t: Texts, zh: boolean): Problem[] {
  const out: Problem[] = [];
  for (const ins of form.instruments) {
    let unrated = 0;
    for (const s of ins.subjects) {
      const e = entryOf(draft, ins.id, s.id);
      if (!entryDone(ins, e)) unrated++;
      else if (!entryValid(ins, e)) out.push({ text: t.badScore(s.name), breaks: true });
      else if (ins.opinion === 'required' && !e.abstain && !(e.opinion ?? '').trim()) out.push({ text: t.needOpinion(s.name), breaks: false });
      if (ins.adjustments && !e.abstain) {
        for (const p of adjustmentProblems(ins.adjustments, e.adjustments ?? [])) out.push(adjustmentText(t, s.name, p));
      }
    }
    for (const st of ruleStates(ins, draft)) {
      if (st.holds) continue;
      const grades = ruleGrades(ins, st.rule, zh);
      if (st.rule.bound === 'max') out.push({ text: t.overMax(st.rule.title, st.allowed, grades, st.count), breaks: true });
      else if (unrated === 0) out.push({ text: t.underMin(st.rule.title, st.allowed, grades, st.count), breaks: true });
    }
    if (unrated > 0) out.push({ text: ins.allowAbstain ? t.unratedAbstain(unrated) : t.unrated(unrated), breaks: false });
  }
  return out;
}

/** The sheet as the API takes it: one ballot per instrument, subjects in form order, only the fields that apply. */
export function toBallots(form: Form, draft: Draft): { instrumentId: string; ratings: Record<string, unknown>[] }[] {
  return form.instruments.map((ins) => ({
    instrumentId: ins.id,
    ratings: ins.subjects.map((s) => {
      const e = entryOf(draft, ins.id, s.id);
      const r: Record<string, unknown> = { subjectId: s.id };
      const adjustments = ins.adjustments && !e.abstain ? adjustmentsForApi(e.adjustments ?? []) : [];
      if (e.abstain) r.abstain = true;
      else if (ins.kind === 'grade') r.grade = e.grade;
      else if (ins.kind === 'adjustments') r.adjustments = adjustments;
      else if (ins.score?.criteria) r.criteria = Object.fromEntries(ins.score.criteria.map((c) => [c.id, (e.criteria?.[c.id] ?? '').trim()]));
      else r.score = (e.score ?? '').trim();
      if (ins.kind === 'score' && adjustments.length > 0) r.adjustments = adjustments;
      const opinion = (e.opinion ?? '').trim();
      if (ins.opinion !== 'none' && opinion && !e.abstain) r.opinion = opinion;
      return r;
    }),
  }));
}
