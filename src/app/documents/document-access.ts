/**
 * Who may read a document: whoever may read its owner. The office reads all. A report's documents: a viewer whose unit
 * is the report's unit or above it (a township its own, a county its county's). A group's documents: the office only
 * (groups are the class office's working material). A case's: every logged-in role once the case is published, the
 * office only while it is a draft.
 */
import { AppError } from '../../contracts/errors.js';
import { notFound } from '../../contracts/messages.js';
import type { Db } from '../../db/database.js';
import { getCaseRow } from '../../db/repositories/cases.js';
import type { DocumentRow } from '../../db/repositories/documents.js';
import { getReportRow } from '../../db/repositories/seminar.js';
import { OFFICE, type Actor } from '../policies/roles.js';
import { isStoredUnitWithin, viewerUnit } from '../policies/unit-scope.js';

export const isOffice = (actor: Actor): boolean => OFFICE.includes(actor.role);

export async function assertMayReadDocument(db: Db, actor: Actor, row: DocumentRow): Promise<void> {
  if (isOffice(actor)) return;
  switch (row.owner_kind) {
    case 'seminar_report': {
      if (actor.role !== 'viewer') throw new AppError('forbidden');
      const report = row.class_id ? await getReportRow(db, row.class_id, row.owner_id) : null;
      if (!report || !(await isStoredUnitWithin(db, report.unit_id, viewerUnit(actor)!))) throw new AppError('forbidden');
      return;
    }
    case 'case': {
      const found = await getCaseRow(db, row.owner_id);
      // A draft's documents are not there for those who may not see the draft.
      if (found?.published !== 1) throw notFound('document', row.id);
      return;
    }
    default:
      throw new AppError('forbidden');
  }
}
