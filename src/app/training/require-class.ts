/** A class with its venues and lessons as stored, or a 404 naming it. */
import { notFound } from '../../contracts/messages.js';
import type { Db } from '../../db/database.js';
import { getClassRow, listLessonRows, listVenueRows, type ClassRow, type VenueRow } from '../../db/repositories/training.js';
import { parseLessonRow, type StoredLesson } from './lesson-row.js';

export interface ClassBundle {
  row: ClassRow;
  venues: VenueRow[];
  /** By start. */
  lessons: StoredLesson[];
}

export async function requireClass(db: Db, classId: string): Promise<ClassBundle> {
  const row = await getClassRow(db, classId);
  if (!row) throw notFound('trainingClass', classId);
  const [venues, lessons] = await Promise.all([listVenueRows(db, classId), listLessonRows(db, classId)]);
  return { row, venues, lessons: lessons.map((l) => parseLessonRow(l, row)) };
}

export function requireLesson(bundle: ClassBundle, lessonId: string): StoredLesson {
  const lesson = bundle.lessons.find((l) => l.id === lessonId);
  if (!lesson) throw notFound('lesson', lessonId);
  return lesson;
}

export function requireVenue(bundle: ClassBundle, venueId: string): VenueRow {
  const venue = bundle.venues.find((v) => v.id === venueId);
  if (!venue) throw notFound('venue', venueId);
  return venue;
}

/** A venue of this lesson, or a 404 (a venue of the class the lesson is not held at is not its venue). */
export function requireLessonVenue(bundle: ClassBundle, lesson: StoredLesson, venueId: string): VenueRow {
  const venue = requireVenue(bundle, venueId);
  if (!lesson.venueIds.includes(venueId)) throw notFound('venue', venueId);
  return venue;
}
