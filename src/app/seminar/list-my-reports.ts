/** 本单位的书面材料: a township viewer's own reports in every class, with the office's reminders and notes. */
import type { MyReport } from '../../contracts/seminar.js';
import { getClassRow } from '../../db/repositories/training.js';
import { listUnitReportRows } from '../../db/repositories/seminar.js';
import type { AppContext } from '../context.js';
import type { Actor } from '../policies/roles.js';
import { ClassUnits } from '../training/class-units.js';
import { presentReports } from './present-report.js';

export async function listMyReports(ctx: AppContext, actor: Actor): Promise<MyReport[]> {
  if (actor.role !== 'viewer' || !actor.unitId) return [];
  const db = ctx.database.db;
  const rows = await listUnitReportRows(db, actor.unitId);
  const out: MyReport[] = [];
  for (const classId of [...new Set(rows.map((r) => r.class_id))]) {
    const cls = await getClassRow(db, classId);
    if (!cls) continue;
    const units = await ClassUnits.load(db, cls.root_unit_id);
    const views = await presentReports(db, classId, rows.filter((r) => r.class_id === classId), units);
    out.push(...views.map((v) => ({ ...v, classId, className: cls.name })));
  }
  return out;
}
