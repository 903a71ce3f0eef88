/** A report of this class, or a 404 (a report id of another class is not found here). */
import { notFound } from '../../contracts/messages.js';
import type { Db } from '../../db/database.js';
import { getReportRow, type ReportRow } from '../../db/repositories/seminar.js';

export async function requireReport(db: Db, classId: string, reportId: string): Promise<ReportRow> {
  const row = await getReportRow(db, classId, reportId);
  if (!row) throw notFound('seminarReport', reportId);
  return row;
}
