/** 登录规则: how long a login lasts, when a username locks, and how a typed username and a stored account are read. */
import type { LoginFailureRow } from '../../db/repositories/login.js';
import type { AccountsTable } from '../../db/tables/accounts.js';
import type { Actor } from '../policies/roles.js';

/** A login ends after this long without a request, and after LOGIN_ABSOLUTE_MS in any case. */
export const LOGIN_IDLE_MS = 12 * 3600_000;
export const LOGIN_ABSOLUTE_MS = 7 * 24 * 3600_000;
/** This many failed passwords for one username within LOCK_MS lock it for LOCK_MS. */
export const MAX_FAILURES = 5;
export const LOCK_MS = 15 * 60_000;

/** last_seen_at is written at most this often, so reads do not each cost a write. */
export const TOUCH_MS = 60_000;

export function actorOf(account: AccountsTable): Actor {
  return { id: account.id, name: account.display_name, role: account.role, unitId: account.unit_id };
}

export function normaliseUsername(typed: string): string {
  return typed.trim().toLowerCase();
}

export function isLocked(failure: LoginFailureRow | undefined, now: Date): boolean {
  return !!failure?.locked_until && Date.parse(failure.locked_until) > now.getTime();
}
