/**
 * 讲收获 from the phone. The id is made on the phone once per reflection, so a re-send of the same text answers what
 * is stored and stores nothing (even after the class closed); the same id with another text is an edit, while the
 * class still takes reflections. Refused, storing nothing: an unknown device or one of another class, a closed class,
 * a lesson of another class, an id another trainee's reflection has, more than REFLECTIONS_PER_PERSON, and more than
 * WRITES_PER_HOUR saves by one trainee (counted in the database, so every server counts together).
 */
import { AppError } from '../../contracts/errors.js';
import { MESSAGES } from '../../contracts/messages.js';
import type { ReflectionSaved, ReflectionWrite } from '../../contracts/reflections.js';
import { countParticipantReflections, getReflectionRow, insertReflection, updateReflectionRow, type ReflectionRow } from '../../db/repositories/reflections.js';
import { countAttempt } from '../../db/repositories/training.js';
import type { AppContext } from '../context.js';
import { invalidField } from '../training/refusals.js';
import { requireClass, type ClassBundle } from '../training/require-class.js';
import { deviceParticipant } from './device-participant.js';
import { presentMine } from './list-my-reflections.js';
import { reflectionsOpen } from './reflection-window.js';

export const REFLECTIONS_PER_PERSON = 20;
export const WRITES_PER_HOUR = 60;
const HOUR_MS = 3_600_000;

const same = (row: ReflectionRow, input: ReflectionWrite) => row.text === input.text && row.lesson_id === input.lessonId;

export async function writeReflection(ctx: AppContext, input: ReflectionWrite): Promise<ReflectionSaved> {
  const db = ctx.database.db;
  const person = await deviceParticipant(db, input.classId, input.device);
  const bundle = await requireClass(db, input.classId);
  const answer = (result: ReflectionSaved['result'], row: ReflectionRow): ReflectionSaved => ({ result, reflection: presentMine(row, bundle) });

  const existing = await getReflectionRow(db, input.classId, input.id);
  if (existing && existing.participant_id !== person.id) throw new AppError('duplicate_id', { message: MESSAGES.reflectionIdTaken });
  if (existing && same(existing, input)) return answer('unchanged', existing);
  const now = ctx.clock();
  if (!reflectionsOpen(bundle.row, now.getTime())) throw new AppError('training_state', { message: MESSAGES.reflectionsClosed });
  checkLesson(bundle, input.lessonId);
  const window = new Date(Math.floor(now.getTime() / HOUR_MS) * HOUR_MS).toISOString();
  if ((await countAttempt(db, `reflect:${input.classId}/${person.id}`, window)) > WRITES_PER_HOUR) throw new AppError('rate_limited', { message: MESSAGES.tooManyReflectionWrites });

  const at = now.toISOString();
  if (existing) {
    await updateReflectionRow(db, input.classId, input.id, { text: input.text, lesson_id: input.lessonId, updated_at: at });
    return answer('edited', { ...existing, text: input.text, lesson_id: input.lessonId, updated_at: at });
  }
  if ((await countParticipantReflections(db, input.classId, person.id)) >= REFLECTIONS_PER_PERSON) {
    throw new AppError('training_state', { message: MESSAGES.tooManyReflections(REFLECTIONS_PER_PERSON) });
  }
  const row: ReflectionRow = { class_id: input.classId, id: input.id, participant_id: person.id, lesson_id: input.lessonId, text: input.text, created_at: at, updated_at: at, featured: 0 };
  if (await insertReflection(db, row)) return answer('created', row);
  // Two sends of one reflection at the same moment: the other stored it.
  const stored = (await getReflectionRow(db, input.classId, input.id))!;
  if (stored.participant_id !== person.id) throw new AppError('duplicate_id', { message: MESSAGES.reflectionIdTaken });
  if (same(stored, input)) return answer('unchanged', stored);
  await updateReflectionRow(db, input.classId, input.id, { text: input.text, lesson_id: input.lessonId, updated_at: at });
  return answer('edited', { ...stored, text: input.text, lesson_id: input.lessonId, updated_at: at });
}

function checkLesson(bundle: ClassBundle, lessonId: string | null): void {
  if (lessonId !== null && !bundle.lessons.some((l) => l.id === lessonId)) throw invalidField('lessonId', MESSAGES.reflectionLessonUnknown);
}
