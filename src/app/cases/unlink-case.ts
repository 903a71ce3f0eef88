/** 解除关联: the office says an item of a campaign's 案例评 is no longer a library case (until the results are published). */
import { AppError } from '../../contracts/errors.js';
import { MESSAGES } from '../../contracts/messages.js';
import { deleteCaseLink, getCaseLink } from '../../db/repositories/case-links.js';
import { inTransaction } from '../../db/repositories/shared.js';
import type { AppContext } from '../context.js';
import { recordAudit } from '../kernel/record-audit.js';
import type { Actor } from '../policies/roles.js';
import { requireLinksOpen } from './link-case.js';

export async function unlinkCase(ctx: AppContext, actor: Actor, campaignId: string, itemId: string): Promise<void> {
  await requireLinksOpen(ctx, campaignId);
  await inTransaction(ctx.database.db, async (trx) => {
    const link = await getCaseLink(trx, campaignId, itemId);
    if (!link) throw new AppError('not_found', { message: MESSAGES.itemNotLinked });
    await deleteCaseLink(trx, campaignId, itemId);
    await recordAudit(trx, ctx, actor, 'case.unlink', 'case', link.case_id, { campaignId, itemId });
  });
}
