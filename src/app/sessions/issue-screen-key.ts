/** 大屏密钥: a key for a session's big screen link, shown once, stored hashed. */
import { insertScreenKey } from '../../db/repositories/screen-keys.js';
import { inTransaction } from '../../db/repositories/shared.js';
import type { AppContext } from '../context.js';
import { requireSession } from './require-session.js';
import type { Actor } from '../policies/roles.js';
import { recordAudit } from '../kernel/record-audit.js';
import { newId, newSecret, sha256Hex } from '../kernel/secrets.js';
import type { ScreenKey } from '../../contracts/screen.js';

/** `baseUrl`: the public address (app/settings), so the link opens on the room's projector, not only on this computer. */
export async function issueScreenKey(ctx: AppContext, actor: Actor, sessionId: string, baseUrl: string): Promise<ScreenKey> {
  await requireSession(ctx, sessionId);
  const key = newSecret();
  const keyId = newId('sk');
  await inTransaction(ctx.database.db, async (trx) => {
    await insertScreenKey(trx, { id: keyId, sessionId, keyHash: sha256Hex(key), createdAt: ctx.clock().toISOString() });
    await recordAudit(trx, ctx, actor, 'screen.key.issue', 'session', sessionId, { keyId });
  });
  const path = `/screen/${encodeURIComponent(sessionId)}?key=${key}`;
  return { keyId, key, path, url: `${baseUrl.replace(/\/+$/, '')}${path}` };
}
