/** Token guesses per client address (app/ballots/guess-guard.ts), counted in one statement so servers count together. */
import { sql } from 'kysely';
import type { Db } from '../database.js';

/** The address's misses in the window starting at `windowStart` (0 when none), and its lock, if any. */
export async function getGuesses(db: Db, address: string, windowStart: string): Promise<{ misses: number; lockedUntil: string | null }> {
  const row = await db.selectFrom('guess_counters').select(['misses', 'window_start', 'locked_until']).where('address', '=', address).executeTakeFirst();
  if (!row) return { misses: 0, lockedUntil: null };
  return { misses: row.window_start === windowStart ? Number(row.misses) : 0, lockedUntil: row.locked_until };
}

/** Counts one miss of `address` in its window (a new window starts again at 1); returns the count with this one. */
export async function countMiss(db: Db, address: string, windowStart: string): Promise<number> {
  const row = await db
    .insertInto('guess_counters')
    .values({ address, window_start: windowStart, misses: 1, locked_until: null })
    .onConflict((oc) =>
      oc.column('address').doUpdateSet({
        misses: sql<number>`case when guess_counters.window_start = excluded.window_start then guess_counters.misses + 1 else 1 end`,
        window_start: sql<string>`excluded.window_start`,
      }),
    )
    .returning('misses')
    .executeTakeFirstOrThrow();
  return Number(row.misses);
}

/** Locks typing codes for `address` until `until`. */
export async function lockGuesses(db: Db, address: string, until: string): Promise<void> {
  await db.updateTable('guess_counters').set({ locked_until: until }).where('address', '=', address).execute();
}
