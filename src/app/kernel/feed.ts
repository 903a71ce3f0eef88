/**
 * An in-process signal with listeners: fired after something was committed (ballots, check-ins), carrying where to
 * look again, never content. A listener that throws never reaches the one who fired it.
 */
export class Feed<E> {
  private readonly listeners = new Set<(event: E) => void>();

  /** Returns the unsubscribe function. */
  on(listener: (event: E) => void): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  emit(event: E): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch {
        // A screen's failure must never fail what was already committed.
      }
    }
  }

  get size(): number {
    return this.listeners.size;
  }
}
