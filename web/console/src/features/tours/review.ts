/** The sites a county's review meeting comments on: that county's stops in itinerary order, then any site commented before. */
import type { TourReview, TourView } from './types.js';

export function reviewSites(view: Pick<TourView, 'days'>, review: Pick<TourReview, 'unitId' | 'siteComments'>): { subjectId: string; siteName: string }[] {
  const out = view.days.flatMap((d) => d.stops.filter((s) => s.unitId === review.unitId).map((s) => ({ subjectId: s.subjectId, siteName: s.siteName })));
  const seen = new Set(out.map((s) => s.subjectId));
  for (const c of review.siteComments) if (!seen.has(c.subjectId)) out.push({ subjectId: c.subjectId, siteName: c.siteName });
  return out;
}
