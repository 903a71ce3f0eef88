/** 收取书面材料: the office accepts a submitted report; from then on the township cannot change it. */
import { AppError } from '../../contracts/errors.js';
import { MESSAGES } from '../../contracts/messages.js';
import type { SeminarReport } from '../../contracts/seminar.js';
import { updateReportRow } from '../../db/repositories/seminar.js';
import { inTransaction } from '../../db/repositories/shared.js';
import type { AppContext } from '../context.js';
import { recordAudit } from '../kernel/record-audit.js';
import type { Actor } from '../policies/roles.js';
import { ClassUnits } from '../training/class-units.js';
import { requireClass } from '../training/require-class.js';
import { presentReports } from './present-report.js';
import { requireReport } from './require-report.js';

export async function acceptReport(ctx: AppContext, actor: Actor, classId: string, reportId: string): Promise<SeminarReport> {
  return inTransaction(ctx.database.db, async (trx) => {
    const { row: cls } = await requireClass(trx, classId);
    const report = await requireReport(trx, classId, reportId);
    const units = await ClassUnits.load(trx, cls.root_unit_id);
    if (report.status === 'missing') throw new AppError('training_state', { message: MESSAGES.reportNotSubmitted });
    if (report.status === 'accepted') return (await presentReports(trx, classId, [report], units))[0]!;
    const after = { ...report, status: 'accepted' as const, accepted_at: ctx.clock().toISOString(), accepted_by: `${actor.role}:${actor.id}` };
    await updateReportRow(trx, classId, reportId, { status: after.status, accepted_at: after.accepted_at, accepted_by: after.accepted_by });
    await recordAudit(trx, ctx, actor, 'seminar.report.accept', 'seminar_report', `${classId}/${reportId}`, { unit: units.name(report.unit_id) });
    return (await presentReports(trx, classId, [after], units))[0]!;
  });
}
