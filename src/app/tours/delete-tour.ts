/** 删除观摩: only while no sheet was received (sheets are append-only: a tour with any is kept). */
import { AppError } from '../../contracts/errors.js';
import { MESSAGES } from '../../contracts/messages.js';
import { inTransaction } from '../../db/repositories/shared.js';
import { countSheetsBy } from '../../db/repositories/tour-sheets.js';
import { deleteTourRows } from '../../db/repositories/tours.js';
import type { AppContext } from '../context.js';
import { recordAudit } from '../kernel/record-audit.js';
import type { Actor } from '../policies/roles.js';
import { announceRecount } from './announce-recount.js';
import { requireTour } from './tour-setup.js';

export async function deleteTour(ctx: AppContext, actor: Actor, tourId: string): Promise<void> {
  const sessionId = await inTransaction(ctx.database.db, async (trx) => {
    const tour = await requireTour(trx, tourId);
    const sheets = [...(await countSheetsBy(trx, tourId, 'stop_id')).values()].reduce((a, b) => a + b, 0);
    if (sheets > 0) throw new AppError('tour_state', { message: MESSAGES.tourHasSheets(sheets) });
    await deleteTourRows(trx, tourId);
    await recordAudit(trx, ctx, actor, 'tour.delete', 'tour', tourId, { name: tour.name });
    return tour.session_id;
  });
  // Its review meetings' scores may have counted.
  announceRecount(ctx, sessionId);
}
