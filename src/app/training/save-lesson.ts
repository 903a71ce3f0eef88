/**
 * 课次: add, replace or delete a lesson of the agenda. A lesson ends after it starts, lies within the class's days,
 * is held at venues of the class and declares its 学时 (domain/training/lesson-rules.ts). A lesson anyone has checked
 * in to cannot be deleted.
 */
import { AppError } from '../../contracts/errors.js';
import { MESSAGES, notFoundText } from '../../contracts/messages.js';
import type { Lesson, LessonInput } from '../../contracts/training.js';
import { changeClass } from './change-class.js';
import { countLessonCheckins, deleteLessonRow, insertLessons, replaceLessonRow, type LessonRow } from '../../db/repositories/training.js';
import type { Message } from '../../domain/results.js';
import { lessonProblems, type LessonProblem } from '../../domain/training/lesson-rules.js';
import { parseLocalDateTime } from '../../domain/training/local-time.js';
import type { AppContext } from '../context.js';
import { recordAudit } from '../kernel/record-audit.js';
import type { Actor } from '../policies/roles.js';
import { parseLessonRow, presentLesson } from './lesson-row.js';
import { newTrainingId } from './new-ids.js';
import { requireClass, requireLesson, type ClassBundle } from './require-class.js';

const FIELD: Record<LessonProblem, string> = {
  ends_before_start: 'endsAt',
  outside_class_days: 'startsAt',
  hours_invalid: 'hours',
  venue_unknown: 'venueIds',
  venue_repeated: 'venueIds',
  no_venue: 'venueIds',
};

function problemText(problem: LessonProblem, bundle: ClassBundle, venueIds: readonly string[]): Message {
  switch (problem) {
    case 'ends_before_start': return MESSAGES.lessonEndsBeforeStart;
    case 'outside_class_days': return MESSAGES.lessonOutsideClassDays(bundle.row.starts_on, bundle.row.ends_on);
    case 'hours_invalid': return MESSAGES.lessonHoursInvalid;
    case 'no_venue': return MESSAGES.lessonNoVenue;
    case 'venue_repeated': return MESSAGES.lessonVenueRepeated;
    case 'venue_unknown': return notFoundText('venue', venueIds.find((v) => !bundle.venues.some((x) => x.id === v)) ?? '');
  }
}

/** The stored row of a checked lesson input; refuses with every problem named. */
function lessonRow(bundle: ClassBundle, id: string, input: LessonInput): LessonRow {
  const startsAt = parseLocalDateTime(input.startsAt)!;
  const endsAt = parseLocalDateTime(input.endsAt)!;
  const problems = lessonProblems({ startsAt, endsAt, hours: input.hours, venueIds: input.venueIds }, { startsOn: bundle.row.starts_on, endsOn: bundle.row.ends_on }, new Set(bundle.venues.map((v) => v.id)));
  if (problems.length > 0) {
    const details = problems.map((p) => ({ path: FIELD[p], code: p, message: problemText(p, bundle, input.venueIds) }));
    throw new AppError('invalid_request', { message: details[0]!.message, details });
  }
  return {
    class_id: bundle.row.id,
    id,
    kind: input.kind,
    title: input.title,
    starts_at: new Date(startsAt).toISOString(),
    ends_at: new Date(endsAt).toISOString(),
    hours: input.hours,
    grace_minutes: input.graceMinutes,
    late_share_percent: input.lateSharePercent,
    speakers: JSON.stringify(input.speakers),
    materials: JSON.stringify(input.materials),
    venue_ids: JSON.stringify(input.venueIds),
  };
}

export async function addLesson(ctx: AppContext, actor: Actor, classId: string, input: LessonInput): Promise<Lesson> {
  return changeClass(ctx, classId, async (trx) => {
    const bundle = await requireClass(trx, classId);
    const id = input.id ?? newTrainingId('l');
    if (bundle.lessons.some((l) => l.id === id)) throw new AppError('duplicate_id', { message: MESSAGES.lessonIdTaken(id) });
    const row = lessonRow(bundle, id, input);
    await insertLessons(trx, [row]);
    await recordAudit(trx, ctx, actor, 'training.lesson.add', 'training_lesson', `${classId}/${id}`, { title: input.title, startsAt: input.startsAt, endsAt: input.endsAt });
    return presentLesson(parseLessonRow(row, bundle.row));
  });
}

export async function replaceLesson(ctx: AppContext, actor: Actor, classId: string, lessonId: string, input: LessonInput): Promise<Lesson> {
  return changeClass(ctx, classId, async (trx) => {
    const bundle = await requireClass(trx, classId);
    const before = presentLesson(requireLesson(bundle, lessonId));
    const row = lessonRow(bundle, lessonId, input);
    await replaceLessonRow(trx, row);
    const after = presentLesson(parseLessonRow(row, bundle.row));
    await recordAudit(trx, ctx, actor, 'training.lesson.update', 'training_lesson', `${classId}/${lessonId}`, { from: before, to: after });
    return after;
  });
}

export async function deleteLesson(ctx: AppContext, actor: Actor, classId: string, lessonId: string): Promise<void> {
  await changeClass(ctx, classId, async (trx) => {
    const bundle = await requireClass(trx, classId);
    const lesson = requireLesson(bundle, lessonId);
    const marks = await countLessonCheckins(trx, classId, lessonId);
    if (marks > 0) throw new AppError('training_state', { message: MESSAGES.lessonHasCheckins(marks) });
    await deleteLessonRow(trx, classId, lessonId);
    await recordAudit(trx, ctx, actor, 'training.lesson.delete', 'training_lesson', `${classId}/${lessonId}`, { title: lesson.title });
  });
}
