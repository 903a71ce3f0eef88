/** 课次设置的规则: a lesson ends after it starts, falls within the class's days, and declares hours and shares that make sense. */
import { isDecimal, parseDecimal } from '../exact.js';
import { localDateOf } from './local-time.js';

export type LessonProblem =
  | 'ends_before_start'
  | 'outside_class_days'
  | 'hours_invalid'
  | 'venue_unknown'
  | 'venue_repeated'
  | 'no_venue';

export interface LessonShape {
  startsAt: number;
  endsAt: number;
  hours: string;
  venueIds: readonly string[];
}

/** Hours: a positive decimal with at most two places, at most 24. */
export function validHours(hours: string): boolean {
  if (!isDecimal(hours) || hours.startsWith('-')) return false;
  const [, frac = ''] = hours.split('.');
  if (frac.length > 2) return false;
  const value = parseDecimal(hours);
  return value.compare(0) > 0 && value.compare(24) <= 0;
}

/** What is wrong with a lesson of a class that runs from `startsOn` to `endsOn` (local dates) with `venueIds`. */
export function lessonProblems(lesson: LessonShape, classDays: { startsOn: string; endsOn: string }, venueIds: ReadonlySet<string>): LessonProblem[] {
  const problems: LessonProblem[] = [];
  if (lesson.endsAt <= lesson.startsAt) problems.push('ends_before_start');
  const day = localDateOf(lesson.startsAt);
  if (day < classDays.startsOn || day > classDays.endsOn || localDateOf(lesson.endsAt) > classDays.endsOn) problems.push('outside_class_days');
  if (!validHours(lesson.hours)) problems.push('hours_invalid');
  if (lesson.venueIds.length === 0) problems.push('no_venue');
  if (lesson.venueIds.some((v) => !venueIds.has(v))) problems.push('venue_unknown');
  if (new Set(lesson.venueIds).size !== lesson.venueIds.length) problems.push('venue_repeated');
  return problems;
}
