/** 我的签到: a trainee's phone, by the device that knows them, sees their own check-ins and 学时 — nobody else's. */
import { AppError } from '../../contracts/errors.js';
import { MESSAGES } from '../../contracts/messages.js';
import type { MyCheckins } from '../../contracts/training.js';
import { findDeviceParticipant, listParticipantCheckins } from '../../db/repositories/training.js';
import { getUnit } from '../../db/repositories/units.js';
import { ZERO, formatFixed, sum } from '../../domain/exact.js';
import { attendanceStatus, creditFor } from '../../domain/training/attendance.js';
import { formatLocalDateTime } from '../../domain/training/local-time.js';
import type { AppContext } from '../context.js';
import { arrivalClock } from './record-office-mark.js';
import { sha256Hex } from '../kernel/secrets.js';
import { requireClass } from './require-class.js';

export async function listMyCheckins(ctx: AppContext, classId: string, device: string): Promise<MyCheckins> {
  const db = ctx.database.db;
  const person = await findDeviceParticipant(db, sha256Hex(device));
  if (!person || person.class_id !== classId) throw new AppError('participant_unknown', { message: MESSAGES.deviceUnknown });
  const bundle = await requireClass(db, classId);
  const marks = new Map((await listParticipantCheckins(db, classId, person.id)).map((m) => [m.lesson_id, m]));
  const now = ctx.clock().getTime();
  const credits = bundle.lessons.map((l) => creditFor(marks.get(l.id)?.status ?? null, l));
  return {
    className: bundle.row.name,
    participant: { name: person.name, unitName: (await getUnit(db, person.unit_id))?.name ?? '' },
    lessons: bundle.lessons.map((l, i) => {
      const mark = marks.get(l.id) ?? null;
      return { lessonId: l.id, title: l.title, startsAt: formatLocalDateTime(l.startsAt), status: attendanceStatus(mark?.status ?? null, l, now), clock: arrivalClock(mark), hours: l.hours, credit: formatFixed(credits[i]!, 2) };
    }),
    credit: formatFixed(credits.length > 0 ? sum(credits) : ZERO, 2),
  };
}
