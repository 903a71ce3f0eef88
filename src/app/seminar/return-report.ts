/**
 * 退回书面材料: the office sends a submitted (or accepted) report back to 未交 with a note saying why. Its files are
 * taken off the report (kept, as removed documents are), so what the township uploads next is what counts.
 */
import { AppError } from '../../contracts/errors.js';
import { MESSAGES } from '../../contracts/messages.js';
import type { SeminarReport } from '../../contracts/seminar.js';
import { listOwnerDocuments, markDocumentRemoved } from '../../db/repositories/documents.js';
import { updateReportRow } from '../../db/repositories/seminar.js';
import { inTransaction } from '../../db/repositories/shared.js';
import type { AppContext } from '../context.js';
import { recordAudit } from '../kernel/record-audit.js';
import type { Actor } from '../policies/roles.js';
import { ClassUnits } from '../training/class-units.js';
import { requireClass } from '../training/require-class.js';
import { presentReports } from './present-report.js';
import { requireReport } from './require-report.js';

export async function returnReport(ctx: AppContext, actor: Actor, classId: string, reportId: string, note: string): Promise<SeminarReport> {
  return inTransaction(ctx.database.db, async (trx) => {
    const { row: cls } = await requireClass(trx, classId);
    const report = await requireReport(trx, classId, reportId);
    if (report.status === 'missing') throw new AppError('training_state', { message: MESSAGES.reportAlreadyMissing });
    const now = ctx.clock().toISOString();
    const by = `${actor.role}:${actor.id}`;
    const documents = await listOwnerDocuments(trx, 'seminar_report', [report.id], classId);
    for (const d of documents) await markDocumentRemoved(trx, d.id, now, by);
    const after = { ...report, status: 'missing' as const, note, submitted_at: null, submitted_by: null, accepted_at: null, accepted_by: null };
    await updateReportRow(trx, classId, reportId, { status: 'missing', note, submitted_at: null, submitted_by: null, accepted_at: null, accepted_by: null });
    const units = await ClassUnits.load(trx, cls.root_unit_id);
    await recordAudit(trx, ctx, actor, 'seminar.report.return', 'seminar_report', `${classId}/${reportId}`, { unit: units.name(report.unit_id), note, documents: documents.map((d) => d.file_name) });
    return (await presentReports(trx, classId, [after], units))[0]!;
  });
}
