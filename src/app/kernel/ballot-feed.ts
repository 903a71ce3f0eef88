import { Feed } from './feed.js';

/**
 * 选票动态: an in-process signal that ballots were committed, for the live big screen. Carries no ballot content,
 * only where to look again. The ballot write paths call `ctx.ballotFeed.emit(…)` after their commit; a listener that
 * throws never reaches the writer. Made once per context (createAppContext).
 */
export interface BallotsStored {
  /** The session whose counts changed; null when the writer does not know it (listeners then refresh every session). */
  sessionId: string | null;
  /** Committed by another server (announced through the change relay): not to be announced again. */
  remote?: boolean;
  /**
   * A tour sheet may replace an earlier revision (or a review meeting's counting score changed): caches must recount,
   * not add.
   */
  revised?: boolean;
}

export type BallotListener = (event: BallotsStored) => void;

export class BallotFeed extends Feed<BallotsStored> {}
