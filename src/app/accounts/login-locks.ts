/**
 * 登录锁定的查看与解除: the admin sees which (username, address) pairs failed lately and which are locked, and lifts a
 * lock — for instance for an organiser whose colleague typed wrong passwords on their shared computer.
 */
import type { LoginLock } from '../../contracts/accounts.js';
import { clearLoginFailures, listLoginFailures } from '../../db/repositories/login.js';
import { inTransaction } from '../../db/repositories/shared.js';
import type { AppContext } from '../context.js';
import { recordAudit } from '../kernel/record-audit.js';
import type { Actor } from '../policies/roles.js';
import { FORGET_MS, isLocked, normaliseUsername } from './login-rules.js';

export async function listLoginLocks(ctx: AppContext): Promise<LoginLock[]> {
  const now = ctx.clock();
  const rows = await listLoginFailures(ctx.database.db, new Date(now.getTime() - FORGET_MS).toISOString());
  return rows.map((r) => ({ username: r.username, address: r.address, failures: r.failures, lastFailedAt: r.last_failed_at, lockedUntil: r.locked_until, locked: isLocked(r, now) }));
}

export async function liftLoginLock(ctx: AppContext, actor: Actor, input: { username: string; address?: string | undefined }): Promise<{ lifted: number }> {
  const username = normaliseUsername(input.username);
  return inTransaction(ctx.database.db, async (trx) => {
    const lifted = await clearLoginFailures(trx, username, input.address ?? null);
    await recordAudit(trx, ctx, actor, 'auth.lock.lift', 'login', null, { username, address: input.address ?? null, lifted });
    return { lifted };
  });
}
