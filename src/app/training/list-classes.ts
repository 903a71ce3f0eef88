/** 培训班列表: every class, newest first, with its lessons and participants counted. */
import type { ClassSummary } from '../../contracts/training.js';
import { classCounts, listClassRows } from '../../db/repositories/training.js';
import { findUnitsByIds } from '../../db/repositories/unit-search.js';
import type { AppContext } from '../context.js';
import { summarise } from './present-class.js';

export async function listClasses(ctx: AppContext): Promise<ClassSummary[]> {
  const db = ctx.database.db;
  const rows = await listClassRows(db);
  const counts = await classCounts(db);
  const names = new Map((await findUnitsByIds(db, rows.map((r) => r.root_unit_id))).map((u) => [u.id, u.name]));
  return rows.map((r) => summarise(r, names.get(r.root_unit_id) ?? r.root_unit_id, counts.get(r.id) ?? { lessons: 0, participants: 0 }));
}
