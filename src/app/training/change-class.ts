/** Runs a change of a class's set-up (dates, venues, agenda) in one transaction, then drops this server's cached copy. */
import type { Db } from '../../db/database.js';
import { inTransaction } from '../../db/repositories/shared.js';
import type { AppContext } from '../context.js';

export async function changeClass<T>(ctx: AppContext, classId: string, work: (trx: Db) => Promise<T>): Promise<T> {
  try {
    return await inTransaction(ctx.database.db, work);
  } finally {
    ctx.training.classes.forget(classId);
  }
}
