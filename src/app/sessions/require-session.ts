/** Loads a session or answers 404. */
import { notFound } from '../../contracts/messages.js';
import { getSession, type SessionRecord } from '../../db/repositories/sessions.js';
import type { AppContext } from '../context.js';

export async function requireSession(ctx: AppContext, sessionId: string): Promise<SessionRecord> {
  const s = await getSession(ctx.database.db, sessionId);
  if (!s) throw notFound('session', sessionId);
  return s;
}
