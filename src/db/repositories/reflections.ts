/** 讲收获 storage (migration 0012): one row per reflection, keyed by the class and the id the phone made. */
import type { Db } from '../database.js';
import type { ReflectionsTable } from '../tables/index.js';
import { chunk, toCount } from './shared.js';

export type ReflectionRow = ReflectionsTable;

export async function getReflectionRow(db: Db, classId: string, id: string): Promise<ReflectionRow | null> {
  return (await db.selectFrom('reflections').selectAll().where('class_id', '=', classId).where('id', '=', id).executeTakeFirst()) ?? null;
}

/** Stores a new reflection unless its id is already taken; true when this call stored it. */
export async function insertReflection(db: Db, row: ReflectionRow): Promise<boolean> {
  const stored = await db.insertInto('reflections').values(row).onConflict((oc) => oc.columns(['class_id', 'id']).doNothing()).returning('id').execute();
  return stored.length > 0;
}

export async function insertReflections(db: Db, rows: readonly ReflectionRow[]): Promise<void> {
  for (const part of chunk(rows, 8)) await db.insertInto('reflections').values(part).execute();
}

export async function updateReflectionRow(db: Db, classId: string, id: string, values: Partial<Pick<ReflectionRow, 'text' | 'lesson_id' | 'updated_at' | 'featured'>>): Promise<void> {
  await db.updateTable('reflections').set(values).where('class_id', '=', classId).where('id', '=', id).execute();
}

/** One trainee's reflections, oldest first. */
export async function listParticipantReflections(db: Db, classId: string, participantId: string): Promise<ReflectionRow[]> {
  return db.selectFrom('reflections').selectAll().where('class_id', '=', classId).where('participant_id', '=', participantId).orderBy('created_at').orderBy('id').execute();
}

export async function countParticipantReflections(db: Db, classId: string, participantId: string): Promise<number> {
  const row = await db.selectFrom('reflections').select((eb) => eb.fn.countAll().as('n')).where('class_id', '=', classId).where('participant_id', '=', participantId).executeTakeFirstOrThrow();
  return toCount(row.n);
}

/** Every reflection of a class, newest first (a class has a few thousand at most). */
export async function listReflectionRows(db: Db, classId: string): Promise<ReflectionRow[]> {
  return db.selectFrom('reflections').selectAll().where('class_id', '=', classId).orderBy('created_at', 'desc').orderBy('id').execute();
}
