/**
 * The Jincheng demo: 晋城市基层治理“亮晒评”活动（2022年6月） on the real division data, with deterministic ballots,
 * and the report's training class (培训班) with its roster and check-ins. Same seed, same campaign, same ballots, same
 * class, on every machine.
 */
import type { Ballot, CampaignDefinition, Unit } from '../domain/types.js';
import { loadDivisionTree } from '../divisions/china-division.js';
import { loadVillages } from '../divisions/china-villages.js';
import {
  JINCHENG_CLASS_CREATED_AT,
  JINCHENG_CLASS_DAYS,
  JINCHENG_CLASS_ID,
  JINCHENG_CLASS_NAME,
  JINCHENG_CLASS_RULES,
  jinchengLessons,
  jinchengVenues,
  type DemoLesson,
  type DemoVenue,
} from './jincheng-agenda.js';
import { jinchengBallots } from './jincheng-ballots.js';
import { jinchengCases, type DemoCase } from './jincheng-cases.js';
import { jinchengCheckins, type DemoCheckin } from './jincheng-checkins.js';
import { jinchengGroups, jinchengReflections, type DemoGroup, type DemoReflection } from './jincheng-content.js';
import { JINCHENG_CITY_ID, jinchengDefinition } from './jincheng-definition.js';
import { jinchengTrainees, type DemoParticipant } from './jincheng-trainees.js';
import { createRandom } from './random.js';

export { JINCHENG_INVALID_BALLOT_ID } from './jincheng-ballots.js';
export { CAMPAIGN_CREATED_AT, JINCHENG_CITY_ID, SESSION_DATES, SESSION_IDS, ROSTER } from './jincheng-definition.js';
export { CITY_VENUE_ID, JINCHENG_CLASS_ID, countyVenueId } from './jincheng-agenda.js';
export { INSTRUMENT_IDS } from '../domain/liangshaiping/instruments.js';
export { GROUP_IDS } from '../domain/liangshaiping/rater-groups.js';

export const JINCHENG_DEFAULT_SEED = 20220617;

export interface JinchengDemo {
  definition: CampaignDefinition;
  ballots: Ballot[];
}

export function buildJinchengDemo(options: { seed?: number } = {}): JinchengDemo {
  const definition = jinchengDefinition(loadDivisionTree({ cityCode: '1405' }));
  return { definition, ballots: jinchengBallots(definition, options.seed ?? JINCHENG_DEFAULT_SEED) };
}

export interface JinchengClass {
  id: string;
  name: string;
  startsOn: string;
  endsOn: string;
  graceMinutes: number;
  lateSharePercent: number;
  createdAt: string;
  venues: DemoVenue[];
  lessons: DemoLesson[];
  participants: DemoParticipant[];
  checkins: DemoCheckin[];
  /** 命题式研讨 and 讲收获 (jincheng-content.ts). */
  groups: DemoGroup[];
  reflections: DemoReflection[];
}

/**
 * The report's training class on the demo's units (`definition.units`): agenda, venues, the roster of 2,100+ and
 * their check-ins, its 7 topic groups and a score of reflections. Same seed, same class, on every machine; its own random stream, so the ballots do not change.
 */
export function buildJinchengClass(units: readonly Unit[], options: { seed?: number } = {}): JinchengClass {
  const rng = createRandom((options.seed ?? JINCHENG_DEFAULT_SEED) ^ 0x5a17c1a5);
  const names = new Map(units.map((u) => [u.id, u.name]));
  const venues = jinchengVenues(names);
  const lessons = jinchengLessons(venues);
  const participants = jinchengTrainees(rng, units, loadVillages(JINCHENG_CITY_ID.slice(1)));
  const seed = options.seed ?? JINCHENG_DEFAULT_SEED;
  return {
    id: JINCHENG_CLASS_ID,
    name: JINCHENG_CLASS_NAME,
    ...JINCHENG_CLASS_DAYS,
    ...JINCHENG_CLASS_RULES,
    createdAt: JINCHENG_CLASS_CREATED_AT,
    venues,
    lessons,
    participants,
    checkins: jinchengCheckins(rng, lessons, venues, participants, units, JINCHENG_CLASS_RULES),
    groups: jinchengGroups(participants),
    reflections: jinchengReflections(participants, seed),
  };
}

/** The demo's 典型案例库 on its units: the report's 6 案例教学 cases among a few dozen others (jincheng-cases.ts). */
export function buildJinchengCases(units: readonly Unit[], options: { seed?: number } = {}): DemoCase[] {
  return jinchengCases(units, loadVillages(JINCHENG_CITY_ID.slice(1)), options.seed ?? JINCHENG_DEFAULT_SEED);
}
