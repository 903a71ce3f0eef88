/**
 * The words of the phone pages' 加减分 editor (adjustments-editor.tsx), zh-CN and English. Each page spreads them
 * into its own texts, so the ballot and the observer's tour page say the same thing about the same rule.
 */
const zh = {
  adjTitle: '现场加减分',
  adjNone: '无加减分',
  adjAdd: (bonus: boolean): string => (bonus ? '＋ 加分' : '－ 减分'),
  adjChoose: (bonus: boolean): string => (bonus ? '请选择加分项' : '请选择减分项'),
  adjOption: (label: string, max: string): string => `${label}（最多 ${max} 分）`,
  adjPoints: '分值',
  adjMax: (max: string): string => `最多 ${max} 分`,
  adjMaxStep: (max: string, step: string): string => `最多 ${max} 分，每档 ${step} 分`,
  adjReason: '理由（必填）',
  adjRemove: '删除',
  adjMinus: '减少分值',
  adjPlus: '增加分值',
  adjTotals: (bonus: boolean): string => (bonus ? '加分' : '减分'),
  adjCap: '上限',
  adjOverCapStrict: (bonus: boolean, total: string, cap: string): string =>
    `${bonus ? '加分' : '减分'}合计 ${total}，超过上限 ${cap}：超出上限的票无效，须减到 ${cap} 分以内才能提交`,
  adjOverCapCeiling: (bonus: boolean, total: string, cap: string): string =>
    `${bonus ? '加分' : '减分'}合计 ${total}，超过上限 ${cap}：按上限 ${cap} 分计入`,
};

export type AdjustmentTexts = typeof zh;

const en: AdjustmentTexts = {
  adjTitle: 'Bonus and deduction',
  adjNone: 'No bonus or deduction',
  adjAdd: (bonus) => (bonus ? '＋ Bonus' : '－ Deduction'),
  adjChoose: (bonus) => (bonus ? 'Choose a bonus item' : 'Choose a deduction item'),
  adjOption: (label, max) => `${label} (at most ${max})`,
  adjPoints: 'Points',
  adjMax: (max) => `at most ${max}`,
  adjMaxStep: (max, step) => `at most ${max}, in steps of ${step}`,
  adjReason: 'Reason (required)',
  adjRemove: 'Remove',
  adjMinus: 'Fewer points',
  adjPlus: 'More points',
  adjTotals: (bonus) => (bonus ? 'Bonus' : 'Deduction'),
  adjCap: 'cap',
  adjOverCapStrict: (bonus, total, cap) =>
    `${bonus ? 'Bonus' : 'Deduction'} total ${total} exceeds the cap of ${cap}: such a ballot is invalid; bring it down to ${cap} to submit`,
  adjOverCapCeiling: (bonus, total, cap) => `${bonus ? 'Bonus' : 'Deduction'} total ${total} exceeds the cap of ${cap}: it counts as ${cap}`,
};

export const ADJUSTMENT_TEXTS = { zh, en };
