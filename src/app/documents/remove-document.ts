/**
 * 删除文件: the office, or the township that uploaded its own report's file while the report is not accepted, takes a
 * document off its owner. The row and the bytes are kept (and audited): it is no longer listed or served. A report whose
 * last file goes returns to 未交.
 */
import { AppError } from '../../contracts/errors.js';
import { MESSAGES, notFound } from '../../contracts/messages.js';
import { getDocumentRow, listOwnerDocuments, markDocumentRemoved } from '../../db/repositories/documents.js';
import { getReportRow, updateReportRow } from '../../db/repositories/seminar.js';
import { inTransaction } from '../../db/repositories/shared.js';
import type { AppContext } from '../context.js';
import { recordAudit } from '../kernel/record-audit.js';
import type { Actor } from '../policies/roles.js';
import { assertMayReadDocument, isOffice } from './document-access.js';

export async function removeDocument(ctx: AppContext, actor: Actor, documentId: string): Promise<void> {
  await inTransaction(ctx.database.db, async (trx) => {
    const row = await getDocumentRow(trx, documentId);
    if (!row) throw notFound('document', documentId);
    await assertMayReadDocument(trx, actor, row);
    if (row.removed_at !== null) throw new AppError('not_found', { message: MESSAGES.documentRemoved });
    const report = row.owner_kind === 'seminar_report' && row.class_id ? await getReportRow(trx, row.class_id, row.owner_id) : null;
    if (!isOffice(actor)) {
      // Only a township's own report, and only while the office has not accepted it.
      if (!report || actor.role !== 'viewer' || actor.unitId !== report.unit_id) throw new AppError('forbidden');
      if (report.status === 'accepted') throw new AppError('training_state', { message: MESSAGES.reportAccepted });
    }
    const now = ctx.clock().toISOString();
    if (!(await markDocumentRemoved(trx, row.id, now, `${actor.role}:${actor.id}`))) throw new AppError('not_found', { message: MESSAGES.documentRemoved });
    if (report && report.status !== 'missing' && (await listOwnerDocuments(trx, 'seminar_report', [report.id], report.class_id)).length === 0) {
      await updateReportRow(trx, report.class_id, report.id, { status: 'missing', submitted_at: null, submitted_by: null, accepted_at: null, accepted_by: null });
    }
    await recordAudit(trx, ctx, actor, 'document.remove', 'document', row.id, { owner: row.owner_kind, ownerId: row.owner_id, classId: row.class_id, fileName: row.file_name });
  });
}
