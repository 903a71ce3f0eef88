/**
 * Small factories for campaign definitions and ballots, shared by the domain tests. Append new exports; do not
 * change the defaults of existing ones (other test files rely on them).
 */
import type {
  AdjustmentsInstrument,
  Ballot,
  CampaignDefinition,
  Grade,
  GradeInstrument,
  QuotaRule,
  Rating,
  RankingSpec,
  ScoreInstrument,
  Session,
  Subject,
  TierSpec,
  Unit,
} from '../../src/domain/types.js';
import type { Fraction } from '../../src/domain/exact.js';
import type { InstrumentTally } from '../../src/domain/results.js';

export const JINCHENG_COUNTIES = ['城区', '沁水县', '阳城县', '陵川县', '泽州县', '高平市'] as const;

/** 晋城市 with its 6 county-level units (`county-1` … `county-6`) and `townshipsPerCounty` townships under each. */
export function jinchengUnits(townshipsPerCounty = 2): Unit[] {
  const units: Unit[] = [{ id: 'city', code: '140500', name: '晋城市', level: 'city', parentId: null }];
  JINCHENG_COUNTIES.forEach((name, i) => {
    const countyId = `county-${i + 1}`;
    units.push({ id: countyId, code: null, name, level: 'county', parentId: 'city' });
    for (let t = 1; t <= townshipsPerCounty; t++) {
      units.push({ id: `${countyId}-town-${t}`, code: null, name: `${name}第${t}镇`, level: 'township', parentId: countyId });
    }
  });
  return units;
}

/** One subject per unit (`s-<unitId>`), rating the unit itself. */
export function unitSubjects(units: Unit[]): Subject[] {
  return units.map((u) => ({ id: `s-${u.id}`, kind: 'unit' as const, unitId: u.id, name: u.name }));
}

/** 好 100 · 较好 85 · 一般 70 · 差 50. */
export function fourGrades(): Grade[] {
  return [
    { key: 'good', label: '好', points: '100' },
    { key: 'fair-good', label: '较好', points: '85' },
    { key: 'average', label: '一般', points: '70' },
    { key: 'poor', label: '差', points: '50' },
  ];
}

export function quotaRule(overrides: Partial<QuotaRule> = {}): QuotaRule {
  return {
    id: 'rule-good-max',
    label: '好 ≤ 40%',
    grades: ['good'],
    bound: 'max',
    numerator: 40,
    denominator: 100,
    rounding: 'exact',
    base: 'all',
    ...overrides,
  };
}

/** 汇报评's two rules: 好 ≤ 40% and 较好或以下 ≥ 25%. */
export function reportRules(): QuotaRule[] {
  return [
    quotaRule(),
    quotaRule({
      id: 'rule-lower-min',
      label: '较好或以下 ≥ 25%',
      grades: ['fair-good', 'average', 'poor'],
      bound: 'min',
      numerator: 25,
    }),
  ];
}

export function gradeInstrument(overrides: Partial<GradeInstrument> = {}): GradeInstrument {
  return {
    id: 'report',
    name: '汇报评',
    kind: 'grade',
    subjectIds: [],
    groupWeights: [{ groupId: 'office', weight: '1' }],
    aggregation: { method: 'mean' },
    missingGroup: 'renormalize',
    allowAbstain: false,
    opinion: 'none',
    visibility: 'after-close',
    grades: fourGrades(),
    quotaRules: reportRules(),
    ...overrides,
  };
}

export function scoreInstrument(overrides: Partial<ScoreInstrument> = {}): ScoreInstrument {
  return {
    id: 'observe',
    name: '观摩评',
    kind: 'score',
    subjectIds: [],
    groupWeights: [{ groupId: 'office', weight: '1' }],
    aggregation: { method: 'mean' },
    missingGroup: 'renormalize',
    allowAbstain: false,
    opinion: 'none',
    visibility: 'after-close',
    min: '0',
    max: '100',
    step: '0.5',
    criteria: null,
    adjustments: null,
    ...overrides,
  };
}

export function adjustmentsInstrument(overrides: Partial<AdjustmentsInstrument> = {}): AdjustmentsInstrument {
  return {
    id: 'adjust',
    name: '加减分',
    kind: 'adjustments',
    subjectIds: [],
    groupWeights: [{ groupId: 'office', weight: '1' }],
    aggregation: { method: 'mean' },
    missingGroup: 'renormalize',
    allowAbstain: false,
    opinion: 'none',
    visibility: 'after-close',
    adjustments: {
      items: [
        { id: 'highlight', label: '亮点加分', direction: 'bonus', maxPoints: '3' },
        { id: 'shortcoming', label: '不足减分', direction: 'deduction', maxPoints: '3' },
      ],
      maxTotalBonus: '5',
      maxTotalDeduction: '5',
    },
    ...overrides,
  };
}

/**
 * A Jincheng campaign: units and unit subjects, an anonymous group `office` and a named group `taskforce`,
 * 汇报评 over the 6 counties, one session `s1` listing every instrument, and no rankings.
 */
export function definition(overrides: Partial<CampaignDefinition> = {}): CampaignDefinition {
  const units = overrides.units ?? jinchengUnits();
  const subjects = overrides.subjects ?? unitSubjects(units);
  const counties = units.filter((u) => u.level === 'county').map((u) => `s-${u.id}`);
  const instruments = overrides.instruments ?? [gradeInstrument({ subjectIds: counties })];
  return {
    id: 'campaign',
    name: '亮晒评',
    precision: 2,
    tieJudgement: 'exact',
    units,
    subjects,
    raterGroups: [
      { id: 'office', name: '专项行动办公室', mode: 'anonymous' },
      { id: 'taskforce', name: '工作专班', mode: 'named' },
    ],
    instruments,
    rankings: [],
    sessions: [
      {
        id: 's1',
        name: '县委书记汇报会',
        instrumentIds: instruments.map((i) => i.id),
        expected: { office: 10 },
        issued: { office: 10 },
        present: null,
        status: 'open',
      },
    ],
    ...overrides,
  };
}

let ballotSeq = 0;

export function ballot(overrides: Partial<Ballot> = {}): Ballot {
  ballotSeq++;
  return {
    id: `b${ballotSeq}`,
    instrumentId: 'report',
    raterGroupId: 'office',
    raterName: null,
    boundUnitId: null,
    sessionId: 's1',
    sheetId: `sheet-${ballotSeq}`,
    channel: 'online',
    ratings: [],
    ...overrides,
  };
}

/** Ratings giving `grades[i]` to `subjectIds[i]`; `null` abstains. */
export function gradeRatings(subjectIds: string[], grades: (string | null)[]): Rating[] {
  return subjectIds.map((subjectId, i) => {
    const grade = grades[i];
    return grade === null || grade === undefined ? { subjectId, abstain: true } : { subjectId, grade };
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Tally, ranking and tier factories.

/** A score ballot's ratings: subjectId → score (decimal string). */
export function scoreRatings(scores: Record<string, string>): Rating[] {
  return Object.entries(scores).map(([subjectId, score]) => ({ subjectId, score }));
}

/** Ranks the 6 counties by the given components; no adjustments, no tie-breaks, no tiers unless overridden. */
export function rankingSpec(overrides: Partial<RankingSpec> = {}): RankingSpec {
  return {
    id: 'county-rank',
    name: '县（市、区）排名',
    level: 'county',
    scopeUnitId: null,
    components: [],
    adjustmentInstrumentIds: [],
    missingComponent: 'zero',
    tieBreaks: [],
    tiers: [],
    ...overrides,
  };
}

/** 好 ≤ 40% (exact), then 较好 taking the rest. */
export function twoTiers(rounding: TierSpec['rounding'] = 'exact'): TierSpec[] {
  return [
    { key: 'good', label: '好', numerator: 40, denominator: 100, rounding },
    { key: 'fair-good', label: '较好', numerator: 0, denominator: 100, rounding: 'exact' },
  ];
}

/** A session `id` listing `instrumentIds`, with 10 expected and issued office raters, closed. */
export function session(overrides: Partial<Session> = {}): Session {
  return {
    id: 's1',
    name: '测评会',
    instrumentIds: [],
    expected: { office: 10 },
    issued: { office: 10 },
    present: null,
    status: 'closed',
    ...overrides,
  };
}

/** An instrument tally with the given subject scores only (no groups): for roll-up and ranking tests. */
export function scoredInstrument(instrumentId: string, scores: Record<string, Fraction | null>): InstrumentTally {
  return {
    instrumentId,
    subjects: Object.entries(scores).map(([subjectId, score]) => ({
      subjectId,
      score,
      groups: [],
      renormalized: false,
      missingGroupIds: [],
      abstentions: 0,
      gradeCounts: null,
    })),
  };
}

/** Observation sites (实训点) `site-<county>-<n>` owned by counties. */
export function sites(perCounty: Record<string, number>, rollupWeight?: string): Subject[] {
  return Object.entries(perCounty).flatMap(([countyId, n]) =>
    Array.from({ length: n }, (_, i) => ({
      id: `site-${countyId}-${i + 1}`,
      kind: 'site' as const,
      unitId: countyId,
      name: `实训点${countyId}-${i + 1}`,
      ...(rollupWeight === undefined ? {} : { rollupWeight }),
    })),
  );
}
