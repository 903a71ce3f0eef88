/**
 * The campaign definition of the Jincheng demo: 晋城市基层治理“亮晒评”活动（2022年6月）, on the real division tree.
 */
import type { CampaignDefinition, RankingSpec, Session, Subject, Unit } from '../domain/types.js';
import { GROUP_IDS, RATER_GROUPS } from '../domain/liangshaiping/rater-groups.js';
import { articleTiers, countyRanking, townshipRanking } from '../domain/liangshaiping/rankings.js';
import {
  INSTRUMENT_IDS,
  adjustmentsInstrument,
  caseInstrument,
  exchangeInstrument,
  observationInstrument,
  reportInstrument,
  taskforceInstrument,
} from '../domain/liangshaiping/instruments.js';
import { CASES, JINCHENG_COUNTY_CODES, OBSERVATION_SITES } from './jincheng-names.js';

export const JINCHENG_CITY_ID = 'u1405';

/** How many raters of each group took part, per session. */
export const ROSTER = {
  observers: 12,
  taskforces: 6,
  reportOffice: 10,
  /** One office member left before the vote: 9 of 10 sheets came back. */
  reportOfficeReturned: 9,
  reportInspection: 8,
  seminarOffice: 8,
  secretaries: 77,
} as const;

export const SESSION_IDS = {
  tour: 'sess-tour',
  taskforce: 'sess-taskforce',
  report: 'sess-report',
  seminar: 'sess-seminar',
} as const;

/**
 * When the demo's sessions met (China time), inside the campaign's month as the report tells it: the tour and the
 * task forces' research first, the secretaries' seminar during the training class of 15–17 June, the county
 * secretaries' report meeting at the end.
 */
export const SESSION_DATES: Record<(typeof SESSION_IDS)[keyof typeof SESSION_IDS], { openedAt: string; closedAt: string }> = {
  'sess-tour': { openedAt: '2022-06-06T09:00:00+08:00', closedAt: '2022-06-10T18:00:00+08:00' },
  'sess-taskforce': { openedAt: '2022-06-01T09:00:00+08:00', closedAt: '2022-06-14T18:00:00+08:00' },
  'sess-seminar': { openedAt: '2022-06-16T14:30:00+08:00', closedAt: '2022-06-16T17:30:00+08:00' },
  'sess-report': { openedAt: '2022-06-24T09:00:00+08:00', closedAt: '2022-06-24T12:00:00+08:00' },
};

/** The campaign was set up before its first session. */
export const CAMPAIGN_CREATED_AT = '2022-05-30T10:00:00+08:00';

export function unitSubjectId(unitId: string): string {
  return 's-' + unitId;
}

function sitesAndCases(): Subject[] {
  const subjects: Subject[] = [];
  for (const code of JINCHENG_COUNTY_CODES) {
    (OBSERVATION_SITES[code] ?? []).forEach((name, i) => {
      subjects.push({ id: `site-${code}-${i + 1}`, kind: 'site', unitId: 'u' + code, name });
    });
  }
  for (const code of JINCHENG_COUNTY_CODES) {
    subjects.push({ id: `case-${code}`, kind: 'case', unitId: 'u' + code, name: CASES[code] ?? code });
  }
  return subjects;
}

function rankings(): RankingSpec[] {
  const tieBreaks = [{ instrumentId: INSTRUMENT_IDS.report }, { instrumentId: INSTRUMENT_IDS.observation }];
  return [
    countyRanking(JINCHENG_CITY_ID, { tiers: articleTiers(40, 40), tieBreaks, withExchange: true }),
    townshipRanking(JINCHENG_CITY_ID),
  ];
}

function sessions(): Session[] {
  const closed = { present: null, status: 'closed' as const };
  return [
    {
      id: SESSION_IDS.tour,
      name: '现场观摩及调度点评会',
      instrumentIds: [INSTRUMENT_IDS.observation],
      expected: { [GROUP_IDS.observers]: ROSTER.observers },
      issued: { [GROUP_IDS.observers]: ROSTER.observers },
      ...closed,
    },
    {
      id: SESSION_IDS.taskforce,
      name: '工作专班调研评价',
      instrumentIds: [INSTRUMENT_IDS.taskforce],
      expected: { [GROUP_IDS.taskforce]: ROSTER.taskforces },
      issued: { [GROUP_IDS.taskforce]: ROSTER.taskforces },
      ...closed,
    },
    {
      id: SESSION_IDS.report,
      name: '县（市、区）委书记汇报点评会',
      instrumentIds: [INSTRUMENT_IDS.report, INSTRUMENT_IDS.case],
      expected: {
        [GROUP_IDS.office]: ROSTER.reportOffice,
        [GROUP_IDS.taskforce]: ROSTER.taskforces,
        [GROUP_IDS.inspection]: ROSTER.reportInspection,
      },
      issued: {
        [GROUP_IDS.office]: ROSTER.reportOffice,
        [GROUP_IDS.taskforce]: ROSTER.taskforces,
        [GROUP_IDS.inspection]: ROSTER.reportInspection,
      },
      ...closed,
    },
    {
      id: SESSION_IDS.seminar,
      name: '乡镇（街道）党（工）委书记座谈会',
      instrumentIds: [INSTRUMENT_IDS.exchange],
      expected: { [GROUP_IDS.secretaries]: ROSTER.secretaries, [GROUP_IDS.office]: ROSTER.seminarOffice },
      issued: { [GROUP_IDS.secretaries]: ROSTER.secretaries, [GROUP_IDS.office]: ROSTER.seminarOffice },
      ...closed,
    },
  ];
}

/** The definition over the units of 晋城市 (the city as root, its 6 county-level units and 77 townships). */
export function jinchengDefinition(units: Unit[]): CampaignDefinition {
  const byCode = new Map(units.map((u) => [u.code, u]));
  const counties = JINCHENG_COUNTY_CODES.map((code) => {
    const unit = byCode.get(code);
    if (!unit) throw new Error(`division data lacks county ${code}`);
    return unit;
  });
  const townships = units.filter((u) => u.level === 'township');
  const unitSubjects: Subject[] = [...counties, ...townships].map((u) => ({
    id: unitSubjectId(u.id),
    kind: 'unit',
    unitId: u.id,
    name: u.name,
  }));
  const items = sitesAndCases();
  const countyIds = counties.map((u) => unitSubjectId(u.id));
  const townshipIds = townships.map((u) => unitSubjectId(u.id));
  const siteIds = items.filter((s) => s.kind === 'site').map((s) => s.id);
  const caseIds = items.filter((s) => s.kind === 'case').map((s) => s.id);
  const w = (groupId: string, weight: string) => ({ groupId, weight });
  const leaders = [w(GROUP_IDS.office, '40'), w(GROUP_IDS.taskforce, '30'), w(GROUP_IDS.inspection, '30')];

  return {
    id: 'jincheng-2022-06',
    name: '晋城市基层治理“亮晒评”活动（2022年6月）',
    precision: 2,
    tieJudgement: 'exact',
    units,
    subjects: [...unitSubjects, ...items],
    raterGroups: [
      RATER_GROUPS.office,
      RATER_GROUPS.taskforce,
      RATER_GROUPS.inspection,
      RATER_GROUPS.observers,
      RATER_GROUPS.secretaries,
    ],
    instruments: [
      observationInstrument(siteIds, [w(GROUP_IDS.observers, '100')]),
      taskforceInstrument([...countyIds, ...townshipIds], [w(GROUP_IDS.taskforce, '100')]),
      reportInstrument(countyIds, leaders),
      exchangeInstrument(townshipIds, [w(GROUP_IDS.secretaries, '70'), w(GROUP_IDS.office, '30')]),
      caseInstrument(caseIds, leaders),
      adjustmentsInstrument(countyIds, [w(GROUP_IDS.office, '100')]),
    ],
    rankings: rankings(),
    sessions: sessions(),
  };
}
