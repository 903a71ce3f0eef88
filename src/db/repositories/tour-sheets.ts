/**
 * 观摩评分表 storage (migration 0017): sheets are append-only, keyed by the id the phone made, ordered by `seq`. A sheet
 * is stored only while the tour's session is open, decided in the storing transaction (on PostgreSQL the session row
 * is read FOR SHARE, so a close waits for sheets being stored and a sheet after the close sees it).
 */
import type { TourForCounting, TourSheetRecord } from '../../domain/tours/counting.js';
import type { Rating } from '../../domain/types.js';
import type { Db } from '../database.js';
import { isPostgres } from '../dialect/index.js';
import type { SessionStatus, TourSheetsTable } from '../tables/index.js';
import { countsBySession, inTransaction, toCount } from './shared.js';

export type TourSheetRow = Omit<TourSheetsTable, 'seq'> & { seq: number };
export type NewTourSheet = Omit<TourSheetRow, 'seq'>;

const toRow = (r: Omit<TourSheetsTable, 'seq'> & { seq: number | string }): TourSheetRow => ({ ...r, seq: Number(r.seq) });

export async function getTourSheet(db: Db, id: string): Promise<TourSheetRow | null> {
  const row = await db.selectFrom('tour_sheets').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toRow(row) : null;
}

export type StoreOutcome = { outcome: 'stored'; sheet: TourSheetRow } | { outcome: 'exists' } | { outcome: 'not-open'; status: SessionStatus | null };

/** Stores a sheet unless its id exists, only while `sessionId` is open. */
export async function storeTourSheet(db: Db, sheet: NewTourSheet, sessionId: string): Promise<StoreOutcome> {
  return inTransaction(db, async (trx) => {
    const query = trx.selectFrom('sessions').select('status').where('id', '=', sessionId);
    const session = await (isPostgres(trx) ? query.forShare() : query).executeTakeFirst();
    if (session?.status !== 'open') return { outcome: 'not-open', status: session?.status ?? null };
    const stored = await trx.insertInto('tour_sheets').values(sheet).onConflict((oc) => oc.column('id').doNothing()).returning('seq').executeTakeFirst();
    if (!stored) return { outcome: 'exists' };
    return { outcome: 'stored', sheet: { ...sheet, seq: Number(stored.seq) } };
  });
}

/** Which revision of its observer's stop a sheet is: 1 for the first. */
export async function sheetRevision(db: Db, sheet: Pick<TourSheetRow, 'tour_id' | 'observer_id' | 'stop_id' | 'seq'>): Promise<number> {
  const row = await db
    .selectFrom('tour_sheets')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('tour_id', '=', sheet.tour_id)
    .where('observer_id', '=', sheet.observer_id)
    .where('stop_id', '=', sheet.stop_id)
    .where('seq', '<=', sheet.seq)
    .executeTakeFirstOrThrow();
  return toCount(row.n);
}

/** A tour's sheets, every revision, oldest first; optionally one observer's or one stop's. */
export async function listTourSheets(db: Db, tourId: string, filter: { observerId?: string; stopId?: string } = {}): Promise<TourSheetRow[]> {
  let query = db.selectFrom('tour_sheets').selectAll().where('tour_id', '=', tourId);
  if (filter.observerId !== undefined) query = query.where('observer_id', '=', filter.observerId);
  if (filter.stopId !== undefined) query = query.where('stop_id', '=', filter.stopId);
  return (await query.orderBy('seq').execute()).map(toRow);
}

/** Sheets per tour of a campaign, every revision. */
export async function countTourSheets(db: Db, campaignId: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('tour_sheets')
    .select(['tour_id', (eb) => eb.fn.countAll<string | number>().as('n')])
    .where('campaign_id', '=', campaignId)
    .groupBy('tour_id')
    .execute();
  return new Map(rows.map((r) => [r.tour_id, toCount(r.n)]));
}

/** Sheets per stop (or per observer) of a tour, every revision. */
export async function countSheetsBy(db: Db, tourId: string, by: 'stop_id' | 'observer_id'): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('tour_sheets')
    .select([by, (eb) => eb.fn.countAll<string | number>().as('n')])
    .where('tour_id', '=', tourId)
    .groupBy(by)
    .execute();
  return new Map(rows.map((r) => [(r as Record<typeof by, string>)[by], toCount(r.n)]));
}

/**
 * Of these seat names, those that sign a ballot of the group in the session: such an observer is counted by the
 * ballot, and the phone's sheets would count them twice.
 */
export async function seatsWithBallots(db: Db, campaignId: string, sessionId: string, groupId: string, names: readonly string[]): Promise<Set<string>> {
  if (names.length === 0) return new Set();
  const rows = await db
    .selectFrom('ballots')
    .select('rater_name')
    .distinct()
    .where('campaign_id', '=', campaignId)
    .where('session_id', '=', sessionId)
    .where('rater_group_id', '=', groupId)
    .where('rater_name', 'in', [...names])
    .execute();
  return new Set(rows.map((r) => r.rater_name!));
}

/**
 * Personal links handed out per session and group: each observer of a tour is a sheet issued in the tour's session —
 * except one whose seat already signs a ballot there (the phone's sheets are refused, the ballot was its sheet).
 */
export async function observerIssuedCounts(db: Db, campaignId: string): Promise<Map<string, Record<string, number>>> {
  const rows = await db
    .selectFrom('tour_observers as o')
    .innerJoin('tours as t', 't.id', 'o.tour_id')
    .select(['t.session_id', 't.rater_group_id', (eb) => eb.fn.countAll<string | number>().as('n')])
    .where('o.campaign_id', '=', campaignId)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('ballots as b')
            .select('b.id')
            .whereRef('b.campaign_id', '=', 't.campaign_id')
            .whereRef('b.session_id', '=', 't.session_id')
            .whereRef('b.rater_group_id', '=', 't.rater_group_id')
            .whereRef('b.rater_name', '=', 'o.name'),
        ),
      ),
    )
    .groupBy(['t.session_id', 't.rater_group_id'])
    .execute();
  return countsBySession(rows);
}

/**
 * Observers who handed in at least one sheet, per session and group: an observer's tour is one returned sheet of its
 * session, as the tally counts it (domain/tours/counting.ts: every sheet's ballot is the observer's one sheet).
 */
export async function observerReturnedCounts(db: Db, where: { campaignId: string } | { sessionId: string }): Promise<Map<string, Record<string, number>>> {
  const query = db
    .selectFrom('tour_sheets as s')
    .innerJoin('tours as t', 't.id', 's.tour_id')
    .select(['t.session_id', 't.rater_group_id', (eb) => eb.fn.count<string | number>('s.observer_id').distinct().as('n')])
    .groupBy(['t.session_id', 't.rater_group_id']);
  return countsBySession(await ('campaignId' in where ? query.where('t.campaign_id', '=', where.campaignId) : query.where('t.session_id', '=', where.sessionId)).execute());
}

/** Every tour of a campaign as the counting needs it (domain/tours/counting.ts), sheets of every revision included. */
export async function loadToursForCounting(db: Db, campaignId: string): Promise<TourForCounting[]> {
  const tours = await db.selectFrom('tours').select(['id', 'session_id', 'instrument_id', 'rater_group_id', 'review_group_id']).where('campaign_id', '=', campaignId).orderBy('id').execute();
  if (tours.length === 0) return [];
  const [observers, stops, sheets, reviews] = await Promise.all([
    db.selectFrom('tour_observers').select(['tour_id', 'id', 'name']).where('campaign_id', '=', campaignId).orderBy('position').orderBy('id').execute(),
    db.selectFrom('tour_stops').select(['tour_id', 'id', 'subject_id']).where('campaign_id', '=', campaignId).orderBy('id').execute(),
    db.selectFrom('tour_sheets').select(['tour_id', 'id', 'observer_id', 'stop_id', 'subject_id', 'rating', 'seq']).where('campaign_id', '=', campaignId).orderBy('seq').execute(),
    db.selectFrom('tour_reviews').select(['tour_id', 'unit_id', 'score']).where('campaign_id', '=', campaignId).orderBy('unit_id').execute(),
  ]);
  return tours.map((t) => ({
    id: t.id,
    sessionId: t.session_id,
    instrumentId: t.instrument_id,
    raterGroupId: t.rater_group_id,
    reviewGroupId: t.review_group_id,
    observers: observers.filter((o) => o.tour_id === t.id).map((o) => ({ id: o.id, name: o.name })),
    stops: stops.filter((s) => s.tour_id === t.id).map((s) => ({ id: s.id, subjectId: s.subject_id })),
    sheets: sheets
      .filter((s) => s.tour_id === t.id)
      .map((s): TourSheetRecord => ({ id: s.id, observerId: s.observer_id, stopId: s.stop_id, subjectId: s.subject_id, rating: JSON.parse(s.rating) as Rating, seq: Number(s.seq) })),
    reviews: reviews.filter((r) => r.tour_id === t.id).map((r) => ({ unitId: r.unit_id, score: r.score })),
  }));
}

/**
 * The subjects each of these seats rated on its ballots of the group in the session (as cast): an observer who signs a
 * ballot is counted by it, stop by stop.
 */
export async function subjectsRatedBySeat(db: Db, campaignId: string, sessionId: string, groupId: string, names: readonly string[]): Promise<Map<string, Set<string>>> {
  const out = new Map<string, Set<string>>();
  if (names.length === 0) return out;
  const rows = await db
    .selectFrom('ballots as b')
    .innerJoin('ballot_contents as c', (join) => join.onRef('c.campaign_id', '=', 'b.campaign_id').onRef('c.ballot_id', '=', 'b.id'))
    .select(['b.rater_name', 'c.ratings'])
    .where('b.campaign_id', '=', campaignId)
    .where('b.session_id', '=', sessionId)
    .where('b.rater_group_id', '=', groupId)
    .where('b.rater_name', 'in', [...names])
    .execute();
  for (const r of rows) {
    const subjects = out.get(r.rater_name!) ?? new Set<string>();
    for (const rating of JSON.parse(r.ratings) as Rating[]) if (rating.abstain !== true) subjects.add(rating.subjectId);
    out.set(r.rater_name!, subjects);
  }
  return out;
}
