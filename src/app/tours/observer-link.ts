/**
 * 个人链接: `/o/<observerId>.<secret>`, the observer's credential (like a ballot token, it rides in the body of the
 * phone's calls). The secret is 128 random bits, shown once; only its sha-256 is stored. Renewing it makes the old
 * link stop working.
 */
import { timingSafeEqual } from 'node:crypto';
import { AppError } from '../../contracts/errors.js';
import type { ObserverLink } from '../../contracts/tours.js';
import type { Db } from '../../db/database.js';
import { getTourObserver, type TourObserverRow } from '../../db/repositories/tours.js';
import { newSecret, sha256Hex } from '../kernel/secrets.js';

export function newObserverKey(observerId: string): { link: string; keyHash: string } {
  const secret = newSecret();
  return { link: `/o/${observerId}.${secret}`, keyHash: sha256Hex(secret) };
}

/** The observer a link belongs to; an unknown observer or a wrong (renewed) secret is the same 404. */
export async function observerByLink(db: Db, link: ObserverLink): Promise<TourObserverRow> {
  const observer = await getTourObserver(db, link.observerId);
  const given = Buffer.from(sha256Hex(link.secret), 'hex');
  const stored = Buffer.from(observer?.key_hash ?? '0'.repeat(64), 'hex');
  if (!observer || stored.length !== given.length || !timingSafeEqual(stored, given)) throw new AppError('tour_link_invalid');
  return observer;
}
