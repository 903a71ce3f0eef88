/**
 * A session as the office watches it: its record, the counts the tally derives from the ballots (issued, returned,
 * valid, invalid, abstentions) and its verdict — quorum and over-return, explained in zh and en.
 */
import type { SessionOverview } from '../../contracts/sessions.js';
import { returnedSheetsByGroup } from '../../db/repositories/ballots.js';
import { listSessions, type SessionRecord } from '../../db/repositories/sessions.js';
import type { SessionTally } from '../../domain/results.js';
import { sessionVerdict } from '../../domain/session-verdict.js';
import type { CampaignDefinition } from '../../domain/types.js';
import type { AppContext } from '../context.js';
import { computeTally } from '../results/compute-results.js';
import { requireSession } from './require-session.js';
import { sessionView } from './session-view.js';

function withCounts(def: CampaignDefinition, s: SessionRecord, counts: SessionTally | undefined, returned: Record<string, number>): SessionOverview {
  const issued = def.sessions.find((d) => d.id === s.id)?.issued ?? {};
  const ids = [...new Set([...Object.keys(s.expected), ...Object.keys(issued), ...Object.keys(returned)])];
  const groups = ids.map((groupId) => ({
    groupId,
    name: def.raterGroups.find((g) => g.id === groupId)?.name ?? groupId,
    expected: s.expected[groupId] ?? 0,
    issued: issued[groupId] ?? 0,
    returned: returned[groupId] ?? 0,
  }));
  return { ...sessionView(s), counts: counts ?? null, verdict: counts ? sessionVerdict(counts, s.present) : null, groups };
}

export async function sessionsOverview(ctx: AppContext, campaignId: string): Promise<SessionOverview[]> {
  const { def, tally } = await computeTally(ctx, campaignId);
  const records = await listSessions(ctx.database.db, campaignId);
  const returned = await returnedSheetsByGroup(ctx.database.db, campaignId);
  return records.map((s) => withCounts(def, s, tally.sessions.find((t) => t.sessionId === s.id), returned.get(s.id) ?? {}));
}

export async function sessionOverview(ctx: AppContext, sessionId: string): Promise<SessionOverview> {
  const session = await requireSession(ctx, sessionId);
  const { def, tally } = await computeTally(ctx, session.campaignId);
  const returned = await returnedSheetsByGroup(ctx.database.db, session.campaignId);
  return withCounts(def, session, tally.sessions.find((t) => t.sessionId === sessionId), returned.get(sessionId) ?? {});
}
