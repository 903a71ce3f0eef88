/**
 * 位置: where in a campaign set-up a problem is, in the words the office sees on the screen — 「汇报评」的比例限制
 * 「“好”不超过40%」 — never the internal path (`instruments[2].quotaRules[0]`) or a field name. Parts are named by
 * their names and labels; a field the office does not see is left out rather than shown by its code name.
 */
import type { Message } from './results.js';
import type { CampaignDefinition, Instrument, RankingSpec } from './types.js';
import { own } from './own.js';

type Step = { key: string; index: number | null };

function steps(path: string): Step[] {
  return [...path.matchAll(/([A-Za-z]+)(?:\[(\d+)\])?/g)].map((m) => ({ key: m[1]!, index: m[2] === undefined ? null : Number(m[2]) }));
}

/** Field words, shared by every part. */
const FIELDS: Record<string, Message> = {
  precision: { zh: '显示精度', en: 'display precision' },
  parentId: { zh: '上级单位', en: 'parent unit' },
  unitId: { zh: '所属单位', en: 'owning unit' },
  rollupWeight: { zh: '汇总权重', en: 'roll-up weight' },
  subjectIds: { zh: '测评对象', en: 'subjects' },
  groupWeights: { zh: '测评组权重', en: 'rater group weights' },
  weight: { zh: '权重', en: 'weight' },
  numerator: { zh: '比例', en: 'share' },
  denominator: { zh: '比例', en: 'share' },
  grades: { zh: '等次', en: 'grades' },
  points: { zh: '分值', en: 'points' },
  maxPoints: { zh: '满分', en: 'maximum' },
  k: { zh: '去掉最高最低的个数', en: 'values dropped at each end' },
  min: { zh: '最低分', en: 'minimum' },
  max: { zh: '最高分', en: 'maximum' },
  step: { zh: '最小分值单位', en: 'step' },
  criteria: { zh: '评分细则', en: 'criteria' },
  adjustments: { zh: '加减分设置', en: 'bonuses and deductions' },
  maxTotalBonus: { zh: '加分上限', en: 'bonus cap' },
  maxTotalDeduction: { zh: '减分上限', en: 'deduction cap' },
  capReading: { zh: '合计超出上限时的处理', en: 'reading of the caps' },
  components: { zh: '计权项', en: 'weighted components' },
  adjustmentInstrumentIds: { zh: '加减分项', en: 'adjustments' },
  tieBreaks: { zh: '并列比较项', en: 'tie-breaks' },
  tiers: { zh: '结果等次', en: 'tiers' },
  agenda: { zh: '议程', en: 'agenda' },
  expected: { zh: '应到人数', en: 'expected raters' },
  issued: { zh: '纸质发出份数', en: 'paper sheets issued' },
  present: { zh: '实到人数', en: 'head count' },
  quotaRules: { zh: '比例限制', en: 'quota rules' },
  items: { zh: '加减分项', en: 'adjustment items' },
};

/** "「汇报评」的比例限制「“好”不超过40%」" for `instruments[2].quotaRules[0].numerator`; null when nothing is known. */
export function placeInDefinition(def: CampaignDefinition, path: string): Message | null {
  const parts: Message[] = [];
  const [head, ...rest] = steps(path);
  if (!head) return null;
  const instrumentName = (id: string) => def.instruments.find((i) => i.id === id)?.name;
  const groupName = (id: string) => def.raterGroups.find((g) => g.id === id)?.name;
  let instrument: Instrument | undefined;
  let ranking: RankingSpec | undefined;
  const i = head.index;
  switch (head.key) {
    case 'units':
      parts.push(withKind('单位', 'unit', i === null ? undefined : def.units[i]?.name));
      break;
    case 'subjects':
      parts.push(withKind('测评对象', 'subject', i === null ? undefined : def.subjects[i]?.name));
      break;
    case 'raterGroups':
      parts.push(withKind('测评组', 'rater group', i === null ? undefined : def.raterGroups[i]?.name));
      break;
    case 'instruments':
      instrument = i === null ? undefined : def.instruments[i];
      parts.push(withKind('评价方式', 'instrument', instrument?.name));
      break;
    case 'rankings':
      ranking = i === null ? undefined : def.rankings[i];
      parts.push(withKind('排名', 'ranking', ranking?.name));
      break;
    case 'sessions':
      parts.push(withKind('测评会', 'session', i === null ? undefined : def.sessions[i]?.name));
      break;
    default: {
      const field = own(FIELDS, head.key);
      if (field) parts.push(field);
    }
  }
  let within: 'adjustments' | null = null;
  for (const [n, s] of rest.entries()) {
    const j = s.index;
    if (s.key === 'quotaRules' && instrument?.kind === 'grade' && j !== null) {
      parts.push(withKind('比例限制', 'quota rule', instrument.quotaRules[j]?.label));
    } else if (s.key === 'grades' && instrument?.kind === 'grade' && j !== null) {
      parts.push(withKind('等次', 'grade', instrument.grades[j]?.label));
    } else if (s.key === 'criteria' && instrument?.kind === 'score' && j !== null) {
      parts.push(withKind('评分细则', 'criterion', instrument.criteria?.[j]?.label));
    } else if (s.key === 'items' && within === 'adjustments' && instrument && 'adjustments' in instrument && j !== null) {
      parts.push(withKind('加减分项', 'adjustment item', instrument.adjustments?.items[j]?.label));
    } else if (s.key === 'groupWeights' && instrument && j !== null) {
      const id = instrument.groupWeights[j]?.groupId;
      parts.push(withKind('测评组', 'rater group', id ? groupName(id) : undefined));
    } else if (s.key === 'components' && ranking && j !== null) {
      const id = ranking.components[j]?.instrumentId;
      parts.push(withKind('计权项', 'component', id ? instrumentName(id) : undefined));
    } else if (s.key === 'tiers' && ranking && j !== null) {
      parts.push(withKind('结果等次', 'tier', ranking.tiers[j]?.label));
    } else if (s.key === 'subjectIds' && j !== null) {
      parts.push({ zh: `第 ${j + 1} 个测评对象`, en: `subject ${j + 1}` });
    } else if (s.key === 'adjustments') {
      within = 'adjustments';
      // Named by the item that follows, when one does.
      if (rest[n + 1]?.key !== 'items') parts.push(FIELDS.adjustments!);
    } else if (own(FIELDS, s.key)) {
      parts.push(own(FIELDS, s.key)!);
    }
  }
  if (parts.length === 0) return null;
  return { zh: parts.map((p) => p.zh).join('的'), en: parts.map((p) => p.en).reverse().join(' of ') };
}

/** 「汇报评」 after its kind when the part has a name; the kind alone when it has none. */
function withKind(zh: string, en: string, name: string | undefined): Message {
  return name ? { zh: `${zh}「${name}」`, en: `${en} “${name}”` } : { zh, en };
}
