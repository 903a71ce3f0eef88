/**
 * 账号: office accounts and their bearer access tokens. The first start creates an admin; the demo adds one
 * account per role. Secrets are shown once and stored only hashed.
 */
import { AppError } from '../contracts/errors.js';
import { countAccounts, insertAccessToken, insertAccount, listAccounts } from '../db/repositories/accounts.js';
import { inTransaction } from '../db/repositories/shared.js';
import type { AppContext } from './context.js';
import type { Actor, Role } from './policies/roles.js';
import { recordAudit } from './record-audit.js';
import { newId, newSecret, sha256Hex } from './secrets.js';

export interface NewAccount {
  username: string;
  displayName: string;
  role: Role;
  unitId: string | null;
}

export interface Credentials {
  username: string;
  role: Role;
  accessToken: string;
}

export async function createAccount(ctx: AppContext, actor: Actor | 'system', input: NewAccount): Promise<Credentials> {
  if (input.role === 'viewer' && !input.unitId) {
    throw new AppError('invalid_request', { details: [{ path: 'unitId', message: { zh: '单位查看账号必须指定所属单位', en: 'A viewer account needs its unit' } }] });
  }
  const id = newId('a');
  const accessToken = newSecret();
  const at = ctx.clock().toISOString();
  await inTransaction(ctx.database.db, async (trx) => {
    if ((await listAccounts(trx)).some((a) => a.username === input.username)) throw new AppError('duplicate_id', { message: { zh: `用户名 ${input.username} 已存在`, en: `Username ${input.username} exists` } });
    await insertAccount(trx, { id, username: input.username, display_name: input.displayName, role: input.role, unit_id: input.unitId, password_hash: null, created_at: at, disabled_at: null });
    await insertAccessToken(trx, { id: newId('k'), account_id: id, token_hash: sha256Hex(accessToken), label: 'initial', created_at: at });
    await recordAudit(trx, ctx, actor, 'account.create', 'account', id, { username: input.username, role: input.role });
  });
  return { username: input.username, role: input.role, accessToken };
}

/** On an empty database: creates the admin account and returns its credentials (to print once); otherwise null. */
export async function ensureAdmin(ctx: AppContext): Promise<Credentials | null> {
  if ((await countAccounts(ctx.database.db)) > 0) return null;
  return createAccount(ctx, 'system', { username: 'admin', displayName: '系统管理员', role: 'admin', unitId: null });
}
