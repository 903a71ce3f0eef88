/**
 * 观摩 in the bundle: the campaign's tours with every sheet (each observer's sheets of a stop numbered by revision, in
 * the server's order: the order itself is not exported), and the counting ballots derived from them — the one pure
 * function (domain/tours/counting.ts) the server's results and the offline verifier both use.
 */
import type { BundleTour } from '../../contracts/bundle.js';
import type { Db } from '../../db/database.js';
import { loadToursForCounting } from '../../db/repositories/tour-sheets.js';
import { tourCountingBallots, type TourForCounting } from '../../domain/tours/counting.js';
import type { Ballot, CampaignDefinition } from '../../domain/types.js';

export async function toursForBundle(db: Db, campaignId: string): Promise<BundleTour[]> {
  return (await loadToursForCounting(db, campaignId)).map((tour) => {
    const revision = new Map<string, number>();
    return {
      id: tour.id,
      sessionId: tour.sessionId,
      instrumentId: tour.instrumentId,
      raterGroupId: tour.raterGroupId,
      reviewGroupId: tour.reviewGroupId,
      observers: tour.observers.map((o) => ({ id: o.id, name: o.name })),
      stops: tour.stops.map((s) => ({ id: s.id, subjectId: s.subjectId })),
      sheets: tour.sheets.map((s) => {
        const key = `${s.observerId}\u0000${s.stopId}`;
        const n = (revision.get(key) ?? 0) + 1;
        revision.set(key, n);
        return { id: s.id, observerId: s.observerId, stopId: s.stopId, subjectId: s.subjectId, revision: n, rating: s.rating };
      }),
      reviews: tour.reviews.map((r) => ({ unitId: r.unitId, score: r.score })),
    };
  });
}

/** The counting ballots of a bundle's tours (revisions stand for the server's order: the latest counts). */
export function bundleTourBallots(definition: CampaignDefinition, tours: readonly BundleTour[] | undefined): Ballot[] {
  return (tours ?? []).flatMap((tour) => {
    const counting: TourForCounting = { ...tour, sheets: tour.sheets.map((s) => ({ ...s, seq: s.revision })) };
    return tourCountingBallots(definition, counting);
  });
}
