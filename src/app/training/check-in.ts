/**
 * 签到: with a grant, a trainee identifies — by the device that knows them, by their personal code, or by picking
 * their name — and is checked in once for the lesson: 准时 or 迟到 by when they scanned. A second scan answers when
 * they checked in. Wrong personal codes are counted per grant and identifications per person, never per address:
 * a hall behind one NAT address gets in.
 */
import { AppError } from '../../contracts/errors.js';
import { MESSAGES } from '../../contracts/messages.js';
import type { CheckinAnswer, CheckinRequest } from '../../contracts/training.js';
import {
  countAttempt,
  countRecentDevices,
  findParticipantForIdentification,
  getCheckinRow,
  getParticipantRow,
  type ParticipantRow,
} from '../../db/repositories/training.js';
import { markForScan } from '../../domain/training/attendance.js';
import { formatLocalClock } from '../../domain/training/local-time.js';
import type { AppContext } from '../context.js';
import { newSecret, sha256Hex } from '../kernel/secrets.js';
import { normalisePersonalCode } from './new-ids.js';
import { acceptScan } from './open-grant.js';
import { requireGrant } from './require-grant.js';

/** Wrong personal codes one scan may type. */
export const CODE_TRIES_PER_GRANT = 10;
/** Phones that may identify as one person per hour: more means someone is trying names. */
export const IDENTIFICATIONS_PER_PERSON_HOUR = 10;

const HOUR_MS = 3_600_000;

export interface CheckinResult {
  answer: CheckinAnswer;
  created: boolean;
}

export async function checkIn(ctx: AppContext, request: CheckinRequest): Promise<CheckinResult> {
  const ways = [request.device, request.personalCode, request.participantId].filter((w) => w !== undefined && w !== '').length;
  if (ways !== 1) throw new AppError('invalid_request', { message: MESSAGES.identifyOneWay });
  if ((request.grant === undefined) === (request.scan === undefined)) throw new AppError('invalid_request', { message: MESSAGES.scanOneWay });
  // The scanned code itself stands in for a grant only for a device that knows its trainee: identifying takes a grant.
  if (request.scan && !request.device) throw new AppError('invalid_request', { message: MESSAGES.scanNeedsDevice });
  const open = request.grant !== undefined ? await requireGrant(ctx, request.grant) : { ...(await acceptScan(ctx, request.scan!)), signature: '' };
  const { bundle, lesson, venue } = open;
  const db = ctx.database.db;
  const classId = bundle.row.id;

  let person: ParticipantRow | null;
  let remember = false;
  if (request.device) {
    person = await ctx.training.classes.device(sha256Hex(request.device));
    if (!person || person.class_id !== classId) throw new AppError('participant_unknown', { message: MESSAGES.deviceUnknown });
  } else {
    remember = true;
    // Phones that identified as a person in the last hour: more than a handful means someone is trying names.
    const since = new Date(ctx.clock().getTime() - HOUR_MS).toISOString();
    let devices: number;
    if (request.personalCode !== undefined) {
      // Wrong codes are counted per scan (the grant), so guessing takes scan after scan at the venue.
      const attempt = { key: `code:${open.signature}`, window: new Date(open.scannedAt).toISOString() };
      const code = normalisePersonalCode(request.personalCode);
      const found = code ? await findParticipantForIdentification(db, classId, code, attempt, since) : null;
      if (!found) {
        if ((await countAttempt(db, attempt.key, attempt.window)) > CODE_TRIES_PER_GRANT) throw new AppError('rate_limited', { message: MESSAGES.tooManyCodeTries });
        throw new AppError('participant_unknown', { message: MESSAGES.personalCodeUnknown });
      }
      if (found.failures >= CODE_TRIES_PER_GRANT) throw new AppError('rate_limited', { message: MESSAGES.tooManyCodeTries });
      const { failures: _failures, devices: seen, ...row } = found;
      person = row;
      devices = seen;
    } else {
      person = await getParticipantRow(db, classId, request.participantId!);
      if (!person) throw new AppError('participant_unknown');
      devices = await countRecentDevices(db, classId, person.id, since);
    }
    if (devices >= IDENTIFICATIONS_PER_PERSON_HOUR) throw new AppError('rate_limited', { message: MESSAGES.tooManyPersonTries });
  }

  const status = markForScan(lesson, open.scannedAt);
  const at = new Date(open.scannedAt).toISOString();
  const device = remember ? newSecret() : null;
  const created = await ctx.training.checkins.write({
    checkin: { class_id: classId, lesson_id: lesson.id, participant_id: person.id, venue_id: venue.id, status, at, method: 'scan', reason: null, recorded_by: null },
    device: device ? { hash: sha256Hex(device), class_id: classId, participant_id: person.id, created_at: ctx.clock().toISOString() } : null,
  });
  const unitName = await ctx.training.classes.unitName(person.unit_id);
  const base = { participant: { name: person.name, unitName }, lessonTitle: lesson.title, venueName: venue.name, device };
  if (device) ctx.training.classes.rememberDevice(sha256Hex(device), person);
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
