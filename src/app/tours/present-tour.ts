/** A tour as the office plans it (TourView): its session, days and stops by name, observers, every site and the check. */
import type { TourView } from '../../contracts/tours.js';
import type { Db } from '../../db/database.js';
import { countSheetsBy } from '../../db/repositories/tour-sheets.js';
import { listTourDays, listTourObservers, listTourStops, type TourObserverRow } from '../../db/repositories/tours.js';
import { checkItinerary } from '../../domain/tours/itinerary.js';
import { reviewScoresCount } from '../../domain/tours/counting.js';
import type { AppContext } from '../context.js';
import { loadTourSetup, tourSites, type TourSetup } from './tour-setup.js';
import type { TourRow } from '../../db/repositories/tours.js';

export function presentObserver(o: TourObserverRow): TourView['observers'][number] {
  return { id: o.id, name: o.name, roleName: o.role_name, lastSeenAt: o.last_seen_at, lastSyncedAt: o.last_synced_at };
}

/** The itinerary as days with their stops in order, each stop named by its site and county. */
export async function presentDays(db: Db, setup: TourSetup): Promise<TourView['days']> {
  const { index } = setup;
  const [days, stops] = await Promise.all([listTourDays(db, setup.tour.id), listTourStops(db, setup.tour.id)]);
  return days.map((day) => ({
    id: day.id,
    date: day.date,
    label: day.label,
    stops: stops
      .filter((s) => s.day_id === day.id)
      .sort((a, b) => a.position - b.position)
      .map((s) => {
        const subject = index.subjects.get(s.subject_id);
        const unitId = subject?.unitId ?? '';
        return {
          id: s.id,
          subjectId: s.subject_id,
          siteName: subject?.name ?? s.subject_id,
          unitId,
          unitName: index.units.get(unitId)?.name ?? unitId,
          theme: s.theme,
          address: s.address,
          plannedTime: s.planned_time,
        };
      }),
  }));
}

export async function presentTour(ctx: AppContext, tour: TourRow): Promise<TourView> {
  const db = ctx.database.db;
  const setup = await loadTourSetup(ctx, tour);
  const { index, session, instrument, group } = setup;
  const [days, observers, perObserver] = await Promise.all([presentDays(db, setup), listTourObservers(db, tour.id), countSheetsBy(db, tour.id, 'observer_id')]);
  const sites = tourSites(index, instrument);
  const review = tour.review_group_id === null ? null : index.groups.get(tour.review_group_id);
  const check = checkItinerary(
    sites,
    days.map((d) => ({ id: d.id, date: d.date, label: d.label, stops: d.stops.map((s) => ({ subjectId: s.subjectId, plannedTime: s.plannedTime })) })),
  );
  return {
    id: tour.id,
    campaignId: tour.campaign_id,
    name: tour.name,
    session: { id: session.id, name: session.name, status: session.status },
    instrument: { id: instrument.id, name: instrument.name },
    raterGroup: { id: group.id, name: group.name },
    reviewGroup:
      tour.review_group_id === null
        ? null
        : { id: tour.review_group_id, name: review?.name ?? tour.review_group_id, counts: reviewScoresCount(index.def, { instrumentId: instrument.id, reviewGroupId: tour.review_group_id }) },
    days,
    observers: observers.map(presentObserver),
    sites,
    check,
    sheets: [...perObserver.values()].reduce((a, b) => a + b, 0),
  };
}
