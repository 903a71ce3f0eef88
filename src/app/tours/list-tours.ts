/** A campaign's tours with their session's state and how far each has come (days, stops, observers, sheets). */
import type { z } from 'zod';
import type { tourListSchema } from '../../contracts/tours.js';
import { listSessions } from '../../db/repositories/sessions.js';
import { countTourSheets } from '../../db/repositories/tour-sheets.js';
import { countTourParts, listTourRows } from '../../db/repositories/tours.js';
import { requireCampaign } from '../campaigns/require-campaign.js';
import type { AppContext } from '../context.js';

export async function listTours(ctx: AppContext, campaignId: string): Promise<z.output<typeof tourListSchema>> {
  const db = ctx.database.db;
  await requireCampaign(ctx, campaignId);
  const [tours, sessions, parts, sheets] = await Promise.all([listTourRows(db, campaignId), listSessions(db, campaignId), countTourParts(db, campaignId), countTourSheets(db, campaignId)]);
  const sessionById = new Map(sessions.map((s) => [s.id, s]));
  return {
    tours: tours.map((t) => {
      const session = sessionById.get(t.session_id);
      const part = parts.get(t.id);
      return {
        id: t.id,
        name: t.name,
        sessionId: t.session_id,
        sessionName: session?.name ?? t.session_id,
        status: session?.status ?? 'draft',
        days: part?.days ?? 0,
        stops: part?.stops ?? 0,
        observers: part?.observers ?? 0,
        sheets: sheets.get(t.id) ?? 0,
      };
    }),
  };
}
