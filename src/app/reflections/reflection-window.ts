/** Whether a class still takes 讲收获: open until the office's close time (training_classes.reflections_close_at). */
import type { ClassRow } from '../../db/repositories/training.js';
import { formatLocalDateTime } from '../../domain/training/local-time.js';

export function reflectionsOpen(row: Pick<ClassRow, 'reflections_close_at'>, now: number): boolean {
  return row.reflections_close_at === null || now < Date.parse(row.reflections_close_at);
}

/** The close time as Beijing wall clock ("2022-06-17T18:00"), or null. */
export function reflectionsCloseAt(row: Pick<ClassRow, 'reflections_close_at'>): string | null {
  return row.reflections_close_at ? formatLocalDateTime(Date.parse(row.reflections_close_at)) : null;
}
