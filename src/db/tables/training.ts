/** 培训班 rows (migration 0010). Times are ISO-8601 UTC text; dates are YYYY-MM-DD in the class's time zone (UTC+8). */
import type { AttendanceMark, CheckinMethod, LessonKind } from '../../domain/training/types.js';

export interface TrainingClassesTable {
  id: string;
  name: string;
  /** The campaign the class belongs to, or null for a class that stands alone. */
  campaign_id: string | null;
  /** The city (or province) the class is for: participants' units are matched below it, counts are per its children. */
  root_unit_id: string;
  starts_on: string;
  ends_on: string;
  /** 迟到宽限: minutes after a lesson's start that still count as 准时, unless the lesson says otherwise. */
  grace_minutes: number;
  /** The share of a lesson's 学时 that 迟到 earns, in percent, unless the lesson says otherwise. */
  late_share_percent: number;
  /** Signs the short grants a scan opens (base64url, 32 bytes). */
  secret: string;
  created_at: string;
  updated_at: string;
  /** 讲收获 are refused from this time on (ISO UTC); null while they are open. Migration 0012. */
  reflections_close_at: string | null;
}

export interface TrainingVenuesTable {
  class_id: string;
  id: string;
  name: string;
  /** The unit whose party school this is: participants below it are expected here. */
  unit_id: string | null;
  address: string;
  /** Keys the venue's rotating QR codes and its screen link (base64url, 32 bytes); replacing it revokes both. */
  secret: string;
}

export interface TrainingLessonsTable {
  class_id: string;
  id: string;
  kind: LessonKind;
  title: string;
  starts_at: string;
  ends_at: string;
  /** 学时 as a decimal string ("2", "1.5"). */
  hours: string;
  grace_minutes: number | null;
  late_share_percent: number | null;
  /** JSON: [{ name, title }]. */
  speakers: string;
  /** JSON: [{ title, note }]. */
  materials: string;
  /** JSON: venue ids in the order shown; the first is the main venue. */
  venue_ids: string;
}

export interface TrainingParticipantsTable {
  class_id: string;
  id: string;
  name: string;
  unit_id: string;
  post: string;
  phone: string | null;
  /** 个人签到码: printed on the roster, typed on a phone to identify without an account. */
  code: string;
  created_at: string;
}

export interface TrainingCheckinsTable {
  class_id: string;
  lesson_id: string;
  participant_id: string;
  /** Where they checked in; null for 请假. */
  venue_id: string | null;
  status: AttendanceMark;
  at: string;
  method: CheckinMethod;
  /** Required for 请假 and 补签. */
  reason: string | null;
  /** The actor (role:accountId) of an office entry; null for a scan. */
  recorded_by: string | null;
}

export interface TrainingDevicesTable {
  /** sha-256 of the device secret the phone keeps. */
  hash: string;
  class_id: string;
  participant_id: string;
  created_at: string;
}

export interface TrainingAttemptsTable {
  /** What is counted: 'code:<grant>' or 'person:<class>/<participant>'. */
  key: string;
  window_start: string;
  count: number;
}
