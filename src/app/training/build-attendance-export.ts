/**
 * 考勤导出: what the attendance workbook holds, within what the caller may see (a county viewer: their county) — each
 * lesson's counts per venue, per county and in all (the same numbers as GET …/lessons/:lessonId/attendance), each
 * participant's record with 学时 (as GET …/attendance), who missed which ended lesson by county, and every 请假 and
 * 补签 with its reason.
 */
import type { LessonAttendance, TrainingClass } from '../../contracts/training.js';
import { listCheckinRows } from '../../db/repositories/training.js';
import { formatLocalDateTime } from '../../domain/training/local-time.js';
import type { AppContext } from '../context.js';
import type { Actor } from '../policies/roles.js';
import { viewerUnit } from '../policies/unit-scope.js';
import { attendanceRecords } from './attendance-records.js';
import { getClass } from './get-class.js';
import { lessonAttendance } from './lesson-attendance.js';
import { visibleRoster } from './list-roster.js';

type Records = Awaited<ReturnType<typeof attendanceRecords>>;

export interface ExportedRecord {
  record: Records['items'][number];
  /** The unit one level below the class's city the participant counts under (a county), and its name. */
  countyId: string;
  countyName: string;
  /** Lesson ids whose mark the office entered (补签). */
  entered: Set<string>;
}

export interface OfficeEntry {
  lessonId: string;
  participantId: string;
  name: string;
  unitPath: string;
  post: string;
  kind: 'leave' | 'late_entry';
  status: 'on_time' | 'late' | 'leave';
  venueName: string | null;
  /** Beijing wall-clock time it was recorded (a 补签: the time it stands for). */
  at: string;
  reason: string;
}

export interface AttendanceExport {
  cls: TrainingClass;
  /** The viewer's county, or null for the whole class. */
  scope: { unitId: string; name: string } | null;
  lessons: { lesson: TrainingClass['agenda'][number]; attendance: LessonAttendance }[];
  fullCredit: string;
  records: ExportedRecord[];
  /** The counties (and the city itself, when people are on the roster there), in the order of their codes. */
  counties: { id: string; name: string }[];
  officeEntries: OfficeEntry[];
  generatedAt: string;
}

/** 请假 before 补签 under each lesson. */
const KIND_ORDER = { leave: 0, late_entry: 1 } as const;

export async function buildAttendanceExport(ctx: AppContext, actor: Actor, classId: string): Promise<AttendanceExport> {
  const cls = await getClass(ctx, classId);
  const { units, rows } = await visibleRoster(ctx, actor, { id: cls.id, root_unit_id: cls.rootUnitId });
  const { page, items } = await attendanceRecords(ctx, actor, classId, {});
  const lessons = [];
  for (const lesson of cls.agenda) lessons.push({ lesson, attendance: await lessonAttendance(ctx, actor, classId, lesson.id) });

  const people = new Map(rows.map((r) => [r.id, r]));
  const marks = (await listCheckinRows(ctx.database.db, classId)).filter((m) => people.has(m.participant_id));
  const entered = new Map<string, Set<string>>();
  for (const m of marks) if (m.method === 'office' && m.status !== 'leave') (entered.get(m.participant_id) ?? entered.set(m.participant_id, new Set()).get(m.participant_id)!).add(m.lesson_id);

  const code = (id: string) => units.byId.get(id)?.code ?? id;
  const unitOf = (participantId: string) => people.get(participantId)!.unit_id;
  const byName = new Intl.Collator('zh-CN');
  // Ordered here, not by the database's collation, so both engines write the same workbook.
  const records = items
    .map((record) => {
      const countyId = units.countyOf(unitOf(record.participantId));
      return { record, countyId, countyName: units.name(countyId), entered: entered.get(record.participantId) ?? new Set<string>() };
    })
    .sort((a, b) => code(a.countyId).localeCompare(code(b.countyId)) || code(unitOf(a.record.participantId)).localeCompare(code(unitOf(b.record.participantId))) || byName.compare(a.record.name, b.record.name));
  const counties = [...new Map(records.map((r) => [r.countyId, r.countyName]))].map(([id, name]) => ({ id, name })).sort((a, b) => code(a.id).localeCompare(code(b.id)));

  const order = new Map(cls.agenda.map((l, i) => [l.id, i]));
  const venueNames = new Map(cls.venues.map((v) => [v.id, v.name]));
  const officeEntries: OfficeEntry[] = marks
    .filter((m) => m.method === 'office')
    .map((m) => {
      const p = people.get(m.participant_id)!;
      return {
        lessonId: m.lesson_id,
        participantId: m.participant_id,
        name: p.name,
        unitPath: units.path(p.unit_id),
        post: p.post,
        kind: m.status === 'leave' ? ('leave' as const) : ('late_entry' as const),
        status: m.status,
        venueName: m.venue_id ? (venueNames.get(m.venue_id) ?? null) : null,
        at: formatLocalDateTime(Date.parse(m.at)),
        reason: m.reason ?? '',
      };
    })
    .sort((a, b) => (order.get(a.lessonId) ?? 0) - (order.get(b.lessonId) ?? 0) || KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.at.localeCompare(b.at) || byName.compare(a.unitPath, b.unitPath) || byName.compare(a.name, b.name));

  const scopeId = viewerUnit(actor);
  return {
    cls,
    scope: scopeId ? { unitId: scopeId, name: units.name(scopeId) } : null,
    lessons,
    fullCredit: page.fullCredit,
    records,
    counties,
    officeEntries,
    generatedAt: ctx.clock().toISOString(),
  };
}
