/**
 * 分派书面材料: one report slot per township — for every township under the class's city in one step, or for the
 * units the office names (a township or a village "as assigned"). A unit that already has a slot is skipped.
 */
import { randomBytes } from 'node:crypto';
import { AppError } from '../../contracts/errors.js';
import { MESSAGES } from '../../contracts/messages.js';
import type { ReportsCreate } from '../../contracts/seminar.js';
import { insertReportRows, listReportRows, type ReportRow } from '../../db/repositories/seminar.js';
import { inTransaction } from '../../db/repositories/shared.js';
import { getUnit } from '../../db/repositories/units.js';
import type { AppContext } from '../context.js';
import { recordAudit } from '../kernel/record-audit.js';
import type { Actor } from '../policies/roles.js';
import { ClassUnits } from '../training/class-units.js';
import { requireClass } from '../training/require-class.js';

export async function createReports(ctx: AppContext, actor: Actor, classId: string, input: ReportsCreate): Promise<{ created: number; skipped: number }> {
  return inTransaction(ctx.database.db, async (trx) => {
    const { row } = await requireClass(trx, classId);
    const units = await ClassUnits.load(trx, row.root_unit_id);
    let unitIds: string[];
    if (input.unitIds) {
      unitIds = [...new Set(input.unitIds)];
      for (const [i, unitId] of unitIds.entries()) {
        const unit = units.byId.get(unitId);
        if (!unit) {
          const message = MESSAGES.unitOutsideClass((await getUnit(trx, unitId))?.name ?? MESSAGES.chosenUnit.zh);
          throw new AppError('invalid_request', { message, details: [{ path: `body.unitIds.${i}`, message }] });
        }
        if (unit.level !== 'township' && unit.level !== 'village') {
          const message = MESSAGES.reportUnitNotTownship(unit.name);
          throw new AppError('invalid_request', { message, details: [{ path: `body.unitIds.${i}`, message }] });
        }
      }
    } else {
      unitIds = [...units.byId.values()].filter((u) => u.level === 'township').map((u) => u.id);
    }
    const taken = new Set((await listReportRows(trx, classId)).map((r) => r.unit_id));
    const rows: ReportRow[] = unitIds
      .filter((u) => !taken.has(u))
      .map((unitId) => ({
        class_id: classId,
        id: `rp-${randomBytes(5).toString('hex')}`,
        unit_id: unitId,
        title: input.title,
        note: '',
        status: 'missing',
        submitted_at: null,
        submitted_by: null,
        accepted_at: null,
        accepted_by: null,
        reminded_at: null,
        reminders: 0,
      }));
    // One unit named alone that already has its slot is a mistake worth saying; in a batch it is simply skipped.
    if (input.unitIds?.length === 1 && rows.length === 0) throw new AppError('duplicate_id', { message: MESSAGES.reportUnitTaken(units.name(unitIds[0]!)) });
    await insertReportRows(trx, rows);
    await recordAudit(trx, ctx, actor, 'seminar.reports.create', 'training_class', classId, { created: rows.length, skipped: unitIds.length - rows.length, title: input.title });
    return { created: rows.length, skipped: unitIds.length - rows.length };
  });
}
