/**
 * 观摩评计票: the ballots a tour contributes to the tally, derived from what is stored — one pure function, so the
 * server's results, the 计票单, the what-if, the bundle and `leitai tally --verify` all count a tour the same way.
 *
 * - A sheet is one observer's rating of one stop. The latest revision (greatest `seq`) of each observer's stop counts,
 *   as a ballot of the observers' group signed by the observer, cast for that stop's site only (`Ballot.scope`), on the
 *   sheet `tour-<observerId>`: the 计票单 counts one returned sheet per observer who synced anything.
 * - A review meeting's (调度点评会) score counts only when the tour names a review group the instrument weighs: then it
 *   is one ballot of that group per county, rating each of the county's sites on the tour with that score. Otherwise
 *   it is recorded and printed only. A meeting is not a sheet handed out in the session: its ballot belongs to no
 *   session (sessionId null), so it never counts as a returned sheet against those issued.
 */
import type { Ballot, CampaignDefinition, Rating } from '../types.js';

export interface TourSheetRecord {
  id: string;
  observerId: string;
  stopId: string;
  /** The stop's site when the sheet was received. */
  subjectId: string;
  rating: Rating;
  /** Server order; the latest revision is the greatest. */
  seq: number;
}

export interface TourForCounting {
  id: string;
  sessionId: string;
  instrumentId: string;
  raterGroupId: string;
  reviewGroupId: string | null;
  observers: readonly { id: string; name: string }[];
  stops: readonly { id: string; subjectId: string }[];
  sheets: readonly TourSheetRecord[];
  reviews: readonly { unitId: string; score: string | null }[];
}

/** The sheet an observer's ballots are returned on (one per observer, whatever the number of stops). */
export const tourSheetId = (observerId: string): string => `tour-${observerId}`;

/** The latest revision of each (observer, stop), in server order. */
export function latestSheets(sheets: readonly TourSheetRecord[]): TourSheetRecord[] {
  const latest = new Map<string, TourSheetRecord>();
  for (const sheet of sheets) {
    const key = `${sheet.observerId}\u0000${sheet.stopId}`;
    const seen = latest.get(key);
    if (seen === undefined || sheet.seq > seen.seq) latest.set(key, sheet);
  }
  return [...latest.values()].sort((a, b) => a.seq - b.seq);
}

/** The counting ballot of one sheet (also what the sheet is checked as when it arrives). */
export function sheetBallot(tour: Pick<TourForCounting, 'sessionId' | 'instrumentId' | 'raterGroupId'>, observer: { id: string; name: string }, sheet: Pick<TourSheetRecord, 'id' | 'subjectId' | 'rating'>): Ballot {
  return {
    id: sheet.id,
    instrumentId: tour.instrumentId,
    raterGroupId: tour.raterGroupId,
    raterName: observer.name,
    boundUnitId: null,
    sessionId: tour.sessionId,
    sheetId: tourSheetId(observer.id),
    channel: 'online',
    ratings: [sheet.rating],
    scope: [sheet.subjectId],
  };
}

/** Does a review meeting's score count? Only with a review group the tour's instrument weighs. */
export function reviewScoresCount(def: Pick<CampaignDefinition, 'instruments'>, tour: Pick<TourForCounting, 'instrumentId' | 'reviewGroupId'>): boolean {
  if (tour.reviewGroupId === null) return false;
  const instrument = def.instruments.find((i) => i.id === tour.instrumentId);
  return instrument?.groupWeights.some((g) => g.groupId === tour.reviewGroupId) ?? false;
}

/** Every ballot a tour adds to the tally. */
export function tourCountingBallots(def: Pick<CampaignDefinition, 'instruments' | 'raterGroups' | 'subjects' | 'units'>, tour: TourForCounting): Ballot[] {
  const observers = new Map(tour.observers.map((o) => [o.id, o]));
  const ballots: Ballot[] = [];
  for (const sheet of latestSheets(tour.sheets)) {
    const observer = observers.get(sheet.observerId);
    // A sheet names its observer by a foreign key; in a bundle edited by hand it may not: counted with no name.
    ballots.push(sheetBallot(tour, observer ?? { id: sheet.observerId, name: '' }, sheet));
  }
  if (!reviewScoresCount(def, tour)) return ballots;
  const group = def.raterGroups.find((g) => g.id === tour.reviewGroupId);
  const subjects = new Map(def.subjects.map((s) => [s.id, s]));
  const units = new Map(def.units.map((u) => [u.id, u]));
  for (const review of tour.reviews) {
    if (review.score === null) continue;
    const sites = tour.stops.map((s) => s.subjectId).filter((id) => subjects.get(id)?.unitId === review.unitId);
    if (sites.length === 0) continue;
    const sheetId = `tour-review-${tour.id}-${review.unitId}`;
    ballots.push({
      id: sheetId,
      instrumentId: tour.instrumentId,
      raterGroupId: tour.reviewGroupId!,
      raterName: group?.mode === 'named' ? `${units.get(review.unitId)?.name ?? review.unitId}调度点评会` : null,
      boundUnitId: null,
      sessionId: null,
      sheetId,
      channel: 'online',
      ratings: sites.map((subjectId) => ({ subjectId, score: review.score! })),
      scope: sites,
    });
  }
  return ballots;
}
