/** The first start makes an admin account when there is none. */
import type { Credentials } from '../../contracts/accounts.js';
import { countAccounts } from '../../db/repositories/accounts.js';
import type { AppContext } from '../context.js';
import { createAccount } from './create-account.js';

/** On an empty database: creates the admin account and returns its credentials (to print once); otherwise null. */
export async function ensureAdmin(ctx: AppContext): Promise<Credentials | null> {
  if ((await countAccounts(ctx.database.db)) > 0) return null;
  return createAccount(ctx, 'system', { username: 'admin', displayName: '系统管理员', role: 'admin', unitId: null });
}
