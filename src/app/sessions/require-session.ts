/** Loads a session or answers 404. */
import { AppError } from '../../contracts/errors.js';
import { getSession, type SessionRecord } from '../../db/repositories/sessions.js';
import type { AppContext } from '../context.js';

export async function requireSession(ctx: AppContext, sessionId: string): Promise<SessionRecord> {
  const s = await getSession(ctx.database.db, sessionId);
  if (!s) throw new AppError('not_found', { message: { zh: `测评会 ${sessionId} 不存在`, en: `No session ${sessionId}` } });
  return s;
}
