/**
 * 观摩行程检查: what an itinerary still lacks, as the office plans it. Every site of the instrument is visited once (a
 * site twice is refused before this runs), every county with sites is covered, no day is empty, planned times run
 * forward within a day and the days' dates run forward. An incomplete plan may be saved: this lists what is missing.
 */
import type { Message } from '../results.js';

/** A site (实训点) the tour can visit: a subject of the instrument, owned by a county. */
export interface ItinerarySite {
  subjectId: string;
  siteName: string;
  unitId: string;
  unitName: string;
}

export interface ItineraryDay {
  id: string;
  /** YYYY-MM-DD. */
  date: string;
  label: string;
  /** In visiting order. */
  stops: readonly { subjectId: string; plannedTime: string | null }[];
}

export const ITINERARY_PROBLEM_CODES = ['site_missing', 'county_uncovered', 'day_empty', 'times_out_of_order', 'day_dates_out_of_order'] as const;
export type ItineraryProblemCode = (typeof ITINERARY_PROBLEM_CODES)[number];

export interface ItineraryProblem {
  code: ItineraryProblemCode;
  subjectId?: string;
  unitId?: string;
  dayId?: string;
  message: Message;
}

const dayName = (day: ItineraryDay): Message => ({ zh: day.label || day.date, en: day.label ? `${day.label} (${day.date})` : day.date });

export function checkItinerary(sites: readonly ItinerarySite[], days: readonly ItineraryDay[]): ItineraryProblem[] {
  const problems: ItineraryProblem[] = [];
  const visited = new Set<string>();
  for (const day of days) for (const stop of day.stops) visited.add(stop.subjectId);

  for (const site of sites) {
    if (visited.has(site.subjectId)) continue;
    problems.push({
      code: 'site_missing',
      subjectId: site.subjectId,
      unitId: site.unitId,
      message: { zh: `实训点「${site.siteName}」（${site.unitName}）未安排观摩`, en: `Site “${site.siteName}” (${site.unitName}) is not on the itinerary` },
    });
  }

  const counties = new Map<string, { name: string; covered: boolean }>();
  for (const site of sites) {
    const county = counties.get(site.unitId) ?? { name: site.unitName, covered: false };
    county.covered ||= visited.has(site.subjectId);
    counties.set(site.unitId, county);
  }
  for (const [unitId, county] of counties) {
    if (county.covered) continue;
    problems.push({
      code: 'county_uncovered',
      unitId,
      message: { zh: `${county.name}没有安排任何观摩点`, en: `No site of ${county.name} is on the itinerary` },
    });
  }

  let previous: ItineraryDay | null = null;
  for (const day of days) {
    const name = dayName(day);
    if (day.stops.length === 0) {
      problems.push({ code: 'day_empty', dayId: day.id, message: { zh: `${name.zh}没有安排观摩点`, en: `${name.en} has no stop` } });
    }
    let last: string | null = null;
    for (const stop of day.stops) {
      if (stop.plannedTime === null) continue;
      if (last !== null && stop.plannedTime < last) {
        problems.push({
          code: 'times_out_of_order',
          dayId: day.id,
          subjectId: stop.subjectId,
          message: { zh: `${name.zh}的计划时间 ${stop.plannedTime} 早于前一站的 ${last}`, en: `${name.en}: planned time ${stop.plannedTime} is before the previous stop's ${last}` },
        });
        break;
      }
      last = stop.plannedTime;
    }
    if (previous !== null && day.date <= previous.date) {
      problems.push({
        code: 'day_dates_out_of_order',
        dayId: day.id,
        message: { zh: `${name.zh}的日期 ${day.date} 不晚于前一天（${previous.date}）`, en: `${name.en}: the date ${day.date} is not after the previous day's (${previous.date})` },
      });
    }
    previous = day;
  }
  return problems;
}
