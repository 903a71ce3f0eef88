/** Refuses a big screen whose key is unknown or revoked. */
import { AppError } from '../../contracts/errors.js';
import { MESSAGES } from '../../contracts/messages.js';
import { isLiveScreenKey } from '../../db/repositories/screen-keys.js';
import type { AppContext } from '../context.js';
import { sha256Hex } from '../kernel/secrets.js';

/** Refuses a missing, wrong or revoked key with 401; the same answer for an unknown session, so keys cannot be probed. */
export async function requireScreenKey(ctx: AppContext, sessionId: string, key: string | undefined): Promise<void> {
  const refuse = () => new AppError('unauthenticated', { message: MESSAGES.screenKeyRefused });
  if (!key || !/^[A-Za-z0-9_-]{16,64}$/.test(key)) throw refuse();
  if (!(await isLiveScreenKey(ctx.database.db, sessionId, sha256Hex(key)))) throw refuse();
}
