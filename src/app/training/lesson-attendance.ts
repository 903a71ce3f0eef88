/**
 * 签到统计: for one lesson, who was expected where and who came — per venue (expected there by their unit; checked in
 * there by their scan), per county, and in all — within what the caller may see. Also the liaison's list of a venue.
 */
import type { LessonAttendance, VenueRoster } from '../../contracts/training.js';
import { listCheckinRows, type CheckinRow, type ParticipantRow } from '../../db/repositories/training.js';
import { attendanceStatus, checkinWindow, countMark, emptyCounts, type AttendanceCounts } from '../../domain/training/attendance.js';
import { formatLocalDateTime } from '../../domain/training/local-time.js';
import { expectedVenue } from '../../domain/training/venue-assignment.js';
import type { AppContext } from '../context.js';
import { arrivalClock } from './record-office-mark.js';
import type { Actor } from '../policies/roles.js';
import type { ClassUnits } from './class-units.js';
import type { StoredLesson } from './lesson-row.js';
import { rosterWithin, visibleRoster } from './list-roster.js';
import { requireClass, requireLesson, requireLessonVenue, type ClassBundle } from './require-class.js';

interface LessonPicture {
  bundle: ClassBundle;
  lesson: StoredLesson;
  units: ClassUnits;
  rows: ParticipantRow[];
  marks: Map<string, CheckinRow>;
  /** Participant → the venue they are expected at. */
  expected: Map<string, string | null>;
}

async function picture(ctx: AppContext, actor: Actor | null, classId: string, lessonId: string): Promise<LessonPicture> {
  const db = ctx.database.db;
  const bundle = await requireClass(db, classId);
  const lesson = requireLesson(bundle, lessonId);
  const { units, rows } = actor ? await visibleRoster(ctx, actor, bundle.row) : await rosterWithin(ctx, bundle.row, null);
  const marks = new Map((await listCheckinRows(db, classId, lessonId)).map((m) => [m.participant_id, m]));
  const places = lesson.venueIds.map((id) => ({ id, unitId: bundle.venues.find((v) => v.id === id)?.unit_id ?? null }));
  const expected = new Map(rows.map((r) => [r.id, expectedVenue(units.ancestry(r.unit_id), places)]));
  return { bundle, lesson, units, rows, marks, expected };
}

/** A venue's counts: expected there by unit; 准时/迟到 by where they scanned; 请假 and missing among those expected. */
function venueCounts(p: LessonPicture, venueId: string): AttendanceCounts {
  const counts = emptyCounts();
  for (const r of p.rows) {
    const mark = p.marks.get(r.id) ?? null;
    const here = p.expected.get(r.id) === venueId;
    if (here) counts.expected++;
    if (mark && (mark.status === 'on_time' || mark.status === 'late')) {
      if (mark.venue_id === venueId) counts[mark.status === 'on_time' ? 'onTime' : 'late']++;
    } else if (here) {
      if (mark?.status === 'leave') counts.leave++;
      else counts.missing++;
    }
  }
  return counts;
}

export async function lessonAttendance(ctx: AppContext, actor: Actor, classId: string, lessonId: string): Promise<LessonAttendance> {
  const p = await picture(ctx, actor, classId, lessonId);
  const total = emptyCounts();
  const byCounty = new Map<string, AttendanceCounts>();
  for (const r of p.rows) {
    const mark = p.marks.get(r.id)?.status ?? null;
    countMark(total, mark);
    const county = p.units.countyOf(r.unit_id);
    let c = byCounty.get(county);
    if (!c) byCounty.set(county, (c = emptyCounts()));
    countMark(c, mark);
  }
  return {
    lessonId: p.lesson.id,
    title: p.lesson.title,
    startsAt: formatLocalDateTime(p.lesson.startsAt),
    endsAt: formatLocalDateTime(p.lesson.endsAt),
    window: checkinWindow(p.lesson, ctx.clock().getTime()),
    total,
    venues: p.lesson.venueIds.map((venueId) => ({ venueId, name: p.bundle.venues.find((v) => v.id === venueId)?.name ?? venueId, ...venueCounts(p, venueId) })),
    units: [...byCounty].map(([unitId, c]) => ({ unitId, name: p.units.name(unitId), ...c })).sort((a, b) => a.unitId.localeCompare(b.unitId)),
  };
}

/** The counts a venue screen shows: everyone expected there (the screen is not a person, so no scope). */
export async function venueScreenCounts(ctx: AppContext, classId: string, lessonId: string, venueId: string): Promise<AttendanceCounts> {
  return venueCounts(await picture(ctx, null, classId, lessonId), venueId);
}

/** 联络员名单: the people expected at a venue or checked in there, with their status; 未签到 first. */
export async function venueRoster(ctx: AppContext, actor: Actor, classId: string, lessonId: string, venueId: string): Promise<VenueRoster> {
  const p = await picture(ctx, actor, classId, lessonId);
  const venue = requireLessonVenue(p.bundle, p.lesson, venueId);
  const now = ctx.clock().getTime();
  const order = { pending: 0, absent: 0, late: 1, on_time: 2, leave: 3 } as const;
  const rows = p.rows
    .filter((r) => p.expected.get(r.id) === venueId || p.marks.get(r.id)?.venue_id === venueId)
    .map((r) => {
      const mark = p.marks.get(r.id) ?? null;
      const elsewhere = mark?.venue_id && mark.venue_id !== venueId ? (p.bundle.venues.find((v) => v.id === mark.venue_id)?.name ?? mark.venue_id) : null;
      return {
        participantId: r.id,
        name: r.name,
        unitName: p.units.path(r.unit_id),
        post: r.post,
        status: attendanceStatus(mark?.status ?? null, p.lesson, now),
        clock: arrivalClock(mark),
        atVenue: elsewhere,
      };
    })
    .sort((a, b) => order[a.status] - order[b.status] || a.unitName.localeCompare(b.unitName, 'zh-CN') || a.name.localeCompare(b.name, 'zh-CN'));
  return { lessonId: p.lesson.id, venueId, venueName: venue.name, rows };
}
