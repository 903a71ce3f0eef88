/**
 * 观摩进度: for the office while the tour runs — per stop, how many observers' sheets count for it (visited once any
 * does); per observer, when the phone last opened the tour and last had a sheet taken (an idle phone has synced
 * recently; one out of signal has not), and each stop's revisions and latest sheet; what is still missing; per county,
 * its stops, the sites scored and whether its review meeting is recorded. An observer whose seat signs a ballot in the
 * session is counted by that ballot (已评（选票）), for the subjects it rates.
 */
import type { TourProgress } from '../../contracts/tours.js';
import { listTourSheets, subjectsRatedBySeat } from '../../db/repositories/tour-sheets.js';
import { listTourObservers, listTourReviews } from '../../db/repositories/tours.js';
import { latestSheets } from '../../domain/tours/counting.js';
import type { Rating } from '../../domain/types.js';
import type { AppContext } from '../context.js';
import { presentDays, presentObserver } from './present-tour.js';
import { loadTourSetup, requireTour } from './tour-setup.js';

export async function getTourProgress(ctx: AppContext, tourId: string): Promise<TourProgress> {
  const db = ctx.database.db;
  const tour = await requireTour(db, tourId);
  const setup = await loadTourSetup(ctx, tour);
  const [days, observers, rows, reviews] = await Promise.all([presentDays(db, setup), listTourObservers(db, tourId), listTourSheets(db, tourId), listTourReviews(db, tourId)]);
  const byBallot = await subjectsRatedBySeat(db, tour.campaign_id, tour.session_id, tour.rater_group_id, observers.map((o) => o.name));
  const stops = days.flatMap((d) => d.stops.map((s) => ({ ...s, dayId: d.id })));

  const records = rows.map((r) => ({ id: r.id, observerId: r.observer_id, stopId: r.stop_id, subjectId: r.subject_id, rating: JSON.parse(r.rating) as Rating, seq: r.seq }));
  const latest = new Map(latestSheets(records).map((s) => [`${s.observerId}\u0000${s.stopId}`, s]));
  const revisions = new Map<string, number>();
  for (const r of records) revisions.set(`${r.observerId}\u0000${r.stopId}`, (revisions.get(`${r.observerId}\u0000${r.stopId}`) ?? 0) + 1);
  const rowById = new Map(rows.map((r) => [r.id, r]));
  const covered = (observer: { id: string; name: string }, stop: { id: string; subjectId: string }) =>
    latest.has(`${observer.id}\u0000${stop.id}`) || (byBallot.get(observer.name)?.has(stop.subjectId) ?? false);

  const received = new Map(stops.map((s) => [s.id, observers.filter((o) => covered(o, s)).length]));
  const counties = new Map<string, { unitId: string; unitName: string; stops: number; sitesScored: number; reviewHeld: boolean }>();
  for (const s of stops) {
    const county = counties.get(s.unitId) ?? { unitId: s.unitId, unitName: s.unitName, stops: 0, sitesScored: 0, reviewHeld: reviews.some((r) => r.unit_id === s.unitId) };
    county.stops++;
    if ((received.get(s.id) ?? 0) > 0) county.sitesScored++;
    counties.set(s.unitId, county);
  }

  return {
    session: { status: setup.session.status },
    stops: stops.map((s) => ({
      stopId: s.id,
      subjectId: s.subjectId,
      siteName: s.siteName,
      unitName: s.unitName,
      dayId: s.dayId,
      visited: (received.get(s.id) ?? 0) > 0,
      received: received.get(s.id) ?? 0,
      expected: observers.length,
    })),
    observers: observers.map((o) => ({
      ...presentObserver(o),
      viaBallot: byBallot.has(o.name),
      sheets: stops.map((s) => {
        const key = `${o.id}\u0000${s.id}`;
        const last = latest.get(key);
        const row = last ? rowById.get(last.id)! : null;
        return {
          stopId: s.id,
          revisions: revisions.get(key) ?? 0,
          latest: last && row ? { id: last.id, receivedAt: row.received_at, scoredAt: row.scored_at, score: last.rating.score ?? null, adjusted: (last.rating.adjustments ?? []).length > 0 } : null,
        };
      }),
    })),
    missing: observers.flatMap((o) => stops.filter((s) => !covered(o, s)).map((s) => ({ observerId: o.id, stopId: s.id }))),
    counties: [...counties.values()],
  };
}
