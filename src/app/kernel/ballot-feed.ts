import type { Ballot } from '../../domain/types.js';
import { Feed } from './feed.js';

/**
 * 选票动态: an in-process signal that ballots were committed, for the live big screen and the results cache. Carries
 * where to look again, and — from this server's own writers — the ballots as stored, which the results cache adds to
 * its running tally instead of reading them back. The ballot write paths call `ctx.ballotFeed.emit(…)` after their
 * commit; a listener that throws never reaches the writer. Made once per context (createAppContext).
 */
export interface BallotsStored {
  /** The session whose counts changed; null when the writer does not know it (listeners then refresh every session). */
  sessionId: string | null;
  /** Committed by another server (announced through the change relay): not to be announced again. */
  remote?: boolean;
  /**
   * The ballots replace an earlier revision of their sheet (an observation tour's sheet, or a review meeting's counting score), so
   * this is not a pure append: whatever counts ballots counts the campaign again from scratch.
   */
  revised?: boolean;
  /** The ballots committed, with the ids they are stored under, when the writer knows them (never sent to others). */
  ballots?: readonly Ballot[];
  /**
   * Another server's: the ids of the ballots it stored, as its announcement named them (change-relay.ts). Absent: not
   * known, and whatever counts ballots looks for them in the session.
   */
  ballotIds?: readonly string[];
}

export type BallotListener = (event: BallotsStored) => void;

export class BallotFeed extends Feed<BallotsStored> {}
