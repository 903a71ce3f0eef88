/**
 * 大屏密钥: a per-session, read-only key for the live big screen. The screen is a browser on a projector, with no
 * account: its URL carries the key (/screen/<sessionId>?key=…), which lets it read that one session's board and
 * nothing else. Only its sha-256 hash is stored (screen_keys); issuance and revocation are audited. Revoking removes
 * every key of the session at once.
 */
import { AppError } from '../../contracts/errors.js';
import { MESSAGES } from '../../contracts/messages.js';
import { insertScreenKey, isLiveScreenKey, revokeScreenKeysOf } from '../../db/repositories/screen-keys.js';
import { inTransaction } from '../../db/repositories/shared.js';
import type { AppContext } from '../context.js';
import { requireSession } from './require-session.js';
import type { Actor } from '../policies/roles.js';
import { recordAudit } from '../kernel/record-audit.js';
import { newId, newSecret, sha256Hex } from '../kernel/secrets.js';
import type { ScreenKey } from '../../contracts/screen.js';

export async function issueScreenKey(ctx: AppContext, actor: Actor, sessionId: string): Promise<ScreenKey> {
  await requireSession(ctx, sessionId);
  const key = newSecret();
  const keyId = newId('sk');
  await inTransaction(ctx.database.db, async (trx) => {
    await insertScreenKey(trx, { id: keyId, sessionId, keyHash: sha256Hex(key), createdAt: ctx.clock().toISOString() });
    await recordAudit(trx, ctx, actor, 'screen.key.issue', 'session', sessionId, { keyId });
  });
  return { keyId, key, path: `/screen/${encodeURIComponent(sessionId)}?key=${key}` };
}

export async function revokeScreenKeys(ctx: AppContext, actor: Actor, sessionId: string): Promise<void> {
  await requireSession(ctx, sessionId);
  await inTransaction(ctx.database.db, async (trx) => {
    const revoked = await revokeScreenKeysOf(trx, sessionId, ctx.clock().toISOString());
    await recordAudit(trx, ctx, actor, 'screen.key.revoke', 'session', sessionId, { revoked });
  });
}

/** Refuses a missing, wrong or revoked key with 401; the same answer for an unknown session, so keys cannot be probed. */
export async function requireScreenKey(ctx: AppContext, sessionId: string, key: string | undefined): Promise<void> {
  const refuse = () => new AppError('unauthenticated', { message: MESSAGES.screenKeyRefused });
  if (!key || !/^[A-Za-z0-9_-]{16,64}$/.test(key)) throw refuse();
  if (!(await isLiveScreenKey(ctx.database.db, sessionId, sha256Hex(key)))) throw refuse();
}
