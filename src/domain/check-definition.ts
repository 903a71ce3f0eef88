/**
 * 方案检查: refuses a campaign set-up that cannot be tallied exactly — dangling references, weights that do not sum
 * to 100, ratios that are not ratios, score scales whose step does not divide the range. Each problem names its
 * path (`rankings[0].components`) for programs and says where and what is wrong in the office's words, in zh and en
 * (definition-place.ts); the API answers 4xx with them.
 */
import { Fraction, isDecimal, parseDecimal } from './exact.js';
import { placeInDefinition } from './definition-place.js';
import type { Message } from './results.js';
import type {
  AdjustmentConfig,
  CampaignDefinition,
  GradeInstrument,
  Instrument,
  RankingSpec,
  ScoreInstrument,
  Session,
} from './types.js';
import { own } from './own.js';

export interface DefinitionProblem {
  code: DefinitionProblemCode;
  /** Where, e.g. 'instruments[2].quotaRules[0].numerator'. */
  path: string;
  params: Record<string, string | number>;
  message: Message;
}

type Params = Record<string, string | number>;

/** What a reference points at, for messages. */
const KINDS: Record<string, { zh: string; en: string }> = {
  unit: { zh: '单位', en: 'unit' },
  subject: { zh: '测评对象', en: 'subject' },
  group: { zh: '测评组', en: 'rater group' },
  instrument: { zh: '评价方式', en: 'instrument' },
  grade: { zh: '等次', en: 'grade' },
  ranking: { zh: '排名', en: 'ranking' },
  session: { zh: '测评会', en: 'session' },
  criterion: { zh: '评分细则', en: 'criterion' },
  item: { zh: '加减分项', en: 'adjustment item' },
  rule: { zh: '比例限制', en: 'quota rule' },
  tier: { zh: '结果等次', en: 'tier' },
};

const kindZh = (p: Params): string => own(KINDS, String(p.kind))?.zh ?? String(p.kind);
const kindEn = (p: Params): string => own(KINDS, String(p.kind))?.en ?? String(p.kind);

const MESSAGES = {
  duplicate_id: (p: Params) => ({
    zh: `${kindZh(p)}编号「${p.id}」重复`,
    en: `Duplicate ${kindEn(p)} id “${p.id}”`,
  }),
  unknown_reference: (p: Params) => ({
    zh: `引用了不存在的${kindZh(p)}「${p.ref}」`,
    en: `Refers to ${kindEn(p)} “${p.ref}”, which does not exist`,
  }),
  duplicate_reference: (p: Params) => ({
    zh: `${kindZh(p)}「${p.ref}」列了不止一次`,
    en: `${cap(kindEn(p))} “${p.ref}” is listed more than once`,
  }),
  unit_cycle: (p: Params) => ({
    zh: `单位「${p.id}」的上级关系形成循环`,
    en: `The parents of unit “${p.id}” form a cycle`,
  }),
  not_decimal: (p: Params) => ({
    zh: `「${p.value}」不是有效数字（最多 15 位整数、6 位小数）`,
    en: `“${p.value}” is not a decimal number (at most 15 integer and 6 fraction digits)`,
  }),
  precision_invalid: (p: Params) => ({
    zh: `显示精度须为 0–6 的整数，现为 ${p.value}`,
    en: `Precision must be a whole number from 0 to 6, not ${p.value}`,
  }),
  rollup_weight_not_positive: (p: Params) => ({
    zh: `汇总权重须大于 0，现为 ${p.value}`,
    en: `Roll-up weight must be above 0, not ${p.value}`,
  }),
  group_weight_not_positive: (p: Params) => ({
    zh: `测评组「${p.groupId}」的权重须大于 0，现为 ${p.value}`,
    en: `Weight of rater group “${p.groupId}” must be above 0, not ${p.value}`,
  }),
  trimmed_k_invalid: (p: Params) => ({
    zh: `去掉最高最低的个数 k 须为不小于 1 的整数，现为 ${p.value}`,
    en: `Trimmed mean k must be a whole number of at least 1, not ${p.value}`,
  }),
  grades_empty: () => ({ zh: '等次评价须至少有一个等次', en: 'A grade instrument needs at least one grade' }),
  grade_points_negative: (p: Params) => ({
    zh: `等次「${p.grade}」的分值不能为负，现为 ${p.value}`,
    en: `Grade “${p.grade}” cannot be worth negative points (${p.value})`,
  }),
  grade_points_max_not_positive: () => ({
    zh: '最高等次的分值须大于 0（得分按最高分折算为百分制）',
    en: 'The highest grade must be worth more than 0 points (scores are normalised by it)',
  }),
  quota_denominator_invalid: (p: Params) => ({
    zh: `比例限制「${p.rule}」的分母须为正整数，现为 ${p.value}`,
    en: `Quota rule “${p.rule}”: the denominator must be a positive whole number, not ${p.value}`,
  }),
  quota_numerator_invalid: (p: Params) => ({
    zh: `比例限制「${p.rule}」的分子须为 0 到 ${p.denominator} 的整数，现为 ${p.value}`,
    en: `Quota rule “${p.rule}”: the numerator must be a whole number from 0 to ${p.denominator}, not ${p.value}`,
  }),
  quota_grades_empty: (p: Params) => ({
    zh: `比例限制「${p.rule}」未指定等次`,
    en: `Quota rule “${p.rule}” names no grade`,
  }),
  score_range_invalid: (p: Params) => ({
    zh: `最低分 ${p.min} 须小于最高分 ${p.max}`,
    en: `The minimum score ${p.min} must be below the maximum ${p.max}`,
  }),
  score_max_not_positive: (p: Params) => ({
    zh: `最高分须大于 0（得分按最高分折算为百分制），现为 ${p.max}`,
    en: `The maximum score must be above 0 (scores are normalised by it), not ${p.max}`,
  }),
  step_not_positive: (p: Params) => ({
    zh: `最小分值单位须大于 0，现为 ${p.step}`,
    en: `The step must be above 0, not ${p.step}`,
  }),
  step_not_dividing_range: (p: Params) => ({
    zh: `分值范围 ${p.min}–${p.max} 不是最小分值单位 ${p.step} 的整数倍`,
    en: `The range ${p.min}–${p.max} is not a whole number of steps of ${p.step}`,
  }),
  criteria_empty: () => ({
    zh: '评分细则为空；不用细则时请设为 null',
    en: 'The criteria list is empty; use null for no criteria',
  }),
  criterion_max_not_positive: (p: Params) => ({
    zh: `细则「${p.criterion}」的满分须大于 0，现为 ${p.value}`,
    en: `Criterion “${p.criterion}” must have a maximum above 0, not ${p.value}`,
  }),
  criteria_sum_mismatch: (p: Params) => ({
    zh: `评分细则满分合计 ${p.sum}，须等于最高分 ${p.max}`,
    en: `The criteria maxima sum to ${p.sum}; they must sum to the maximum score ${p.max}`,
  }),
  adjustment_items_empty: () => ({
    zh: '加减分须至少有一个加减分项',
    en: 'Adjustments need at least one item',
  }),
  adjustment_cap_not_positive: (p: Params) => ({
    zh: `加减分上限须大于 0，现为 ${p.value}`,
    en: `An adjustment cap must be above 0, not ${p.value}`,
  }),
  adjustment_step_not_positive: (p: Params) => ({
    zh: `加减分项「${p.item}」的最小分值单位须大于 0，现为 ${p.value}`,
    en: `The step of adjustment item “${p.item}” must be above 0, not ${p.value}`,
  }),
  adjustment_max_off_step: (p: Params) => ({
    zh: `加减分项「${p.item}」的上限 ${p.max} 不是最小分值单位 ${p.step} 的整数倍`,
    en: `The cap ${p.max} of adjustment item “${p.item}” is not a whole multiple of its step ${p.step}`,
  }),
  adjustment_cap_reading_unknown: (p: Params) => ({
    zh: `加减分合计超过上限时的处理方式「${p.value}」无效：应为按上限计（封顶）或该票无效`,
    en: `“${p.value}” is not a way to read the adjustment caps: a total over its cap either counts as the cap (ceiling) or makes the ballot invalid (strict)`,
  }),
  weight_negative: (p: Params) => ({
    zh: `「${p.instrumentId}」的权重不能为负，现为 ${p.value}`,
    en: `The weight of “${p.instrumentId}” cannot be negative (${p.value})`,
  }),
  weights_not_100: (p: Params) => ({
    zh: `各评价方式权重合计为 ${p.sum}，须恰好等于 100`,
    en: `Component weights sum to ${p.sum}; they must sum to exactly 100`,
  }),
  adjustments_as_component: (p: Params) => ({
    zh: `加减分「${p.instrumentId}」不能作为计权项，请把它列为本排名的加减分项`,
    en: `Adjustments instrument “${p.instrumentId}” cannot be a weighted component; list it among the ranking's adjustments`,
  }),
  not_adjustments_instrument: (p: Params) => ({
    zh: `「${p.instrumentId}」不是加减分类评价方式，不能直接加到总分`,
    en: `“${p.instrumentId}” is not an adjustments instrument and cannot be added to the total as points`,
  }),
  tie_break_not_component: (p: Params) => ({
    zh: `并列时比较的「${p.instrumentId}」不是本排名的计权项`,
    en: `Tie-break “${p.instrumentId}” is not a component of this ranking`,
  }),
  tiers_empty: () => ({ zh: '排名须至少有一个结果等次', en: 'A ranking needs at least one tier' }),
  tier_share_invalid: (p: Params) => ({
    zh: `结果等次「${p.tier}」的比例须在 0 到 1 之间，分子分母为整数、分母大于 0（现为 ${p.numerator}/${p.denominator}）`,
    en: `Tier “${p.tier}”: the share must be between 0 and 1 with whole numbers and a positive denominator (got ${p.numerator}/${p.denominator})`,
  }),
  agenda_subject_not_rated: (p: Params) => ({
    zh: `议程上的对象「${p.subjectId}」不是本测评会任何评价方式的测评对象`,
    en: `Agenda subject “${p.subjectId}” is not rated by any instrument of this session`,
  }),
  count_invalid: (p: Params) => ({
    zh: `人数须为不小于 0 的整数，现为 ${p.value}`,
    en: `A count must be a whole number of at least 0, not ${p.value}`,
  }),
} satisfies Record<string, (p: Params) => Message>;

export type DefinitionProblemCode = keyof typeof MESSAGES;

/** Every code a definition problem can have (the API documents them). */
export const DEFINITION_PROBLEM_CODES = Object.keys(MESSAGES) as DefinitionProblemCode[];

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Collects problems; the message carries the path so a clerk reading only the message still knows where. */
class Problems {
  readonly list: DefinitionProblem[] = [];
  readonly #def: CampaignDefinition;

  constructor(def: CampaignDefinition) {
    this.#def = def;
  }

  /**
   * The message says where in the office's words (placeInDefinition) and names instruments and groups by their
   * names; `path` and `params` keep the ids for programs.
   */
  add(code: DefinitionProblemCode, path: string, params: Params = {}): void {
    const m = MESSAGES[code](this.#shown(params));
    const place = placeInDefinition(this.#def, path);
    this.list.push({ code, path, params, message: place ? { zh: `${place.zh}：${m.zh}`, en: `${cap(place.en)}: ${m.en}` } : m });
  }

  #shown(params: Params): Params {
    const name = (list: readonly { id: string; name: string }[], id: string | number | undefined) => list.find((x) => x.id === id)?.name;
    return {
      ...params,
      ...(params.instrumentId !== undefined ? { instrumentId: name(this.#def.instruments, params.instrumentId) ?? params.instrumentId } : {}),
      ...(params.groupId !== undefined ? { groupId: name(this.#def.raterGroups, params.groupId) ?? params.groupId } : {}),
    };
  }

  /** The decimal at `path`, or null (and a problem) when it is not one. */
  decimal(value: unknown, path: string): Fraction | null {
    if (typeof value === 'string' && isDecimal(value)) return parseDecimal(value);
    this.add('not_decimal', path, { value: String(value) });
    return null;
  }

  uniqueIds(items: readonly { id: string }[], path: string, kind: string): void {
    const seen = new Set<string>();
    items.forEach((item, i) => {
      if (seen.has(item.id)) this.add('duplicate_id', `${path}[${i}].id`, { kind, id: item.id });
      seen.add(item.id);
    });
  }

  /** Each id of `ids` exists in `known` and appears once. */
  references(ids: readonly string[], known: ReadonlySet<string> | ReadonlyMap<string, unknown>, path: string, kind: string): void {
    const seen = new Set<string>();
    ids.forEach((ref, i) => {
      if (!known.has(ref)) this.add('unknown_reference', `${path}[${i}]`, { kind, ref });
      else if (seen.has(ref)) this.add('duplicate_reference', `${path}[${i}]`, { kind, ref });
      seen.add(ref);
    });
  }
}

const isWhole = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x);

/** Every problem of the set-up; [] = it can be tallied. */
export function checkDefinition(def: CampaignDefinition): DefinitionProblem[] {
  const out = new Problems(def);
  if (!isWhole(def.precision) || def.precision < 0 || def.precision > 6) {
    out.add('precision_invalid', 'precision', { value: String(def.precision) });
  }
  checkUnits(def, out);
  const units = new Set(def.units.map((u) => u.id));
  out.uniqueIds(def.subjects, 'subjects', 'subject');
  def.subjects.forEach((s, i) => {
    if (!units.has(s.unitId)) out.add('unknown_reference', `subjects[${i}].unitId`, { kind: 'unit', ref: s.unitId });
    if (s.rollupWeight !== undefined) {
      const w = out.decimal(s.rollupWeight, `subjects[${i}].rollupWeight`);
      if (w !== null && w.s * w.n <= 0n) out.add('rollup_weight_not_positive', `subjects[${i}].rollupWeight`, { value: s.rollupWeight });
    }
  });
  out.uniqueIds(def.raterGroups, 'raterGroups', 'group');
  out.uniqueIds(def.instruments, 'instruments', 'instrument');
  const subjects = new Set(def.subjects.map((s) => s.id));
  const groups = new Set(def.raterGroups.map((g) => g.id));
  def.instruments.forEach((inst, i) => { checkInstrument(inst, `instruments[${i}]`, subjects, groups, out); });
  const instruments = new Map(def.instruments.map((inst) => [inst.id, inst]));
  out.uniqueIds(def.rankings, 'rankings', 'ranking');
  def.rankings.forEach((r, i) => { checkRanking(r, `rankings[${i}]`, instruments, units, out); });
  out.uniqueIds(def.sessions, 'sessions', 'session');
  const instrumentSubjects = new Map(def.instruments.map((inst) => [inst.id, new Set(inst.subjectIds)]));
  def.sessions.forEach((s, i) => { checkSession(s, `sessions[${i}]`, { instrumentSubjects, subjects, groups }, out); });
  return out.list;
}

function checkUnits(def: CampaignDefinition, out: Problems): void {
  out.uniqueIds(def.units, 'units', 'unit');
  const parent = new Map(def.units.map((u) => [u.id, u.parentId]));
  // unset: unvisited; 1 on the current walk; 2 done; 3 on a cycle.
  const state = new Map<string, number>();
  def.units.forEach((u, i) => {
    if (u.parentId !== null && !parent.has(u.parentId)) {
      out.add('unknown_reference', `units[${i}].parentId`, { kind: 'unit', ref: u.parentId });
    }
    const path: string[] = [];
    let current: string | null = u.id;
    while (current !== null && parent.has(current) && state.get(current) === undefined) {
      state.set(current, 1);
      path.push(current);
      current = parent.get(current) ?? null;
    }
    // Units on a cycle are marked 3 and reported; units merely leading into one are left to that report.
    const start = current !== null && state.get(current) === 1 ? path.indexOf(current) : path.length;
    path.forEach((id, k) => { state.set(id, k >= start ? 3 : 2); });
    if (state.get(u.id) === 3) out.add('unit_cycle', `units[${i}].parentId`, { id: u.id });
  });
}

function checkInstrument(
  inst: Instrument,
  path: string,
  subjects: ReadonlySet<string>,
  groups: ReadonlySet<string>,
  out: Problems,
): void {
  out.references(inst.subjectIds, subjects, `${path}.subjectIds`, 'subject');
  out.references(
    inst.groupWeights.map((g) => g.groupId),
    groups,
    `${path}.groupWeights`,
    'group',
  );
  inst.groupWeights.forEach((g, j) => {
    const w = out.decimal(g.weight, `${path}.groupWeights[${j}].weight`);
    if (w !== null && w.s * w.n <= 0n) {
      out.add('group_weight_not_positive', `${path}.groupWeights[${j}].weight`, { groupId: g.groupId, value: g.weight });
    }
  });
  if (inst.aggregation.method === 'trimmed' && (!isWhole(inst.aggregation.k) || inst.aggregation.k < 1)) {
    out.add('trimmed_k_invalid', `${path}.aggregation.k`, { value: String(inst.aggregation.k) });
  }
  if (inst.kind === 'grade') checkGrades(inst, path, out);
  else if (inst.kind === 'score') checkScore(inst, path, out);
  else checkAdjustmentConfig(inst.adjustments, `${path}.adjustments`, out);
}

function checkGrades(inst: GradeInstrument, path: string, out: Problems): void {
  if (inst.grades.length === 0) out.add('grades_empty', `${path}.grades`);
  const keys = new Set<string>();
  let anyPositive = false;
  let allDecimal = true;
  inst.grades.forEach((g, j) => {
    if (keys.has(g.key)) out.add('duplicate_id', `${path}.grades[${j}].key`, { kind: 'grade', id: g.key });
    keys.add(g.key);
    const points = out.decimal(g.points, `${path}.grades[${j}].points`);
    if (points === null) {
      allDecimal = false;
      return;
    }
    if (points.s < 0n && points.n > 0n) out.add('grade_points_negative', `${path}.grades[${j}].points`, { grade: g.label, value: g.points });
    if (positive(points)) anyPositive = true;
  });
  if (inst.grades.length > 0 && allDecimal && !anyPositive) out.add('grade_points_max_not_positive', `${path}.grades`);
  out.uniqueIds(inst.quotaRules, `${path}.quotaRules`, 'rule');
  inst.quotaRules.forEach((rule, j) => {
    const at = `${path}.quotaRules[${j}]`;
    const name = rule.label || rule.id;
    const denominatorOk = isWhole(rule.denominator) && rule.denominator > 0;
    if (!denominatorOk) out.add('quota_denominator_invalid', `${at}.denominator`, { rule: name, value: String(rule.denominator) });
    if (!isWhole(rule.numerator) || rule.numerator < 0 || (denominatorOk && rule.numerator > rule.denominator)) {
      out.add('quota_numerator_invalid', `${at}.numerator`, {
        rule: name,
        value: String(rule.numerator),
        denominator: String(rule.denominator),
      });
    }
    if (rule.grades.length === 0) out.add('quota_grades_empty', `${at}.grades`, { rule: name });
    out.references(rule.grades, keys, `${at}.grades`, 'grade');
  });
}

function positive(f: Fraction | null): boolean {
  return f !== null && f.s > 0n && f.n > 0n;
}

function checkScore(inst: ScoreInstrument, path: string, out: Problems): void {
  const min = out.decimal(inst.min, `${path}.min`);
  const max = out.decimal(inst.max, `${path}.max`);
  const step = out.decimal(inst.step, `${path}.step`);
  const range = { min: inst.min, max: inst.max, step: inst.step };
  if (min !== null && max !== null) {
    if (!min.lt(max)) out.add('score_range_invalid', `${path}.max`, range);
    else if (!positive(max)) out.add('score_max_not_positive', `${path}.max`, range);
  }
  if (step !== null && !positive(step)) out.add('step_not_positive', `${path}.step`, range);
  else if (step !== null && min !== null && max !== null && min.lt(max) && max.sub(min).div(step).d !== 1n) {
    out.add('step_not_dividing_range', `${path}.step`, range);
  }
  if (inst.criteria !== null) {
    if (inst.criteria.length === 0) out.add('criteria_empty', `${path}.criteria`);
    out.uniqueIds(inst.criteria, `${path}.criteria`, 'criterion');
    let sum = new Fraction(0);
    let complete = true;
    inst.criteria.forEach((c, j) => {
      const m = out.decimal(c.maxPoints, `${path}.criteria[${j}].maxPoints`);
      if (m === null) complete = false;
      else {
        if (!positive(m)) out.add('criterion_max_not_positive', `${path}.criteria[${j}].maxPoints`, { criterion: c.label, value: c.maxPoints });
        sum = sum.add(m);
      }
    });
    if (complete && max !== null && inst.criteria.length > 0 && !sum.equals(max)) {
      out.add('criteria_sum_mismatch', `${path}.criteria`, { sum: sum.toString(), max: inst.max });
    }
  }
  if (inst.adjustments !== null) checkAdjustmentConfig(inst.adjustments, `${path}.adjustments`, out);
}

function checkAdjustmentConfig(config: AdjustmentConfig, path: string, out: Problems): void {
  if (config.items.length === 0) out.add('adjustment_items_empty', `${path}.items`);
  out.uniqueIds(config.items, `${path}.items`, 'item');
  const caps: [string, string][] = [
    ...config.items.map((item, j): [string, string] => [item.maxPoints, `${path}.items[${j}].maxPoints`]),
    [config.maxTotalBonus, `${path}.maxTotalBonus`],
    [config.maxTotalDeduction, `${path}.maxTotalDeduction`],
  ];
  for (const [value, at] of caps) {
    const f = out.decimal(value, at);
    if (f !== null && !positive(f)) out.add('adjustment_cap_not_positive', at, { value });
  }
  config.items.forEach((item, j) => {
    if (item.step === undefined) return;
    const at = `${path}.items[${j}].step`;
    const step = out.decimal(item.step, at);
    if (step === null) return;
    if (!positive(step)) {
      out.add('adjustment_step_not_positive', at, { item: item.label, value: item.step });
      return;
    }
    const max = isDecimal(item.maxPoints) ? parseDecimal(item.maxPoints) : null;
    if (max !== null && positive(max) && max.div(step).d !== 1n) {
      out.add('adjustment_max_off_step', at, { item: item.label, max: item.maxPoints, step: item.step });
    }
  });
  const reading: unknown = config.capReading;
  if (reading !== undefined && reading !== 'ceiling' && reading !== 'strict') {
    out.add('adjustment_cap_reading_unknown', `${path}.capReading`, { value: String(reading) });
  }
}

function checkRanking(
  r: RankingSpec,
  path: string,
  instruments: ReadonlyMap<string, Instrument>,
  units: ReadonlySet<string>,
  out: Problems,
): void {
  if (r.scopeUnitId !== null && !units.has(r.scopeUnitId)) {
    out.add('unknown_reference', `${path}.scopeUnitId`, { kind: 'unit', ref: r.scopeUnitId });
  }
  out.references(r.components.map((c) => c.instrumentId), instruments, `${path}.components`, 'instrument');
  let sum = new Fraction(0);
  let complete = true;
  r.components.forEach((c, j) => {
    if (instruments.get(c.instrumentId)?.kind === 'adjustments') {
      out.add('adjustments_as_component', `${path}.components[${j}].instrumentId`, { instrumentId: c.instrumentId });
    }
    const w = out.decimal(c.weight, `${path}.components[${j}].weight`);
    if (w === null) complete = false;
    else {
      if (w.s < 0n && w.n > 0n) out.add('weight_negative', `${path}.components[${j}].weight`, { instrumentId: c.instrumentId, value: c.weight });
      sum = sum.add(w);
    }
  });
  if (complete && !sum.equals(100)) out.add('weights_not_100', `${path}.components`, { sum: sum.toString() });
  out.references(r.adjustmentInstrumentIds, instruments, `${path}.adjustmentInstrumentIds`, 'instrument');
  r.adjustmentInstrumentIds.forEach((id, j) => {
    const inst = instruments.get(id);
    if (inst !== undefined && inst.kind !== 'adjustments') {
      out.add('not_adjustments_instrument', `${path}.adjustmentInstrumentIds[${j}]`, { instrumentId: id });
    }
  });
  const componentIds = new Set(r.components.map((c) => c.instrumentId));
  r.tieBreaks.forEach((t, j) => {
    const at = `${path}.tieBreaks[${j}].instrumentId`;
    if (!instruments.has(t.instrumentId)) out.add('unknown_reference', at, { kind: 'instrument', ref: t.instrumentId });
    else if (!componentIds.has(t.instrumentId)) out.add('tie_break_not_component', at, { instrumentId: t.instrumentId });
  });
  if (r.tiers.length === 0) out.add('tiers_empty', `${path}.tiers`);
  const keys = new Set<string>();
  r.tiers.forEach((t, j) => {
    if (keys.has(t.key)) out.add('duplicate_id', `${path}.tiers[${j}].key`, { kind: 'tier', id: t.key });
    keys.add(t.key);
    if (j === r.tiers.length - 1) return;
    const ok = isWhole(t.denominator) && t.denominator > 0 && isWhole(t.numerator) && t.numerator >= 0 && t.numerator <= t.denominator;
    if (!ok) {
      out.add('tier_share_invalid', `${path}.tiers[${j}]`, {
        tier: t.label || t.key,
        numerator: String(t.numerator),
        denominator: String(t.denominator),
      });
    }
  });
}

interface SessionContext {
  instrumentSubjects: ReadonlyMap<string, ReadonlySet<string>>;
  subjects: ReadonlySet<string>;
  groups: ReadonlySet<string>;
}

function checkSession(s: Session, path: string, ctx: SessionContext, out: Problems): void {
  const { instrumentSubjects, subjects, groups } = ctx;
  out.references(s.instrumentIds, instrumentSubjects, `${path}.instrumentIds`, 'instrument');
  if (s.agenda !== undefined && s.agenda !== null) {
    out.references(s.agenda, subjects, `${path}.agenda`, 'subject');
    s.agenda.forEach((id, j) => {
      if (subjects.has(id) && !s.instrumentIds.some((i) => instrumentSubjects.get(i)?.has(id))) {
        out.add('agenda_subject_not_rated', `${path}.agenda[${j}]`, { subjectId: id });
      }
    });
  }
  for (const field of ['expected', 'issued'] as const) {
    for (const [groupId, count] of Object.entries(s[field])) {
      const at = `${path}.${field}.${groupId}`;
      if (!groups.has(groupId)) out.add('unknown_reference', at, { kind: 'group', ref: groupId });
      if (!isWhole(count) || count < 0) out.add('count_invalid', at, { value: String(count) });
    }
  }
  if (s.present !== null && (!isWhole(s.present) || s.present < 0)) {
    out.add('count_invalid', `${path}.present`, { value: String(s.present) });
  }
}
