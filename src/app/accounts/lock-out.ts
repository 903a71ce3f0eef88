/** 锁定: failed passwords counted per username typed; five within the lock's length lock it for 15 minutes. */
import { AppError } from '../../contracts/errors.js';
import { getLoginFailure, putLoginFailure } from '../../db/repositories/login.js';
import { inTransaction } from '../../db/repositories/shared.js';
import type { AppContext } from '../context.js';
import type { Actor } from '../policies/roles.js';
import { recordAudit } from '../kernel/record-audit.js';
import { MAX_FAILURES, LOCK_MS, isLocked } from './login-rules.js';

/** Throws login_locked while `username` is locked out (auditing the refused attempt). */
export async function assertNotLocked(ctx: AppContext, username: string, ip: string | null): Promise<void> {
  const now = ctx.clock();
  const failure = await getLoginFailure(ctx.database.db, username);
  if (!isLocked(failure, now)) return;
  await recordAudit(ctx.database.db, ctx, 'anonymous', 'auth.login.locked', 'login', null, { username, ip, lockedUntil: failure!.locked_until });
  throw new AppError('login_locked');
}

/** Counts a failed password for `username`; returns true when this failure locked it. */
export async function countFailure(ctx: AppContext, username: string, audit: { actor: Actor | 'anonymous'; action: string; detail: Record<string, unknown> }): Promise<boolean> {
  const now = ctx.clock();
  return inTransaction(ctx.database.db, async (trx) => {
    const previous = await getLoginFailure(trx, username);
    // A lock that ran out, or failures older than a lock's length, start a fresh count.
    const stale = !previous || (previous.locked_until !== null && !isLocked(previous, now)) || now.getTime() - Date.parse(previous.last_failed_at) > LOCK_MS;
    const failures = (stale ? 0 : previous.failures) + 1;
    const lockedUntil = failures >= MAX_FAILURES ? new Date(now.getTime() + LOCK_MS).toISOString() : null;
    await putLoginFailure(trx, { username, failures: lockedUntil ? 0 : failures, last_failed_at: now.toISOString(), locked_until: lockedUntil });
    await recordAudit(trx, ctx, audit.actor, audit.action, 'login', null, { username, ...audit.detail, failures });
    if (lockedUntil) await recordAudit(trx, ctx, audit.actor, 'auth.lockout', 'login', null, { username, lockedUntil, ip: audit.detail.ip ?? null });
    return lockedUntil !== null;
  });
}
