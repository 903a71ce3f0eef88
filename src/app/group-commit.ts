/**
 * Group commit (成批提交): many concurrent callers share one flush. Pure queueing, no storage: `flush` gets every
 * item queued so far and answers one outcome per item, in order.
 *
 * Natural batching: a flush starts at the end of the event-loop turn in which the queue became non-empty, when no
 * flush is in flight; everything that arrives while a flush runs waits for the next one. A lone caller waits for
 * nothing but its own flush (no timer), and under load batches grow by themselves to what arrived during one flush.
 */

export type Outcome<O> = { ok: true; value: O } | { ok: false; error: unknown };

export interface GroupCommitOptions<I, O> {
  /** Answers one outcome per item, in the order given. Throwing fails every item of this flush. */
  flush(items: readonly I[]): Promise<readonly Outcome<O>[]>;
  /** Most items per flush; the rest wait for the next (bounds the size of one transaction). Default 1000. */
  maxBatch?: number;
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
  #queue: Waiting<I, O>[] = [];
  #running = false;
  #idle: (() => void)[] = [];
  readonly stats: GroupCommitStats = { flushes: 0, items: 0, largestFlush: 0 };

  constructor(options: GroupCommitOptions<I, O>) {
    this.#flush = options.flush;
    this.#maxBatch = Math.max(1, options.maxBatch ?? 1000);
  }

  /** Resolves with the item's outcome once the flush that carried it has finished. */
  submit(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.#queue.push({ item, resolve, reject });
      if (!this.#running) {
        this.#running = true;
        setImmediate(() => void this.#drain());
      }
    });
  }

  /** Items waiting for a flush (not counting the one in flight). */
  get pending(): number {
    return this.#queue.length;
  }

  /** Resolves when nothing is queued or in flight (e.g. before closing the database). */
  idle(): Promise<void> {
    if (!this.#running) return Promise.resolve();
    return new Promise((resolve) => this.#idle.push(resolve));
  }

  async #drain(): Promise<void> {
    try {
      while (this.#queue.length > 0) {
        const batch = this.#queue.splice(0, this.#maxBatch);
        this.stats.flushes++;
        this.stats.items += batch.length;
        this.stats.largestFlush = Math.max(this.stats.largestFlush, batch.length);
        let outcomes: readonly Outcome<O>[];
        try {
          outcomes = await this.#flush(batch.map((w) => w.item));
          if (outcomes.length !== batch.length) throw new Error(`flush answered ${outcomes.length} outcomes for ${batch.length} items`);
        } catch (error) {
          for (const w of batch) w.reject(error);
          continue;
        }
        batch.forEach((w, i) => {
          const outcome = outcomes[i]!;
          if (outcome.ok) w.resolve(outcome.value);
          else w.reject(outcome.error);
        });
      }
    } finally {
      this.#running = false;
      for (const resolve of this.#idle.splice(0)) resolve();
    }
  }
}
