/** One session with counts, verdict and participation. */
import type { SessionOverview } from '../../contracts/sessions.js';
import { returnedSheetsByGroup } from '../../db/repositories/ballots.js';
import type { AppContext } from '../context.js';
import { computeTally } from '../results/compute-tally.js';
import { requireSession } from './require-session.js';
import { withCounts } from './session-counts.js';

export async function sessionOverview(ctx: AppContext, sessionId: string): Promise<SessionOverview> {
  const session = await requireSession(ctx, sessionId);
  const { def, tally } = await computeTally(ctx, session.campaignId);
  const returned = await returnedSheetsByGroup(ctx.database.db, session.campaignId);
  return withCounts(def, session, tally.sessions.find((t) => t.sessionId === sessionId), returned.get(sessionId) ?? {});
}
