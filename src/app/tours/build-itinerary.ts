/**
 * 观摩行程单: what the printed itinerary (A4 PDF) and its workbook show — the tour, its session, the team with their
 * roles, day by day the stops in visiting order (time, county, site, theme, address), and what the plan still lacks.
 */
import { getCampaign } from '../../db/repositories/campaigns.js';
import { listTourObservers } from '../../db/repositories/tours.js';
import { checkItinerary, type ItineraryProblem } from '../../domain/tours/itinerary.js';
import type { AppContext } from '../context.js';
import { presentDays } from './present-tour.js';
import { loadTourSetup, requireTour, tourSites } from './tour-setup.js';

export interface ItineraryStop {
  /** 1, 2, … within the day. */
  position: number;
  plannedTime: string | null;
  unitName: string;
  siteName: string;
  theme: string;
  address: string;
}

export interface ItineraryDay {
  date: string;
  label: string;
  /** 1 for the first day. */
  number: number;
  stops: ItineraryStop[];
}

export interface Itinerary {
  tourId: string;
  tourName: string;
  campaignName: string;
  sessionName: string;
  observers: { name: string; roleName: string }[];
  days: ItineraryDay[];
  stops: number;
  counties: number;
  problems: ItineraryProblem[];
  generatedAt: string;
}

export async function buildItinerary(ctx: AppContext, tourId: string): Promise<Itinerary> {
  const db = ctx.database.db;
  const tour = await requireTour(db, tourId);
  const setup = await loadTourSetup(ctx, tour);
  const [days, observers, campaign] = await Promise.all([presentDays(db, setup), listTourObservers(db, tourId), getCampaign(db, tour.campaign_id)]);
  const problems = checkItinerary(
    tourSites(setup.index, setup.instrument),
    days.map((d) => ({ id: d.id, date: d.date, label: d.label, stops: d.stops.map((s) => ({ subjectId: s.subjectId, plannedTime: s.plannedTime })) })),
  );
  return {
    tourId,
    tourName: tour.name,
    campaignName: campaign?.name ?? tour.campaign_id,
    sessionName: setup.session.name,
    observers: observers.map((o) => ({ name: o.name, roleName: o.role_name })),
    days: days.map((d, i) => ({
      date: d.date,
      label: d.label,
      number: i + 1,
      stops: d.stops.map((s, j) => ({ position: j + 1, plannedTime: s.plannedTime, unitName: s.unitName, siteName: s.siteName, theme: s.theme, address: s.address })),
    })),
    stops: days.reduce((n, d) => n + d.stops.length, 0),
    counties: new Set(days.flatMap((d) => d.stops.map((s) => s.unitId))).size,
    problems,
    generatedAt: ctx.clock().toISOString(),
  };
}
