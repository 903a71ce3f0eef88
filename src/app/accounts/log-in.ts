/**
 * 登录: password login into a cookie session, with a lock-out per username typed. The answer to a failed login is
 * the same whether or not the username exists (same message, same scrypt cost, same lock-out); the audit log says
 * which it was, for the admin.
 */
import { randomBytes } from 'node:crypto';
import { AppError } from '../../contracts/errors.js';
import { findAccountByUsername } from '../../db/repositories/accounts.js';
import { clearLoginFailures, findLoginSession, getLoginFailure, insertLoginSession, putLoginFailure, revokeLoginSession, touchLoginSession } from '../../db/repositories/login.js';
import type { LoginFailureRow } from '../../db/repositories/login.js';
import { inTransaction } from '../../db/repositories/shared.js';
import type { AccountsTable } from '../../db/tables/accounts.js';
import type { AppContext } from '../context.js';
import { decoyHash, verifyPassword } from './passwords.js';
import type { Actor } from '../policies/roles.js';
import { recordAudit } from '../kernel/record-audit.js';
import { newId, sha256Hex } from '../kernel/secrets.js';

export const SESSION_IDLE_MS = 12 * 3600_000;
export const SESSION_ABSOLUTE_MS = 7 * 24 * 3600_000;
export const MAX_FAILURES = 5;
export const LOCK_MS = 15 * 60_000;
/** last_seen_at is written at most this often, so reads do not each cost a write. */
const TOUCH_MS = 60_000;

export interface LoggedIn {
  actor: Actor;
  username: string;
  /** Goes into the cookie only; stored hashed. */
  sessionSecret: string;
  csrfToken: string;
  expiresAt: Date;
}

export interface SessionActor {
  actor: Actor;
  username: string;
  sessionId: string;
  csrfToken: string;
}

export function actorOf(account: AccountsTable): Actor {
  return { id: account.id, name: account.display_name, role: account.role, unitId: account.unit_id };
}

export function normaliseUsername(typed: string): string {
  return typed.trim().toLowerCase();
}

function isLocked(failure: LoginFailureRow | undefined, now: Date): boolean {
  return !!failure?.locked_until && Date.parse(failure.locked_until) > now.getTime();
}

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

export async function logIn(ctx: AppContext, input: { username: string; password: string; ip: string | null }): Promise<LoggedIn> {
  const db = ctx.database.db;
  const username = normaliseUsername(input.username);
  await assertNotLocked(ctx, username, input.ip);
  const account = await findAccountByUsername(db, username);
  const matches = await verifyPassword(input.password, account?.password_hash ?? (await decoyHash()));
  if (!account || !matches || account.disabled_at !== null || account.password_hash === null) {
    const reason = !account ? 'unknown_username' : account.password_hash === null ? 'no_password' : !matches ? 'wrong_password' : 'disabled';
    const locked = await countFailure(ctx, username, { actor: 'anonymous', action: 'auth.login.failed', detail: { reason, ip: input.ip } });
    throw new AppError(locked ? 'login_locked' : 'login_failed');
  }
  const now = ctx.clock();
  const sessionSecret = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(now.getTime() + SESSION_ABSOLUTE_MS);
  const actor = actorOf(account);
  const sessionId = newId('ls');
  await inTransaction(db, async (trx) => {
    await clearLoginFailures(trx, username);
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

/** The actor behind a session cookie, or null when it is unknown, revoked, idle too long or past its end. */
export async function sessionActor(ctx: AppContext, secret: string): Promise<SessionActor | null> {
  const found = await findLoginSession(ctx.database.db, sha256Hex(secret));
  if (!found) return null;
  const now = ctx.clock().getTime();
  const lastSeen = Date.parse(found.session.last_seen_at);
  if (Date.parse(found.session.expires_at) <= now || lastSeen + SESSION_IDLE_MS <= now) return null;
  if (now - lastSeen >= TOUCH_MS) await touchLoginSession(ctx.database.db, found.session.id, new Date(now).toISOString());
  return { actor: actorOf(found.account), username: found.account.username, sessionId: found.session.id, csrfToken: found.session.csrf_token };
}

export async function logOut(ctx: AppContext, actor: Actor, sessionId: string): Promise<void> {
  await inTransaction(ctx.database.db, async (trx) => {
    await revokeLoginSession(trx, sessionId, ctx.clock().toISOString());
    await recordAudit(trx, ctx, actor, 'auth.logout', 'account', actor.id, { sessionId });
  });
}
