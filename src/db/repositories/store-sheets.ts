import type { Db } from '../database.js';
import { claimAndAppendSheets, isPostgres, isUniqueViolation } from '../dialect/index.js';
import { StorageError } from '../errors.js';
import { appendBallots, findBallotsBySheets } from './ballots.js';
import type { BallotRow, SheetToStore, StoreSheetResult } from '../records.js';
import { openSessionIds } from './sessions.js';
import { compareSheet } from './submit-sheet.js';
import { markTokensUsed } from './tokens.js';

export interface StoreSheetsOptions {
  /** Runs last inside the transaction; throwing rolls the whole batch back (tests inject a failing commit here). */
  beforeCommit?: (trx: Db) => Promise<void>;
}

/**
 * Stores many sheets in ONE transaction with submitSheet's per-sheet answers: stored, duplicate (same content as
 * stored before → the first receipt), conflict (different content), or refused (token already used, session not
 * open). Within a batch the first of several sheets with one id is the candidate; the others are compared with it
 * once it is stored, or decided in a further round when it was refused. Throws when the transaction fails: then
 * nothing of the batch is stored, and the caller may retry its sheets one by one. (On PostgreSQL new online sheets
 * go through one statement first: allNewAndDistinct.)
 * A batch of one that loses a race on UNIQUE(sheet_id, instrument_id) re-reads and answers like a re-send.
 */
export async function storeSheets(db: Db, sheets: readonly SheetToStore[], options: StoreSheetsOptions = {}): Promise<StoreSheetResult[]> {
  for (const s of sheets) validate(s);
  if (db.isTransaction) throw new StorageError('invalid-input', 'storeSheets owns its transaction');
  if (sheets.length === 0) return [];
  if (!options.beforeCommit && isPostgres(db) && allNewAndDistinct(sheets)) return storeInOneStatement(db, sheets);
  return storeInTransaction(db, sheets, options);
}

/**
 * Sheets that each claim a token, with no sheet id and no token twice in the batch: online sheets as they usually
 * come. On PostgreSQL one statement stores those it can claim (dialect/postgres-sheets.ts: one round trip instead of
 * seven); the others — a re-send, a used token, a closed session — are decided by the general path after it, with
 * the same answers. When that second step fails, the first has already committed its sheets: the writer's one-by-one
 * retry then finds them stored and answers them as re-sends, with the receipt they were stored with.
 */
function allNewAndDistinct(sheets: readonly SheetToStore[]): boolean {
  const sheetIds = new Set<string>();
  const tokens = new Set<string>();
  for (const s of sheets) {
    if (s.tokenId === null || sheetIds.has(s.sheetId) || tokens.has(s.tokenId)) return false;
    sheetIds.add(s.sheetId);
    tokens.add(s.tokenId);
  }
  return true;
}

async function storeInOneStatement(db: Db, sheets: readonly SheetToStore[]): Promise<StoreSheetResult[]> {
  let stored: Set<string>;
  try {
    stored = await claimAndAppendSheets(db, sheets);
  } catch (error) {
    // A sheet id stored under another token (nothing of the statement was stored): the general path sorts it out.
    if (!isUniqueViolation(error)) throw error;
    return storeInTransaction(db, sheets, {});
  }
  const rest = sheets.filter((s) => !stored.has(s.sheetId));
  const decided = rest.length > 0 ? await storeInTransaction(db, rest, {}) : [];
  const answers = new Map(rest.map((s, i) => [s, decided[i]!]));
  return sheets.map((s) => answers.get(s) ?? { status: 'stored', receipt: s.ballots[0]!.receipt });
}

async function storeInTransaction(db: Db, sheets: readonly SheetToStore[], options: StoreSheetsOptions): Promise<StoreSheetResult[]> {
  try {
    return await db.transaction().execute(async (trx) => {
      const results = await decide(trx, sheets);
      await options.beforeCommit?.(trx);
      return results;
    });
  } catch (error) {
    if (sheets.length !== 1 || !isUniqueViolation(error)) throw error;
    const sheet = sheets[0]!;
    const existing = (await findBallotsBySheets(db, [sheet.sheetId])).get(sheet.sheetId);
    // A unique violation with nothing to read back is not a duplicate sheet (e.g. a reused ballot id).
    if (!existing) throw error;
    return [compareSheet(existing, sheet.ballots)];
  }
}

function validate(s: SheetToStore): void {
  if (s.ballots.length === 0) throw new StorageError('invalid-input', 'a sheet needs at least one ballot');
  const receipt = s.ballots[0]!.receipt;
  if (s.ballots.some((b) => b.sheetId !== s.sheetId || b.receipt !== receipt)) {
    throw new StorageError('invalid-input', 'every ballot of a sheet carries its sheet id and the same receipt');
  }
}

async function decide(trx: Db, sheets: readonly SheetToStore[]): Promise<StoreSheetResult[]> {
  const results: (StoreSheetResult | undefined)[] = new Array(sheets.length);
  let pending = sheets.map((_, i) => i);
  // Each round decides at least its candidates, so this ends; a second round is needed only for a sheet id sent
  // twice in one batch whose first copy was refused.
  while (pending.length > 0) {
    const existing = await findBallotsBySheets(trx, [...new Set(pending.map((i) => sheets[i]!.sheetId))]);
    const candidateOf = new Map<string, number>();
    const followers: number[] = [];
    for (const i of pending) {
      const s = sheets[i]!;
      const stored = existing.get(s.sheetId);
      if (stored) results[i] = compareSheet(stored, s.ballots);
      else if (candidateOf.has(s.sheetId)) followers.push(i);
      else candidateOf.set(s.sheetId, i);
    }
    const candidates = [...candidateOf.values()];

    const gated = [...new Set(candidates.map((i) => sheets[i]!.requireOpenSession).filter((id): id is string => id !== null))];
    const open = await openSessionIds(trx, gated);
    const claimable: number[] = [];
    for (const i of candidates) {
      const session = sheets[i]!.requireOpenSession;
      if (session !== null && !open.has(session)) results[i] = { status: 'refused', reason: 'session_not_open' };
      else claimable.push(i);
    }

    // One claim per token: a second sheet naming the same token in this batch loses like any later claimant.
    const claimant = new Map<string, number>();
    for (const i of claimable) {
      const token = sheets[i]!.tokenId;
      if (token !== null && !claimant.has(token)) claimant.set(token, i);
    }
    const claims = [...claimant].map(([tokenId, i]) => ({ tokenId, receipt: sheets[i]!.ballots[0]!.receipt }));
    const claimed = claims.length > 0 ? await markTokensUsed(trx, claims) : new Set<string>();
    const toStore: number[] = [];
    const lost: number[] = [];
    for (const i of claimable) {
      const token = sheets[i]!.tokenId;
      if (token === null || (claimed.has(token) && claimant.get(token) === i)) toStore.push(i);
      else lost.push(i);
    }
    // A token someone else used since our read: if their sheet is visible now, answer as to a re-send.
    const usedBy = lost.length > 0 ? await findBallotsBySheets(trx, lost.map((i) => sheets[i]!.sheetId)) : new Map<string, BallotRow[]>();
    for (const i of lost) {
      const stored = usedBy.get(sheets[i]!.sheetId);
      results[i] = stored ? compareSheet(stored, sheets[i]!.ballots) : { status: 'refused', reason: 'token_used' };
    }

    await appendBallots(trx, toStore.flatMap((i) => sheets[i]!.ballots));
    for (const i of toStore) results[i] = { status: 'stored', receipt: sheets[i]!.ballots[0]!.receipt };

    const next: number[] = [];
    for (const i of followers) {
      const c = candidateOf.get(sheets[i]!.sheetId)!;
      if (results[c]!.status === 'stored') results[i] = compareSheet(sheets[c]!.ballots, sheets[i]!.ballots);
      else next.push(i);
    }
    pending = next;
  }
  return results as StoreSheetResult[];
}
