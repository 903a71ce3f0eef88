/**
 * A stop's score sheet on the phone: the draft as the observer types it, what still keeps it from being saved (the
 * rules the server applies, shown live), the Rating it becomes, and each stop's state as the stop list shows it.
 */
import { adjustmentProblems, adjustmentsForApi, scaled, unscaled, type AdjustmentDraft, type AdjustmentProblem } from '../../shared/adjustments.js';
import { valueFits } from '../../shared/score.js';
import type { LocalSheet, ObserverBundle, Rating, ServerSheet, TourInstrument, TourStop } from './bundle.js';
import type { Texts } from './i18n.js';

/** One stop's sheet as it is being filled in; kept on the phone as typed. */
export interface Draft {
  score: string;
  criteria: Record<string, string>;
  adjustments: AdjustmentDraft[];
  opinion: string;
}

export const emptyDraft = (): Draft => ({ score: '', criteria: {}, adjustments: [], opinion: '' });

/** A new revision starts from the stop's last sheet: the observer changes what they meant to change. */
export function draftFrom(instrument: TourInstrument, rating: Rating | undefined): Draft {
  if (!rating) return emptyDraft();
  const direction = (itemId: string) => instrument.adjustments?.items.find((i) => i.id === itemId)?.direction ?? 'bonus';
  return {
    score: rating.score ?? '',
    criteria: { ...rating.criteria },
    adjustments: (rating.adjustments ?? []).map((a) => ({ direction: direction(a.itemId), itemId: a.itemId, points: a.points, reason: a.reason })),
    opinion: rating.opinion ?? '',
  };
}

/** The criteria's sum, or null while one is missing or off its range. */
export function criteriaSum(instrument: TourInstrument, draft: Draft): string | null {
  if (!instrument.criteria) return null;
  let sum = 0;
  for (const c of instrument.criteria) {
    const v = draft.criteria[c.id] ?? '';
    if (!valueFits(v, '0', c.maxPoints, instrument.step)) return null;
    sum += scaled(v);
  }
  return unscaled(sum);
}

export interface Problem {
  text: string;
  /** Broken now (not merely unfinished): shown in red. */
  breaks: boolean;
}

function adjustmentText(t: Texts, p: AdjustmentProblem): Problem {
  switch (p.code) {
    case 'no-item':
      return { text: t.adjNoItem(p.index), breaks: false };
    case 'bad-points':
      return { text: t.adjBadPoints(p.item, p.max), breaks: true };
    case 'off-step':
      return { text: t.adjOffStep(p.item, p.step), breaks: true };
    case 'no-reason':
      return { text: t.adjNoReason(p.item), breaks: false };
    case 'over-cap':
      return { text: t.adjOverCap(p.direction === 'bonus', p.total, p.cap), breaks: true };
  }
}

/** Everything that keeps the sheet from being saved, in the order the observer should fix it. */
export function draftProblems(instrument: TourInstrument, draft: Draft, t: Texts): Problem[] {
  const out: Problem[] = [];
  if (instrument.criteria) {
    for (const c of instrument.criteria) {
      const v = (draft.criteria[c.id] ?? '').trim();
      if (!v) out.push({ text: t.needCriterion(c.label), breaks: false });
      else if (!valueFits(v, '0', c.maxPoints, instrument.step)) out.push({ text: t.badCriterion(c.label, c.maxPoints, instrument.step), breaks: true });
    }
  } else if (!draft.score.trim()) out.push({ text: t.needScore, breaks: false });
  else if (!valueFits(draft.score, instrument.min, instrument.max, instrument.step)) {
    out.push({ text: t.badScore(instrument.min, instrument.max, instrument.step), breaks: true });
  }
  if (instrument.adjustments) for (const p of adjustmentProblems(instrument.adjustments, draft.adjustments)) out.push(adjustmentText(t, p));
  if (instrument.opinion === 'required' && !draft.opinion.trim()) out.push({ text: t.needOpinion, breaks: false });
  return out;
}

/** The Rating sent for the stop: only the fields that apply, trimmed, as the ballot page sends them. */
export function ratingOf(instrument: TourInstrument, stop: TourStop, draft: Draft): Rating {
  const rating: Rating = { subjectId: stop.subjectId };
  if (instrument.criteria) rating.criteria = Object.fromEntries(instrument.criteria.map((c) => [c.id, (draft.criteria[c.id] ?? '').trim()]));
  else rating.score = draft.score.trim();
  const adjustments = instrument.adjustments ? adjustmentsForApi(draft.adjustments) : [];
  if (adjustments.length > 0) rating.adjustments = adjustments;
  const opinion = draft.opinion.trim();
  if (instrument.opinion !== 'none' && opinion) rating.opinion = opinion;
  return rating;
}

/** A random UUID v4: crypto.randomUUID where the browser has it (secure pages only), else from getRandomValues. */
export function newSheetId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A queue position after every sheet already on the phone, even when the phone's clock went back. */
export const nextQueuedAt = (sheets: LocalSheet[]): number => Math.max(Date.now(), ...sheets.map((s) => s.queuedAt + 1));

/**
 * What the server says this observer has, folded into the phone's sheets: a pending sheet the server holds is synced
 * (its answer was lost on the way); a sheet the phone does not know (scored on another phone, or before this one was
 * cleared) is added. Returns only the sheets that changed.
 */
export function fromServer(bundle: ObserverBundle, local: LocalSheet[]): LocalSheet[] {
  const mine = new Map(local.map((s) => [s.id, s]));
  const changed: LocalSheet[] = [];
  for (const s of bundle.sheets) {
    const kept = mine.get(s.id);
    if (kept?.state === 'synced' && kept.revision === s.revision) continue;
    changed.push(received(bundle, s, kept));
  }
  return changed;
}

function received(bundle: ObserverBundle, s: ServerSheet, kept: LocalSheet | undefined): LocalSheet {
  return {
    id: s.id,
    observerId: bundle.observer.id,
    tourId: bundle.tour.id,
    stopId: s.stopId,
    rating: kept?.rating ?? s.rating,
    scoredAt: s.scoredAt,
    queuedAt: kept?.queuedAt ?? (Date.parse(s.scoredAt) || Date.parse(s.receivedAt) || 0),
    state: 'synced',
    receivedAt: s.receivedAt,
    revision: s.revision,
  };
}

export type StopState =
  | { kind: 'unscored' }
  | { kind: 'pending' }
  | { kind: 'synced'; receivedAt: string }
  | { kind: 'refused'; reason: LocalSheet['reason'] };

/** A stop's sheets on the phone, oldest first. */
export const sheetsAt = (sheets: LocalSheet[], stopId: string): LocalSheet[] => sheets.filter((s) => s.stopId === stopId);

/** The state of the stop's latest sheet: 未评 / 待同步 / 已同步 14:05 / 未接收（reason）. */
export function stopState(sheets: LocalSheet[]): StopState {
  const last = sheets[sheets.length - 1];
  if (!last) return { kind: 'unscored' };
  if (last.state === 'pending') return { kind: 'pending' };
  if (last.state === 'refused') return { kind: 'refused', reason: last.reason };
  return { kind: 'synced', receivedAt: last.receivedAt ?? '' };
}

/**
 * Each sheet's revision as the observer sees it (第 1 次, 第 2 次 …): the server's number once stored, else its place
 * among the stop's sheets that were not refused; a refused sheet has none (null).
 */
export function revisions(sheets: LocalSheet[]): (number | null)[] {
  let n = 0;
  return sheets.map((s) => {
    if (s.state === 'refused') return null;
    n = s.revision ?? n + 1;
    return n;
  });
}

/** The revision a new sheet for this stop would be. */
export const nextRevision = (sheets: LocalSheet[]): number => {
  const numbers = revisions(sheets).filter((n): n is number => n !== null);
  return (numbers.length > 0 ? Math.max(...numbers) : 0) + 1;
};

/** HH:MM on the phone's clock. */
export function clock(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}
