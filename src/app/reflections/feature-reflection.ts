/** 精选: the office features a reflection (or takes the mark off); the booklet puts featured ones first. */
import { notFound } from '../../contracts/messages.js';
import type { ReflectionView } from '../../contracts/reflections.js';
import { inTransaction } from '../../db/repositories/shared.js';
import { getReflectionRow, updateReflectionRow } from '../../db/repositories/reflections.js';
import type { AppContext } from '../context.js';
import { recordAudit } from '../kernel/record-audit.js';
import type { Actor } from '../policies/roles.js';
import { requireClass } from '../training/require-class.js';
import { selectReflections } from './browse-reflections.js';

export async function featureReflection(ctx: AppContext, actor: Actor, classId: string, reflectionId: string, featured: boolean): Promise<ReflectionView> {
  await inTransaction(ctx.database.db, async (trx) => {
    await requireClass(trx, classId);
    const row = await getReflectionRow(trx, classId, reflectionId);
    if (!row) throw notFound('reflection', reflectionId);
    if ((row.featured === 1) === featured) return;
    // Featuring is the office's mark: the trainee's text and its times stay as written.
    await updateReflectionRow(trx, classId, reflectionId, { featured: featured ? 1 : 0 });
    await recordAudit(trx, ctx, actor, featured ? 'training.reflection.feature' : 'training.reflection.unfeature', 'reflection', `${classId}/${reflectionId}`, { participantId: row.participant_id });
  });
  const { visible } = await selectReflections(ctx, actor, classId, { featured: undefined });
  return visible.find((v) => v.id === reflectionId)!;
}
