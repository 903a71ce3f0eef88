import type { Db } from '../database.js';

/**
 * The receipt of every sheet returned in a session, one per sheet, sorted: nothing else of a sheet leaves (no
 * ratings, no group, no channel), and the order says nothing about when a sheet came in. A sheet's ballots share
 * its receipt; `min` picks it once per sheet. Sorted here, not in SQL, so both engines give the same order.
 */
export async function listSessionReceipts(db: Db, sessionId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('ballots')
    .innerJoin('ballot_contents', (join) =>
      join.onRef('ballot_contents.campaign_id', '=', 'ballots.campaign_id').onRef('ballot_contents.ballot_id', '=', 'ballots.id'),
    )
    .select(['ballots.sheet_id', (eb) => eb.fn.min<string>('ballot_contents.receipt').as('receipt')])
    .where('ballots.session_id', '=', sessionId)
    .groupBy('ballots.sheet_id')
    .execute();
  return rows.map((r) => r.receipt).sort();
}
