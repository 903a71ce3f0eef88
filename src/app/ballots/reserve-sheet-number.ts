/**
 * 票号: the number an entry page (录入页) types its next paper sheet under. The page's own number while no sheet is
 * stored under it — so a reload shows the same number again — else the session's next free one, given to this page
 * alone: two clerks, or two browser tabs, never type under one number, and no page starts again at P-001.
 */
import type { SheetNumber } from '../../contracts/paper.js';
import { paperSheetIds } from '../../db/repositories/ballots.js';
import { findGivenSheetNumber, insertGivenSheetNumber, listSheetNumbers } from '../../db/repositories/paper-sheet-numbers.js';
import { nextSheetNumber } from '../../domain/sheet-numbers.js';
import type { AppContext } from '../context.js';
import type { Actor } from '../policies/roles.js';
import { sheetNumberOf } from './enter-paper.js';
import { requirePaperSession } from './require-paper-session.js';

/** Pages asking at the same instant each try the next number; the loser of each round tries the one after. */
const ATTEMPTS = 50;

export async function reserveSheetNumber(ctx: AppContext, actor: Actor, sessionId: string, desk: string): Promise<SheetNumber> {
  await requirePaperSession(ctx, sessionId);
  const db = ctx.database.db;
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const kept = await findGivenSheetNumber(db, sessionId, desk);
    if (kept !== null) return { sheetNumber: kept };
    // Sheets entered before numbers were recorded (or by a script) count as taken too.
    const stored = (await paperSheetIds(db, sessionId)).map((id) => sheetNumberOf(sessionId, id));
    const sheetNumber = nextSheetNumber([...stored, ...(await listSheetNumbers(db, sessionId))]);
    if (await insertGivenSheetNumber(db, { sessionId, sheetNumber, desk, accountId: actor.id })) return { sheetNumber };
  }
  throw new Error(`no free sheet number for session ${sessionId} after ${ATTEMPTS} attempts`);
}
