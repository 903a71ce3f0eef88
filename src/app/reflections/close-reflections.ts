/** 讲收获截止: the office closes a class's reflections now, or opens them again (a close time is also set in the class's patch). */
import type { ReflectionState } from '../../contracts/reflections.js';
import { updateClassRow } from '../../db/repositories/training.js';
import type { AppContext } from '../context.js';
import { recordAudit } from '../kernel/record-audit.js';
import type { Actor } from '../policies/roles.js';
import { changeClass } from '../training/change-class.js';
import { requireClass } from '../training/require-class.js';
import { reflectionState } from './browse-reflections.js';

export async function setReflectionsOpen(ctx: AppContext, actor: Actor, classId: string, open: boolean): Promise<ReflectionState> {
  return changeClass(ctx, classId, async (trx) => {
    const { row } = await requireClass(trx, classId);
    const now = ctx.clock();
    const closeAt = open ? null : now.toISOString();
    await updateClassRow(trx, classId, { reflections_close_at: closeAt, updated_at: now.toISOString() });
    await recordAudit(trx, ctx, actor, open ? 'training.reflections.reopen' : 'training.reflections.close', 'training_class', classId, { before: row.reflections_close_at });
    return reflectionState({ reflections_close_at: closeAt }, now.getTime());
  });
}
