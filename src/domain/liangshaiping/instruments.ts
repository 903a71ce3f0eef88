/**
 * 亮晒评: the article's five evaluation forms (观摩评 专班评 汇报评 交流评 案例评) plus campaign-level 加减分, as
 * instrument builders. The office's template (app/campaigns) is built from them; the Jincheng demo and the province
 * fixture use them too, never the reverse. Callers supply subjects and group weights.
 */
import type {
  AdjustmentConfig,
  AdjustmentsInstrument,
  Grade,
  GradeInstrument,
  QuotaRule,
  ScoreInstrument,
} from '../types.js';

export const INSTRUMENT_IDS = {
  observation: 'i-observation',
  taskforce: 'i-taskforce',
  report: 'i-report',
  exchange: 'i-exchange',
  case: 'i-case',
  adjustments: 'i-adjustments',
} as const;

/** 好 100 / 较好 85 / 一般 70 / 差 50. */
export const GRADES: Grade[] = [
  { key: 'good', label: '好', points: '100' },
  { key: 'fairly-good', label: '较好', points: '85' },
  { key: 'average', label: '一般', points: '70' },
  { key: 'poor', label: '差', points: '50' },
];

export const GOOD = 'good';
const AT_OR_BELOW_FAIRLY_GOOD = ['fairly-good', 'average', 'poor'];

export function maxGood(id: string, percent: number): QuotaRule {
  return {
    id,
    label: `“好”不超过${percent}%`,
    grades: [GOOD],
    bound: 'max',
    numerator: percent,
    denominator: 100,
    rounding: 'exact',
    base: 'all',
  };
}

export function minFairlyGoodOrBelow(id: string, percent: number): QuotaRule {
  return {
    id,
    label: `“较好”或以下不低于${percent}%`,
    grades: AT_OR_BELOW_FAIRLY_GOOD,
    bound: 'min',
    numerator: percent,
    denominator: 100,
    rounding: 'exact',
    base: 'all',
  };
}

type Weights = { groupId: string; weight: string }[];

/** 观摩评: on-the-spot score 0–100 in steps of 0.5 with 亮点加分 / 不足减分, each total capped at 5. */
export function observationInstrument(subjectIds: string[], groupWeights: Weights): ScoreInstrument {
  const adjustments: AdjustmentConfig = {
    items: [
      { id: 'adj-brand', label: '特色品牌亮点', direction: 'bonus', maxPoints: '2' },
      { id: 'adj-people', label: '群众满意度高', direction: 'bonus', maxPoints: '1.5' },
      { id: 'adj-innovation', label: '机制创新突破', direction: 'bonus', maxPoints: '2' },
      { id: 'adj-records', label: '台账资料不实', direction: 'deduction', maxPoints: '2' },
      { id: 'adj-rectify', label: '问题整改不到位', direction: 'deduction', maxPoints: '3' },
    ],
    maxTotalBonus: '5',
    maxTotalDeduction: '5',
  };
  return {
    id: INSTRUMENT_IDS.observation,
    name: '观摩评',
    kind: 'score',
    subjectIds,
    groupWeights,
    // 去掉一个最高分、一个最低分
    aggregation: { method: 'trimmed', k: 1 },
    missingGroup: 'renormalize',
    allowAbstain: false,
    opinion: 'optional',
    visibility: 'after-close',
    min: '0',
    max: '100',
    step: '0.5',
    criteria: null,
    adjustments,
  };
}

/** 专班评: each task force scores every county and township 0–100 and writes a signed opinion. */
export function taskforceInstrument(subjectIds: string[], groupWeights: Weights): ScoreInstrument {
  return {
    id: INSTRUMENT_IDS.taskforce,
    name: '专班评',
    kind: 'score',
    subjectIds,
    groupWeights,
    aggregation: { method: 'mean' },
    missingGroup: 'renormalize',
    allowAbstain: false,
    opinion: 'required',
    visibility: 'after-close',
    min: '0',
    max: '100',
    step: '1',
    criteria: null,
    adjustments: null,
  };
}

function gradeInstrument(
  id: string,
  name: string,
  subjectIds: string[],
  groupWeights: Weights,
  quotaRules: QuotaRule[],
  visibility: GradeInstrument['visibility'],
): GradeInstrument {
  return {
    id,
    name,
    kind: 'grade',
    subjectIds,
    groupWeights,
    aggregation: { method: 'mean' },
    missingGroup: 'renormalize',
    allowAbstain: true,
    opinion: 'none',
    visibility,
    grades: GRADES,
    quotaRules,
  };
}

/** 汇报评: “好” ≤ 40% and “较好”或以下 ≥ 25% per ballot, shown live on the big screen. */
export function reportInstrument(subjectIds: string[], groupWeights: Weights): GradeInstrument {
  const rules = [maxGood('q-report-good', 40), minFairlyGoodOrBelow('q-report-below', 25)];
  return gradeInstrument(INSTRUMENT_IDS.report, '汇报评', subjectIds, groupWeights, rules, 'live');
}

/** 交流评: township ratings at the secretaries' seminar, “好” ≤ 10% per ballot. */
export function exchangeInstrument(subjectIds: string[], groupWeights: Weights): GradeInstrument {
  const rules = [maxGood('q-exchange-good', 10)];
  return gradeInstrument(INSTRUMENT_IDS.exchange, '交流评', subjectIds, groupWeights, rules, 'after-close');
}

/** 案例评: one case per county, “好” ≤ 40% per ballot. */
export function caseInstrument(subjectIds: string[], groupWeights: Weights): GradeInstrument {
  const rules = [maxGood('q-case-good', 40)];
  return gradeInstrument(INSTRUMENT_IDS.case, '案例评', subjectIds, groupWeights, rules, 'after-all-voted');
}

/** 加减分: campaign-level bonuses and deductions decided by the office, each with a documented reason. */
export function adjustmentsInstrument(subjectIds: string[], groupWeights: Weights): AdjustmentsInstrument {
  return {
    id: INSTRUMENT_IDS.adjustments,
    name: '加减分',
    kind: 'adjustments',
    subjectIds,
    groupWeights,
    aggregation: { method: 'mean' },
    missingGroup: 'renormalize',
    allowAbstain: true,
    opinion: 'none',
    visibility: 'after-close',
    adjustments: {
      items: [
        { id: 'adj-recognised', label: '经验被省级以上推广', direction: 'bonus', maxPoints: '1' },
        { id: 'adj-pilot', label: '承担省级试点任务', direction: 'bonus', maxPoints: '1' },
        { id: 'adj-overdue', label: '重点任务逾期未完成', direction: 'deduction', maxPoints: '1' },
        { id: 'adj-unrectified', label: '督导反馈问题未整改', direction: 'deduction', maxPoints: '1' },
      ],
      maxTotalBonus: '2',
      maxTotalDeduction: '2',
    },
  };
}
