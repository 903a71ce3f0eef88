/**
 * 书面材料一览: the office sees every report with counts by status and per county, filtered by status or county; a
 * viewer sees the reports of its own unit and below (a county its county's, a township its own), read-only.
 */
import type { ReportBoard, ReportsQuery } from '../../contracts/seminar.js';
import { listReportRows, type ReportRow } from '../../db/repositories/seminar.js';
import type { AppContext } from '../context.js';
import type { Actor } from '../policies/roles.js';
import { outsideScope, viewerUnit } from '../policies/unit-scope.js';
import { ClassUnits } from '../training/class-units.js';
import { requireClass } from '../training/require-class.js';
import { presentReports } from './present-report.js';

type Counts = ReportBoard['counts'];

function count(rows: readonly ReportRow[]): Counts {
  const c: Counts = { total: rows.length, missing: 0, submitted: 0, accepted: 0 };
  for (const r of rows) c[r.status] += 1;
  return c;
}

export async function listReports(ctx: AppContext, actor: Actor, classId: string, query: ReportsQuery): Promise<ReportBoard> {
  const db = ctx.database.db;
  const { row } = await requireClass(db, classId);
  const units = await ClassUnits.load(db, row.root_unit_id);
  const scope = viewerUnit(actor);
  if (scope !== null && query.unitId !== undefined && !units.within(query.unitId, scope)) throw outsideScope();
  const visible = (await listReportRows(db, classId)).filter((r) => scope === null || units.within(r.unit_id, scope));
  const byCounty = new Map<string, ReportRow[]>();
  for (const r of visible) {
    const county = units.countyOf(r.unit_id);
    byCounty.set(county, [...(byCounty.get(county) ?? []), r]);
  }
  const counties = [...byCounty.entries()]
    .map(([countyId, rows]) => ({ countyId, countyName: units.name(countyId), ...count(rows) }))
    .sort((a, b) => a.countyId.localeCompare(b.countyId));
  const shown = visible
    .filter((r) => query.status === undefined || r.status === query.status)
    .filter((r) => query.unitId === undefined || units.within(r.unit_id, query.unitId))
    .sort((a, b) => units.path(a.unit_id).localeCompare(units.path(b.unit_id), 'zh-CN') || a.id.localeCompare(b.id));
  return { counts: count(visible), counties, reports: await presentReports(db, classId, shown, units) };
}
