/**
 * 行程编排: the itinerary as the planner edits it before saving — days in order, stops in order within each day.
 * Every change returns a new plan; saving sends the whole plan (PUT …/itinerary), each stop under its day with its
 * id, so a reorder and a move to another day are the same request. Pure, so the rules are tested without a browser.
 */
import type { ItineraryRequest, TourSite, TourView } from '../../api/types.js';
import { checkItinerary, type ItineraryProblem } from '../../../../../src/domain/tours/itinerary.js';

export interface PlanStop {
  /** The stored id, or a key of the planner's own for a stop not saved yet. */
  key: string;
  id?: string;
  subjectId: string;
  theme: string;
  address: string;
  /** 'HH:MM', or '' when no time is planned. */
  plannedTime: string;
}

export interface PlanDay {
  key: string;
  id?: string;
  date: string;
  label: string;
  stops: PlanStop[];
}

export type Plan = readonly PlanDay[];

export function planOf(view: Pick<TourView, 'days'>): Plan {
  return view.days.map((d) => ({
    key: d.id,
    id: d.id,
    date: d.date,
    label: d.label,
    stops: d.stops.map((s) => ({ key: s.id, id: s.id, subjectId: s.subjectId, theme: s.theme, address: s.address, plannedTime: s.plannedTime ?? '' })),
  }));
}

/** The request body: ids for what is stored, none for what is new; an empty time is no time. */
export function toInput(plan: Plan): ItineraryRequest {
  return {
    days: plan.map((d) => ({
      ...(d.id ? { id: d.id } : {}),
      date: d.date,
      label: d.label.trim(),
      stops: d.stops.map((s) => ({
        ...(s.id ? { id: s.id } : {}),
        subjectId: s.subjectId,
        theme: s.theme.trim(),
        address: s.address.trim(),
        plannedTime: s.plannedTime.trim() === '' ? null : s.plannedTime.trim(),
      })),
    })),
  };
}

/** Whether two plans would send the same request (the planner's “unsaved changes”). */
export function samePlan(a: Plan, b: Plan): boolean {
  return JSON.stringify(toInput(a)) === JSON.stringify(toInput(b));
}

/** Moves a stop one place up (-1) or down (+1) within its day; at either end nothing changes. */
export function moveWithinDay(plan: Plan, stopKey: string, delta: -1 | 1): Plan {
  return plan.map((d) => {
    const i = d.stops.findIndex((s) => s.key === stopKey);
    const j = i + delta;
    if (i < 0 || j < 0 || j >= d.stops.length) return d;
    const stops = [...d.stops];
    [stops[i], stops[j]] = [stops[j]!, stops[i]!];
    return { ...d, stops };
  });
}

/** Moves a stop to the end of another day (the office then puts it in place with up/down). */
export function moveToDay(plan: Plan, stopKey: string, dayKey: string): Plan {
  const from = plan.find((d) => d.stops.some((s) => s.key === stopKey));
  const stop = from?.stops.find((s) => s.key === stopKey);
  if (!from || !stop || from.key === dayKey || !plan.some((d) => d.key === dayKey)) return plan;
  return plan.map((d) => {
    if (d.key === from.key) return { ...d, stops: d.stops.filter((s) => s.key !== stopKey) };
    if (d.key === dayKey) return { ...d, stops: [...d.stops, stop] };
    return d;
  });
}

/** Adds a site at the end of a day; a site already planned is not added twice. */
export function addStop(plan: Plan, dayKey: string, subjectId: string, key: string): Plan {
  if (plan.some((d) => d.stops.some((s) => s.subjectId === subjectId))) return plan;
  return plan.map((d) => (d.key === dayKey ? { ...d, stops: [...d.stops, { key, subjectId, theme: '', address: '', plannedTime: '' }] } : d));
}

export function removeStop(plan: Plan, stopKey: string): Plan {
  return plan.map((d) => (d.stops.some((s) => s.key === stopKey) ? { ...d, stops: d.stops.filter((s) => s.key !== stopKey) } : d));
}

export function updateStop(plan: Plan, stopKey: string, patch: Partial<Pick<PlanStop, 'theme' | 'address' | 'plannedTime'>>): Plan {
  return plan.map((d) => (d.stops.some((s) => s.key === stopKey) ? { ...d, stops: d.stops.map((s) => (s.key === stopKey ? { ...s, ...patch } : s)) } : d));
}

/** A new day goes after the last day whose date is not later than its own, so dates stay in order when they were. */
export function addDay(plan: Plan, day: { date: string; label: string }, key: string): Plan {
  let at = plan.length;
  while (at > 0 && plan[at - 1]!.date > day.date) at -= 1;
  return [...plan.slice(0, at), { key, date: day.date, label: day.label, stops: [] }, ...plan.slice(at)];
}

export function updateDay(plan: Plan, dayKey: string, patch: Partial<Pick<PlanDay, 'date' | 'label'>>): Plan {
  return plan.map((d) => (d.key === dayKey ? { ...d, ...patch } : d));
}

/** Only an empty day can be removed: its stops are moved or removed first, one by one, so none is lost by accident. */
export function removeDay(plan: Plan, dayKey: string): Plan {
  return plan.filter((d) => d.key !== dayKey || d.stops.length > 0);
}

/** The sites of the tour's instrument not on the plan yet, county by county as the server lists them. */
export function unplannedSites(plan: Plan, sites: readonly TourSite[]): TourSite[] {
  const planned = new Set(plan.flatMap((d) => d.stops.map((s) => s.subjectId)));
  return sites.filter((s) => !planned.has(s.subjectId));
}

export const stopCount = (plan: Plan): number => plan.reduce((n, d) => n + d.stops.length, 0);

const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** 'HH:MM' on a 24-hour clock, or empty. */
export const validTime = (text: string): boolean => text.trim() === '' || CLOCK.test(text.trim());

/** A real calendar day written 'YYYY-MM-DD' (no 2022-02-30). */
export function validDate(text: string): boolean {
  const m = DATE.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** What the planner refuses before sending, as the server would: a day's date, a stop's time. */
export type EntryProblem = { kind: 'date'; dayKey: string } | { kind: 'time'; stopKey: string };

export function entryProblems(plan: Plan): EntryProblem[] {
  const out: EntryProblem[] = [];
  for (const d of plan) {
    if (!validDate(d.date)) out.push({ kind: 'date', dayKey: d.key });
    for (const s of d.stops) if (!validTime(s.plannedTime)) out.push({ kind: 'time', stopKey: s.key });
  }
  return out;
}

/**
 * What the edited plan still lacks, by the server's own check (src/domain/tours/itinerary.ts), so the office sees it
 * change as stops move; once saved, the server's answer is shown instead.
 */
export function planProblems(plan: Plan, sites: readonly TourSite[]): ItineraryProblem[] {
  return checkItinerary(
    sites,
    plan.map((d) => ({ id: d.key, date: d.date, label: d.label.trim(), stops: d.stops.map((s) => ({ subjectId: s.subjectId, plannedTime: s.plannedTime.trim() || null })) })),
  );
}
