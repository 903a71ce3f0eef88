/**
 * 请假 and 补签: the office records a leave with its reason; the office or a clerk enters a check-in the phone did not
 * make (准时 or 迟到, at a venue of the lesson) with its reason. Both go to the audit log; a person has one mark per
 * lesson, so neither replaces one already there.
 */
import { AppError } from '../../contracts/errors.js';
import { MESSAGES, notFound } from '../../contracts/messages.js';
import type { CheckinRecord, LateEntryInput, LeaveInput } from '../../contracts/training.js';
import { inTransaction } from '../../db/repositories/shared.js';
import { getCheckinRow, getParticipantRow, insertCheckin, type CheckinRow } from '../../db/repositories/training.js';
import { formatLocalClock } from '../../domain/training/local-time.js';
import type { AppContext } from '../context.js';
import { recordAudit } from '../kernel/record-audit.js';
import type { Actor } from '../policies/roles.js';
import { requireClass, requireLesson, requireLessonVenue } from './require-class.js';

/** When they arrived ("09:02"), for a check-in; null for none or for 请假, whose time is only when it was recorded. */
export function arrivalClock(mark: Pick<CheckinRow, 'status' | 'at'> | null): string | null {
  return mark && mark.status !== 'leave' ? formatLocalClock(Date.parse(mark.at)) : null;
}

export function presentCheckin(row: CheckinRow): CheckinRecord {
  return {
    lessonId: row.lesson_id,
    participantId: row.participant_id,
    venueId: row.venue_id,
    status: row.status,
    at: row.at,
    clock: formatLocalClock(Date.parse(row.at)),
    method: row.method,
    reason: row.reason,
  };
}

async function recordMark(ctx: AppContext, actor: Actor, classId: string, lessonId: string, participantId: string, mark: Pick<CheckinRow, 'status' | 'venue_id' | 'reason'>, action: string): Promise<CheckinRecord> {
  const row = await inTransaction(ctx.database.db, async (trx) => {
    const bundle = await requireClass(trx, classId);
    const lesson = requireLesson(bundle, lessonId);
    if (mark.venue_id !== null) requireLessonVenue(bundle, lesson, mark.venue_id);
    const person = await getParticipantRow(trx, classId, participantId);
    if (!person) throw notFound('participant', participantId);
    const row: CheckinRow = { class_id: classId, lesson_id: lessonId, participant_id: participantId, ...mark, at: ctx.clock().toISOString(), method: 'office', recorded_by: `${actor.role}:${actor.id}` };
    if (!(await insertCheckin(trx, row))) {
      const existing = (await getCheckinRow(trx, classId, lessonId, participantId))!;
      throw new AppError('training_state', { message: MESSAGES.markExists(formatLocalClock(Date.parse(existing.at))) });
    }
    await recordAudit(trx, ctx, actor, action, 'training_checkin', `${classId}/${lessonId}/${participantId}`, { name: person.name, status: mark.status, venueId: mark.venue_id, reason: mark.reason });
    return row;
  });
  ctx.checkinFeed.emit({ classId, lessonId });
  return presentCheckin(row);
}

export function recordLeave(ctx: AppContext, actor: Actor, classId: string, lessonId: string, input: LeaveInput): Promise<CheckinRecord> {
  return recordMark(ctx, actor, classId, lessonId, input.participantId, { status: 'leave', venue_id: null, reason: input.reason }, 'training.checkin.leave');
}

export function recordLateEntry(ctx: AppContext, actor: Actor, classId: string, lessonId: string, input: LateEntryInput): Promise<CheckinRecord> {
  return recordMark(ctx, actor, classId, lessonId, input.participantId, { status: input.status, venue_id: input.venueId, reason: input.reason }, 'training.checkin.late-entry');
}
