/** A stored lesson read for the rules and the API: instants as numbers, lists parsed, the class's defaults applied. */
import type { Lesson } from '../../contracts/training.js';
import type { ClassRow, LessonRow } from '../../db/repositories/training.js';
import { formatLocalDateTime, localDateOf } from '../../domain/training/local-time.js';
import { LESSON_KIND_LABELS, type LessonKind, type LessonTiming } from '../../domain/training/types.js';

export interface StoredLesson extends LessonTiming {
  id: string;
  kind: LessonKind;
  title: string;
  venueIds: string[];
  speakers: { name: string; title: string }[];
  materials: { title: string; note: string }[];
  /** As set on the lesson; null = the class's. */
  ownGraceMinutes: number | null;
  ownLateSharePercent: number | null;
}

export function parseLessonRow(row: LessonRow, cls: Pick<ClassRow, 'grace_minutes' | 'late_share_percent'>): StoredLesson {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    startsAt: Date.parse(row.starts_at),
    endsAt: Date.parse(row.ends_at),
    hours: row.hours,
    graceMinutes: row.grace_minutes ?? cls.grace_minutes,
    lateSharePercent: row.late_share_percent ?? cls.late_share_percent,
    ownGraceMinutes: row.grace_minutes,
    ownLateSharePercent: row.late_share_percent,
    venueIds: JSON.parse(row.venue_ids) as string[],
    speakers: JSON.parse(row.speakers) as StoredLesson['speakers'],
    materials: JSON.parse(row.materials) as StoredLesson['materials'],
  };
}

export function presentLesson(lesson: StoredLesson): Lesson {
  return {
    id: lesson.id,
    kind: lesson.kind,
    kindLabel: LESSON_KIND_LABELS[lesson.kind],
    title: lesson.title,
    day: localDateOf(lesson.startsAt),
    startsAt: formatLocalDateTime(lesson.startsAt),
    endsAt: formatLocalDateTime(lesson.endsAt),
    venueIds: lesson.venueIds,
    speakers: lesson.speakers,
    materials: lesson.materials,
    hours: lesson.hours,
    graceMinutes: lesson.ownGraceMinutes,
    lateSharePercent: lesson.ownLateSharePercent,
    effectiveGraceMinutes: lesson.graceMinutes,
    effectiveLateSharePercent: lesson.lateSharePercent,
  };
}
