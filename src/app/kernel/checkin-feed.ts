/**
 * 签到动态: an in-process signal that a check-in (or 请假, 补签) was stored, for the live counts in the console and on
 * venue screens. Carries where to look again, never who. Made once per context (createAppContext).
 */
export interface CheckinStored {
  classId: string;
  lessonId: string;
}

export type CheckinListener = (event: CheckinStored) => void;

export class CheckinFeed {
  private readonly listeners = new Set<CheckinListener>();

  /** Returns the unsubscribe function. */
  on(listener: CheckinListener): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  emit(event: CheckinStored): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch {
        // A screen's failure must never fail the check-in that was already stored.
      }
    }
  }
}
