/** 重置密码 (admin). */
import type { PasswordReset } from '../../contracts/accounts.js';
import { updateAccount as updateAccountRow } from '../../db/repositories/accounts.js';
import { clearLoginFailures, revokeAccountSessions } from '../../db/repositories/login.js';
import { inTransaction } from '../../db/repositories/shared.js';
import type { AppContext } from '../context.js';
import { generatePassword, hashPassword } from './passwords.js';
import type { Actor } from '../policies/roles.js';
import { recordAudit } from '../kernel/record-audit.js';
import { requireAccount } from './account-rules.js';

/** Admin reset: sets the given password or a generated one (returned once), clears the lock-out, ends sessions. */
export async function resetPassword(ctx: AppContext, actor: Actor, accountId: string, password: string | undefined): Promise<PasswordReset> {
  const generated = password === undefined ? generatePassword() : undefined;
  const hash = await hashPassword(password ?? generated!);
  const at = ctx.clock().toISOString();
  await inTransaction(ctx.database.db, async (trx) => {
    const account = await requireAccount(trx, accountId);
    await updateAccountRow(trx, accountId, { password_hash: hash });
    await clearLoginFailures(trx, account.username, null);
    const ended = await revokeAccountSessions(trx, accountId, at);
    await recordAudit(trx, ctx, actor, 'account.password.reset', 'account', accountId, { username: account.username, password: generated ? 'generated' : 'set', sessionsEnded: ended });
  });
  return generated ? { password: generated } : {};
}
