/**
 * 评分记录: every sheet of a tour (optionally one observer's or one stop's), every revision oldest first, with the
 * rating as received, which revision of its observer's stop it is, and whether it is the one that counts (the latest).
 */
import type { z } from 'zod';
import type { tourSheetListSchema } from '../../contracts/tours.js';
import { listTourSheets } from '../../db/repositories/tour-sheets.js';
import { listTourObservers, listTourStops } from '../../db/repositories/tours.js';
import type { Rating } from '../../domain/types.js';
import type { AppContext } from '../context.js';
import { requireTour } from './tour-setup.js';

export async function listSheetsOfTour(ctx: AppContext, tourId: string, filter: { observerId?: string; stopId?: string }): Promise<z.output<typeof tourSheetListSchema>> {
  const db = ctx.database.db;
  const tour = await requireTour(db, tourId);
  const { index } = await ctx.definitions.forSheet(tour.campaign_id, tour.session_id, null);
  const [sheets, observers, stops] = await Promise.all([listTourSheets(db, tourId, filter), listTourObservers(db, tourId), listTourStops(db, tourId)]);
  const names = new Map(observers.map((o) => [o.id, o.name]));
  const subjectOf = new Map(stops.map((s) => [s.id, s.subject_id]));
  // Revisions are numbered over all of a stop's sheets by its observer, so a filtered list numbers them the same.
  const all = filter.observerId === undefined && filter.stopId === undefined ? sheets : await listTourSheets(db, tourId, { observerId: filter.observerId });
  const revision = new Map<string, number>();
  const latest = new Map<string, string>();
  const counter = new Map<string, number>();
  for (const s of all) {
    const key = `${s.observer_id}\u0000${s.stop_id}`;
    const n = (counter.get(key) ?? 0) + 1;
    counter.set(key, n);
    revision.set(s.id, n);
    latest.set(key, s.id);
  }
  return {
    sheets: sheets.map((s) => {
      const subjectId = subjectOf.get(s.stop_id) ?? s.subject_id;
      return {
        id: s.id,
        observerId: s.observer_id,
        observerName: names.get(s.observer_id) ?? s.observer_id,
        stopId: s.stop_id,
        subjectId: s.subject_id,
        siteName: index.subjects.get(subjectId)?.name ?? subjectId,
        revision: revision.get(s.id) ?? 1,
        counts: latest.get(`${s.observer_id}\u0000${s.stop_id}`) === s.id,
        rating: JSON.parse(s.rating) as Rating,
        scoredAt: s.scored_at,
        receivedAt: s.received_at,
      };
    }),
  };
}
