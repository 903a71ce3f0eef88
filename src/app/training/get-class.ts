/** 培训班详情: the class, its venues and its agenda by start. */
import type { TrainingClass } from '../../contracts/training.js';
import { classCounts } from '../../db/repositories/training.js';
import type { AppContext } from '../context.js';
import { presentClass } from './present-class.js';
import { requireClass } from './require-class.js';

export async function getClass(ctx: AppContext, classId: string): Promise<TrainingClass> {
  const db = ctx.database.db;
  const bundle = await requireClass(db, classId);
  const counts = await classCounts(db);
  return presentClass(db, bundle, counts.get(classId)?.participants ?? 0);
}
