/** A session as the office watches it: its record plus the counts the tally derives from the ballots. */
import { listSessions } from '../db/repositories/sessions.js';
import type { SessionTally } from '../domain/results.js';
import type { AppContext } from './context.js';
import { computeTally } from './compute-results.js';
import { requireSession } from './manage-sessions.js';

export async function sessionsOverview(ctx: AppContext, campaignId: string) {
  const { tally } = await computeTally(ctx, campaignId);
  const records = await listSessions(ctx.database.db, campaignId);
  return records.map((s) => ({ ...s, counts: tally.sessions.find((t) => t.sessionId === s.id) ?? null }));
}

export async function sessionOverview(ctx: AppContext, sessionId: string): Promise<{ counts: SessionTally | null } & Awaited<ReturnType<typeof requireSession>>> {
  const session = await requireSession(ctx, sessionId);
  const { tally } = await computeTally(ctx, session.campaignId);
  return { ...session, counts: tally.sessions.find((t) => t.sessionId === sessionId) ?? null };
}
