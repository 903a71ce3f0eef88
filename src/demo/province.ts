/**
 * The benchmark fixture: a province-wide 亮晒评 campaign on 山西省's real division data (117 county-level units,
 * their townships), with exactly the requested number of generated ballots, all respecting their rules.
 *
 * Meetings happen where the article held them: a review meeting (调度点评会) and a secretaries' seminar per county, a
 * report meeting per city. Each ballot rates only its meeting's subjects (one county's sites or townships, one city's
 * counties or cases), so a 交流评 ballot has ~12 townships and “好 ≤ 10%” still means something. Each
 * session's `agenda` lists those subjects (also returned as `agendas`).
 */
import type { Ballot, CampaignDefinition, RankingSpec, Session, Subject, Unit } from '../domain/types.js';
import { loadDivisionTree } from '../divisions/china-division.js';
import { GROUP_IDS, RATER_GROUPS } from '../domain/liangshaiping/rater-groups.js';
import {
  INSTRUMENT_IDS,
  adjustmentsInstrument,
  caseInstrument,
  exchangeInstrument,
  observationInstrument,
  reportInstrument,
  taskforceInstrument,
} from '../domain/liangshaiping/instruments.js';
import { provinceBallots, type ProvinceLayout } from './province-ballots.js';
import { articleTiers, countyRanking, townshipRanking } from '../domain/liangshaiping/rankings.js';

export const SHANXI_CODE = '14';
export const SHANXI_ID = 'u14';
export const SITES_PER_COUNTY = 3;

export interface ProvinceFixture {
  definition: CampaignDefinition;
  ballots: Ballot[];
  /** Subject ids on each session's agenda: a ballot of that session rates exactly these (minus conflicts). */
  agendas: Record<string, string[]>;
}

/** Development zones and scenic areas (code 7x, e.g. 140171 山西转型综合改革示范区) are not county-level governments. */
function isDevelopmentZone(u: Unit): boolean {
  return u.level === 'county' && u.code !== null && /^\d{4}7\d$/.test(u.code);
}

/** 山西省: the province, its 11 cities, its 117 counties and their townships. */
export function shanxiUnits(): Unit[] {
  const all = loadDivisionTree({ provinceCode: SHANXI_CODE });
  const dropped = new Set(all.filter(isDevelopmentZone).map((u) => u.id));
  return all.filter((u) => !dropped.has(u.id) && !(u.parentId !== null && dropped.has(u.parentId)));
}

function rankings(): RankingSpec[] {
  return [
    countyRanking(SHANXI_ID, { tiers: articleTiers(20, 40), tieBreaks: [{ instrumentId: INSTRUMENT_IDS.report }], withExchange: true }),
    townshipRanking(SHANXI_ID),
  ];
}

function layout(units: Unit[]): { layout: ProvinceLayout; subjects: Subject[] } {
  const cities = units.filter((u) => u.level === 'city');
  const counties = units.filter((u) => u.level === 'county');
  const townshipsOf = new Map<string, Unit[]>(counties.map((c) => [c.id, []]));
  for (const u of units) if (u.level === 'township' && u.parentId !== null) townshipsOf.get(u.parentId)?.push(u);
  const unitSubject = (u: Unit): Subject => ({ id: 's-' + u.id, kind: 'unit', unitId: u.id, name: u.name });
  const subjects: Subject[] = [];
  const countyLayouts = counties.map((c) => {
    const county = unitSubject(c);
    const townships = (townshipsOf.get(c.id) ?? []).map(unitSubject);
    const sites: Subject[] = [];
    for (let i = 1; i <= SITES_PER_COUNTY; i++) {
      sites.push({ id: `site-${c.code}-${i}`, kind: 'site', unitId: c.id, name: `${c.name}实训点${i}` });
    }
    const theCase: Subject = { id: `case-${c.code}`, kind: 'case', unitId: c.id, name: `${c.name}基层治理典型案例` };
    subjects.push(county, ...townships, ...sites, theCase);
    return { unit: c, county, townships, sites, case: theCase };
  });
  const cityLayouts = cities.map((city) => ({
    unit: city,
    counties: countyLayouts.filter((c) => c.unit.parentId === city.id),
  }));
  return { layout: { counties: countyLayouts, cities: cityLayouts.filter((c) => c.counties.length > 0) }, subjects };
}

/** Sessions with issued = expected = the sheets that came back, plus an unused spare sheet in every third session. */
function sessionsFrom(ballots: Ballot[], names: Map<string, { name: string; instrumentIds: string[]; subjectIds: string[] }>): Session[] {
  const sheets = new Map<string, Map<string, Set<string>>>();
  for (const b of ballots) {
    if (b.sessionId === null) continue;
    let groups = sheets.get(b.sessionId);
    if (!groups) sheets.set(b.sessionId, (groups = new Map()));
    let set = groups.get(b.raterGroupId);
    if (!set) groups.set(b.raterGroupId, (set = new Set()));
    set.add(b.sheetId);
  }
  let n = 0;
  return [...names].map(([id, { name, instrumentIds, subjectIds }]) => {
    const counts: Record<string, number> = {};
    for (const [group, set] of sheets.get(id) ?? []) counts[group] = set.size + (n % 3 === 0 && set.size >= 3 ? 1 : 0);
    n++;
    return { id, name, instrumentIds, agenda: subjectIds, expected: { ...counts }, issued: { ...counts }, present: null, status: 'closed' };
  });
}

export function buildProvinceFixture(options: { seed: number; ballots: number }): ProvinceFixture {
  const units = shanxiUnits();
  const { layout: lay, subjects } = layout(units);
  const bySubjects = (kind: Subject['kind']) => subjects.filter((s) => s.kind === kind).map((s) => s.id);
  const countyIds = lay.counties.map((c) => c.county.id);
  const townshipIds = lay.counties.flatMap((c) => c.townships.map((t) => t.id));
  const w = (groupId: string, weight: string) => ({ groupId, weight });
  const leaders = [w(GROUP_IDS.office, '40'), w(GROUP_IDS.inspection, '30'), w(GROUP_IDS.cadres, '30')];
  const instruments = [
    observationInstrument(bySubjects('site'), [w(GROUP_IDS.observers, '100')]),
    taskforceInstrument([...countyIds, ...townshipIds], [w(GROUP_IDS.taskforce, '100')]),
    reportInstrument(countyIds, leaders),
    exchangeInstrument(townshipIds, [w(GROUP_IDS.secretaries, '60'), w(GROUP_IDS.cadres, '40')]),
    caseInstrument(bySubjects('case'), leaders),
    adjustmentsInstrument(countyIds, [w(GROUP_IDS.office, '100')]),
  ];
  const generated = provinceBallots(lay, instruments, options.seed, options.ballots);
  const definition: CampaignDefinition = {
    id: 'shanxi-benchmark',
    name: '山西省基层治理“亮晒评”活动（基准测试）',
    precision: 2,
    tieJudgement: 'exact',
    units,
    subjects,
    raterGroups: [
      RATER_GROUPS.office,
      RATER_GROUPS.taskforce,
      RATER_GROUPS.inspection,
      RATER_GROUPS.observers,
      RATER_GROUPS.secretaries,
      RATER_GROUPS.cadres,
    ],
    instruments,
    rankings: rankings(),
    sessions: sessionsFrom(generated.ballots, generated.sessions),
  };
  const agendas = Object.fromEntries([...generated.sessions].map(([id, s]) => [id, s.subjectIds]));
  return { definition, ballots: generated.ballots, agendas };
}
