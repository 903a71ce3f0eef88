/** 移出观摩团: only an observer who has sent no sheet (sheets are kept, and name their observer). */
import { AppError } from '../../contracts/errors.js';
import { MESSAGES } from '../../contracts/messages.js';
import { inTransaction } from '../../db/repositories/shared.js';
import { countSheetsBy } from '../../db/repositories/tour-sheets.js';
import { deleteTourObserver } from '../../db/repositories/tours.js';
import type { AppContext } from '../context.js';
import { recordAudit } from '../kernel/record-audit.js';
import type { Actor } from '../policies/roles.js';
import { requireObserver } from './change-observer.js';
import { requireTour } from './tour-setup.js';

export async function removeObserver(ctx: AppContext, actor: Actor, tourId: string, observerId: string): Promise<void> {
  await inTransaction(ctx.database.db, async (trx) => {
    await requireTour(trx, tourId);
    const { observer } = await requireObserver(trx, tourId, observerId);
    const n = (await countSheetsBy(trx, tourId, 'observer_id')).get(observerId) ?? 0;
    if (n > 0) throw new AppError('tour_state', { message: MESSAGES.tourObserverHasSheets(observer.name, n) });
    await deleteTourObserver(trx, observerId);
    await recordAudit(trx, ctx, actor, 'tour.observer.remove', 'tour_observer', observerId, { tourId, name: observer.name });
  });
}
