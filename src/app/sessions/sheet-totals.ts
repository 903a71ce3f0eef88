/** A session's sheets issued (tokens not revoked + paper issued) and returned, all groups together, read in `db`. */
import { countReturnedSheets } from '../../db/repositories/ballots.js';
import { issuedCounts } from '../../db/repositories/sessions.js';
import type { Db } from '../../db/database.js';

const sum = (counts: Record<string, number>): number => Object.values(counts).reduce((a, b) => a + b, 0);

export async function sheetTotals(db: Db, sessionId: string): Promise<{ issued: number; returned: number }> {
  const issued = sum(await issuedCounts(db, sessionId));
  return { issued, returned: sum(await countReturnedSheets(db, sessionId)) };
}
