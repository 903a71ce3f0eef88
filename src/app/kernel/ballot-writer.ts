/**
 * The write path of online ballots: concurrent submissions share one transaction (group commit), and each is
 * acknowledged only after that transaction has committed. Per sheet the answers are those of submitSheet (see
 * store-sheets.ts). When a batch's transaction fails, its sheets are retried one by one, each in its own
 * transaction, so one bad sheet (or one failed commit) costs the others a retry, never their ballot.
 *
 * The writer gives the ballots their ids: the ballots of one commit share a random key (decision 0009), so they are
 * stored side by side in the ballot tables' B-trees instead of on as many scattered pages as there are ballots.
 */
import type { Database, Db } from '../../db/database.js';
import { storeSheets, type StoreSheetsOptions } from '../../db/repositories/store-sheets.js';
import type { SheetToStore, StoreSheetResult } from '../../db/records.js';
import { sqliteFileOf } from '../../db/dialect/index.js';
import { GroupCommit, type GroupCommitStats, type Outcome } from './group-commit.js';
import { ballotIdInCommit, newCommitKey } from './secrets.js';
import { SqliteBallotThread } from './sqlite-ballot-thread.js';

export interface BallotWriterOptions {
  /** false: every sheet in its own transaction, immediately — the naive path, kept for comparison. Default true. */
  groupCommit?: boolean;
  /** Most sheets per transaction. Default 1000. */
  maxBatch?: number;
  /**
   * Transactions in flight at once. Default 1, on both engines (createBallotWriter). More are safe on PostgreSQL: two
   * batches never store one sheet twice — the unique sheet index and the single-use token row make the later one
   * wait and then answer `duplicate` (or `refused`), as for a re-send. But since a batch is one statement there, two
   * in flight made batches half as large and slower (bench:room sustained: ~6,100 against ~7,000 ballots/s).
   */
  concurrency?: number;
  /** Runs last in every storing transaction; throwing rolls it back. A seam for tests (a failing commit). */
  beforeCommit?: StoreSheetsOptions['beforeCommit'];
  /** Where a batch is stored; default storeSheets on `db` in this thread (SqliteBallotThread: off the main thread). */
  store?: (sheets: readonly SheetToStore[]) => Promise<StoreSheetResult[]>;
  /** Called by close(), e.g. to end a writer thread. */
  onClose?: () => Promise<void>;
  /** The SQLite writer thread this writer commits on, for other writers to commit on too (check-ins). */
  thread?: SqliteBallotThread;
}

export class BallotWriter {
  readonly #store: (sheets: readonly SheetToStore[]) => Promise<StoreSheetResult[]>;
  readonly #onClose: (() => Promise<void>) | undefined;
  readonly #batcher: GroupCommit<SheetToStore, StoreSheetResult> | null;
  /** SQLite on a file: the thread commits run on (createBallotWriter); null when they run in this thread. */
  readonly thread: SqliteBallotThread | null;

  constructor(db: Db, options: BallotWriterOptions = {}) {
    const storeOptions: StoreSheetsOptions = options.beforeCommit ? { beforeCommit: options.beforeCommit } : {};
    this.#store = options.store ?? ((sheets) => storeSheets(db, sheets, storeOptions));
    this.#onClose = options.onClose;
    this.thread = options.thread ?? null;
    this.#batcher =
      options.groupCommit === false
        ? null
        : new GroupCommit({ flush: (sheets) => this.#flush(sheets), maxBatch: options.maxBatch ?? 1000, concurrency: options.concurrency ?? 1 });
  }

  /**
   * Stores one sheet; resolves after the commit that made it durable (or found it stored before). The sheet's ballots
   * are given their ids here (decision 0009): once stored, `sheet.ballots` hold the ids they are stored under.
   */
  async submit(sheet: SheetToStore): Promise<StoreSheetResult> {
    if (this.#batcher) return this.#batcher.submit(sheet);
    const [result] = await this.#store(keyedForCommit([sheet]));
    return result!;
  }

  /** Resolves when no batch is queued or in flight. */
  idle(): Promise<void> {
    return this.#batcher?.idle() ?? Promise.resolve();
  }

  /** Waits for what is queued, then ends the writer (and its thread, if any). */
  async close(): Promise<void> {
    await this.idle();
    await this.#onClose?.();
  }

  get stats(): GroupCommitStats | null {
    return this.#batcher ? { ...this.#batcher.stats } : null;
  }

  async #flush(batch: readonly SheetToStore[]): Promise<Outcome<StoreSheetResult>[]> {
    const sheets = keyedForCommit(batch);
    let outcomes: Outcome<StoreSheetResult>[];
    try {
      outcomes = (await this.#store(sheets)).map((value) => ({ ok: true, value }));
    } catch (error) {
      if (sheets.length === 1) return [{ ok: false, error }];
      // Nothing of the batch was stored. One by one, in order, each sheet gets its own transaction and fate.
      outcomes = [];
      for (const sheet of sheets) {
        try {
          outcomes.push({ ok: true, value: (await this.#store([sheet]))[0]! });
        } catch (e) {
          outcomes.push({ ok: false, error: e });
        }
      }
    }
    return outcomes;
  }
}

/**
 * Names the sheets' ballots under one fresh commit key, in place: the rows are the writer's once submitted, and the
 * submitter reads the ids they were stored under from them after the commit. A retry of a failed batch keeps them:
 * the key only places ballots, so sheets retried one by one may share it.
 */
function keyedForCommit(sheets: readonly SheetToStore[]): readonly SheetToStore[] {
  const key = newCommitKey();
  for (const s of sheets) for (const b of s.ballots) b.id = ballotIdInCommit(key);
  return sheets;
}

/**
 * The writer a server should use: on a SQLite file, batches are committed on a thread of their own (see
 * sqlite-ballot-thread.ts), one at a time (SQLite has one writer); on PostgreSQL the server process does the fsync,
 * so in-process is already off-thread. (A PostgreSQL writer thread was measured too: once a batch is one statement —
 * store-sheets.ts — it gained nothing and cost ~0.03 ms of CPU a sheet.)
 */
export function createBallotWriter(database: Database, options: Omit<BallotWriterOptions, 'store' | 'onClose'> = {}): BallotWriter {
  if (database.kind === 'postgres') return new BallotWriter(database.db, options);
  const file = sqliteFileOf(database.db);
  if (!file || options.beforeCommit) return new BallotWriter(database.db, options);
  const thread = new SqliteBallotThread(file);
  return new BallotWriter(database.db, { ...options, store: (sheets) => thread.store(sheets), onClose: () => thread.close(), thread });
}
