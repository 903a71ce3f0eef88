/** 登录规则: how long a login lasts, when a username locks, and how a typed username and a stored account are read. */
import type { LoginFailureRow } from '../../db/repositories/login.js';
import type { AccountsTable } from '../../db/tables/accounts.js';
import type { Actor } from '../policies/roles.js';

/** A login ends after this long without a request, and after LOGIN_ABSOLUTE_MS in any case. */
export const LOGIN_IDLE_MS = 12 * 3600_000;
export const LOGIN_ABSOLUTE_MS = 7 * 24 * 3600_000;
/**
 * 登录节流: failed passwords are counted per (username typed, client address). The first MAX_FAILURES − 1 cost nothing;
 * from the MAX_FAILURES-th on, each failure locks that pair for FIRST_LOCK_MS, doubling with each further failure up
 * to MAX_LOCK_MS. Other addresses — the account's owner at their desk — are not touched, so nobody can lock the
 * organiser out by typing wrong passwords. Counts are forgotten after FORGET_MS without a failure.
 * A guesser on one address gets ~4 tries per 15 minutes after the first dozen: ~400 a day.
 */
export const MAX_FAILURES = 5;
export const FIRST_LOCK_MS = 30_000;
export const MAX_LOCK_MS = 15 * 60_000;
export const FORGET_MS = 24 * 3600_000;

/** How long the pair is locked after its `failures`-th failure in a row. */
export function lockAfter(failures: number): number {
  if (failures < MAX_FAILURES) return 0;
  return Math.min(MAX_LOCK_MS, FIRST_LOCK_MS * 2 ** Math.min(20, failures - MAX_FAILURES));
}

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
