/** A grant the phone sends back: signed by its class, not expired. Returns the class, lesson and venue it opens. */
import { AppError } from '../../contracts/errors.js';
import { GRANT_TTL_MS } from '../../domain/training/checkin-code.js';
import type { VenueRow } from '../../db/repositories/training.js';
import type { AppContext } from '../context.js';
import type { StoredLesson } from './lesson-row.js';
import { readGrant, verifyGrant } from './checkin-codes.js';
import { requireLesson, requireLessonVenue, type ClassBundle } from './require-class.js';

export interface OpenGrant {
  bundle: ClassBundle;
  lesson: StoredLesson;
  venue: VenueRow;
  /** When the QR was scanned (epoch ms): what 准时 or 迟到 is judged by. */
  scannedAt: number;
  /** The grant's signature: what wrong personal codes are counted under. */
  signature: string;
}

export async function requireGrant(ctx: AppContext, grant: string): Promise<OpenGrant> {
  const claims = readGrant(grant);
  if (!claims) throw new AppError('checkin_code_invalid');
  const bundle = await ctx.training.classes.get(claims.classId);
  if (!verifyGrant(bundle.row.secret, grant)) throw new AppError('checkin_code_invalid');
  if (ctx.clock().getTime() > claims.expiresAt) throw new AppError('checkin_grant_expired');
  const lesson = requireLesson(bundle, claims.lessonId);
  const venue = requireLessonVenue(bundle, lesson, claims.venueId);
  return { bundle, lesson, venue, scannedAt: claims.expiresAt - GRANT_TTL_MS, signature: grant.slice(grant.indexOf('.') + 1) };
}
