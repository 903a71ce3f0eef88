/**
 * 会场大屏: its link carries a key made from the venue's secret (nothing stored per screen); with it the screen fetches
 * the code to show now — the server's clock decides the step, so the screen's clock does not matter — and the
 * venue's counts. The office gets the link.
 */
import { AppError } from '../../contracts/errors.js';
import { MESSAGES } from '../../contracts/messages.js';
import { msUntilNextStep, codeStep } from '../../domain/training/checkin-code.js';
import { checkinWindow, type AttendanceCounts } from '../../domain/training/attendance.js';
import { formatLocalDateTime } from '../../domain/training/local-time.js';
import type { AppContext } from '../context.js';
import { screenKey, venueCode, verifyScreenKey } from './checkin-codes.js';
import { venueScreenCounts } from './lesson-attendance.js';
import { requireClass, requireLesson, requireLessonVenue } from './require-class.js';

export interface ScreenState {
  /** The path of the QR link with its code (after '#'); the caller puts the public address in front. */
  path: string;
  refreshInMs: number;
  className: string;
  lessonTitle: string;
  venueName: string;
  startsAt: string;
  window: 'not_yet' | 'open' | 'closed';
  counts: AttendanceCounts;
}

const enc = encodeURIComponent;

export async function requireScreen(ctx: AppContext, classId: string, lessonId: string, venueId: string, key: string) {
  const bundle = await requireClass(ctx.database.db, classId);
  const lesson = requireLesson(bundle, lessonId);
  const venue = requireLessonVenue(bundle, lesson, venueId);
  if (!verifyScreenKey(venue.secret, classId, lessonId, venueId, key)) throw new AppError('forbidden', { message: MESSAGES.venueScreenKeyInvalid });
  return { bundle, lesson, venue };
}

export async function screenState(ctx: AppContext, classId: string, lessonId: string, venueId: string, key: string): Promise<ScreenState> {
  const { bundle, lesson, venue } = await requireScreen(ctx, classId, lessonId, venueId, key);
  const now = ctx.clock().getTime();
  const code = venueCode(venue.secret, classId, lessonId, venueId, codeStep(now));
  return {
    path: `/c/${enc(classId)}/${enc(lessonId)}/${enc(venueId)}#${code}`,
    // A little after the step turns, so the new code is there when asked for.
    refreshInMs: msUntilNextStep(now) + 200,
    className: bundle.row.name,
    lessonTitle: lesson.title,
    venueName: venue.name,
    startsAt: formatLocalDateTime(lesson.startsAt),
    window: checkinWindow(lesson, now),
    counts: await venueScreenCounts(ctx, classId, lessonId, venueId),
  };
}

/** The screen's own path, for the office. */
export async function screenPath(ctx: AppContext, classId: string, lessonId: string, venueId: string): Promise<string> {
  const bundle = await requireClass(ctx.database.db, classId);
  const lesson = requireLesson(bundle, lessonId);
  const venue = requireLessonVenue(bundle, lesson, venueId);
  return `/checkin-screen/${enc(classId)}/${enc(lessonId)}/${enc(venueId)}/${screenKey(venue.secret, classId, lessonId, venueId)}`;
}
