/**
 * 签到: with a grant, a trainee identifies — by the device that knows them, by their personal code, or by picking
 * their name — and is checked in once for the lesson: 准时 or 迟到 by when they scanned. A second scan answers when
 * they checked in. Wrong personal codes are counted per grant and identifications per person, never per address:
 * a hall behind one NAT address gets in.
 */
import { AppError } from '../../contracts/errors.js';
import { MESSAGES } from '../../contracts/messages.js';
import type { CheckinAnswer, CheckinRequest } from '../../contracts/training.js';
import { inTransaction } from '../../db/repositories/shared.js';
import {
  attemptsIn,
  countAttempt,
  findDeviceParticipant,
  findParticipantByCode,
  getCheckinRow,
  getParticipantRow,
  insertCheckin,
  insertDevice,
  type ParticipantRow,
} from '../../db/repositories/training.js';
import { getUnit } from '../../db/repositories/units.js';
import { markForScan } from '../../domain/training/attendance.js';
import { formatLocalClock } from '../../domain/training/local-time.js';
import type { AppContext } from '../context.js';
import { newSecret, sha256Hex } from '../kernel/secrets.js';
import { normalisePersonalCode } from './new-ids.js';
import { requireGrant } from './require-grant.js';

/** Wrong personal codes one scan may type. */
export const CODE_TRIES_PER_GRANT = 10;
/** Identifications (by code or name) of one person per hour: more means someone is trying names. */
export const IDENTIFICATIONS_PER_PERSON_HOUR = 30;

const HOUR_MS = 3_600_000;

export interface CheckinResult {
  answer: CheckinAnswer;
  created: boolean;
}

export async function checkIn(ctx: AppContext, request: CheckinRequest): Promise<CheckinResult> {
  const ways = [request.device, request.personalCode, request.participantId].filter((w) => w !== undefined && w !== '').length;
  if (ways !== 1) throw new AppError('invalid_request', { message: MESSAGES.identifyOneWay });
  const open = await requireGrant(ctx, request.grant);
  const { bundle, lesson, venue } = open;
  const db = ctx.database.db;
  const classId = bundle.row.id;

  let person: ParticipantRow | null;
  let remember = false;
  if (request.device) {
    person = await findDeviceParticipant(db, sha256Hex(request.device));
    if (!person || person.class_id !== classId) throw new AppError('participant_unknown', { message: MESSAGES.deviceUnknown });
  } else {
    remember = true;
    const codeKey = `code:${open.signature}`;
    const codeWindow = new Date(open.scannedAt).toISOString();
    if (request.personalCode !== undefined) {
      if ((await attemptsIn(db, codeKey, codeWindow)) >= CODE_TRIES_PER_GRANT) throw new AppError('rate_limited', { message: MESSAGES.tooManyCodeTries });
      const code = normalisePersonalCode(request.personalCode);
      person = code ? await findParticipantByCode(db, classId, code) : null;
      if (!person) {
        await countAttempt(db, codeKey, codeWindow);
        throw new AppError('participant_unknown', { message: MESSAGES.personalCodeUnknown });
      }
    } else {
      person = await getParticipantRow(db, classId, request.participantId!);
      if (!person) throw new AppError('participant_unknown');
    }
    const hour = new Date(Math.floor(ctx.clock().getTime() / HOUR_MS) * HOUR_MS).toISOString();
    if ((await countAttempt(db, `person:${classId}/${person.id}`, hour)) > IDENTIFICATIONS_PER_PERSON_HOUR) {
      throw new AppError('rate_limited', { message: MESSAGES.tooManyPersonTries });
    }
  }

  const status = markForScan(lesson, open.scannedAt);
  const at = new Date(open.scannedAt).toISOString();
  const device = remember ? newSecret() : null;
  const created = await inTransaction(db, async (trx) => {
    const stored = await insertCheckin(trx, { class_id: classId, lesson_id: lesson.id, participant_id: person.id, venue_id: venue.id, status, at, method: 'scan', reason: null, recorded_by: null });
    if (device) await insertDevice(trx, { hash: sha256Hex(device), class_id: classId, participant_id: person.id, created_at: ctx.clock().toISOString() });
    return stored;
  });
  const unitName = (await getUnit(db, person.unit_id))?.name ?? '';
  const base = { participant: { name: person.name, unitName }, lessonTitle: lesson.title, venueName: venue.name, device };
  if (created) {
    ctx.checkinFeed.emit({ classId, lessonId: lesson.id });
    const clock = formatLocalClock(open.scannedAt);
    return { created: true, answer: { created: true, status, at, clock, message: MESSAGES.checkedIn(status, clock), ...base } };
  }
  const existing = (await getCheckinRow(db, classId, lesson.id, person.id))!;
  if (existing.status === 'leave') throw new AppError('training_state', { message: MESSAGES.onLeave });
  const clock = formatLocalClock(Date.parse(existing.at));
  return { created: false, answer: { created: false, status: existing.status, at: existing.at, clock, message: MESSAGES.alreadyCheckedIn(clock), ...base } };
}
