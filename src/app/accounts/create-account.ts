/** 新建账号: an access token, and a password given or generated, each shown once. */
import { AppError } from '../../contracts/errors.js';
import { MESSAGES } from '../../contracts/messages.js';
import type { Credentials } from '../../contracts/accounts.js';
import { findAccountByUsername, insertAccessToken, insertAccount } from '../../db/repositories/accounts.js';
import { inTransaction } from '../../db/repositories/shared.js';
import type { AppContext } from '../context.js';
import { generatePassword, hashPassword } from './passwords.js';
import type { Actor, Role } from '../policies/roles.js';
import { recordAudit } from '../kernel/record-audit.js';
import { newId, newSecret, sha256Hex } from '../kernel/secrets.js';
import { checkUnitBinding } from './account-rules.js';

export interface NewAccount {
  username: string;
  displayName: string;
  role: Role;
  unitId: string | null;
  /** A password to set; absent: one is generated and returned once; null: token-only account. */
  password?: string | null;
}

export async function createAccount(ctx: AppContext, actor: Actor | 'system', input: NewAccount): Promise<Credentials> {
  await checkUnitBinding(ctx.database.db, input.role, input.unitId);
  const id = newId('a');
  const accessToken = newSecret();
  const generated = input.password === undefined ? generatePassword() : undefined;
  const password = input.password === undefined ? generated! : input.password;
  const passwordHash = password === null ? null : await hashPassword(password);
  const at = ctx.clock().toISOString();
  await inTransaction(ctx.database.db, async (trx) => {
    if (await findAccountByUsername(trx, input.username)) throw new AppError('duplicate_id', { message: MESSAGES.usernameTaken(input.username) });
    await insertAccount(trx, { id, username: input.username, display_name: input.displayName, role: input.role, unit_id: input.unitId, password_hash: passwordHash, created_at: at, disabled_at: null });
    await insertAccessToken(trx, { id: newId('k'), account_id: id, token_hash: sha256Hex(accessToken), label: 'initial', created_at: at });
    await recordAudit(trx, ctx, actor, 'account.create', 'account', id, { username: input.username, role: input.role, unitId: input.unitId, password: passwordHash ? (generated ? 'generated' : 'set') : 'none' });
  });
  return { accountId: id, username: input.username, role: input.role, unitId: input.unitId, accessToken, ...(generated ? { password: generated } : {}) };
}
