/** 调度点评会纪要: one county's review meeting as printed for the minutes, with the tour and its session named. */
import type { TourReview } from '../../contracts/tours.js';
import type { AppContext } from '../context.js';
import { listReviewsOfTour } from './list-tour-reviews.js';
import { notFound } from '../../contracts/messages.js';
import { requireTour } from './tour-setup.js';

export interface ReviewMinutes {
  tourName: string;
  review: TourReview;
  generatedAt: string;
}

export async function buildReviewMinutes(ctx: AppContext, tourId: string, unitId: string): Promise<ReviewMinutes> {
  const tour = await requireTour(ctx.database.db, tourId);
  const review = (await listReviewsOfTour(ctx, tourId)).reviews.find((r) => r.unitId === unitId);
  if (!review) throw notFound('tourCounty', unitId);
  return { tourName: tour.name, review, generatedAt: ctx.clock().toISOString() };
}
