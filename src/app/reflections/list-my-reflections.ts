/** 我的心得: the phone, by the device that knows its trainee, sees their own reflections — nobody else's. */
import type { MyReflection, MyReflections } from '../../contracts/reflections.js';
import { listParticipantReflections, type ReflectionRow } from '../../db/repositories/reflections.js';
import { getUnit } from '../../db/repositories/units.js';
import type { AppContext } from '../context.js';
import { requireClass, type ClassBundle } from '../training/require-class.js';
import { deviceParticipant } from './device-participant.js';
import { reflectionsCloseAt, reflectionsOpen } from './reflection-window.js';

export function presentMine(row: ReflectionRow, bundle: ClassBundle): MyReflection {
  return {
    id: row.id,
    lessonId: row.lesson_id,
    lessonTitle: row.lesson_id ? (bundle.lessons.find((l) => l.id === row.lesson_id)?.title ?? null) : null,
    text: row.text,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function listMyReflections(ctx: AppContext, classId: string, device: string): Promise<MyReflections> {
  const db = ctx.database.db;
  const person = await deviceParticipant(db, classId, device);
  const bundle = await requireClass(db, classId);
  const rows = await listParticipantReflections(db, classId, person.id);
  return {
    className: bundle.row.name,
    participant: { name: person.name, unitName: (await getUnit(db, person.unit_id))?.name ?? '' },
    open: reflectionsOpen(bundle.row, ctx.clock().getTime()),
    closesAt: reflectionsCloseAt(bundle.row),
    lessons: bundle.lessons.map((l) => ({ id: l.id, title: l.title })),
    items: rows.map((r) => presentMine(r, bundle)),
  };
}
