/** 更换个人链接: a new secret for an observer (a phone lost or a link passed on); the old link stops working at once. */
import { inTransaction } from '../../db/repositories/shared.js';
import { updateTourObserver } from '../../db/repositories/tours.js';
import type { AppContext } from '../context.js';
import { recordAudit } from '../kernel/record-audit.js';
import type { Actor } from '../policies/roles.js';
import { requireObserver } from './change-observer.js';
import { newObserverKey } from './observer-link.js';
import { requireTour } from './tour-setup.js';

export async function renewObserverLink(ctx: AppContext, actor: Actor, tourId: string, observerId: string): Promise<{ link: string }> {
  return inTransaction(ctx.database.db, async (trx) => {
    await requireTour(trx, tourId);
    const { observer } = await requireObserver(trx, tourId, observerId);
    const key = newObserverKey(observerId);
    await updateTourObserver(trx, observerId, { key_hash: key.keyHash });
    await recordAudit(trx, ctx, actor, 'tour.observer.link', 'tour_observer', observerId, { tourId, name: observer.name });
    return { link: key.link };
  });
}
