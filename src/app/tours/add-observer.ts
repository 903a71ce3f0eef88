/** 添加观摩团成员: a seat name (unique in the team) and a role; answers the personal link, shown this once. */
import { AppError } from '../../contracts/errors.js';
import { MESSAGES } from '../../contracts/messages.js';
import type { ObserverInput, TourView } from '../../contracts/tours.js';
import { inTransaction } from '../../db/repositories/shared.js';
import { insertTourObservers, listTourObservers } from '../../db/repositories/tours.js';
import type { AppContext } from '../context.js';
import { newId } from '../kernel/secrets.js';
import { recordAudit } from '../kernel/record-audit.js';
import type { Actor } from '../policies/roles.js';
import { newObserverKey } from './observer-link.js';
import { presentObserver } from './present-tour.js';
import { requireTour } from './tour-setup.js';

export async function addObserver(ctx: AppContext, actor: Actor, tourId: string, input: ObserverInput): Promise<{ observer: TourView['observers'][number]; link: string }> {
  return inTransaction(ctx.database.db, async (trx) => {
    const tour = await requireTour(trx, tourId);
    const team = await listTourObservers(trx, tourId);
    if (team.some((o) => o.name === input.name)) throw new AppError('duplicate_id', { message: MESSAGES.tourObserverNameTaken(input.name) });
    const id = newId('ob');
    const key = newObserverKey(id);
    const row = { id, tour_id: tourId, campaign_id: tour.campaign_id, name: input.name, role_name: input.roleName, key_hash: key.keyHash, last_seen_at: null, last_synced_at: null, position: Math.max(0, ...team.map((o) => o.position)) + 1 };
    await insertTourObservers(trx, [row]);
    await recordAudit(trx, ctx, actor, 'tour.observer.add', 'tour_observer', id, { tourId, name: row.name, roleName: row.role_name });
    return { observer: presentObserver(row), link: key.link };
  });
}
