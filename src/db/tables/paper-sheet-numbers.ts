/**
 * 票号: the numbers of a session's paper sheets. A number is `given` to one entry page (录入页, `desk`: a random id the
 * page keeps for its browser tab) before its clerk types the sheet, and `entered` once a sheet is stored under it, so
 * two pages never type under one number. No time is kept: entry order is not what anyone needs to know.
 */
export interface PaperSheetNumbersTable {
  session_id: string;
  sheet_number: string;
  status: 'given' | 'entered';
  /** The entry page it was given to or entered from; null for a sheet entered without one (a script). */
  desk: string | null;
  /** The account that was given it, or entered the sheet. */
  account_id: string;
}
