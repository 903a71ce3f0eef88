/** 修改观摩团成员: seat name (unique in the team; fixed once sheets are signed with it) and role. */
import { AppError } from '../../contracts/errors.js';
import { MESSAGES, notFound } from '../../contracts/messages.js';
import type { ObserverPatch, TourView } from '../../contracts/tours.js';
import type { Db } from '../../db/database.js';
import { inTransaction } from '../../db/repositories/shared.js';
import { countSheetsBy } from '../../db/repositories/tour-sheets.js';
import { listTourObservers, updateTourObserver, type TourObserverRow } from '../../db/repositories/tours.js';
import type { AppContext } from '../context.js';
import { recordAudit } from '../kernel/record-audit.js';
import type { Actor } from '../policies/roles.js';
import { presentObserver } from './present-tour.js';
import { requireTour } from './tour-setup.js';

export async function requireObserver(db: Db, tourId: string, observerId: string): Promise<{ observer: TourObserverRow; team: TourObserverRow[] }> {
  const team = await listTourObservers(db, tourId);
  const observer = team.find((o) => o.id === observerId);
  if (!observer) throw notFound('tourObserver', observerId);
  return { observer, team };
}

export async function changeObserver(ctx: AppContext, actor: Actor, tourId: string, observerId: string, patch: ObserverPatch): Promise<TourView['observers'][number]> {
  return inTransaction(ctx.database.db, async (trx) => {
    await requireTour(trx, tourId);
    const { observer, team } = await requireObserver(trx, tourId, observerId);
    if (patch.name !== undefined && patch.name !== observer.name) {
      if (team.some((o) => o.name === patch.name)) throw new AppError('duplicate_id', { message: MESSAGES.tourObserverNameTaken(patch.name) });
      if ((await countSheetsBy(trx, tourId, 'observer_id')).has(observerId)) throw new AppError('tour_state', { message: MESSAGES.tourObserverRenameSigned(observer.name) });
    }
    const values = { ...(patch.name !== undefined ? { name: patch.name } : {}), ...(patch.roleName !== undefined ? { role_name: patch.roleName } : {}) };
    await updateTourObserver(trx, observerId, values);
    await recordAudit(trx, ctx, actor, 'tour.observer.update', 'tour_observer', observerId, { tourId, ...patch });
    return presentObserver({ ...observer, ...values });
  });
}
