/**
 * What every tour use case starts from: the tour row (or a 404), and the part of its campaign it works on — the
 * definition index (cached once the campaign is under way, kernel/definition-cache.ts), the session as it is now, the
 * score instrument of sites and the observers' group.
 */
import { AppError } from '../../contracts/errors.js';
import { MESSAGES, notFound } from '../../contracts/messages.js';
import type { Db } from '../../db/database.js';
import { getSession, type SessionRecord } from '../../db/repositories/sessions.js';
import { getTourRow, type TourRow } from '../../db/repositories/tours.js';
import type { DefinitionIndex } from '../../domain/definition-index.js';
import type { ItinerarySite } from '../../domain/tours/itinerary.js';
import type { RaterGroup, ScoreInstrument } from '../../domain/types.js';
import type { AppContext } from '../context.js';

export interface TourSetup {
  tour: TourRow;
  index: DefinitionIndex;
  /** Read now: its status decides whether sheets are taken. */
  session: SessionRecord;
  instrument: ScoreInstrument;
  group: RaterGroup;
}

export async function requireTour(db: Db, tourId: string): Promise<TourRow> {
  const tour = await getTourRow(db, tourId);
  if (!tour) throw notFound('tour', tourId);
  return tour;
}

/** A score instrument whose subjects (at least one) are all sites: what a tour can score. */
export function isSiteInstrument(index: DefinitionIndex, instrumentId: string): boolean {
  const instrument = index.instruments.get(instrumentId);
  return instrument?.kind === 'score' && instrument.subjectIds.length > 0 && instrument.subjectIds.every((id) => index.subjects.get(id)?.kind === 'site');
}

/**
 * The tour's campaign as the ballot checks see it (kernel/definition-cache.ts). Read through the database itself,
 * never a transaction: inside one on SQLite's single connection it would wait for itself, so a use case that writes
 * takes it first.
 */
export async function tourIndex(ctx: AppContext, tour: TourRow): Promise<DefinitionIndex> {
  return (await ctx.definitions.forSheet(tour.campaign_id, tour.session_id, null)).index;
}

/** `db`: the transaction a use case works in; `index` then read before it (tourIndex). */
export async function loadTourSetup(ctx: AppContext, tour: TourRow, db: Db = ctx.database.db, known?: DefinitionIndex): Promise<TourSetup> {
  const index = known ?? (await tourIndex(ctx, tour));
  const session = await getSession(db, tour.session_id);
  if (!session) throw notFound('session', tour.session_id);
  const instrument = index.instruments.get(tour.instrument_id);
  const group = index.groups.get(tour.rater_group_id);
  // Only a draft campaign's set-up can still change under a tour; what it then lost is said plainly.
  if (instrument?.kind !== 'score' || !isSiteInstrument(index, instrument.id)) throw new AppError('tour_state', { message: MESSAGES.tourInstrumentUnfit(instrument?.name ?? tour.instrument_id) });
  if (!group) throw new AppError('tour_state', { message: MESSAGES.tourGroupUnfit(tour.rater_group_id) });
  return { tour, index, session, instrument, group };
}

/** Every site of the instrument, in its order, with its county. */
export function tourSites(index: DefinitionIndex, instrument: ScoreInstrument): ItinerarySite[] {
  return instrument.subjectIds.flatMap((subjectId) => {
    const subject = index.subjects.get(subjectId);
    if (!subject) return [];
    return [{ subjectId, siteName: subject.name, unitId: subject.unitId, unitName: index.units.get(subject.unitId)?.name ?? subject.unitId }];
  });
}
