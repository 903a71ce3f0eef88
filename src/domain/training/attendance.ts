/**
 * 考勤 rules: a scan before the declared start plus the grace period is 准时, after it 迟到; a lesson that ended with no
 * mark is 缺勤. 学时: 准时 earns the lesson's hours, 迟到 the declared share of them, 请假 and 缺勤 nothing. Hours are
 * decimal strings and credit is an exact fraction, rounded once for display.
 */
import { type Fraction, ZERO, parseDecimal } from '../exact.js';
import type { AttendanceMark, AttendanceStatus, LessonTiming } from './types.js';

/** 签到开放: a venue's code is accepted from this long before a lesson starts. */
export const CHECKIN_OPENS_BEFORE_MS = 60 * 60_000;

export type CheckinWindow = 'not_yet' | 'open' | 'closed';

/** Whether a scan at `at` may check in to the lesson: an hour before its start until its end. */
export function checkinWindow(lesson: Pick<LessonTiming, 'startsAt' | 'endsAt'>, at: number): CheckinWindow {
  if (at < lesson.startsAt - CHECKIN_OPENS_BEFORE_MS) return 'not_yet';
  if (at > lesson.endsAt) return 'closed';
  return 'open';
}

/** 准时 until the start plus the grace period (inclusive), then 迟到. */
export function markForScan(lesson: Pick<LessonTiming, 'startsAt' | 'graceMinutes'>, at: number): 'on_time' | 'late' {
  return at <= lesson.startsAt + lesson.graceMinutes * 60_000 ? 'on_time' : 'late';
}

/** How a person's attendance of a lesson reads at `now`. */
export function attendanceStatus(mark: AttendanceMark | null, lesson: Pick<LessonTiming, 'endsAt'>, now: number): AttendanceStatus {
  if (mark !== null) return mark;
  return now > lesson.endsAt ? 'absent' : 'pending';
}

/** The 学时 a mark earns for a lesson, exactly. */
export function creditFor(mark: AttendanceMark | null, lesson: Pick<LessonTiming, 'hours' | 'lateSharePercent'>): Fraction {
  if (mark === 'on_time') return parseDecimal(lesson.hours);
  if (mark === 'late') return parseDecimal(lesson.hours).mul(lesson.lateSharePercent).div(100);
  return ZERO;
}

/** The counts of one group of people (a venue, a unit) for a lesson. */
export interface AttendanceCounts {
  expected: number;
  onTime: number;
  late: number;
  leave: number;
  /** Expected and without a mark: 缺勤 after the lesson, 未签到 before its end. */
  missing: number;
}

export function emptyCounts(): AttendanceCounts {
  return { expected: 0, onTime: 0, late: 0, leave: 0, missing: 0 };
}

/** Adds one expected person's mark to `counts`. */
export function countMark(counts: AttendanceCounts, mark: AttendanceMark | null): void {
  counts.expected++;
  if (mark === 'on_time') counts.onTime++;
  else if (mark === 'late') counts.late++;
  else if (mark === 'leave') counts.leave++;
  else counts.missing++;
}
