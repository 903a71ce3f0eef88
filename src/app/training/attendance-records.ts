/**
 * 考勤与学时: each participant's record over the agenda — a status per lesson and the 学时 it earned (准时 the lesson's
 * hours, 迟到 the declared share, nothing else), summed exactly and shown with two decimals. Filtered by unit, name,
 * or to those who missed an ended lesson; a county viewer sees their own county only.
 */
import type { z } from 'zod';
import type { AttendancePage, attendanceQuery } from '../../contracts/training.js';
import { listCheckinRows, type CheckinRow } from '../../db/repositories/training.js';
import { type Fraction, ZERO, exactString, formatFixed, sum } from '../../domain/exact.js';
import { attendanceStatus, creditFor } from '../../domain/training/attendance.js';
import { formatLocalDateTime } from '../../domain/training/local-time.js';
import type { AppContext } from '../context.js';
import { arrivalClock } from './record-office-mark.js';
import type { Actor } from '../policies/roles.js';
import { visibleRoster } from './list-roster.js';
import { requireClass } from './require-class.js';

export type AttendanceQuery = z.output<typeof attendanceQuery>;
type Record = AttendancePage['items'][number];

/** Every visible participant's record (no paging): for the page and the xlsx export. */
export async function attendanceRecords(ctx: AppContext, actor: Actor, classId: string, filter: { unitId?: string; q?: string; absentOnly?: boolean }): Promise<{ page: Omit<AttendancePage, 'total' | 'page' | 'pageSize' | 'items'>; items: Record[] }> {
  const db = ctx.database.db;
  const bundle = await requireClass(db, classId);
  const { units, rows } = await visibleRoster(ctx, actor, bundle.row, filter.unitId);
  const marks = new Map<string, CheckinRow>();
  for (const m of await listCheckinRows(db, classId)) marks.set(`${m.participant_id}\u0000${m.lesson_id}`, m);
  const now = ctx.clock().getTime();
  const q = filter.q?.toLowerCase();
  const items: Record[] = [];
  for (const r of rows) {
    if (q && !r.name.toLowerCase().includes(q) && !units.path(r.unit_id).includes(q)) continue;
    let absent = 0;
    const credits: Fraction[] = [];
    const lessons = bundle.lessons.map((lesson) => {
      const mark = marks.get(`${r.id}\u0000${lesson.id}`) ?? null;
      const status = attendanceStatus(mark?.status ?? null, lesson, now);
      if (status === 'absent') absent++;
      const credit = creditFor(mark?.status ?? null, lesson);
      credits.push(credit);
      return { lessonId: lesson.id, status, clock: arrivalClock(mark), credit: formatFixed(credit, 2) };
    });
    if (filter.absentOnly && absent === 0) continue;
    const total = credits.length > 0 ? sum(credits) : ZERO;
    items.push({ participantId: r.id, name: r.name, unitName: units.name(r.unit_id), unitPath: units.path(r.unit_id), post: r.post, lessons, credit: { exact: exactString(total), display: formatFixed(total, 2) }, absent });
  }
  const full = bundle.lessons.length > 0 ? sum(bundle.lessons.map((l) => creditFor('on_time', l))) : ZERO;
  return {
    page: {
      lessons: bundle.lessons.map((l) => ({ id: l.id, title: l.title, startsAt: formatLocalDateTime(l.startsAt), hours: l.hours })),
      fullCredit: formatFixed(full, 2),
    },
    items,
  };
}

export async function attendancePage(ctx: AppContext, actor: Actor, classId: string, query: AttendanceQuery): Promise<AttendancePage> {
  const { page, items } = await attendanceRecords(ctx, actor, classId, query);
  const start = (query.page - 1) * query.pageSize;
  return { ...page, total: items.length, page: query.page, pageSize: query.pageSize, items: items.slice(start, start + query.pageSize) };
}
