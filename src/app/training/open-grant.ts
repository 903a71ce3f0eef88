/**
 * 扫码: a trainee's phone opens the QR link; the code must be this venue's, of the current or the previous 15-second
 * step, for a lesson open to check-in. The answer is a grant of 5 minutes, signed, so that finding one's name takes
 * the time it takes; the scan's time is in the grant and decides 准时 or 迟到.
 */
import { AppError } from '../../contracts/errors.js';
import type { Grant } from '../../contracts/training.js';
import { checkinWindow } from '../../domain/training/attendance.js';
import { GRANT_TTL_MS, judgeStep } from '../../domain/training/checkin-code.js';
import { formatLocalDateTime } from '../../domain/training/local-time.js';
import { LESSON_KIND_LABELS } from '../../domain/training/types.js';
import type { AppContext } from '../context.js';
import { codeStepOf, signGrant, verifyVenueCode } from './checkin-codes.js';
import { requireLesson, requireLessonVenue } from './require-class.js';

export interface GrantRequest {
  classId: string;
  lessonId: string;
  venueId: string;
  code: string;
}

/** The class, lesson and venue of a scan whose code is good now, with the time of the scan. */
export async function acceptScan(ctx: AppContext, request: GrantRequest) {
  const bundle = await ctx.training.classes.get(request.classId);
  const lesson = requireLesson(bundle, request.lessonId);
  const venue = requireLessonVenue(bundle, lesson, request.venueId);
  const now = ctx.clock().getTime();
  const step = codeStepOf(request.code);
  if (step === null) throw new AppError('checkin_code_invalid');
  const verdict = judgeStep(step, now);
  if (verdict === 'future') throw new AppError('checkin_code_invalid');
  // An old step is refused as old before its signature is checked: no hashing for a photo passed around.
  if (verdict === 'stale') throw new AppError('checkin_code_stale');
  if (!verifyVenueCode(venue.secret, bundle.row.id, lesson.id, venue.id, request.code)) throw new AppError('checkin_code_invalid');
  const window = checkinWindow(lesson, now);
  if (window === 'not_yet') throw new AppError('checkin_not_open');
  if (window === 'closed') throw new AppError('checkin_closed');
  return { bundle, lesson, venue, scannedAt: now };
}

export async function openGrant(ctx: AppContext, request: GrantRequest): Promise<Grant> {
  const { bundle, lesson, venue, scannedAt: now } = await acceptScan(ctx, request);
  const expiresAt = now + GRANT_TTL_MS;
  return {
    grant: signGrant(bundle.row.secret, { classId: bundle.row.id, lessonId: lesson.id, venueId: venue.id, expiresAt }),
    expiresAt: new Date(expiresAt).toISOString(),
    className: bundle.row.name,
    lesson: { id: lesson.id, title: lesson.title, kindLabel: LESSON_KIND_LABELS[lesson.kind], startsAt: formatLocalDateTime(lesson.startsAt), endsAt: formatLocalDateTime(lesson.endsAt) },
    venue: { id: venue.id, name: venue.name },
  };
}
