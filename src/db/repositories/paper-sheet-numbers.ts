/** 票号: paper sheet numbers given to entry pages and entered (tables/paper-sheet-numbers.ts). */
import type { Db } from '../database.js';
import { isUniqueViolation } from '../dialect/index.js';

/** A number given to this entry page that no sheet was stored under yet (its lowest, should there be several). */
export async function findGivenSheetNumber(db: Db, sessionId: string, desk: string): Promise<string | null> {
  const row = await db
    .selectFrom('paper_sheet_numbers')
    .select('sheet_number')
    .where('session_id', '=', sessionId)
    .where('desk', '=', desk)
    .where('status', '=', 'given')
    .orderBy('sheet_number')
    .executeTakeFirst();
  return row?.sheet_number ?? null;
}

/** Every number of the session, given or entered. */
export async function listSheetNumbers(db: Db, sessionId: string): Promise<string[]> {
  const rows = await db.selectFrom('paper_sheet_numbers').select('sheet_number').where('session_id', '=', sessionId).execute();
  return rows.map((r) => r.sheet_number);
}

/** Gives `sheetNumber` to an entry page; false when the session already has that number (another page was quicker). */
export async function insertGivenSheetNumber(db: Db, row: { sessionId: string; sheetNumber: string; desk: string; accountId: string }): Promise<boolean> {
  try {
    await db
      .insertInto('paper_sheet_numbers')
      .values({ session_id: row.sessionId, sheet_number: row.sheetNumber, status: 'given', desk: row.desk, account_id: row.accountId })
      .execute();
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}

export type SheetNumberClaim = { claimed: true } | { claimed: false; heldBy: string };

/**
 * Marks `sheetNumber` entered, in the transaction that stores its sheet. A number given to another entry page of
 * another account, and not used yet, is not taken: `heldBy` names that account. One statement, so two pages
 * entering one number settle on the primary key.
 */
export async function claimSheetNumber(trx: Db, row: { sessionId: string; sheetNumber: string; desk: string | null; accountId: string }): Promise<SheetNumberClaim> {
  const result = await trx
    .insertInto('paper_sheet_numbers')
    .values({ session_id: row.sessionId, sheet_number: row.sheetNumber, status: 'entered', desk: row.desk, account_id: row.accountId })
    .onConflict((oc) =>
      oc
        .columns(['session_id', 'sheet_number'])
        .doUpdateSet({ status: 'entered', desk: row.desk, account_id: row.accountId })
        .where((eb) =>
          eb.or([
            eb('paper_sheet_numbers.status', '=', 'entered'),
            eb('paper_sheet_numbers.account_id', '=', row.accountId),
            ...(row.desk === null ? [] : [eb('paper_sheet_numbers.desk', '=', row.desk)]),
          ]),
        ),
    )
    .executeTakeFirst();
  if (Number(result.numInsertedOrUpdatedRows ?? 0) > 0) return { claimed: true };
  const holder = await trx
    .selectFrom('paper_sheet_numbers')
    .select('account_id')
    .where('session_id', '=', row.sessionId)
    .where('sheet_number', '=', row.sheetNumber)
    .executeTakeFirstOrThrow();
  return { claimed: false, heldBy: holder.account_id };
}
