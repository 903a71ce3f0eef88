/** 修改账号 (admin): rename, disable or enable, or bind a viewer to another unit; the last active admin stays. */
import { AppError } from '../../contracts/errors.js';
import { MESSAGES } from '../../contracts/messages.js';
import type { AccountView } from '../../contracts/accounts.js';
import { countActiveAdmins, getAccount, updateAccount as updateAccountRow } from '../../db/repositories/accounts.js';
import { revokeAccountSessions } from '../../db/repositories/login.js';
import { inTransaction } from '../../db/repositories/shared.js';
import type { AppContext } from '../context.js';
import type { Actor } from '../policies/roles.js';
import { recordAudit } from '../kernel/record-audit.js';
import { presentAccount } from './present-account.js';
import { checkUnitBinding, requireAccount } from './account-rules.js';

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
