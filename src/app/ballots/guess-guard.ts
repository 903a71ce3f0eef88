/**
 * 猜码防护: look-ups of a ballot token or short code that find nothing are counted per client address, in the
 * database (so every server counts together), in fixed 15-minute windows. The first FREE_MISSES cost nothing — a
 * rater mistypes; each further miss is answered only after SLOW_MS; the LOCK_AFTER_MISSES-th locks that address out
 * of looking up short codes for the next 15 minutes (a new window does not lift it). Look-ups by QR link are never refused: their 128-bit secret cannot be
 * guessed, so a hall's raters behind one NAT address keep scanning and voting while a guesser beside them is locked
 * out. A valid token is never spent or blocked by someone else's wrong guesses.
 *
 * The arithmetic (docs/security.md): a short code holds 50 bits (10 characters of a 32-letter alphabet). Locked after
 * 60 misses a window, one address tries at most 60 × 96 = 5,760 codes a day; with 10,000 live codes among 2^50, the
 * chance that a day's guessing from one address hits any of them is 5,760 × 10,000 / 2^50 ≈ 5 × 10⁻⁸.
 */
import { setTimeout as pause } from 'node:timers/promises';
import { AppError } from '../../contracts/errors.js';
import { MESSAGES } from '../../contracts/messages.js';
import { countMiss, getGuesses, lockGuesses } from '../../db/repositories/guesses.js';
import type { AppContext } from '../context.js';
import { recordAudit } from '../kernel/record-audit.js';

export const GUESS_WINDOW_MS = 15 * 60_000;
export const FREE_MISSES = 20;
export const LOCK_AFTER_MISSES = 60;
export const SLOW_MS = 1000;

/** Where a caller's guesses are counted: its address, or one shared bucket when unknown. */
export interface Caller {
  address: string | null;
}

function windowStart(ctx: AppContext): string {
  const now = ctx.clock().getTime();
  return new Date(now - (now % GUESS_WINDOW_MS)).toISOString();
}

const bucket = (caller: Caller) => caller.address ?? 'unknown';

/** Before a look-up by short code: an address locked for guessing is refused, after the same pause as a miss. */
export async function guardCodeLookup(ctx: AppContext, caller: Caller): Promise<void> {
  const { misses, lockedUntil } = await getGuesses(ctx.database.db, bucket(caller), windowStart(ctx));
  const locked = misses >= LOCK_AFTER_MISSES || (lockedUntil !== null && Date.parse(lockedUntil) > ctx.clock().getTime());
  if (!locked) return;
  await pause(SLOW_MS);
  throw new AppError('rate_limited', { message: MESSAGES.guessingLocked });
}

/** After a look-up that found nothing: counted, and answered late once past the free ones. */
export async function countGuess(ctx: AppContext, caller: Caller, by: 'link' | 'code'): Promise<void> {
  const misses = await countMiss(ctx.database.db, bucket(caller), windowStart(ctx));
  if (misses === LOCK_AFTER_MISSES) {
    // Locked for a whole window from now: the next window's fresh count does not lift it.
    await lockGuesses(ctx.database.db, bucket(caller), new Date(ctx.clock().getTime() + GUESS_WINDOW_MS).toISOString());
    await recordAudit(ctx.database.db, ctx, 'anonymous', 'ballots.guessing.locked', 'address', null, { address: caller.address, misses, by });
  }
  if (misses > FREE_MISSES) await pause(SLOW_MS);
}
