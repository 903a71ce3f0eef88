/** 培训班: the class, its lessons and venues, the roster and attendance, as the rules see them. */

/** 课次的形式. The word "session" stays the 测评会. */
export const LESSON_KINDS = ['forum', 'synchronized', 'seminar', 'topic', 'case', 'lecture'] as const;
export type LessonKind = (typeof LESSON_KINDS)[number];

export const LESSON_KIND_LABELS: Record<LessonKind, { zh: string; en: string }> = {
  forum: { zh: '书记论坛', en: 'Secretaries’ forum' },
  synchronized: { zh: '同步课堂', en: 'Synchronized classroom' },
  seminar: { zh: '座谈会', en: 'Seminar' },
  topic: { zh: '命题式研讨', en: 'Topic discussion' },
  case: { zh: '案例教学', en: 'Case teaching' },
  lecture: { zh: '专题讲座', en: 'Lecture' },
};

/** What is stored for a person and a lesson: 准时, 迟到 (both checked in) or 请假. */
export const ATTENDANCE_MARKS = ['on_time', 'late', 'leave'] as const;
export type AttendanceMark = (typeof ATTENDANCE_MARKS)[number];

/** What a person's attendance of a lesson reads as: a mark, 缺勤 once the lesson ended without one, else 未签到. */
export type AttendanceStatus = AttendanceMark | 'absent' | 'pending';

export const ATTENDANCE_LABELS: Record<AttendanceStatus, { zh: string; en: string }> = {
  on_time: { zh: '准时', en: 'On time' },
  late: { zh: '迟到', en: 'Late' },
  leave: { zh: '请假', en: 'On leave' },
  absent: { zh: '缺勤', en: 'Absent' },
  pending: { zh: '未签到', en: 'Not checked in' },
};

/** scan: the trainee's phone at the venue; office: 补签 by the office or a clerk, or 请假. */
export type CheckinMethod = 'scan' | 'office';

/** A lesson's timing and credit, as attendance reads them. Instants are epoch milliseconds. */
export interface LessonTiming {
  startsAt: number;
  endsAt: number;
  /** 学时 as a decimal string. */
  hours: string;
  graceMinutes: number;
  lateSharePercent: number;
}
