/** 考勤的显示规则: status colours, who counts as not (yet) there, the share present. */
import type { LessonAttendance, VenueRoster } from '../../api/types.js';

export type AttendanceStatus = VenueRoster['rows'][number]['status'];
type Counts = LessonAttendance['total'];

export const STATUS_COLOR: Record<AttendanceStatus, string> = { on_time: 'success', late: 'warning', leave: 'processing', absent: 'error', pending: 'default' };

/** Not checked in and not on leave: 未签到 while the lesson runs, 缺勤 once it ended. */
export function isMissing(status: AttendanceStatus): boolean {
  return status === 'pending' || status === 'absent';
}

/**
 * 到课率: those who came (准时 + 迟到) over those expected, one decimal ("85.7%"); null when nobody is expected.
 * Computed in integers (per mille, rounded half up) so 1/3 shows 33.3% and 2/3 66.7% on every browser.
 */
export function presentRate(counts: Counts): string | null {
  if (counts.expected <= 0) return null;
  const perMille = Math.floor(((counts.onTime + counts.late) * 2000 + counts.expected) / (2 * counts.expected));
  return `${Math.floor(perMille / 10)}.${perMille % 10}%`;
}
