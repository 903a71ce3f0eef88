/** 座谈会: its speakers (replaced as one ordered list) and its written reports. */
import type { Db } from '../database.js';
import type { SeminarReportsTable, SeminarSpeakersTable } from '../tables/training-content.js';
import { chunk } from './shared.js';

export type SpeakerRow = SeminarSpeakersTable;
export type ReportRow = SeminarReportsTable;

export async function listSpeakerRows(db: Db, classId: string): Promise<SpeakerRow[]> {
  return db.selectFrom('seminar_speakers').selectAll().where('class_id', '=', classId).orderBy('position').execute();
}

export async function replaceSpeakerRows(db: Db, classId: string, rows: readonly SpeakerRow[]): Promise<void> {
  await db.deleteFrom('seminar_speakers').where('class_id', '=', classId).execute();
  for (const part of chunk(rows, 7)) await db.insertInto('seminar_speakers').values(part).execute();
}

export async function insertReportRows(db: Db, rows: readonly ReportRow[]): Promise<void> {
  for (const part of chunk(rows, 12)) await db.insertInto('seminar_reports').values(part).execute();
}

export async function listReportRows(db: Db, classId: string): Promise<ReportRow[]> {
  return db.selectFrom('seminar_reports').selectAll().where('class_id', '=', classId).orderBy('unit_id').orderBy('id').execute();
}

export async function getReportRow(db: Db, classId: string, id: string): Promise<ReportRow | null> {
  return (await db.selectFrom('seminar_reports').selectAll().where('class_id', '=', classId).where('id', '=', id).executeTakeFirst()) ?? null;
}

/** A unit's reports across classes (a township viewer's own). */
export async function listUnitReportRows(db: Db, unitId: string): Promise<ReportRow[]> {
  return db.selectFrom('seminar_reports').selectAll().where('unit_id', '=', unitId).orderBy('class_id').orderBy('id').execute();
}

export async function updateReportRow(db: Db, classId: string, id: string, values: Partial<Omit<ReportRow, 'class_id' | 'id' | 'unit_id'>>): Promise<void> {
  await db.updateTable('seminar_reports').set(values).where('class_id', '=', classId).where('id', '=', id).execute();
}

/** Records one reminder on each report named (reminders += 1). */
export async function remindReportRows(db: Db, classId: string, ids: readonly string[], at: string): Promise<void> {
  for (const part of chunk([...ids], 1, 2000)) {
    await db
      .updateTable('seminar_reports')
      .set((eb) => ({ reminded_at: at, reminders: eb('reminders', '+', 1) }))
      .where('class_id', '=', classId)
      .where('id', 'in', part)
      .execute();
  }
}

export async function deleteReportRow(db: Db, classId: string, id: string): Promise<void> {
  await db.deleteFrom('seminar_reports').where('class_id', '=', classId).where('id', '=', id).execute();
}
