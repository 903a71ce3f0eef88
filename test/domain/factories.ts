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

/**
 * A whole Jincheng campaign with all five kinds of result: 汇报评 (grade, trimmed k=1, office 60 / taskforce 40),
 * 观摩评 on sites (score, median), 交流评 on townships (grade, mean, missing group counts 0), 加减分 on counties,
 * a county ranking with tiers and a township ranking that renormalises missing components. No quota rules, so any
 * well-formed ballot is valid.
 */
export function fullCampaign(): CampaignDefinition {
  const units = jinchengUnits(2);
  const counties = units.filter((u) => u.level === 'county');
  const townships = units.filter((u) => u.level === 'township');
  const siteSubjects = sites(Object.fromEntries(counties.map((c, i) => [c.id, 1 + (i % 3)])));
  const groups = [
    { groupId: 'office', weight: '60' },
    { groupId: 'taskforce', weight: '40' },
  ];
  const instruments = [
    gradeInstrument({
      subjectIds: counties.map((c) => `s-${c.id}`),
      groupWeights: groups,
      aggregation: { method: 'trimmed', k: 1 },
      quotaRules: [],
      allowAbstain: true,
    }),
    scoreInstrument({ subjectIds: siteSubjects.map((s) => s.id), aggregation: { method: 'median' }, groupWeights: groups }),
    gradeInstrument({
      id: 'exchange',
      name: '交流评',
      subjectIds: townships.map((t) => `s-${t.id}`),
      groupWeights: groups,
      missingGroup: 'zero',
      quotaRules: [],
    }),
    adjustmentsInstrument({ subjectIds: counties.map((c) => `s-${c.id}`) }),
  ];
  return definition({
    units,
    subjects: [...unitSubjects(units), ...siteSubjects],
    instruments,
    rankings: [
      rankingSpec({
        components: [
          { instrumentId: 'report', weight: '40' },
          { instrumentId: 'observe', weight: '30' },
          { instrumentId: 'exchange', weight: '30' },
        ],
        adjustmentInstrumentIds: ['adjust'],
        tieBreaks: [{ instrumentId: 'report' }],
        tiers: twoTiers(),
      }),
      rankingSpec({
        id: 'township-rank',
        name: '乡镇排名',
        level: 'township',
        components: [
          { instrumentId: 'exchange', weight: '70' },
          { instrumentId: 'report', weight: '30' },
        ],
        missingComponent: 'renormalize',
      }),
    ],
    sessions: [session({ instrumentIds: instruments.map((i) => i.id), issued: { office: 500, taskforce: 100 }, status: 'open' })],
  });
}

/** Deterministic pseudo-random ballots for `fullCampaign` (any seed gives well-formed ballots). */
export function randomBallots(def: CampaignDefinition, seed: number, perInstrument = 8): Ballot[] {
  let s = seed >>> 0;
  const next = (n: number): number => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return (((t ^ (t >>> 14)) >>> 0) % n);
  };
  const out: Ballot[] = [];
  for (const instrument of def.instruments) {
    const count = 1 + next(perInstrument);
    for (let i = 0; i < count; i++) {
      const named = next(3) === 0;
      const ratings: Rating[] = instrument.subjectIds.map((subjectId) => {
        if (instrument.kind === 'grade') {
          if (instrument.allowAbstain && next(10) === 0) return { subjectId, abstain: true };
          return { subjectId, grade: instrument.grades[next(instrument.grades.length)]!.key };
        }
        if (instrument.kind === 'score') return { subjectId, score: String(60 + next(81) / 2) };
        const adjustments = next(2) === 0 ? [] : [{ itemId: next(2) ? 'highlight' : 'shortcoming', points: String((1 + next(12)) / 4), reason: '理由' }];
        return { subjectId, adjustments };
      });
      out.push({
        id: `${instrument.id}-${String(i).padStart(2, '0')}`,
        instrumentId: instrument.id,
        raterGroupId: named ? 'taskforce' : 'office',
        raterName: named ? `专班成员${i}` : null,
        boundUnitId: null,
        sessionId: 's1',
        sheetId: `${instrument.id}-sheet-${i}`,
        channel: 'online',
        ratings,
      });
    }
  }
  return out;
}
