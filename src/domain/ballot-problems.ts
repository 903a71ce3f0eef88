/**
 * 选票问题: the structural problems a ballot can have, each with a message a clerk understands in Chinese and English.
 * Rule problems (quota_exceeded, quota_not_met) are built from the rule itself in quota.ts.
 */
import type { BallotProblem, Message } from './results.js';

export type Params = Record<string, string | number>;

const subj = (p: Params): string => `对象「${p.subjectName ?? p.subjectId}」`;
const subjEn = (p: Params): string => `subject “${p.subjectName ?? p.subjectId}”`;
const msg = (zh: string, en: string): Message => ({ zh, en });

const MESSAGES = {
  unknown_instrument: (p: Params) => msg(`未知的评价方式 ${p.instrumentId}`, `Unknown instrument ${p.instrumentId}`),
  unknown_group: (p: Params) => msg(`未知的测评组 ${p.groupId}`, `Unknown rater group ${p.groupId}`),
  group_not_in_instrument: (p: Params) =>
    msg(`测评组「${p.groupName}」不参加「${p.instrumentName}」`, `Rater group “${p.groupName}” does not rate “${p.instrumentName}”`),
  rater_name_required: (p: Params) =>
    msg(`测评组「${p.groupName}」须署名，本票未填写测评人姓名`, `Rater group “${p.groupName}” signs its ballots; this ballot has no rater name`),
  rater_name_forbidden: (p: Params) =>
    msg(`测评组「${p.groupName}」为匿名测评，选票不得带测评人姓名`, `Rater group “${p.groupName}” is anonymous; the ballot must not carry a rater name`),
  unknown_session: (p: Params) => msg(`未知的测评会 ${p.sessionId}`, `Unknown session ${p.sessionId}`),
  session_instrument_mismatch: (p: Params) =>
    msg(`测评会「${p.sessionName}」的议程不含「${p.instrumentName}」`, `Session “${p.sessionName}” does not include “${p.instrumentName}”`),
  unknown_bound_unit: (p: Params) => msg(`测评人所属单位 ${p.unitId} 不存在`, `The rater's unit ${p.unitId} does not exist`),
  unknown_subject: (p: Params) => msg(`未知的测评对象 ${p.subjectId}`, `Unknown subject ${p.subjectId}`),
  subject_not_in_instrument: (p: Params) =>
    msg(`${subj(p)}不在「${p.instrumentName}」的测评范围内`, `${cap(subjEn(p))} is not rated in “${p.instrumentName}”`),
  subject_not_on_agenda: (p: Params) =>
    msg(`${subj(p)}不在测评会「${p.sessionName}」的议程上`, `${cap(subjEn(p))} is not on the agenda of session “${p.sessionName}”`),
  subject_not_in_scope: (p: Params) =>
    msg(`${subj(p)}不是本票所评的对象（本票只评「${p.scope}」）`, `${cap(subjEn(p))} is not what this ballot rates (it rates “${p.scope}” only)`),
  subject_conflict: (p: Params) =>
    msg(`${subj(p)}与测评人所属单位回避，不应出现在本票上`, `${cap(subjEn(p))} is the rater's own unit (conflict) and is not on this ballot`),
  duplicate_subject: (p: Params) => msg(`${subj(p)}在本票上出现了不止一次`, `${cap(subjEn(p))} appears more than once on this ballot`),
  missing_subject: (p: Params) =>
    msg(`${subj(p)}未评价（每个对象须评价或弃权）`, `${cap(subjEn(p))} is missing (every subject must be rated or abstained)`),
  abstain_not_allowed: (p: Params) => msg(`${subj(p)}：本评价方式不允许弃权`, `${cap(subjEn(p))}: this instrument does not allow abstaining`),
  abstain_with_value: (p: Params) =>
    msg(`${subj(p)}：已弃权却又填写了 ${p.field}`, `${cap(subjEn(p))}: abstained but also has a ${p.field}`),
  field_not_allowed: (p: Params) =>
    msg(`${subj(p)}：本评价方式不使用 ${p.field}`, `${cap(subjEn(p))}: this instrument does not take a ${p.field}`),
  grade_required: (p: Params) => msg(`${subj(p)}：未选择等次`, `${cap(subjEn(p))}: no grade chosen`),
  unknown_grade: (p: Params) => msg(`${subj(p)}：等次「${p.grade}」不在本评价方式的等次中`, `${cap(subjEn(p))}: “${p.grade}” is not a grade of this instrument`),
  score_required: (p: Params) => msg(`${subj(p)}：未填写分数`, `${cap(subjEn(p))}: no score given`),
  score_not_decimal: (p: Params) => msg(`${subj(p)}：分数「${p.value}」不是有效数字`, `${cap(subjEn(p))}: score “${p.value}” is not a number`),
  score_out_of_range: (p: Params) =>
    msg(`${subj(p)}：分数 ${p.value} 超出 ${p.min}–${p.max} 的范围`, `${cap(subjEn(p))}: score ${p.value} is outside ${p.min}–${p.max}`),
  score_off_step: (p: Params) =>
    msg(`${subj(p)}：分数 ${p.value} 不符合最小分值单位 ${p.step}`, `${cap(subjEn(p))}: score ${p.value} is not a multiple of the step ${p.step}`),
  criteria_required: (p: Params) => msg(`${subj(p)}：须按评分细则逐项打分`, `${cap(subjEn(p))}: score each criterion`),
  criterion_missing: (p: Params) => msg(`${subj(p)}：细则「${p.criterion}」未打分`, `${cap(subjEn(p))}: criterion “${p.criterion}” has no score`),
  unknown_criterion: (p: Params) => msg(`${subj(p)}：未知的评分细则 ${p.criterionId}`, `${cap(subjEn(p))}: unknown criterion ${p.criterionId}`),
  criterion_not_decimal: (p: Params) =>
    msg(`${subj(p)}：细则「${p.criterion}」的分数「${p.value}」不是有效数字`, `${cap(subjEn(p))}: criterion “${p.criterion}” score “${p.value}” is not a number`),
  criterion_out_of_range: (p: Params) =>
    msg(`${subj(p)}：细则「${p.criterion}」的分数 ${p.value} 超出 0–${p.max}`, `${cap(subjEn(p))}: criterion “${p.criterion}” score ${p.value} is outside 0–${p.max}`),
  criterion_off_step: (p: Params) =>
    msg(`${subj(p)}：细则「${p.criterion}」的分数 ${p.value} 不符合最小分值单位 ${p.step}`, `${cap(subjEn(p))}: criterion “${p.criterion}” score ${p.value} is not a multiple of ${p.step}`),
  criteria_total_out_of_range: (p: Params) =>
    msg(`${subj(p)}：细则合计 ${p.total} 超出 ${p.min}–${p.max}`, `${cap(subjEn(p))}: criteria total ${p.total} is outside ${p.min}–${p.max}`),
  score_criteria_mismatch: (p: Params) =>
    msg(`${subj(p)}：总分 ${p.value} 与细则合计 ${p.total} 不一致`, `${cap(subjEn(p))}: score ${p.value} differs from the criteria total ${p.total}`),
  adjustments_required: (p: Params) => msg(`${subj(p)}：未填写加减分（没有可填空列表）`, `${cap(subjEn(p))}: no adjustments list (send an empty list for none)`),
  unknown_adjustment_item: (p: Params) => msg(`${subj(p)}：未知的加减分项 ${p.itemId}`, `${cap(subjEn(p))}: unknown adjustment item ${p.itemId}`),
  adjustment_not_decimal: (p: Params) =>
    msg(`${subj(p)}：「${p.item}」的分值「${p.value}」不是有效数字`, `${cap(subjEn(p))}: “${p.item}” points “${p.value}” is not a number`),
  adjustment_out_of_range: (p: Params) =>
    msg(`${subj(p)}：「${p.item}」的分值 ${p.value} 须大于 0 且不超过 ${p.max}`, `${cap(subjEn(p))}: “${p.item}” points ${p.value} must be above 0 and at most ${p.max}`),
  adjustment_off_step: (p: Params) =>
    msg(`${subj(p)}：「${p.item}」的分值 ${p.value} 不符合最小分值单位 ${p.step}`, `${cap(subjEn(p))}: “${p.item}” points ${p.value} are not a multiple of the step ${p.step}`),
  reason_required: (p: Params) => msg(`${subj(p)}：「${p.item}」须写明加减分理由`, `${cap(subjEn(p))}: “${p.item}” needs a written reason`),
  reason_too_long: (p: Params) =>
    msg(`${subj(p)}：「${p.item}」的理由 ${p.length} 字，超过 ${p.max} 字`, `${cap(subjEn(p))}: the reason for “${p.item}” has ${p.length} characters, more than ${p.max}`),
  // Only under an instrument's strict reading of the caps; the default reads a cap as a ceiling (封顶).
  bonus_cap_exceeded: (p: Params) =>
    msg(`${subj(p)}：加分合计 ${p.total}，超过上限 ${p.cap}`, `${cap(subjEn(p))}: bonus total ${p.total} exceeds the cap of ${p.cap}`),
  deduction_cap_exceeded: (p: Params) =>
    msg(`${subj(p)}：减分合计 ${p.total}，超过上限 ${p.cap}`, `${cap(subjEn(p))}: deduction total ${p.total} exceeds the cap of ${p.cap}`),
  opinion_required: (p: Params) => msg(`${subj(p)}：须填写评价意见`, `${cap(subjEn(p))}: a written opinion is required`),
  opinion_forbidden: (p: Params) => msg(`${subj(p)}：本评价方式不收评价意见`, `${cap(subjEn(p))}: this instrument takes no opinion`),
  opinion_too_long: (p: Params) =>
    msg(`${subj(p)}：评价意见 ${p.length} 字，超过 ${p.max} 字`, `${cap(subjEn(p))}: the opinion has ${p.length} characters, more than ${p.max}`),
} satisfies Record<string, (p: Params) => Message>;

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Codes of structural problems; rule problems are 'quota_exceeded' and 'quota_not_met'. */
export type ProblemCode = keyof typeof MESSAGES;
export type BallotProblemCode = ProblemCode | 'quota_exceeded' | 'quota_not_met';

export const STRUCTURAL_CODES = Object.keys(MESSAGES) as ProblemCode[];

/**
 * What a paper ballot itself can be guilty of — a blank, a value outside the scale, a missing reason or opinion, a
 * missing signature — as opposed to an entry that does not match the printed form (an unknown subject or grade, a
 * number that is not one). A clerk may store a paper sheet with only these problems as an invalid ballot (无效票), so
 * that it counts as returned; the others are typing errors to correct.
 */
export const PAPER_DEFECTS: ReadonlySet<ProblemCode> = new Set<ProblemCode>([
  'rater_name_required',
  'duplicate_subject',
  'missing_subject',
  'abstain_not_allowed',
  'grade_required',
  'score_required',
  'score_out_of_range',
  'score_off_step',
  'criteria_required',
  'criterion_missing',
  'criterion_out_of_range',
  'criterion_off_step',
  'criteria_total_out_of_range',
  'score_criteria_mismatch',
  'adjustment_out_of_range',
  'adjustment_off_step',
  'reason_required',
  'bonus_cap_exceeded',
  'deduction_cap_exceeded',
  'opinion_required',
]);

/** A structural problem with its message. */
export function structural(code: ProblemCode, params: Params, subjectId?: string): BallotProblem {
  const problem: BallotProblem = { code, severity: 'structural', params, message: MESSAGES[code](params) };
  if (subjectId !== undefined) problem.subjectId = subjectId;
  return problem;
}
