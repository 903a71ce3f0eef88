/**
 * 修改密码: a signed-in user changes their own password with the current one. A wrong current password counts
 * toward the same lock-out as a failed login. Every other session of the account ends.
 */
import { AppError } from '../../contracts/errors.js';
import { MESSAGES } from '../../contracts/messages.js';
import { getAccount, updateAccount } from '../../db/repositories/accounts.js';
import { clearLoginFailures, revokeAccountSessions } from '../../db/repositories/login.js';
import { inTransaction } from '../../db/repositories/shared.js';
import type { AppContext } from '../context.js';
import { assertNotLocked, countFailure, loginAddress } from './lock-out.js';
import { hashPassword, verifyPassword } from './passwords.js';
import type { Actor } from '../policies/roles.js';
import { recordAudit } from '../kernel/record-audit.js';

export async function changePassword(
  ctx: AppContext,
  actor: Actor,
  input: { currentPassword: string; newPassword: string; keepSessionId: string | null; ip: string | null },
): Promise<void> {
  const account = await getAccount(ctx.database.db, actor.id);
  if (!account) throw new AppError('unauthenticated');
  await assertNotLocked(ctx, account.username, input.ip);
  const matches = account.password_hash !== null && (await verifyPassword(input.currentPassword, account.password_hash));
  if (!matches) {
    const locked = await countFailure(ctx, account.username, input.ip, { actor, action: 'auth.password.failed', detail: { ip: input.ip } });
    throw new AppError(locked ? 'login_locked' : 'password_mismatch');
  }
  if (input.newPassword === input.currentPassword) {
    throw new AppError('invalid_request', { details: [{ path: 'newPassword', message: MESSAGES.samePassword }] });
  }
  const hash = await hashPassword(input.newPassword);
  const at = ctx.clock().toISOString();
  await inTransaction(ctx.database.db, async (trx) => {
    await updateAccount(trx, account.id, { password_hash: hash });
    await clearLoginFailures(trx, account.username, loginAddress(input.ip));
    const ended = await revokeAccountSessions(trx, account.id, at, input.keepSessionId ?? undefined);
    await recordAudit(trx, ctx, actor, 'auth.password.change', 'account', account.id, { otherSessionsEnded: ended, ip: input.ip });
  });
}
