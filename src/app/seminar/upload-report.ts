/**
 * 上传书面材料: a township uploads its own report's file (the office may upload for any). The first file makes the
 * report 已交; more files may follow. Once the office has accepted it the township can no longer change it.
 */
import { AppError } from '../../contracts/errors.js';
import { MESSAGES } from '../../contracts/messages.js';
import type { SeminarReport } from '../../contracts/seminar.js';
import { updateReportRow, type ReportRow } from '../../db/repositories/seminar.js';
import { inTransaction } from '../../db/repositories/shared.js';
import type { AppContext } from '../context.js';
import { isOffice } from '../documents/document-access.js';
import { insertDocument, keepUpload } from '../documents/store-document.js';
import type { UploadedFile } from '../documents/uploaded-file.js';
import { recordAudit } from '../kernel/record-audit.js';
import type { Actor } from '../policies/roles.js';
import { ClassUnits } from '../training/class-units.js';
import { requireClass } from '../training/require-class.js';
import { presentReports } from './present-report.js';
import { requireReport } from './require-report.js';

function assertMayUpload(actor: Actor, report: ReportRow): void {
  if (isOffice(actor)) return;
  if (actor.role !== 'viewer' || actor.unitId !== report.unit_id) throw new AppError('forbidden', { message: MESSAGES.reportNotYours });
  if (report.status === 'accepted') throw new AppError('training_state', { message: MESSAGES.reportAccepted });
}

export async function uploadReport(ctx: AppContext, actor: Actor, classId: string, reportId: string, upload: UploadedFile): Promise<SeminarReport> {
  const db = ctx.database.db;
  const { row: cls } = await requireClass(db, classId);
  assertMayUpload(actor, await requireReport(db, classId, reportId));
  const units = await ClassUnits.load(db, cls.root_unit_id);
  const before = await requireReport(db, classId, reportId);
  const file = await keepUpload(ctx, upload, `${units.name(before.unit_id)}书面材料`);
  return inTransaction(db, async (trx) => {
    const report = await requireReport(trx, classId, reportId);
    assertMayUpload(actor, report);
    await insertDocument(trx, ctx, actor, { kind: 'seminar_report', id: report.id, classId }, { ...file, sha256: upload.sha256, size: upload.size });
    let after = report;
    if (report.status === 'missing') {
      const now = ctx.clock().toISOString();
      after = { ...report, status: 'submitted', submitted_at: now, submitted_by: `${actor.role}:${actor.id}`, note: '' };
      await updateReportRow(trx, classId, report.id, { status: after.status, submitted_at: after.submitted_at, submitted_by: after.submitted_by, note: '' });
      await recordAudit(trx, ctx, actor, 'seminar.report.submit', 'seminar_report', `${classId}/${report.id}`, { unit: units.name(report.unit_id), fileName: file.fileName });
    }
    return (await presentReports(trx, classId, [after], units))[0]!;
  });
}
