/**
 * 调度点评会: one per county the tour visits, in the order of the itinerary — recorded or not yet (`held: false`) —
 * each with a comment slot per site of the county on the tour, and whether a score counts in 观摩评.
 */
import type { TourReview } from '../../contracts/tours.js';
import { listTourReviews, type TourReviewRow } from '../../db/repositories/tours.js';
import { reviewScoresCount } from '../../domain/tours/counting.js';
import type { AppContext } from '../context.js';
import { presentDays } from './present-tour.js';
import { loadTourSetup, requireTour, type TourSetup } from './tour-setup.js';

export interface TourCounty {
  unitId: string;
  unitName: string;
  /** The county's sites on the tour, in visiting order. */
  sites: { subjectId: string; siteName: string }[];
}

/** The counties the itinerary visits, in the order it first reaches each. */
export async function tourCounties(ctx: AppContext, setup: TourSetup): Promise<TourCounty[]> {
  const counties = new Map<string, TourCounty>();
  for (const day of await presentDays(ctx.database.db, setup)) {
    for (const stop of day.stops) {
      const county = counties.get(stop.unitId) ?? { unitId: stop.unitId, unitName: stop.unitName, sites: [] };
      county.sites.push({ subjectId: stop.subjectId, siteName: stop.siteName });
      counties.set(stop.unitId, county);
    }
  }
  return [...counties.values()];
}

export function presentReview(county: TourCounty, row: TourReviewRow | undefined, counts: boolean): TourReview {
  const comments = row ? (JSON.parse(row.site_comments) as Record<string, string>) : {};
  return {
    unitId: county.unitId,
    unitName: county.unitName,
    held: row !== undefined,
    heldOn: row?.held_on ?? null,
    place: row?.place ?? '',
    attendees: row ? (JSON.parse(row.attendees) as string[]) : [],
    siteComments: county.sites.map((s) => ({ subjectId: s.subjectId, siteName: s.siteName, comment: Object.hasOwn(comments, s.subjectId) ? comments[s.subjectId]! : '' })),
    remarks: row?.remarks ?? '',
    score: row?.score ?? null,
    counts,
    updatedAt: row?.updated_at ?? null,
  };
}

export async function listReviewsOfTour(ctx: AppContext, tourId: string): Promise<{ reviews: TourReview[] }> {
  const tour = await requireTour(ctx.database.db, tourId);
  const setup = await loadTourSetup(ctx, tour);
  const [counties, rows] = await Promise.all([tourCounties(ctx, setup), listTourReviews(ctx.database.db, tourId)]);
  const counts = reviewScoresCount(setup.index.def, { instrumentId: tour.instrument_id, reviewGroupId: tour.review_group_id });
  return { reviews: counties.map((c) => presentReview(c, rows.find((r) => r.unit_id === c.unitId), counts)) };
}
