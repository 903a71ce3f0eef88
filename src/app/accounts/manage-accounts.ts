/**
 * 账号: office accounts, their passwords and bearer access tokens. The first start creates an admin; the demo adds
 * one account per role. Secrets (generated passwords, tokens) are shown once and stored only hashed.
 */
import { AppError } from '../../contracts/errors.js';
import { MESSAGES, notFound } from '../../contracts/messages.js';
import type { AccountView } from '../../contracts/accounts.js';
import type { Credentials } from '../../contracts/accounts.js';
import type { PasswordReset } from '../../contracts/accounts.js';
import {
  countAccounts,
  countActiveAdmins,
  findAccountByUsername,
  getAccount,
  insertAccessToken,
  insertAccount,
  updateAccount as updateAccountRow,
  type AccountRow,
} from '../../db/repositories/accounts.js';
import { clearLoginFailures, revokeAccountSessions } from '../../db/repositories/login.js';
import { inTransaction } from '../../db/repositories/shared.js';
import { getUnit } from '../../db/repositories/units.js';
import type { Db } from '../../db/database.js';
import type { AppContext } from '../context.js';
import { generatePassword, hashPassword } from './passwords.js';
import type { Actor, Role } from '../policies/roles.js';
import { recordAudit } from '../kernel/record-audit.js';
import { newId, newSecret, sha256Hex } from '../kernel/secrets.js';

export interface NewAccount {
  username: string;
  displayName: string;
  role: Role;
  unitId: string | null;
  /** A password to set; absent: one is generated and returned once; null: token-only account. */
  password?: string | null;
}

/** The fields of an account that leave the server. */
export function presentAccount(a: AccountRow): AccountView {
  return { id: a.id, username: a.username, displayName: a.display_name, role: a.role, unitId: a.unit_id, hasPassword: a.password_hash !== null, disabled: a.disabled_at !== null, createdAt: a.created_at };
}

function invalid(path: string, zh: string, en: string): AppError {
  return new AppError('invalid_request', { details: [{ path, message: { zh, en } }] });
}

/** A viewer is bound to a stored unit; no other role is bound to one. */
async function checkUnitBinding(db: Db, role: Role, unitId: string | null): Promise<void> {
  if (role === 'viewer' && !unitId) throw invalid('unitId', '单位查看账号必须指定所属单位', 'A viewer account needs its unit');
  if (role !== 'viewer' && unitId) throw invalid('unitId', '只有单位查看账号绑定单位', 'Only a viewer account is bound to a unit');
  if (unitId && !(await getUnit(db, unitId))) throw invalid('unitId', `单位 ${unitId} 不存在`, `No unit ${unitId}`);
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

/** On an empty database: creates the admin account and returns its credentials (to print once); otherwise null. */
export async function ensureAdmin(ctx: AppContext): Promise<Credentials | null> {
  if ((await countAccounts(ctx.database.db)) > 0) return null;
  return createAccount(ctx, 'system', { username: 'admin', displayName: '系统管理员', role: 'admin', unitId: null });
}

async function requireAccount(db: Db, accountId: string): Promise<AccountRow> {
  const account = await getAccount(db, accountId);
  if (!account) throw notFound('account', accountId);
  return account;
}

export interface AccountChanges {
  displayName?: string;
  disabled?: boolean;
  /** viewer only: the unit whose subtree the account may see. */
  unitId?: string;
}

/** Renames, disables or enables an account, or binds a viewer to another unit. Disabling ends its sessions. */
export async function updateAccount(ctx: AppContext, actor: Actor, accountId: string, changes: AccountChanges): Promise<AccountView> {
  const db = ctx.database.db;
  const at = ctx.clock().toISOString();
  return inTransaction(db, async (trx) => {
    const account = await requireAccount(trx, accountId);
    if (changes.unitId !== undefined) await checkUnitBinding(trx, account.role, changes.unitId);
    const disabling = changes.disabled === true && account.disabled_at === null;
    if (disabling && account.role === 'admin' && (await countActiveAdmins(trx)) <= 1) {
      throw new AppError('account_state', { message: MESSAGES.lastAdmin });
    }
    const row: Parameters<typeof updateAccountRow>[2] = {};
    if (changes.displayName !== undefined) row.display_name = changes.displayName;
    if (changes.unitId !== undefined) row.unit_id = changes.unitId;
    if (changes.disabled !== undefined) row.disabled_at = changes.disabled ? (account.disabled_at ?? at) : null;
    await updateAccountRow(trx, accountId, row);
    // A disabled account, or a viewer moved to another unit, keeps no session open on its old rights.
    if (disabling || (changes.unitId !== undefined && changes.unitId !== account.unit_id)) await revokeAccountSessions(trx, accountId, at);
    const action = disabling ? 'account.disable' : changes.disabled === false && account.disabled_at !== null ? 'account.enable' : 'account.update';
    await recordAudit(trx, ctx, actor, action, 'account', accountId, { username: account.username, ...changes });
    return presentAccount((await getAccount(trx, accountId))!);
  });
}

/** Admin reset: sets the given password or a generated one (returned once), clears the lock-out, ends sessions. */
export async function resetPassword(ctx: AppContext, actor: Actor, accountId: string, password: string | undefined): Promise<PasswordReset> {
  const generated = password === undefined ? generatePassword() : undefined;
  const hash = await hashPassword(password ?? generated!);
  const at = ctx.clock().toISOString();
  await inTransaction(ctx.database.db, async (trx) => {
    const account = await requireAccount(trx, accountId);
    await updateAccountRow(trx, accountId, { password_hash: hash });
    await clearLoginFailures(trx, account.username);
    const ended = await revokeAccountSessions(trx, accountId, at);
    await recordAudit(trx, ctx, actor, 'account.password.reset', 'account', accountId, { username: account.username, password: generated ? 'generated' : 'set', sessionsEnded: ended });
  });
  return generated ? { password: generated } : {};
}
