/**
 * 观摩手机打开: what the observer's phone keeps for working offline — the tour and whether it takes sheets now, the
 * instrument's scale, criteria and 加分/减分 items with their caps, the itinerary, and every sheet this observer sent
 * (every revision). Records when the phone last opened it.
 */
import type { ObserverBundle, PhoneOpenInput } from '../../contracts/tours.js';
import { MESSAGES } from '../../contracts/messages.js';
import { listTourSheets } from '../../db/repositories/tour-sheets.js';
import { touchTourObserver } from '../../db/repositories/tours.js';
import type { SessionRecord } from '../../db/repositories/sessions.js';
import type { Rating } from '../../domain/types.js';
import type { AppContext } from '../context.js';
import { observerByLink } from './observer-link.js';
import { presentDays } from './present-tour.js';
import { loadTourSetup, requireTour } from './tour-setup.js';

export function closesNote(session: SessionRecord): ObserverBundle['tour']['closesNote'] {
  if (session.status === 'open') return MESSAGES.tourClosesOpen(session.name);
  return session.status === 'draft' ? MESSAGES.tourClosesNotYet(session.name) : MESSAGES.tourClosesClosed(session.name);
}

export async function openObserverBundle(ctx: AppContext, input: PhoneOpenInput): Promise<ObserverBundle> {
  const db = ctx.database.db;
  const observer = await observerByLink(db, input.link);
  const tour = await requireTour(db, observer.tour_id);
  const setup = await loadTourSetup(ctx, tour);
  const { instrument, session } = setup;
  const [days, sheets] = await Promise.all([presentDays(db, setup), listTourSheets(db, tour.id, { observerId: observer.id })]);
  const now = ctx.clock().toISOString();
  await touchTourObserver(db, observer.id, 'seen', now);
  const revisions = new Map<string, number>();
  const adjustments = instrument.adjustments;
  return {
    tour: { id: tour.id, name: tour.name, open: session.status === 'open', closesNote: closesNote(session) },
    observer: { id: observer.id, name: observer.name, roleName: observer.role_name },
    instrument: {
      id: instrument.id,
      name: instrument.name,
      min: instrument.min,
      max: instrument.max,
      step: instrument.step,
      criteria: instrument.criteria,
      opinion: instrument.opinion,
      adjustments: adjustments === null ? null : { items: adjustments.items, maxTotalBonus: adjustments.maxTotalBonus, maxTotalDeduction: adjustments.maxTotalDeduction, capReading: adjustments.capReading ?? 'ceiling' },
    },
    days: days.map((d) => ({
      id: d.id,
      date: d.date,
      label: d.label,
      stops: d.stops.map((s) => ({ id: s.id, subjectId: s.subjectId, siteName: s.siteName, unitName: s.unitName, theme: s.theme, address: s.address, plannedTime: s.plannedTime })),
    })),
    sheets: sheets.map((s) => {
      const revision = (revisions.get(s.stop_id) ?? 0) + 1;
      revisions.set(s.stop_id, revision);
      return { id: s.id, stopId: s.stop_id, rating: JSON.parse(s.rating) as Rating, scoredAt: s.scored_at, receivedAt: s.received_at, revision };
    }),
    serverTime: now,
  };
}
