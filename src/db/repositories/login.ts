/** Password-login sessions (cookie secrets stored hashed) and failed-login counters for the lock-out. */
import type { Db } from '../database.js';
import type { AccountsTable, LoginFailuresTable, LoginSessionsTable } from '../tables/accounts.js';

export type LoginSessionRow = LoginSessionsTable;
export type LoginFailureRow = LoginFailuresTable;

export async function insertLoginSession(db: Db, row: Omit<LoginSessionRow, 'revoked_at'>): Promise<void> {
  await db.insertInto('login_sessions').values({ ...row, revoked_at: null }).execute();
}

/** A session that is not revoked, with its live account; expiry is judged by the caller. */
export async function findLoginSession(
  db: Db,
  secretHash: string,
): Promise<{ session: LoginSessionRow; account: AccountsTable } | undefined> {
  const row = await db
    .selectFrom('login_sessions')
    .innerJoin('accounts', 'accounts.id', 'login_sessions.account_id')
    .selectAll('login_sessions')
    .select([
      'accounts.username',
      'accounts.display_name',
      'accounts.role',
      'accounts.unit_id',
      'accounts.password_hash',
      'accounts.created_at as account_created_at',
      'accounts.disabled_at',
    ])
    .where('login_sessions.secret_hash', '=', secretHash)
    .where('login_sessions.revoked_at', 'is', null)
    .where('accounts.disabled_at', 'is', null)
    .executeTakeFirst();
  if (!row) return undefined;
  const { username, display_name, role, unit_id, password_hash, account_created_at, disabled_at, ...session } = row;
  return {
    session,
    account: { id: session.account_id, username, display_name, role, unit_id, password_hash, created_at: account_created_at, disabled_at },
  };
}

export async function touchLoginSession(db: Db, id: string, at: string): Promise<void> {
  await db.updateTable('login_sessions').set({ last_seen_at: at }).where('id', '=', id).execute();
}

export async function revokeLoginSession(db: Db, id: string, at: string): Promise<void> {
  await db.updateTable('login_sessions').set({ revoked_at: at }).where('id', '=', id).where('revoked_at', 'is', null).execute();
}

/** Revokes every live session of an account, except `keepId` (the caller's own, after a password change). */
export async function revokeAccountSessions(db: Db, accountId: string, at: string, keepId?: string): Promise<number> {
  let q = db.updateTable('login_sessions').set({ revoked_at: at }).where('account_id', '=', accountId).where('revoked_at', 'is', null);
  if (keepId !== undefined) q = q.where('id', '!=', keepId);
  const result = await q.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function getLoginFailure(db: Db, username: string, address: string): Promise<LoginFailureRow | undefined> {
  return db.selectFrom('login_failures').selectAll().where('username', '=', username).where('address', '=', address).executeTakeFirst();
}

export async function putLoginFailure(db: Db, row: LoginFailureRow): Promise<void> {
  await db
    .insertInto('login_failures')
    .values(row)
    .onConflict((oc) => oc.columns(['username', 'address']).doUpdateSet({ failures: row.failures, last_failed_at: row.last_failed_at, locked_until: row.locked_until }))
    .execute();
}

/** Forgets the failures of `username` from `address`, or from every address when `address` is null. */
export async function clearLoginFailures(db: Db, username: string, address: string | null): Promise<number> {
  let q = db.deleteFrom('login_failures').where('username', '=', username);
  if (address !== null) q = q.where('address', '=', address);
  return Number((await q.executeTakeFirst()).numDeletedRows);
}

/** Pairs locked at `now` or with recent failures, newest first. */
export async function listLoginFailures(db: Db, since: string): Promise<LoginFailureRow[]> {
  return db.selectFrom('login_failures').selectAll().where('last_failed_at', '>=', since).orderBy('last_failed_at', 'desc').limit(500).execute();
}
