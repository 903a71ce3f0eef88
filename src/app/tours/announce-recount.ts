/**
 * What a tour changes in the counting (a sheet, which may replace an earlier revision; a review meeting's score or
 * the group that makes it count; a tour removed) is announced like stored ballots, marked `revised`: caches recount
 * rather than add, and the change relay tells the other servers.
 */
import type { AppContext } from '../context.js';

export function announceRecount(ctx: AppContext, sessionId: string): void {
  ctx.ballotFeed.emit({ sessionId, revised: true });
}
