/**
 * Token look-ups of one event-loop turn in one query. Every submission and redemption starts by finding its token,
 * and in a room of raters submitting at once those look-ups come in bursts. Look-ups that arrive in the same turn
 * share one `WHERE token_hash IN (…)`:
 * - on PostgreSQL each look-up was a round trip that also woke a server process;
 * - on SQLite each was a read transaction of its own, and while the writer thread commits ~100 times a second every
 *   first read after a commit starts on an emptied page cache (SQLite drops it when another connection has written)
 *   and reads its pages back from the WAL: ~35 µs a look-up under load, ~10 µs a look-up in a batch (bench:room
 *   sustained: main-thread CPU per sheet 0.256 → 0.205 ms).
 * A found token is a snapshot either way: its status is decided again where the sheet is stored.
 * One query per column runs at a time, as in group commit: what arrives while it runs shares the next one. On
 * PostgreSQL a query takes a round trip, during which a room's next look-ups used to go out one turn each (bench:room
 * at 21,000 raters: PostgreSQL's CPU per rater 0.245 → 0.231 ms in alternating runs).
 *
 * A phone redeems its link (the form) and then submits it, so a room looked every token up twice. A token found
 * issued, in an open session, when its form was served is kept here by its link's hash (`keepRedeemed`), and the
 * submission takes it back (`takeRedeemed`) instead of reading it again. What is kept is a snapshot, and only a hint:
 * where the sheet is stored, the token is claimed only while still issued and its session still open
 * (store-sheets.ts), and any answer but a stored sheet or a re-send sends the submission back to a fresh read
 * (submit-online.ts). Bounded: the oldest is dropped past `KEPT_REDEEMED`; a token redeemed on another server, or
 * dropped, is read as before.
 */
import type { Database } from '../../db/database.js';
import { findTokensBy, type FoundToken } from '../../db/repositories/tokens.js';

type Column = 'token_hash' | 'code_hash';

interface Waiting {
  hash: string;
  resolve(token: FoundToken | null): void;
  reject(error: unknown): void;
}

/** Redeemed tokens kept for their submission: a province's room at once, ~300 bytes each. */
export const KEPT_REDEEMED = 50_000;

export class TokenLookup {
  readonly #database: Database;
  /** Tokens whose form was served, by link hash, oldest first (a Map keeps insertion order). */
  readonly #redeemed = new Map<string, FoundToken>();
  readonly #query: typeof findTokensBy;
  readonly #queued: Record<Column, Waiting[]> = { token_hash: [], code_hash: [] };
  /** A query per column at a time: look-ups that arrive while one runs wait for it and share the next. */
  readonly #running: Record<Column, boolean> = { token_hash: false, code_hash: false };
  /** Queries run (for tests and benchmarks). */
  queries = 0;

  /** `find`: how a batch is looked up (a test may hold it to see what waits). */
  constructor(database: Database, find: typeof findTokensBy = findTokensBy) {
    this.#database = database;
    this.#query = find;
  }

  byTokenHash(hash: string): Promise<FoundToken | null> {
    return this.#find('token_hash', hash);
  }

  byCodeHash(hash: string): Promise<FoundToken | null> {
    return this.#find('code_hash', hash);
  }

  /** Keeps a token whose form was just served from a fresh read, for its submission (see the file's comment). */
  keepRedeemed(token: FoundToken): void {
    if (token.status !== 'issued' || token.sessionStatus !== 'open') return;
    this.#redeemed.delete(token.tokenHash);
    this.#redeemed.set(token.tokenHash, token);
    if (this.#redeemed.size > KEPT_REDEEMED) this.#redeemed.delete(this.#redeemed.keys().next().value!);
  }

  /** The token kept at its redemption, once: a second submission with it reads it again. */
  takeRedeemed(tokenHash: string): FoundToken | null {
    const token = this.#redeemed.get(tokenHash);
    if (!token) return null;
    this.#redeemed.delete(tokenHash);
    return token;
  }

  #find(column: Column, hash: string): Promise<FoundToken | null> {
    return new Promise((resolve, reject) => {
      const queue = this.#queued[column];
      queue.push({ hash, resolve, reject });
      if (queue.length === 1 && !this.#running[column]) setImmediate(() => void this.#flush(column));
    });
  }

  async #flush(column: Column): Promise<void> {
    const batch = this.#queued[column];
    this.#queued[column] = [];
    this.#running[column] = true;
    this.queries++;
    try {
      const found = await this.#query(this.#database.db, column, batch.map((w) => w.hash));
      for (const w of batch) w.resolve(found.get(w.hash) ?? null);
    } catch (error) {
      for (const w of batch) w.reject(error);
    } finally {
      this.#running[column] = false;
      if (this.#queued[column].length > 0) setImmediate(() => void this.#flush(column));
    }
  }
}
