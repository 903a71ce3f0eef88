/** The class as the API shows it: summary counts, venues with their units' names, the agenda by start. */
import type { ClassSummary, TrainingClass, Venue } from '../../contracts/training.js';
import type { Db } from '../../db/database.js';
import type { ClassRow, VenueRow } from '../../db/repositories/training.js';
import { findUnitsByIds } from '../../db/repositories/unit-search.js';
import { formatLocalDateTime } from '../../domain/training/local-time.js';
import { presentLesson } from './lesson-row.js';
import type { ClassBundle } from './require-class.js';

export function summarise(row: ClassRow, rootUnitName: string, counts: { lessons: number; participants: number }): ClassSummary {
  return {
    id: row.id,
    name: row.name,
    campaignId: row.campaign_id,
    rootUnitId: row.root_unit_id,
    rootUnitName,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    graceMinutes: row.grace_minutes,
    lateSharePercent: row.late_share_percent,
    lessons: counts.lessons,
    participants: counts.participants,
    reflectionsCloseAt: row.reflections_close_at ? formatLocalDateTime(Date.parse(row.reflections_close_at)) : null,
  };
}

export function presentVenue(row: VenueRow, unitNames: ReadonlyMap<string, string>): Venue {
  return { id: row.id, name: row.name, unitId: row.unit_id, unitName: row.unit_id ? (unitNames.get(row.unit_id) ?? null) : null, address: row.address };
}

export async function presentClass(db: Db, bundle: ClassBundle, participants: number): Promise<TrainingClass> {
  const unitIds = [bundle.row.root_unit_id, ...bundle.venues.flatMap((v) => (v.unit_id ? [v.unit_id] : []))];
  const names = new Map((await findUnitsByIds(db, unitIds)).map((u) => [u.id, u.name]));
  return {
    ...summarise(bundle.row, names.get(bundle.row.root_unit_id) ?? bundle.row.root_unit_id, { lessons: bundle.lessons.length, participants }),
    venues: bundle.venues.map((v) => presentVenue(v, names)),
    agenda: bundle.lessons.map(presentLesson),
  };
}
