/**
 * The article's two rankings — counties by the five forms plus campaign adjustments, townships by 专班评 and 交流评 —
 * shared by the Jincheng demo, the province fixture and the office's 亮晒评 template.
 */
import type { RankingSpec } from '../types.js';
import { INSTRUMENT_IDS } from './instruments.js';

/** Forced distribution 好 / 较好 / 一般 with the given maximum shares (percent) for the first two. */
export function articleTiers(good: number, fairlyGood: number): RankingSpec['tiers'] {
  return [
    { key: 'good', label: '好', numerator: good, denominator: 100, rounding: 'exact' },
    { key: 'fairly-good', label: '较好', numerator: fairlyGood, denominator: 100, rounding: 'exact' },
    { key: 'average', label: '一般', numerator: 100, denominator: 100, rounding: 'exact' },
  ];
}

export interface CountyRankingOptions {
  tiers: RankingSpec['tiers'];
  tieBreaks: RankingSpec['tieBreaks'];
  /** Without townships there is no 交流评: its 15% goes to 汇报评. */
  withExchange: boolean;
}

/** 县（市、区）综合排名: 观摩评 25, 专班评 20, 汇报评 25, 交流评 15, 案例评 15, plus 加减分. */
export function countyRanking(scopeUnitId: string, options: CountyRankingOptions): RankingSpec {
  return {
    id: 'r-county',
    name: '县（市、区）综合排名',
    level: 'county',
    scopeUnitId,
    components: [
      { instrumentId: INSTRUMENT_IDS.observation, weight: '25' },
      { instrumentId: INSTRUMENT_IDS.taskforce, weight: '20' },
      { instrumentId: INSTRUMENT_IDS.report, weight: options.withExchange ? '25' : '40' },
      ...(options.withExchange ? [{ instrumentId: INSTRUMENT_IDS.exchange, weight: '15' }] : []),
      { instrumentId: INSTRUMENT_IDS.case, weight: '15' },
    ],
    adjustmentInstrumentIds: [INSTRUMENT_IDS.adjustments],
    missingComponent: 'zero',
    tieBreaks: options.tieBreaks,
    tiers: options.tiers,
  };
}

/** 乡镇（街道）排名: 专班评 50, 交流评 50; 好 ≤ 10%, 较好 ≤ 30%. */
export function townshipRanking(scopeUnitId: string): RankingSpec {
  return {
    id: 'r-township',
    name: '乡镇（街道）排名',
    level: 'township',
    scopeUnitId,
    components: [
      { instrumentId: INSTRUMENT_IDS.taskforce, weight: '50' },
      { instrumentId: INSTRUMENT_IDS.exchange, weight: '50' },
    ],
    adjustmentInstrumentIds: [],
    missingComponent: 'zero',
    tieBreaks: [{ instrumentId: INSTRUMENT_IDS.exchange }],
    tiers: articleTiers(10, 30),
  };
}
