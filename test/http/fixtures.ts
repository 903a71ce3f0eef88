/** A small hand-made campaign: a city with 7 counties rated on 好/较好/一般/差 with the article's two quota rules. */
import type { CampaignSetup } from '../../src/contracts/api.js';
import type { Unit } from '../../src/domain/types.js';

export const CITY: Unit = { id: 'c0', code: '149900', name: '测试市', level: 'city', parentId: null };
export const COUNTIES: Unit[] = ['城区', '东县', '西县', '南县', '北县', '中县', '高平'].map((name, i) => ({
  id: `k${i + 1}`,
  code: `1499${String(i + 1).padStart(2, '0')}`,
  name,
  level: 'county' as const,
  parentId: 'c0',
}));

export const setup = (): CampaignSetup => ({
  id: 'camp1',
  name: '测试活动',
  rootUnitId: 'c0',
  precision: 2,
  tieJudgement: 'exact',
  subjects: COUNTIES.map((k) => ({ id: `s-${k.id}`, kind: 'unit' as const, unitId: k.id, name: k.name })),
  raterGroups: [
    { id: 'g-office', name: '办公室', mode: 'anonymous' },
    { id: 'g-tf', name: '工作专班', mode: 'named' },
  ],
  instruments: [
    {
      id: 'i-report',
      name: '汇报评',
      kind: 'grade',
      subjectIds: COUNTIES.map((k) => `s-${k.id}`),
      groupWeights: [{ groupId: 'g-office', weight: '1' }],
      aggregation: { method: 'mean' },
      missingGroup: 'renormalize',
      allowAbstain: true,
      opinion: 'none',
      visibility: 'live',
      grades: [
        { key: 'good', label: '好', points: '100' },
        { key: 'fair', label: '较好', points: '85' },
        { key: 'avg', label: '一般', points: '70' },
        { key: 'poor', label: '差', points: '50' },
      ],
      quotaRules: [
        { id: 'r-good', label: '好 ≤ 40%', grades: ['good'], bound: 'max', numerator: 40, denominator: 100, rounding: 'exact', base: 'all' },
        { id: 'r-low', label: '较好或以下 ≥ 25%', grades: ['fair', 'avg', 'poor'], bound: 'min', numerator: 25, denominator: 100, rounding: 'exact', base: 'all' },
      ],
    },
  ],
  rankings: [
    {
      id: 'rank-county',
      name: '县排名',
      level: 'county',
      scopeUnitId: 'c0',
      components: [{ instrumentId: 'i-report', weight: '100' }],
      adjustmentInstrumentIds: [],
      missingComponent: 'zero',
      tieBreaks: [],
      tiers: [
        { key: 'good', label: '好', numerator: 40, denominator: 100, rounding: 'exact' },
        { key: 'rest', label: '其他', numerator: 100, denominator: 100, rounding: 'exact' },
      ],
    },
  ],
});

/** Ratings for the 7 counties: the first `good` rated 好, the rest 较好. */
export function ratings(good: number): { subjectId: string; grade: string }[] {
  return COUNTIES.map((k, i) => ({ subjectId: `s-${k.id}`, grade: i < good ? 'good' : 'fair' }));
}
