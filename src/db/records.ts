/**
 * Row shapes that more than one repository (or a repository and a dialect's statement) shares. They live here, not in
 * the repository that happens to write them, so the dialect code never imports a repository.
 */
import type { Ballot } from '../domain/types.js';

/** A ballot as stored: the domain ballot plus what the storage needs to answer re-sends and audits. */
export interface BallotRow extends Ballot {
  campaignId: string;
  /** Hash of the canonical content, computed by the app; identical re-sends have identical hashes. */
  contentHash: string;
  receipt: string;
  /** The clerk who entered a paper ballot; null online. */
  enteredBy: string | null;
  /** Compact ratings for the tally (ballot-codec.ts); null when they cannot be packed without loss. */
  packed: Uint8Array | null;
  /**
   * `ratings` as the JSON text that is stored, when known: the submit path writes it once (canonical, keys sorted) for
   * the content hash and for storage; the SQLite writer thread receives only text, not the objects (cloning them
   * across threads cost more than the insert), and its rows have `ratings` empty.
   */
  ratingsJson?: string;
}

export type SubmitSheetResult =
  | { status: 'stored'; receipt: string }
  /** The same content was stored before (a re-send from a flaky phone): nothing written, the first receipt. */
  | { status: 'duplicate'; receipt: string }
  /** Different content was stored before for this sheet: refused. */
  | { status: 'conflict' };

export interface SheetToStore {
  sheetId: string;
  /** One ballot per instrument, all carrying `sheetId` and the same receipt. */
  ballots: BallotRow[];
  /** Marked used (with the sheet's receipt) in the same transaction; the sheet is stored only if this call marks it. */
  tokenId: string | null;
  /** A new sheet is stored only while this session is open (checked in the transaction). Null: no check. */
  requireOpenSession: string | null;
}

export type StoreSheetResult = SubmitSheetResult | { status: 'refused'; reason: 'token_used' | 'session_not_open' };
