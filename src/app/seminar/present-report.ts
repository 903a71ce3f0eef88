/** A written report as the console shows it: its township by name and place, its county, its status and its files. */
import type { DocumentView } from '../../contracts/documents.js';
import type { SeminarReport } from '../../contracts/seminar.js';
import type { Db } from '../../db/database.js';
import { listOwnerDocuments } from '../../db/repositories/documents.js';
import type { ReportRow } from '../../db/repositories/seminar.js';
import { presentDocuments } from '../documents/present-document.js';
import type { ClassUnits } from '../training/class-units.js';

export function presentReport(row: ReportRow, units: ClassUnits, documents: DocumentView[]): SeminarReport {
  const countyId = units.countyOf(row.unit_id);
  return {
    id: row.id,
    unitId: row.unit_id,
    unitName: units.name(row.unit_id),
    unitPath: units.path(row.unit_id),
    countyId,
    countyName: units.name(countyId),
    title: row.title,
    note: row.note,
    status: row.status,
    submittedAt: row.submitted_at,
    acceptedAt: row.accepted_at,
    remindedAt: row.reminded_at,
    reminders: row.reminders,
    documents,
  };
}

/** The reports with their listed documents, read in one query per class. */
export async function presentReports(db: Db, classId: string, rows: readonly ReportRow[], units: ClassUnits): Promise<SeminarReport[]> {
  const docs = await listOwnerDocuments(db, 'seminar_report', rows.map((r) => r.id), classId);
  const views = await presentDocuments(db, docs);
  const byOwner = new Map<string, DocumentView[]>();
  docs.forEach((d, i) => {
    const list = byOwner.get(d.owner_id) ?? [];
    list.push(views[i]!);
    byOwner.set(d.owner_id, list);
  });
  return rows.map((r) => presentReport(r, units, byOwner.get(r.id) ?? []));
}
