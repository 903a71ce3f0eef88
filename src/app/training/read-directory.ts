/**
 * 选择姓名: with a grant, the phone lists the roster's units (with their place, for a filter box) and, for one unit,
 * the names in it — never codes or phones.
 */
import type { Directory } from '../../contracts/training.js';
import { countParticipantsByUnit, listParticipantsInUnit } from '../../db/repositories/training.js';
import type { AppContext } from '../context.js';
import { ClassUnits } from './class-units.js';
import { requireGrant } from './require-grant.js';

export async function readDirectory(ctx: AppContext, grant: string, unitId: string | undefined): Promise<Directory> {
  const { bundle } = await requireGrant(ctx, grant);
  const db = ctx.database.db;
  if (unitId !== undefined) {
    const people = await listParticipantsInUnit(db, bundle.row.id, unitId);
    return { units: [], people: people.map((p) => ({ id: p.id, name: p.name, post: p.post })) };
  }
  const units = await ClassUnits.load(db, bundle.row.root_unit_id);
  const counts = await countParticipantsByUnit(db, bundle.row.id);
  const listed = counts
    .map((c) => ({ id: c.unitId, name: units.name(c.unitId), path: units.path(c.unitId), participants: c.n }))
    .sort((a, b) => a.path.localeCompare(b.path, 'zh-CN'));
  return { units: listed, people: [] };
}
