/** 修改观摩: its name, and the review group whose weight makes review meetings' scores count (null: recorded only). */
import type { TourPatch, TourView } from '../../contracts/tours.js';
import { inTransaction } from '../../db/repositories/shared.js';
import { updateTourRow } from '../../db/repositories/tours.js';
import type { AppContext } from '../context.js';
import { recordAudit } from '../kernel/record-audit.js';
import type { Actor } from '../policies/roles.js';
import { announceRecount } from './announce-recount.js';
import { checkReviewGroup } from './create-tour.js';
import { presentTour } from './present-tour.js';
import { requireTour, tourIndex } from './tour-setup.js';

export async function changeTour(ctx: AppContext, actor: Actor, tourId: string, patch: TourPatch): Promise<TourView> {
  const index = await tourIndex(ctx, await requireTour(ctx.database.db, tourId));
  const changed = await inTransaction(ctx.database.db, async (trx) => {
    const tour = await requireTour(trx, tourId);
    if (patch.reviewGroupId !== undefined && patch.reviewGroupId !== null) checkReviewGroup(index, tour.rater_group_id, patch.reviewGroupId);
    const values = {
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.reviewGroupId !== undefined ? { review_group_id: patch.reviewGroupId } : {}),
      updated_at: ctx.clock().toISOString(),
    };
    await updateTourRow(trx, tourId, values);
    await recordAudit(trx, ctx, actor, 'tour.update', 'tour', tourId, patch);
    return { ...tour, ...values };
  });
  // The review group decides whether review scores count.
  if (patch.reviewGroupId !== undefined) announceRecount(ctx, changed.session_id);
  return presentTour(ctx, changed);
}
