/**
 * Check-ins of the Jincheng demo's class, as a real class leaves them: most trainees scan 准时 in the hour before a
 * lesson, some arrive 迟到 a few minutes to half an hour after the grace period, a few are on 请假 — some for a whole
 * day, with the reason the office recorded — a few are simply 缺勤, and a handful whose phone failed them were
 * entered by the staff (补签) with the reason. Each scan is at the venue the rules expect the trainee at: the 同步课堂
 * at their county's party school, the other lessons at the city party school.
 */
import { markForScan } from '../domain/training/attendance.js';
import { parseLocalDateTime } from '../domain/training/local-time.js';
import type { AttendanceMark, CheckinMethod } from '../domain/training/types.js';
import { expectedVenue } from '../domain/training/venue-assignment.js';
import type { Unit } from '../domain/types.js';
import type { DemoLesson, DemoVenue } from './jincheng-agenda.js';
import type { DemoParticipant } from './jincheng-trainees.js';
import type { Random } from './random.js';

export interface DemoCheckin {
  lessonId: string;
  participantId: string;
  /** Where they checked in; null for 请假. */
  venueId: string | null;
  status: AttendanceMark;
  /** Epoch ms: the scan, the 补签's entry, or when the leave was recorded. */
  at: number;
  method: CheckinMethod;
  reason: string | null;
}

const MINUTE = 60_000;

const DAY_LEAVE_REASONS = [
  '参加县委常委会议',
  '带队参加全省乡村振兴现场推进会',
  '汛期防汛值班，经县委组织部同意请假',
  '处置辖区突发事件，已向县委组织部报备',
  '陪同省级督导组调研',
];

const LESSON_LEAVE_REASONS = [
  '身体不适，已按程序请假',
  '疫情防控值班',
  '参加县委专题会议',
  '家中老人住院，已报县委组织部同意',
  '接待上级检查',
  '安全生产检查',
];

const LATE_ENTRY_REASONS = [
  '手机没电，经会场联络员核实到场',
  '扫码时手机无网络，现场签到表已签名',
  '未带手机，凭现场签到表补签',
  '签到页面无法打开，经联络员核实到场',
];

/** Shares of trainee × lesson. */
const RATES = {
  /** A whole day on leave (per trainee and day). */
  dayLeave: 0.006,
  lessonLeave: 0.007,
  absent: 0.011,
  lateEntry: 0.001,
  late: 0.065,
};

interface Timing {
  lesson: DemoLesson;
  startsAt: number;
  endsAt: number;
  graceMinutes: number;
  day: string;
}

/** A scan's minute: on time mostly 5–40 minutes before the start, some within the grace; late skewed to a few minutes. */
function scanTime(rng: Random, t: Timing, late: boolean): number {
  const seconds = rng.int(0, 59) * 1000;
  if (late) {
    const after = t.graceMinutes + 1 + Math.floor(35 * rng.next() ** 2);
    return Math.min(t.endsAt - MINUTE, t.startsAt + after * MINUTE + seconds);
  }
  if (rng.chance(0.12)) return t.startsAt + rng.int(0, t.graceMinutes - 1) * MINUTE + seconds;
  const before = 2 + Math.floor(48 * (1 - Math.sqrt(rng.next())));
  return t.startsAt - before * MINUTE + seconds;
}

export function jinchengCheckins(
  rng: Random,
  lessons: readonly DemoLesson[],
  venues: readonly DemoVenue[],
  trainees: readonly DemoParticipant[],
  units: readonly Unit[],
  rules: { graceMinutes: number },
): DemoCheckin[] {
  const parent = new Map(units.map((u) => [u.id, u.parentId]));
  const ancestry = (unitId: string): string[] => {
    const out: string[] = [];
    for (let id: string | null | undefined = unitId; id; id = parent.get(id)) out.push(id);
    return out;
  };
  const venueUnit = new Map(venues.map((v) => [v.id, v.unitId]));
  const timings: Timing[] = lessons.map((lesson) => ({
    lesson,
    startsAt: parseLocalDateTime(lesson.startsAt)!,
    endsAt: parseLocalDateTime(lesson.endsAt)!,
    graceMinutes: rules.graceMinutes,
    day: lesson.startsAt.slice(0, 10),
  }));
  const days = [...new Set(timings.map((t) => t.day))];
  const out: DemoCheckin[] = [];
  for (const person of trainees) {
    const chain = ancestry(person.unitId);
    const away = new Map<string, string>();
    for (const day of days) if (rng.chance(RATES.dayLeave)) away.set(day, rng.pick(DAY_LEAVE_REASONS));
    for (const t of timings) {
      const mark = { lessonId: t.lesson.id, participantId: person.id };
      const dayLeave = away.get(t.day);
      const roll = rng.next();
      if (dayLeave !== undefined || roll < RATES.lessonLeave) {
        // Recorded by the office the afternoon before, or on the morning itself.
        const at = t.startsAt - rng.int(40, 18 * 60) * MINUTE;
        out.push({ ...mark, venueId: null, status: 'leave', at, method: 'office', reason: dayLeave ?? rng.pick(LESSON_LEAVE_REASONS) });
        continue;
      }
      if (roll < RATES.lessonLeave + RATES.absent) continue;
      const venueId = expectedVenue(chain, t.lesson.venueIds.map((id) => ({ id, unitId: venueUnit.get(id) ?? null })))!;
      if (roll < RATES.lessonLeave + RATES.absent + RATES.lateEntry) {
        const status = rng.chance(0.75) ? 'on_time' : 'late';
        out.push({ ...mark, venueId, status, at: t.startsAt + rng.int(15, 50) * MINUTE, method: 'office', reason: rng.pick(LATE_ENTRY_REASONS) });
        continue;
      }
      const at = scanTime(rng, t, rng.chance(RATES.late));
      out.push({ ...mark, venueId, status: markForScan({ startsAt: t.startsAt, graceMinutes: t.graceMinutes }, at), at, method: 'scan', reason: null });
    }
  }
  return out;
}
