/**
 * 催交: the office records a reminder on every missing report (or on the missing ones it chose): when, and how many
 * times. The township sees it on its console's home page; nothing is sent by SMS.
 */
import type { ReportRemind } from '../../contracts/seminar.js';
import { listReportRows, remindReportRows } from '../../db/repositories/seminar.js';
import { inTransaction } from '../../db/repositories/shared.js';
import type { AppContext } from '../context.js';
import { recordAudit } from '../kernel/record-audit.js';
import type { Actor } from '../policies/roles.js';
import { requireClass } from '../training/require-class.js';

export async function remindReports(ctx: AppContext, actor: Actor, classId: string, input: ReportRemind): Promise<{ reminded: number; remindedAt: string }> {
  return inTransaction(ctx.database.db, async (trx) => {
    await requireClass(trx, classId);
    const chosen = input.reportIds ? new Set(input.reportIds) : null;
    const due = (await listReportRows(trx, classId)).filter((r) => r.status === 'missing' && (chosen === null || chosen.has(r.id)));
    const at = ctx.clock().toISOString();
    await remindReportRows(trx, classId, due.map((r) => r.id), at);
    await recordAudit(trx, ctx, actor, 'seminar.reports.remind', 'training_class', classId, { reminded: due.length, units: due.map((r) => r.unit_id) });
    return { reminded: due.length, remindedAt: at };
  });
}
