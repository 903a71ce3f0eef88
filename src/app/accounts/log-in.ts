/**
 * 登录: password login into a cookie login session, throttled per (username typed, client address) (lock-out.ts). The answer to a failed login
 * is the same whether or not the username exists (same message, same scrypt cost, same lock-out); the audit log says
 * which it was, for the admin.
 */
import { randomBytes } from 'node:crypto';
import { AppError } from '../../contracts/errors.js';
import { findAccountByUsername } from '../../db/repositories/accounts.js';
import { clearLoginFailures, insertLoginSession } from '../../db/repositories/login.js';
import { inTransaction } from '../../db/repositories/shared.js';
import type { AppContext } from '../context.js';
import { decoyHash, verifyPassword } from './passwords.js';
import type { Actor } from '../policies/roles.js';
import { recordAudit } from '../kernel/record-audit.js';
import { newId, sha256Hex } from '../kernel/secrets.js';
import { LOGIN_ABSOLUTE_MS, actorOf, normaliseUsername } from './login-rules.js';
import { assertNotLocked, countFailure, loginAddress } from './lock-out.js';

export interface LoggedIn {
  actor: Actor;
  username: string;
  /** Goes into the cookie only; stored hashed. */
  sessionSecret: string;
  csrfToken: string;
  expiresAt: Date;
}

export async function logIn(ctx: AppContext, input: { username: string; password: string; ip: string | null }): Promise<LoggedIn> {
  const db = ctx.database.db;
  const username = normaliseUsername(input.username);
  await assertNotLocked(ctx, username, input.ip);
  const account = await findAccountByUsername(db, username);
  const matches = await verifyPassword(input.password, account?.password_hash ?? (await decoyHash()));
  if (!account || !matches || account.disabled_at !== null || account.password_hash === null) {
    const reason = !account ? 'unknown_username' : account.password_hash === null ? 'no_password' : !matches ? 'wrong_password' : 'disabled';
    const locked = await countFailure(ctx, username, input.ip, { actor: 'anonymous', action: 'auth.login.failed', detail: { reason, ip: input.ip } });
    throw new AppError(locked ? 'login_locked' : 'login_failed');
  }
  const now = ctx.clock();
  const sessionSecret = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(now.getTime() + LOGIN_ABSOLUTE_MS);
  const actor = actorOf(account);
  const sessionId = newId('ls');
  await inTransaction(db, async (trx) => {
    await clearLoginFailures(trx, username, loginAddress(input.ip));
    await insertLoginSession(trx, {
      id: sessionId,
      account_id: account.id,
      secret_hash: sha256Hex(sessionSecret),
      csrf_token: csrfToken,
      created_at: now.toISOString(),
      last_seen_at: now.toISOString(),
      expires_at: expiresAt.toISOString(),
    });
    await recordAudit(trx, ctx, actor, 'auth.login', 'account', account.id, { sessionId, ip: input.ip });
  });
  return { actor, username, sessionSecret, csrfToken, expiresAt };
}
