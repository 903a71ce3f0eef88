/**
 * 取消分派: the office takes back a report slot assigned in error — only while nothing was handed in on it (a report
 * that was handed in is sent back first, which keeps its files as removed documents). Audited.
 */
import { AppError } from '../../contracts/errors.js';
import { MESSAGES } from '../../contracts/messages.js';
import { listOwnerDocuments } from '../../db/repositories/documents.js';
import { deleteReportRow } from '../../db/repositories/seminar.js';
import { inTransaction } from '../../db/repositories/shared.js';
import { getUnit } from '../../db/repositories/units.js';
import type { AppContext } from '../context.js';
import { recordAudit } from '../kernel/record-audit.js';
import type { Actor } from '../policies/roles.js';
import { requireReport } from './require-report.js';

export async function deleteReport(ctx: AppContext, actor: Actor, classId: string, reportId: string): Promise<void> {
  await inTransaction(ctx.database.db, async (trx) => {
    const report = await requireReport(trx, classId, reportId);
    if (report.status !== 'missing' || (await listOwnerDocuments(trx, 'seminar_report', [report.id], classId)).length > 0) {
      throw new AppError('training_state', { message: MESSAGES.reportHandedIn });
    }
    await deleteReportRow(trx, classId, reportId);
    await recordAudit(trx, ctx, actor, 'seminar.report.delete', 'seminar_report', `${classId}/${reportId}`, { unit: (await getUnit(trx, report.unit_id))?.name ?? report.unit_id, reminders: report.reminders });
  });
}
