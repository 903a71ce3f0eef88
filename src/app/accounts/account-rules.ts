/** What every account change checks: a viewer is bound to a unit and nobody else is; the account exists. */
import { AppError } from '../../contracts/errors.js';
import { notFound } from '../../contracts/messages.js';
import { getAccount, type AccountRow } from '../../db/repositories/accounts.js';
import { getUnit } from '../../db/repositories/units.js';
import type { Db } from '../../db/database.js';
import type { Role } from '../policies/roles.js';

function invalid(path: string, zh: string, en: string): AppError {
  return new AppError('invalid_request', { details: [{ path, message: { zh, en } }] });
}

/** A viewer is bound to a stored unit; no other role is bound to one. */
export async function checkUnitBinding(db: Db, role: Role, unitId: string | null): Promise<void> {
  if (role === 'viewer' && !unitId) throw invalid('unitId', '单位查看账号必须指定所属单位', 'A viewer account needs its unit');
  if (role !== 'viewer' && unitId) throw invalid('unitId', '只有单位查看账号绑定单位', 'Only a viewer account is bound to a unit');
  if (unitId && !(await getUnit(db, unitId))) throw invalid('unitId', `单位 ${unitId} 不存在`, `No unit ${unitId}`);
}

export async function requireAccount(db: Db, accountId: string): Promise<AccountRow> {
  const account = await getAccount(db, accountId);
  if (!account) throw notFound('account', accountId);
  return account;
}
