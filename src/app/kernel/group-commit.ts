/**
 * Group commit (成批提交): many concurrent callers share one flush. Pure queueing, no storage: `flush` gets every
 * item queued so far and answers one outcome per item, in order.
 *
 * Natural batching: a flush starts at the end of the event-loop turn in which the queue became non-empty, when a
 * flush slot is free (one by default); everything that arrives while the slots are busy waits for the next flush. A
 * lone caller waits for nothing but its own flush (no timer), and under load batches grow by themselves to what
 * arrived during one flush. With `concurrency` > 1 a storage that can run transactions side by side (PostgreSQL)
 * overlaps one batch's commit with the next batch's statements.
 */

export type Outcome<O> = { ok: true; value: O } | { ok: false; error: unknown };

export interface GroupCommitOptions<I, O> {
  /** Answers one outcome per item, in the order given. Throwing fails every item of this flush. */
  flush(items: readonly I[]): Promise<readonly Outcome<O>[]>;
  /** Most items per flush; the rest wait for the next (bounds the size of one transaction). Default 1000. */
  maxBatch?: number;
  /** Flushes in flight at once. Default 1. */
  concurrency?: number;
}

export interface GroupCommitStats {
  flushes: number;
  items: number;
  largestFlush: number;
}

interface Waiting<I, O> {
  item: I;
  resolve(value: O): void;
  reject(error: unknown): void;
}

export class GroupCommit<I, O> {
  readonly #flush: GroupCommitOptions<I, O>['flush'];
  readonly #maxBatch: number;
  readonly #concurrency: number;
  #queue: Waiting<I, O>[] = [];
  /** Flushes running. */
  #inFlight = 0;
  /** A flush is about to start at the end of this turn. */
  #scheduled = false;
  #idle: (() => void)[] = [];
  readonly stats: GroupCommitStats = { flushes: 0, items: 0, largestFlush: 0 };

  constructor(options: GroupCommitOptions<I, O>) {
    this.#flush = options.flush;
    this.#maxBatch = Math.max(1, options.maxBatch ?? 1000);
    this.#concurrency = Math.max(1, options.concurrency ?? 1);
  }

  /** Resolves with the item's outcome once the flush that carried it has finished. */
  submit(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.#queue.push({ item, resolve, reject });
      this.#schedule();
    });
  }

  /** Items waiting for a flush (not counting those in flight). */
  get pending(): number {
    return this.#queue.length;
  }

  /** Resolves when nothing is queued or in flight (e.g. before closing the database). */
  idle(): Promise<void> {
    if (this.#inFlight === 0 && !this.#scheduled && this.#queue.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.#idle.push(resolve));
  }

  /** Starts a flush at the end of this turn when a slot is free and something waits. */
  #schedule(): void {
    if (this.#scheduled || this.#queue.length === 0 || this.#inFlight >= this.#concurrency) return;
    this.#scheduled = true;
    setImmediate(() => {
      this.#scheduled = false;
      if (this.#queue.length === 0 || this.#inFlight >= this.#concurrency) return this.#settle();
      const batch = this.#queue.splice(0, this.#maxBatch);
      this.#inFlight++;
      void this.#run(batch).finally(() => {
        this.#inFlight--;
        this.#schedule();
        this.#settle();
      });
      // Another slot may take what is left over a full batch.
      this.#schedule();
    });
  }

  #settle(): void {
    if (this.#inFlight === 0 && !this.#scheduled && this.#queue.length === 0) for (const resolve of this.#idle.splice(0)) resolve();
  }

  async #run(batch: Waiting<I, O>[]): Promise<void> {
    this.stats.flushes++;
    this.stats.items += batch.length;
    this.stats.largestFlush = Math.max(this.stats.largestFlush, batch.length);
    let outcomes: readonly Outcome<O>[];
    try {
      outcomes = await this.#flush(batch.map((w) => w.item));
      if (outcomes.length !== batch.length) throw new Error(`flush answered ${outcomes.length} outcomes for ${batch.length} items`);
    } catch (error) {
      for (const w of batch) w.reject(error);
      return;
    }
    batch.forEach((w, i) => {
      const outcome = outcomes[i]!;
      if (outcome.ok) w.resolve(outcome.value);
      else w.reject(outcome.error);
    });
  }
}
