/** 修改培训班: name, dates, grace and late share. The days cannot shrink past a lesson already on the agenda. */
import { MESSAGES } from '../../contracts/messages.js';
import type { ClassPatch, TrainingClass } from '../../contracts/training.js';
import { changeClass } from './change-class.js';
import { updateClassRow } from '../../db/repositories/training.js';
import { localDateOf, parseLocalDateTime } from '../../domain/training/local-time.js';
import type { AppContext } from '../context.js';
import { recordAudit } from '../kernel/record-audit.js';
import type { Actor } from '../policies/roles.js';
import { getClass } from './get-class.js';
import { invalidField } from './refusals.js';
import { requireClass } from './require-class.js';

export async function updateClass(ctx: AppContext, actor: Actor, classId: string, patch: ClassPatch): Promise<TrainingClass> {
  await changeClass(ctx, classId, async (trx) => {
    const bundle = await requireClass(trx, classId);
    const startsOn = patch.startsOn ?? bundle.row.starts_on;
    const endsOn = patch.endsOn ?? bundle.row.ends_on;
    if (endsOn < startsOn) throw invalidField('endsOn', MESSAGES.classDatesReversed);
    const outside = bundle.lessons.find((l) => localDateOf(l.startsAt) < startsOn || localDateOf(l.endsAt) > endsOn);
    if (outside) throw invalidField(patch.startsOn ? 'startsOn' : 'endsOn', MESSAGES.classDaysExcludeLessons(outside.title));
    await updateClassRow(trx, classId, {
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      starts_on: startsOn,
      ends_on: endsOn,
      ...(patch.graceMinutes !== undefined ? { grace_minutes: patch.graceMinutes } : {}),
      ...(patch.lateSharePercent !== undefined ? { late_share_percent: patch.lateSharePercent } : {}),
      ...(patch.reflectionsCloseAt !== undefined ? { reflections_close_at: patch.reflectionsCloseAt === null ? null : new Date(parseLocalDateTime(patch.reflectionsCloseAt)!).toISOString() } : {}),
      updated_at: ctx.clock().toISOString(),
    });
    await recordAudit(trx, ctx, actor, 'training.class.update', 'training_class', classId, patch);
  });
  return getClass(ctx, classId);
}
