/** Token guesses per client address (app/ballots/guess-guard.ts), counted in one statement so servers count together. */
import { sql } from 'kysely';
import type { Db } from '../database.js';

/** Misses of `address` in the window starting at `windowStart` (0 when none). */
export async function getMisses(db: Db, address: string, windowStart: string): Promise<number> {
  const row = await db.selectFrom('guess_counters').select('misses').where('address', '=', address).where('window_start', '=', windowStart).executeTakeFirst();
  return row ? Number(row.misses) : 0;
}

/** Counts one miss of `address` in its window (a new window starts again at 1); returns the count with this one. */
export async function countMiss(db: Db, address: string, windowStart: string): Promise<number> {
  const row = await db
    .insertInto('guess_counters')
    .values({ address, window_start: windowStart, misses: 1 })
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
