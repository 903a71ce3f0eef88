/** 观摩 storage (migration 0017): tours, their days and stops, observers and review meetings. Sheets: tour-sheets.ts. */
import type { Db } from '../database.js';
import type { TourDaysTable, TourObserversTable, TourReviewsTable, ToursTable, TourStopsTable } from '../tables/index.js';
import { chunk, toCount } from './shared.js';

export type TourRow = ToursTable;
export type TourDayRow = TourDaysTable;
export type TourStopRow = TourStopsTable;
export type TourObserverRow = TourObserversTable;
export type TourReviewRow = TourReviewsTable;

export async function insertTour(db: Db, row: TourRow): Promise<void> {
  await db.insertInto('tours').values(row).execute();
}

export async function getTourRow(db: Db, tourId: string): Promise<TourRow | null> {
  return (await db.selectFrom('tours').selectAll().where('id', '=', tourId).executeTakeFirst()) ?? null;
}

export async function listTourRows(db: Db, campaignId: string): Promise<TourRow[]> {
  return db.selectFrom('tours').selectAll().where('campaign_id', '=', campaignId).orderBy('created_at').orderBy('id').execute();
}

export async function updateTourRow(db: Db, tourId: string, values: Partial<Pick<TourRow, 'name' | 'review_group_id' | 'updated_at'>>): Promise<void> {
  await db.updateTable('tours').set(values).where('id', '=', tourId).execute();
}

/** Removes a tour with everything planned for it; the caller has made sure no sheet exists. */
export async function deleteTourRows(db: Db, tourId: string): Promise<void> {
  await db.deleteFrom('tour_reviews').where('tour_id', '=', tourId).execute();
  await db.deleteFrom('tour_observers').where('tour_id', '=', tourId).execute();
  await db.deleteFrom('tour_stops').where('tour_id', '=', tourId).execute();
  await db.deleteFrom('tour_days').where('tour_id', '=', tourId).execute();
  await db.deleteFrom('tours').where('id', '=', tourId).execute();
}

// ---- days and stops ------------------------------------------------------------------------------------------

export async function listTourDays(db: Db, tourId: string): Promise<TourDayRow[]> {
  return db.selectFrom('tour_days').selectAll().where('tour_id', '=', tourId).orderBy('position').execute();
}

export async function listTourStops(db: Db, tourId: string): Promise<TourStopRow[]> {
  return db.selectFrom('tour_stops').selectAll().where('tour_id', '=', tourId).orderBy('day_id').orderBy('position').execute();
}

export async function getTourStop(db: Db, stopId: string): Promise<TourStopRow | null> {
  return (await db.selectFrom('tour_stops').selectAll().where('id', '=', stopId).executeTakeFirst()) ?? null;
}

export async function insertTourDays(db: Db, rows: readonly TourDayRow[]): Promise<void> {
  for (const part of chunk(rows, 6)) await db.insertInto('tour_days').values(part).execute();
}

export async function updateTourDay(db: Db, dayId: string, values: Pick<TourDayRow, 'date' | 'label' | 'position'>): Promise<void> {
  await db.updateTable('tour_days').set(values).where('id', '=', dayId).execute();
}

export async function deleteTourDays(db: Db, dayIds: readonly string[]): Promise<void> {
  for (const part of chunk(dayIds, 1)) await db.deleteFrom('tour_days').where('id', 'in', part).execute();
}

export async function insertTourStops(db: Db, rows: readonly TourStopRow[]): Promise<void> {
  for (const part of chunk(rows, 9)) await db.insertInto('tour_stops').values(part).execute();
}

export async function updateTourStop(db: Db, stopId: string, values: Pick<TourStopRow, 'day_id' | 'position' | 'theme' | 'address' | 'planned_time'>): Promise<void> {
  await db.updateTable('tour_stops').set(values).where('id', '=', stopId).execute();
}

export async function deleteTourStops(db: Db, stopIds: readonly string[]): Promise<void> {
  for (const part of chunk(stopIds, 1)) await db.deleteFrom('tour_stops').where('id', 'in', part).execute();
}

// ---- observers -----------------------------------------------------------------------------------------------

export async function listTourObservers(db: Db, tourId: string): Promise<TourObserverRow[]> {
  return db.selectFrom('tour_observers').selectAll().where('tour_id', '=', tourId).orderBy('position').orderBy('id').execute();
}

export async function getTourObserver(db: Db, observerId: string): Promise<TourObserverRow | null> {
  return (await db.selectFrom('tour_observers').selectAll().where('id', '=', observerId).executeTakeFirst()) ?? null;
}

export async function insertTourObservers(db: Db, rows: readonly TourObserverRow[]): Promise<void> {
  for (const part of chunk(rows, 9)) await db.insertInto('tour_observers').values(part).execute();
}

export async function updateTourObserver(db: Db, observerId: string, values: Partial<Pick<TourObserverRow, 'name' | 'role_name' | 'key_hash'>>): Promise<void> {
  await db.updateTable('tour_observers').set(values).where('id', '=', observerId).execute();
}

export async function deleteTourObserver(db: Db, observerId: string): Promise<void> {
  await db.deleteFrom('tour_observers').where('id', '=', observerId).execute();
}

/** When the observer's phone last opened the tour (`seen`) or had a sheet taken (`synced`). */
export async function touchTourObserver(db: Db, observerId: string, what: 'seen' | 'synced', at: string): Promise<void> {
  await db
    .updateTable('tour_observers')
    .set(what === 'seen' ? { last_seen_at: at } : { last_synced_at: at })
    .where('id', '=', observerId)
    .execute();
}

// ---- review meetings -----------------------------------------------------------------------------------------

export async function listTourReviews(db: Db, tourId: string): Promise<TourReviewRow[]> {
  return db.selectFrom('tour_reviews').selectAll().where('tour_id', '=', tourId).execute();
}

export async function saveTourReview(db: Db, row: TourReviewRow): Promise<void> {
  const { tour_id: _tour, unit_id: _unit, campaign_id: _campaign, ...values } = row;
  await db
    .insertInto('tour_reviews')
    .values(row)
    .onConflict((oc) => oc.columns(['tour_id', 'unit_id']).doUpdateSet(values))
    .execute();
}

// ---- counts ----------------------------------------------------------------------------------------------------

/** Days, stops and observers per tour of a campaign (for the list). */
export async function countTourParts(db: Db, campaignId: string): Promise<Map<string, { days: number; stops: number; observers: number }>> {
  const out = new Map<string, { days: number; stops: number; observers: number }>();
  const entry = (tourId: string) => {
    let e = out.get(tourId);
    if (!e) out.set(tourId, (e = { days: 0, stops: 0, observers: 0 }));
    return e;
  };
  for (const [table, field] of [['tour_days', 'days'], ['tour_stops', 'stops'], ['tour_observers', 'observers']] as const) {
    const rows = await db
      .selectFrom(table)
      .select(['tour_id', (eb) => eb.fn.countAll<string | number>().as('n')])
      .where('campaign_id', '=', campaignId)
      .groupBy('tour_id')
      .execute();
    for (const r of rows) entry(r.tour_id)[field] = toCount(r.n);
  }
  return out;
}
