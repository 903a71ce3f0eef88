/**
 * 观摩行程: the office sends the whole plan at once — days in order, each with its stops in visiting order. A stop or
 * day sent with its id keeps it (moving a stop to another day is sending it under that day); one sent without an id is
 * new; one left out is removed. Refused, changing nothing: a site twice or not of the instrument (400), an id of
 * another tour or listed twice (400), removing a stop that has sheets or changing its site (409). An incomplete plan is
 * saved; the view's `check` lists what it lacks.
 */
import { AppError } from '../../contracts/errors.js';
import { MESSAGES } from '../../contracts/messages.js';
import type { ItineraryInput, TourView } from '../../contracts/tours.js';
import { inTransaction } from '../../db/repositories/shared.js';
import { countSheetsBy } from '../../db/repositories/tour-sheets.js';
import {
  deleteTourDays,
  deleteTourStops,
  insertTourDays,
  insertTourStops,
  listTourDays,
  listTourStops,
  updateTourDay,
  updateTourRow,
  updateTourStop,
  type TourDayRow,
  type TourStopRow,
} from '../../db/repositories/tours.js';
import type { AppContext } from '../context.js';
import { newId } from '../kernel/secrets.js';
import { recordAudit } from '../kernel/record-audit.js';
import type { Actor } from '../policies/roles.js';
import { invalidField } from '../training/refusals.js';
import { presentTour } from './present-tour.js';
import { loadTourSetup, requireTour, tourIndex } from './tour-setup.js';

export async function saveItinerary(ctx: AppContext, actor: Actor, tourId: string, input: ItineraryInput): Promise<TourView> {
  const known = await tourIndex(ctx, await requireTour(ctx.database.db, tourId));
  const saved = await inTransaction(ctx.database.db, async (trx) => {
    const tour = await requireTour(trx, tourId);
    const { index, instrument } = await loadTourSetup(ctx, tour, trx, known);
    const [days, stops, sheets] = await Promise.all([listTourDays(trx, tourId), listTourStops(trx, tourId), countSheetsBy(trx, tourId, 'stop_id')]);
    const siteName = (id: string) => index.subjects.get(id)?.name ?? id;

    // Sites: each of the instrument, each once.
    const sites = new Set(instrument.subjectIds);
    const seenSites = new Set<string>();
    input.days.forEach((day, d) => {
      day.stops.forEach((stop, s) => {
        const path = `days.${d}.stops.${s}.subjectId`;
        if (!sites.has(stop.subjectId)) throw invalidField(path, MESSAGES.tourSiteUnknown(stop.subjectId));
        if (seenSites.has(stop.subjectId)) throw invalidField(path, MESSAGES.tourSiteTwice(siteName(stop.subjectId)));
        seenSites.add(stop.subjectId);
      });
    });

    // Ids: of this tour, each once.
    const dayById = new Map(days.map((d) => [d.id, d]));
    const stopById = new Map(stops.map((s) => [s.id, s]));
    const seenDays = new Set<string>();
    const seenStops = new Set<string>();
    input.days.forEach((day, d) => {
      if (day.id !== undefined) {
        if (!dayById.has(day.id)) throw invalidField(`days.${d}.id`, MESSAGES.tourDayUnknown(day.id));
        if (seenDays.has(day.id)) throw invalidField(`days.${d}.id`, MESSAGES.tourDayTwice(day.id));
        seenDays.add(day.id);
      }
      day.stops.forEach((stop, s) => {
        if (stop.id === undefined) return;
        if (!stopById.has(stop.id)) throw invalidField(`days.${d}.stops.${s}.id`, MESSAGES.tourStopUnknown(stop.id));
        if (seenStops.has(stop.id)) throw invalidField(`days.${d}.stops.${s}.id`, MESSAGES.tourStopTwice(stop.id));
        seenStops.add(stop.id);
      });
    });

    // A stop with sheets stays, on its site.
    const sentSubject = new Map(input.days.flatMap((d) => d.stops.flatMap((s) => (s.id === undefined ? [] : [[s.id, s.subjectId] as const]))));
    for (const stop of stops) {
      const n = sheets.get(stop.id) ?? 0;
      if (n > 0 && sentSubject.get(stop.id) !== stop.subject_id) throw new AppError('tour_state', { message: MESSAGES.tourStopHasSheets(siteName(stop.subject_id), n) });
    }

    // Days first (stops refer to them), then the stops, then the days no longer planned.
    const dayRows: TourDayRow[] = input.days.map((day, d) => ({ id: day.id ?? newId('day'), tour_id: tourId, campaign_id: tour.campaign_id, date: day.date, label: day.label, position: d + 1 }));
    await insertTourDays(trx, dayRows.filter((d) => !dayById.has(d.id)));
    for (const d of dayRows) if (dayById.has(d.id)) await updateTourDay(trx, d.id, { date: d.date, label: d.label, position: d.position });

    const stopRows: TourStopRow[] = input.days.flatMap((day, d) =>
      day.stops.map((stop, s) => ({
        id: stop.id ?? newId('stop'),
        tour_id: tourId,
        campaign_id: tour.campaign_id,
        day_id: dayRows[d]!.id,
        position: s + 1,
        subject_id: stop.subjectId,
        theme: stop.theme,
        address: stop.address,
        planned_time: stop.plannedTime,
      })),
    );
    // Stops without sheets are replaced (so two of them can swap sites under the one-site-per-tour constraint); those
    // with sheets are updated in place, on their site.
    const withSheets = new Set(stops.filter((s) => (sheets.get(s.id) ?? 0) > 0).map((s) => s.id));
    await deleteTourStops(trx, stops.filter((s) => !withSheets.has(s.id)).map((s) => s.id));
    for (const s of stopRows.filter((r) => withSheets.has(r.id))) {
      await updateTourStop(trx, s.id, { day_id: s.day_id, position: s.position, theme: s.theme, address: s.address, planned_time: s.planned_time });
    }
    await insertTourStops(trx, stopRows.filter((r) => !withSheets.has(r.id)));
    const kept = new Set(dayRows.map((d) => d.id));
    await deleteTourDays(trx, days.filter((d) => !kept.has(d.id)).map((d) => d.id));

    const at = ctx.clock().toISOString();
    await updateTourRow(trx, tourId, { updated_at: at });
    await recordAudit(trx, ctx, actor, 'tour.itinerary', 'tour', tourId, { days: dayRows.length, stops: stopRows.length });
    return { ...tour, updated_at: at };
  });
  return presentTour(ctx, saved);
}
