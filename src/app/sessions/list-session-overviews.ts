/** 测评会一览: every session of a campaign with counts, verdict and participation. */
import type { SessionOverview } from '../../contracts/sessions.js';
import { returnedSheetsByGroup } from '../../db/repositories/ballots.js';
import { listSessions } from '../../db/repositories/sessions.js';
import type { AppContext } from '../context.js';
import { computeTally } from '../results/compute-tally.js';
import { withCounts } from './session-counts.js';

export async function sessionsOverview(ctx: AppContext, campaignId: string): Promise<SessionOverview[]> {
  const { def, tally } = await computeTally(ctx, campaignId);
  const records = await listSessions(ctx.database.db, campaignId);
  const returned = await returnedSheetsByGroup(ctx.database.db, campaignId);
  return records.map((s) => withCounts(def, s, tally.sessions.find((t) => t.sessionId === s.id), returned.get(s.id) ?? {}));
}
