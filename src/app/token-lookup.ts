/**
 * Token look-ups of one event-loop turn in one query. Every submission and redemption starts by finding its token;
 * on PostgreSQL each look-up is a round trip that also wakes a server process, and in a room of raters submitting at
 * once that was a query per sheet beside the few per batch of the group commit. Look-ups that arrive in the same turn
 * now share one `WHERE token_hash IN (…)`. On SQLite a look-up is a native statement of ~15 µs: it stays direct.
 * A found token is a snapshot either way: its status is decided again where the sheet is stored.
 */
import type { Database } from '../db/database.js';
import { findTokenByCodeHash, findTokenByHash, findTokensBy, type Token } from '../db/repositories/tokens.js';

type Column = 'token_hash' | 'code_hash';

interface Waiting {
  hash: string;
  resolve(token: Token | null): void;
  reject(error: unknown): void;
}

export class TokenLookup {
  readonly #database: Database;
  readonly #queued: Record<Column, Waiting[]> = { token_hash: [], code_hash: [] };
  /** Queries run (for tests and benchmarks). */
  queries = 0;

  constructor(database: Database) {
    this.#database = database;
  }

  byTokenHash(hash: string): Promise<Token | null> {
    return this.#find('token_hash', hash);
  }

  byCodeHash(hash: string): Promise<Token | null> {
    return this.#find('code_hash', hash);
  }

  #find(column: Column, hash: string): Promise<Token | null> {
    if (this.#database.kind === 'sqlite') {
      this.queries++;
      return column === 'token_hash' ? findTokenByHash(this.#database.db, hash) : findTokenByCodeHash(this.#database.db, hash);
    }
    return new Promise((resolve, reject) => {
      const queue = this.#queued[column];
      queue.push({ hash, resolve, reject });
      if (queue.length === 1) setImmediate(() => void this.#flush(column));
    });
  }

  async #flush(column: Column): Promise<void> {
    const batch = this.#queued[column];
    this.#queued[column] = [];
    this.queries++;
    try {
      const found = await findTokensBy(this.#database.db, column, batch.map((w) => w.hash));
      for (const w of batch) w.resolve(found.get(w.hash) ?? null);
    } catch (error) {
      for (const w of batch) w.reject(error);
    }
  }
}

const lookups = new WeakMap<Database, TokenLookup>();

/** The look-up shared by every request on this database. */
export function tokenLookupFor(database: Database): TokenLookup {
  let lookup = lookups.get(database);
  if (!lookup) lookups.set(database, (lookup = new TokenLookup(database)));
  return lookup;
}
