/**
 * A session as the office watches it: its record, the counts the tally derives from the ballots (issued, returned,
 * valid, invalid, abstentions) and its verdict — quorum and over-return, explained in zh and en.
 */
import { listSessions, type SessionRecord } from '../db/repositories/sessions.js';
import type { SessionTally } from '../domain/results.js';
import type { AppContext } from './context.js';
import { computeTally } from './compute-results.js';
import { requireSession } from './manage-sessions.js';
import { sessionVerdict, type SessionVerdict } from './session-verdict.js';

export type SessionOverview = SessionRecord & { counts: SessionTally | null; verdict: SessionVerdict | null };

function withCounts(s: SessionRecord, counts: SessionTally | undefined): SessionOverview {
  return { ...s, counts: counts ?? null, verdict: counts ? sessionVerdict(counts, s.present) : null };
}

export async function sessionsOverview(ctx: AppContext, campaignId: string): Promise<SessionOverview[]> {
  const { tally } = await computeTally(ctx, campaignId);
  const records = await listSessions(ctx.database.db, campaignId);
  return records.map((s) => withCounts(s, tally.sessions.find((t) => t.sessionId === s.id)));
}

export async function sessionOverview(ctx: AppContext, sessionId: string): Promise<SessionOverview> {
  const session = await requireSession(ctx, sessionId);
  const { tally } = await computeTally(ctx, session.campaignId);
  return withCounts(session, tally.sessions.find((t) => t.sessionId === sessionId));
}
