/** 培训班 storage: classes, venues, lessons, the roster, check-ins, devices and attempt counters (migration 0010). */
import { type CompiledQuery, sql } from 'kysely';
import type { Db } from '../database.js';
import type {
  TrainingCheckinsTable,
  TrainingClassesTable,
  TrainingLessonsTable,
  TrainingParticipantsTable,
  TrainingVenuesTable,
} from '../tables/index.js';
import { chunk, inTransaction, toCount } from './shared.js';

export type ClassRow = TrainingClassesTable;
export type VenueRow = TrainingVenuesTable;
export type LessonRow = TrainingLessonsTable;
export type ParticipantRow = TrainingParticipantsTable;
export type CheckinRow = TrainingCheckinsTable;

// ---- classes ------------------------------------------------------------------------------------------------

export async function insertClass(db: Db, row: ClassRow): Promise<void> {
  await db.insertInto('training_classes').values(row).execute();
}

export async function getClassRow(db: Db, id: string): Promise<ClassRow | null> {
  return (await db.selectFrom('training_classes').selectAll().where('id', '=', id).executeTakeFirst()) ?? null;
}

export async function listClassRows(db: Db): Promise<ClassRow[]> {
  return db.selectFrom('training_classes').selectAll().orderBy('starts_on', 'desc').orderBy('id').execute();
}

export async function updateClassRow(db: Db, id: string, values: Partial<Omit<ClassRow, 'id' | 'secret' | 'created_at'>>): Promise<void> {
  await db.updateTable('training_classes').set(values).where('id', '=', id).execute();
}

/** Lessons and participants per class, for the list. */
export async function classCounts(db: Db): Promise<Map<string, { lessons: number; participants: number }>> {
  const lessons = await db.selectFrom('training_lessons').select(['class_id', (eb) => eb.fn.countAll().as('n')]).groupBy('class_id').execute();
  const people = await db.selectFrom('training_participants').select(['class_id', (eb) => eb.fn.countAll().as('n')]).groupBy('class_id').execute();
  const out = new Map<string, { lessons: number; participants: number }>();
  const at = (id: string) => {
    let c = out.get(id);
    if (!c) out.set(id, (c = { lessons: 0, participants: 0 }));
    return c;
  };
  for (const r of lessons) at(r.class_id).lessons = toCount(r.n);
  for (const r of people) at(r.class_id).participants = toCount(r.n);
  return out;
}

// ---- venues and lessons -------------------------------------------------------------------------------------

export async function insertVenues(db: Db, rows: readonly VenueRow[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('training_venues').values([...rows]).execute();
}

export async function updateVenueRow(db: Db, classId: string, id: string, values: Pick<VenueRow, 'name' | 'unit_id' | 'address'>): Promise<void> {
  await db.updateTable('training_venues').set(values).where('class_id', '=', classId).where('id', '=', id).execute();
}

export async function listVenueRows(db: Db, classId: string): Promise<VenueRow[]> {
  return db.selectFrom('training_venues').selectAll().where('class_id', '=', classId).orderBy('id').execute();
}

export async function insertLessons(db: Db, rows: readonly LessonRow[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('training_lessons').values([...rows]).execute();
}

export async function replaceLessonRow(db: Db, row: LessonRow): Promise<void> {
  const { class_id, id, ...values } = row;
  await db.updateTable('training_lessons').set(values).where('class_id', '=', class_id).where('id', '=', id).execute();
}

export async function deleteLessonRow(db: Db, classId: string, id: string): Promise<void> {
  await db.deleteFrom('training_lessons').where('class_id', '=', classId).where('id', '=', id).execute();
}

export async function listLessonRows(db: Db, classId: string): Promise<LessonRow[]> {
  return db.selectFrom('training_lessons').selectAll().where('class_id', '=', classId).orderBy('starts_at').orderBy('id').execute();
}

// ---- the roster ---------------------------------------------------------------------------------------------

const PARTICIPANT_COLUMNS = 8;

export async function insertParticipants(db: Db, rows: readonly ParticipantRow[]): Promise<void> {
  for (const part of chunk(rows, PARTICIPANT_COLUMNS)) await db.insertInto('training_participants').values(part).execute();
}

export async function getParticipantRow(db: Db, classId: string, id: string): Promise<ParticipantRow | null> {
  return (await db.selectFrom('training_participants').selectAll().where('class_id', '=', classId).where('id', '=', id).executeTakeFirst()) ?? null;
}

/**
 * The participant with a personal code, with the wrong codes counted so far under `attemptKey` in `window` and the
 * devices that identified as them since `since` — one query for the first check-in of each trainee.
 */
export async function findParticipantForIdentification(db: Db, classId: string, code: string, attempt: { key: string; window: string }, since: string): Promise<(ParticipantRow & { failures: number; devices: number }) | null> {
  const row = await db
    .selectFrom('training_participants as p')
    .selectAll('p')
    .select((eb) => [
      eb.selectFrom('training_attempts').select('count').where('key', '=', attempt.key).where('window_start', '=', attempt.window).as('failures'),
      eb.selectFrom('training_devices as d').select((e) => e.fn.countAll().as('n')).whereRef('d.class_id', '=', 'p.class_id').whereRef('d.participant_id', '=', 'p.id').where('d.created_at', '>=', since).as('devices'),
    ])
    .where('p.class_id', '=', classId)
    .where('p.code', '=', code)
    .executeTakeFirst();
  if (!row) return null;
  const { failures, devices, ...person } = row;
  return { ...person, failures: toCount(failures), devices: toCount(devices) };
}

export async function updateParticipantRow(db: Db, classId: string, id: string, values: Partial<Pick<ParticipantRow, 'name' | 'unit_id' | 'post' | 'phone'>>): Promise<void> {
  await db.updateTable('training_participants').set(values).where('class_id', '=', classId).where('id', '=', id).execute();
}

/** The whole roster of a class, by unit then name (2,100 rows in the report's class). */
export async function listParticipantRows(db: Db, classId: string): Promise<ParticipantRow[]> {
  return db.selectFrom('training_participants').selectAll().where('class_id', '=', classId).orderBy('unit_id').orderBy('name').orderBy('id').execute();
}

/** People of the roster in these units, for the phone's name picker. */
export async function listParticipantsInUnit(db: Db, classId: string, unitId: string): Promise<Pick<ParticipantRow, 'id' | 'name' | 'post'>[]> {
  return db.selectFrom('training_participants').select(['id', 'name', 'post']).where('class_id', '=', classId).where('unit_id', '=', unitId).orderBy('name').orderBy('id').execute();
}

/** Participants per unit, for the phone's unit picker. */
export async function countParticipantsByUnit(db: Db, classId: string): Promise<{ unitId: string; n: number }[]> {
  const rows = await db.selectFrom('training_participants').select(['unit_id', (eb) => eb.fn.countAll().as('n')]).where('class_id', '=', classId).groupBy('unit_id').execute();
  return rows.map((r) => ({ unitId: r.unit_id, n: toCount(r.n) }));
}

// ---- check-ins ----------------------------------------------------------------------------------------------

/** Stores a mark unless the person already has one for the lesson; true when this call stored it. */
export async function insertCheckin(db: Db, row: CheckinRow): Promise<boolean> {
  const result = await db
    .insertInto('training_checkins')
    .values(row)
    .onConflict((oc) => oc.columns(['class_id', 'lesson_id', 'participant_id']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
}

/** Stores the marks of people not yet marked for their lesson; returns the keys of those it stored. */
export async function insertCheckinsReturning(db: Db, rows: readonly CheckinRow[]): Promise<Pick<CheckinRow, 'class_id' | 'lesson_id' | 'participant_id'>[]> {
  const out: Pick<CheckinRow, 'class_id' | 'lesson_id' | 'participant_id'>[] = [];
  for (const part of chunk(rows, 9)) {
    out.push(
      ...(await db
        .insertInto('training_checkins')
        .values(part)
        .onConflict((oc) => oc.columns(['class_id', 'lesson_id', 'participant_id']).doNothing())
        .returning(['class_id', 'lesson_id', 'participant_id'])
        .execute()),
    );
  }
  return out;
}

export type CheckinKey = Pick<CheckinRow, 'class_id' | 'lesson_id' | 'participant_id'>;

/** One group commit of check-ins: the marks (skipping people already marked) and the new devices, in one transaction. */
export function storeCheckinBatch(db: Db, rows: readonly CheckinRow[], devices: readonly DeviceRow[]): Promise<CheckinKey[]> {
  return inTransaction(db, async (trx) => {
    const stored = await insertCheckinsReturning(trx, rows);
    await insertDevices(trx, devices);
    return stored;
  });
}

export async function insertCheckins(db: Db, rows: readonly CheckinRow[]): Promise<void> {
  for (const part of chunk(rows, 9)) await db.insertInto('training_checkins').values(part).execute();
}

export async function getCheckinRow(db: Db, classId: string, lessonId: string, participantId: string): Promise<CheckinRow | null> {
  return (
    (await db
      .selectFrom('training_checkins')
      .selectAll()
      .where('class_id', '=', classId)
      .where('lesson_id', '=', lessonId)
      .where('participant_id', '=', participantId)
      .executeTakeFirst()) ?? null
  );
}

export async function listCheckinRows(db: Db, classId: string, lessonId?: string): Promise<CheckinRow[]> {
  let q = db.selectFrom('training_checkins').selectAll().where('class_id', '=', classId);
  if (lessonId !== undefined) q = q.where('lesson_id', '=', lessonId);
  return q.execute();
}

export async function listParticipantCheckins(db: Db, classId: string, participantId: string): Promise<CheckinRow[]> {
  return db.selectFrom('training_checkins').selectAll().where('class_id', '=', classId).where('participant_id', '=', participantId).execute();
}

export async function countLessonCheckins(db: Db, classId: string, lessonId: string): Promise<number> {
  const row = await db.selectFrom('training_checkins').select((eb) => eb.fn.countAll().as('n')).where('class_id', '=', classId).where('lesson_id', '=', lessonId).executeTakeFirstOrThrow();
  return toCount(row.n);
}

// ---- devices and attempts -----------------------------------------------------------------------------------

export type DeviceRow = { hash: string; class_id: string; participant_id: string; created_at: string };

export async function insertDevices(db: Db, rows: readonly DeviceRow[]): Promise<void> {
  for (const part of chunk(rows, 4)) await db.insertInto('training_devices').values(part).execute();
}

/** Devices that identified as this person since `since` (ISO). */
export async function countRecentDevices(db: Db, classId: string, participantId: string, since: string): Promise<number> {
  const row = await db
    .selectFrom('training_devices')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('class_id', '=', classId)
    .where('participant_id', '=', participantId)
    .where('created_at', '>=', since)
    .executeTakeFirstOrThrow();
  return toCount(row.n);
}

/** Built once per connection object: a returning trainee's check-in runs it, and building it cost as much as running it. */
const deviceQueries = new WeakMap<Db, CompiledQuery<ParticipantRow>>();

/** The participant a device secret (by its hash) stands for, in one query. */
export async function findDeviceParticipant(db: Db, hash: string): Promise<ParticipantRow | null> {
  let compiled = deviceQueries.get(db);
  if (!compiled) {
    compiled = db
      .selectFrom('training_devices as d')
      .innerJoin('training_participants as p', (j) => j.onRef('p.class_id', '=', 'd.class_id').onRef('p.id', '=', 'd.participant_id'))
      .selectAll('p')
      .where('d.hash', '=', '')
      .compile();
    deviceQueries.set(db, compiled);
  }
  const result = await db.executeQuery<ParticipantRow>({ ...compiled, parameters: [hash] });
  return result.rows[0] ?? null;
}

/**
 * Counts one attempt under `key` in a fixed window starting at `windowStart` (a new window resets the count);
 * returns the count including this one. One statement, so concurrent servers count together.
 */
export async function countAttempt(db: Db, key: string, windowStart: string): Promise<number> {
  const row = await db
    .insertInto('training_attempts')
    .values({ key, window_start: windowStart, count: 1 })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        count: sql<number>`case when training_attempts.window_start = excluded.window_start then training_attempts.count + 1 else 1 end`,
        window_start: sql<string>`excluded.window_start`,
      }),
    )
    .returning('count')
    .executeTakeFirstOrThrow();
  return Number(row.count);
}
