/**
 * 登录节流 (login-rules.ts): failed passwords counted per (username typed, client address); from the fifth on, each
 * locks that pair for a growing while. A lock refuses that address on that username only, the right password
 * included; every other address goes on as before. The admin sees the pairs and can lift a lock (accounts routes).
 */
import { AppError } from '../../contracts/errors.js';
import { getLoginFailure, putLoginFailure } from '../../db/repositories/login.js';
import { inTransaction } from '../../db/repositories/shared.js';
import type { AppContext } from '../context.js';
import type { Actor } from '../policies/roles.js';
import { recordAudit } from '../kernel/record-audit.js';
import { FORGET_MS, isLocked, lockAfter } from './login-rules.js';

/** The address a failure is counted under: the client's, or one shared bucket when it is unknown. */
export function loginAddress(ip: string | null): string {
  return ip ?? 'unknown';
}

/** Throws login_locked while `username` is locked for this address (auditing the refused attempt). */
export async function assertNotLocked(ctx: AppContext, username: string, ip: string | null): Promise<void> {
  const now = ctx.clock();
  const failure = await getLoginFailure(ctx.database.db, username, loginAddress(ip));
  if (!isLocked(failure, now)) return;
  await recordAudit(ctx.database.db, ctx, 'anonymous', 'auth.login.locked', 'login', null, { username, ip, lockedUntil: failure!.locked_until });
  throw new AppError('login_locked');
}

/** Counts a failed password for `username` from `ip`; returns true when this failure locked the pair. */
export async function countFailure(ctx: AppContext, username: string, ip: string | null, audit: { actor: Actor | 'anonymous'; action: string; detail: Record<string, unknown> }): Promise<boolean> {
  const now = ctx.clock();
  const address = loginAddress(ip);
  return inTransaction(ctx.database.db, async (trx) => {
    const previous = await getLoginFailure(trx, username, address);
    const forgotten = !previous || now.getTime() - Date.parse(previous.last_failed_at) > FORGET_MS;
    const failures = (forgotten ? 0 : previous.failures) + 1;
    const lockMs = lockAfter(failures);
    const lockedUntil = lockMs > 0 ? new Date(now.getTime() + lockMs).toISOString() : null;
    await putLoginFailure(trx, { username, address, failures, last_failed_at: now.toISOString(), locked_until: lockedUntil });
    await recordAudit(trx, ctx, audit.actor, audit.action, 'login', null, { username, ...audit.detail, failures });
    if (lockedUntil) await recordAudit(trx, ctx, audit.actor, 'auth.lockout', 'login', null, { username, lockedUntil, ip });
    return lockedUntil !== null;
  });
}
