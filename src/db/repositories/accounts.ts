/** Accounts and access tokens. */
import type { Db } from '../database.js';
import type { AccountsTable } from '../tables/accounts.js';

export type AccountRow = AccountsTable;

export async function insertAccount(db: Db, row: AccountRow): Promise<void> {
  await db.insertInto('accounts').values(row).execute();
}

export async function countAccounts(db: Db): Promise<number> {
  const r = await db.selectFrom('accounts').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  return Number(r?.n ?? 0);
}

export async function insertAccessToken(
  db: Db,
  row: { id: string; account_id: string; token_hash: string; label: string; created_at: string },
): Promise<void> {
  await db.insertInto('access_tokens').values({ ...row, revoked_at: null }).execute();
}

/** The live account behind a bearer token hash, or undefined. */
export async function findAccountByTokenHash(db: Db, tokenHash: string): Promise<AccountRow | undefined> {
  return db
    .selectFrom('access_tokens')
    .innerJoin('accounts', 'accounts.id', 'access_tokens.account_id')
    .selectAll('accounts')
    .where('access_tokens.token_hash', '=', tokenHash)
    .where('access_tokens.revoked_at', 'is', null)
    .where('accounts.disabled_at', 'is', null)
    .executeTakeFirst();
}

export async function listAccounts(db: Db): Promise<AccountRow[]> {
  return db.selectFrom('accounts').selectAll().orderBy('created_at').orderBy('username').execute();
}

export async function getAccount(db: Db, id: string): Promise<AccountRow | undefined> {
  return db.selectFrom('accounts').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findAccountByUsername(db: Db, username: string): Promise<AccountRow | undefined> {
  return db.selectFrom('accounts').selectAll().where('username', '=', username).executeTakeFirst();
}

export async function updateAccount(
  db: Db,
  id: string,
  changes: Partial<Pick<AccountRow, 'display_name' | 'unit_id' | 'password_hash' | 'disabled_at'>>,
): Promise<void> {
  if (Object.keys(changes).length === 0) return; // an UPDATE with nothing to set is an SQL error
  await db.updateTable('accounts').set(changes).where('id', '=', id).execute();
}

export async function countActiveAdmins(db: Db): Promise<number> {
  const r = await db
    .selectFrom('accounts')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('role', '=', 'admin')
    .where('disabled_at', 'is', null)
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}
