/**
 * 设置公开地址: the office stores the address phones reach the server at (or clears it, so LEITAI_PUBLIC_URL or the
 * browser's address applies again). Any http(s) origin is stored — a loopback one too, for a rehearsal on one laptop —
 * and the answer says plainly when phones cannot open it.
 */
import { AppError } from '../../contracts/errors.js';
import { MESSAGES } from '../../contracts/messages.js';
import { deleteSetting, getSetting, putSetting } from '../../db/repositories/settings.js';
import { inTransaction } from '../../db/repositories/shared.js';
import { parsePublicUrl } from '../../domain/public-address.js';
import type { AppContext } from '../context.js';
import { recordAudit } from '../kernel/record-audit.js';
import type { Actor } from '../policies/roles.js';
import { getPublicAddress, type PublicAddressView } from './get-public-address.js';

export async function setPublicAddress(ctx: AppContext, actor: Actor, url: string | null, requestOrigin: string): Promise<PublicAddressView> {
  let origin: string | null = null;
  if (url !== null && url.trim() !== '') {
    const parsed = parsePublicUrl(url);
    if (!parsed.ok) throw new AppError('invalid_request', { message: MESSAGES.publicUrlInvalid(parsed.problem), details: [{ path: 'url', code: parsed.problem, message: MESSAGES.publicUrlInvalid(parsed.problem) }] });
    origin = parsed.origin;
  }
  await inTransaction(ctx.database.db, async (trx) => {
    const before = await getSetting(trx, 'public_url');
    if (origin === null) await deleteSetting(trx, 'public_url');
    else await putSetting(trx, 'public_url', { value: origin, updatedAt: ctx.clock().toISOString(), updatedBy: `${actor.role}:${actor.id}` });
    await recordAudit(trx, ctx, actor, 'settings.public-url', 'setting', 'public_url', { from: before?.value ?? null, to: origin });
  });
  return getPublicAddress(ctx, requestOrigin);
}
