import type { Db } from '../database.js';
import { isUniqueViolation } from '../dialect/index.js';
import { StorageError } from '../errors.js';
import { appendBallots, findBallotsBySheet } from './ballots.js';
import type { BallotRow, SubmitSheetResult } from '../records.js';

export interface SubmitSheet {
  sheetId: string;
  /** One ballot per instrument, all carrying `sheetId` and the same receipt. */
  ballots: BallotRow[];
  /**
   * Runs inside the storing transaction, only when the sheet is new (e.g. marking the token used);
   * if it throws, nothing is stored.
   */
  onStored?: (trx: Db) => Promise<void>;
}

/**
 * Stores a sheet's ballots exactly once. Idempotent: a re-send with the same content hashes answers 'duplicate',
 * different content answers 'conflict'. Concurrent identical submissions race on UNIQUE(sheet_id, instrument_id);
 * the loser's transaction rolls back and it re-reads, so it answers like a later re-send.
 * Needs the database itself, not a transaction: it owns its transaction.
 */
export async function submitSheet(db: Db, input: SubmitSheet): Promise<SubmitSheetResult> {
  const { sheetId, ballots } = input;
  if (ballots.length === 0) throw new StorageError('invalid-input', 'a sheet needs at least one ballot');
  const receipt = ballots[0]!.receipt;
  if (ballots.some((b) => b.sheetId !== sheetId || b.receipt !== receipt)) {
    throw new StorageError('invalid-input', 'every ballot of a sheet carries its sheet id and the same receipt');
  }
  if (db.isTransaction) throw new StorageError('invalid-input', 'submitSheet owns its transaction');

  try {
    return await db.transaction().execute(async (trx) => {
      const existing = await findBallotsBySheet(trx, sheetId);
      if (existing.length > 0) return compareSheet(existing, ballots);
      await appendBallots(trx, ballots);
      await input.onStored?.(trx);
      return { status: 'stored', receipt } as const;
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const existing = await findBallotsBySheet(db, sheetId);
    // A unique violation with nothing to read back is not a duplicate sheet (e.g. a reused ballot id).
    if (existing.length === 0) throw error;
    return compareSheet(existing, ballots);
  }
}

/** Answers a sheet that was stored before: the same content (instrument, content hash) is a duplicate, else a conflict. */
export function compareSheet(existing: readonly BallotRow[], incoming: readonly BallotRow[]): SubmitSheetResult {
  const key = (rows: readonly BallotRow[]) =>
    rows
      .map((b) => `${b.instrumentId}\u0000${b.contentHash}`)
      .sort()
      .join('\u0001');
  if (key(existing) !== key(incoming)) return { status: 'conflict' };
  return { status: 'duplicate', receipt: existing[0]!.receipt };
}
