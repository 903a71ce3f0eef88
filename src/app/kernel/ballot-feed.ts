/**
 * 选票动态: an in-process signal that ballots were committed, for the live big screen. Carries no ballot content,
 * only where to look again. The ballot write paths call `ctx.ballotFeed.emit(…)` after their commit; a listener that
 * throws never reaches the writer. Made once per context (createAppContext).
 */
export interface BallotsStored {
  /** The session whose counts changed; null when the writer does not know it (listeners then refresh every session). */
  sessionId: string | null;
}

export type BallotListener = (event: BallotsStored) => void;

export class BallotFeed {
  private readonly listeners = new Set<BallotListener>();

  /** Returns the unsubscribe function. */
  on(listener: BallotListener): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  emit(event: BallotsStored): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch {
        // A screen's failure must never fail the ballot that was already committed.
      }
    }
  }

  get size(): number {
    return this.listeners.size;
  }
}
