/**
 * 计分说明: every published number as a tree — total → components → roll-up → subject → group → ballot. At every
 * inner node value = Σ child.weight × child.value, so anyone holding the export can recompute it by hand.
 */
import { valueWeights } from './aggregate.js';
import { indexDefinition, type DefinitionIndex } from './definition-index.js';
import { isDecimal, ONE, parseDecimal, ZERO, type Fraction } from './exact.js';
import { rollupSource } from './rank.js';
import type { CappedTotal, ExplainedAdjustment, ExplanationNode, GroupTally, Message, SubjectTally, Tally } from './results.js';
import type { Rollup, UnitScore } from './rollup.js';
import type { AggregationMethod, Ballot, CampaignDefinition, Instrument } from './types.js';

const list = (ids: string[]): string => ids.join('、');

function node(
  kind: ExplanationNode['kind'],
  id: string,
  label: string,
  value: Fraction,
  weight: Fraction,
  children: ExplanationNode[],
  note?: Message,
): ExplanationNode {
  return note ? { kind, id, label, value, weight, children, note } : { kind, id, label, value, weight, children };
}

function groupNote(g: GroupTally, missingGroup: Instrument['missingGroup'], aggregation: AggregationMethod): Message | undefined {
  if (g.score === null && missingGroup === 'zero' && !g.effectiveWeight.equals(0)) {
    return { zh: '该组无有效票，按 0 分计入', en: 'No valid ballot from this group: counted as 0' };
  }
  if (g.score === null) return { zh: '该组无有效票，不计入', en: 'No valid ballot from this group: left out' };
  if (g.fellBackToMean && aggregation.method === 'trimmed') {
    const k = aggregation.k;
    return {
      zh: `有效票 ${g.count} 张，不多于 ${2 * k} 张，未去掉最高最低分，改用平均分`,
      en: `${g.count} values, not more than ${2 * k}: no values dropped, the mean was used instead`,
    };
  }
  if (g.droppedBallotIds.length > 0) {
    const k = g.droppedBallotIds.length / 2;
    return { zh: `去掉 ${k} 个最高分和 ${k} 个最低分`, en: `The ${k} highest and ${k} lowest values were dropped` };
  }
  return undefined;
}

/** The ballots as cast, by id: they give each ballot leaf its adjustments and reasons (the tally keeps none). */
export type BallotLookup = ReadonlyMap<string, Ballot>;

const DROPPED_NOTE: Record<'highest' | 'lowest', Message> = {
  highest: { zh: '最高分之一，按“去掉最高、最低分”不计入', en: 'One of the highest values: dropped by the trimmed mean' },
  lowest: { zh: '最低分之一，按“去掉最高、最低分”不计入', en: 'One of the lowest values: dropped by the trimmed mean' },
};

/** The ballot's totals that passed their caps and counted as the cap (collect.ts reads a cap as a ceiling). */
function cappedTotalsOf(instrument: Instrument, ballot: Ballot | undefined, subjectId: string): CappedTotal[] {
  const config = instrument.kind === 'grade' ? null : instrument.adjustments;
  const rating = ballot?.ratings.find((r) => r.subjectId === subjectId);
  if (config === null || !rating?.adjustments || rating.adjustments.length === 0) return [];
  const sums = { bonus: ZERO, deduction: ZERO };
  for (const a of rating.adjustments) {
    const item = config.items.find((i) => i.id === a.itemId);
    if (item && isDecimal(a.points)) sums[item.direction] = sums[item.direction].add(parseDecimal(a.points));
  }
  const out: CappedTotal[] = [];
  const caps = { bonus: config.maxTotalBonus, deduction: config.maxTotalDeduction };
  for (const direction of ['bonus', 'deduction'] as const) {
    if (!isDecimal(caps[direction])) continue;
    const cap = parseDecimal(caps[direction]);
    if (sums[direction].gt(cap)) out.push({ direction, total: sums[direction].toString(), counted: cap.toString() });
  }
  return out;
}

function adjustmentsOf(instrument: Instrument, ballot: Ballot | undefined, subjectId: string): ExplainedAdjustment[] {
  const items = instrument.kind === 'grade' ? [] : (instrument.adjustments?.items ?? []);
  const rating = ballot?.ratings.find((r) => r.subjectId === subjectId);
  return (rating?.adjustments ?? []).map((a) => {
    const item = items.find((i) => i.id === a.itemId);
    return { item: item?.label ?? a.itemId, direction: item?.direction ?? 'bonus', points: a.points, reason: a.reason };
  });
}

/**
 * How a ballot is shown, never by its internal id nor by a person (unit viewers read explanations too): a paper sheet
 * by its number, which the clerks can find in the pile (P-003; paper sheet ids are `paper:<session>:<number>`,
 * app/ballots/enter-paper.ts), else its place among the group's values, lowest first (#3), which says nothing about
 * who rated or when.
 */
function ballotLabel(ballot: Ballot | undefined, position: number): string {
  const paper = ballot?.channel === 'paper' ? /^paper:[^:]*:(.+)$/.exec(ballot.sheetId) : null;
  return paper ? paper[1]! : `#${position + 1}`;
}

function groupNode(index: DefinitionIndex, instrument: Instrument, subjectId: string, g: GroupTally, ballots: BallotLookup | undefined): ExplanationNode {
  const weights = valueWeights(g.values.length, instrument.aggregation);
  // Values are sorted ascending: of the ballots a trimmed mean dropped, the first k are the lowest.
  const droppedIds = new Set(g.droppedBallotIds);
  const k = g.droppedBallotIds.length / 2;
  const adjusted = instrument.kind !== 'grade' && instrument.adjustments !== null && ballots !== undefined;
  // Anonymous or not, a leaf names the ballot only: the tally keeps no person.
  const leaves = g.values.map((v, i) => {
    const leaf = node('ballot', v.ballotId, ballotLabel(ballots?.get(v.ballotId), i), g.unit.mul(v.raw), weights[i]!, []);
    const dropped = droppedIds.has(v.ballotId) ? (i < k ? 'lowest' : 'highest') : undefined;
    if (dropped) {
      leaf.dropped = dropped;
      leaf.note = DROPPED_NOTE[dropped];
    }
    if (adjusted) {
      leaf.adjustments = adjustmentsOf(instrument, ballots.get(v.ballotId), subjectId);
      const capped = cappedTotalsOf(instrument, ballots.get(v.ballotId), subjectId);
      if (capped.length > 0) leaf.cappedTotals = capped;
    }
    return leaf;
  });
  const label = index.groups.get(g.groupId)?.name ?? g.groupId;
  return node('group', g.groupId, label, g.score ?? ZERO, g.effectiveWeight, leaves, groupNote(g, instrument.missingGroup, instrument.aggregation));
}

function subjectNode(index: DefinitionIndex, instrument: Instrument, st: SubjectTally, weight: Fraction, ballots?: BallotLookup): ExplanationNode {
  const groups = st.groups.map((g) => groupNode(index, instrument, st.subjectId, g, ballots));
  const made = node('subject', st.subjectId, index.subjects.get(st.subjectId)?.name ?? st.subjectId, st.score ?? ZERO, weight, groups, subjectNote(index, st));
  // Campaign adjustments (加减分) are the office's decisions about the unit, not a rater's opinion: their reasons are
  // the basis of the total and are listed on the subject, without ballot or group, even when its ballots are too few
  // to list one by one.
  if (instrument.kind === 'adjustments' && ballots !== undefined) {
    made.adjustments = groups.flatMap((g) => g.children.flatMap((l) => l.adjustments ?? []));
    const capped = groups.flatMap((g) => g.children.flatMap((l) => l.cappedTotals ?? []));
    if (capped.length > 0) made.cappedTotals = capped;
  }
  return made;
}

function subjectNote(index: DefinitionIndex, st: SubjectTally): Message | undefined {
  const names = st.missingGroupIds.map((id) => index.groups.get(id)?.name ?? id);
  let note: Message | undefined;
  if (st.score === null) note = { zh: '无有效票', en: 'No valid ballot' };
  else if (st.renormalized) {
    note = {
      zh: `${list(names)} 无有效票，其余测评组权重按比例重新归一`,
      en: `No valid ballot from ${names.join(', ')}: the other groups' weights were renormalised`,
    };
  }
  return note;
}

function findSubject(tally: Tally, instrumentId: string, subjectId: string): SubjectTally {
  const st = tally.instruments.find((t) => t.instrumentId === instrumentId)?.subjects.find((s) => s.subjectId === subjectId);
  if (!st) throw new Error(`no tally for subject ${subjectId} of instrument ${instrumentId}`);
  return st;
}

function unitScoreNode(index: DefinitionIndex, tally: Tally, instrument: Instrument, rollup: Rollup, us: UnitScore, weight: Fraction, ballots?: BallotLookup): ExplanationNode {
  if (us.source === 'direct') {
    return subjectNode(index, instrument, findSubject(tally, instrument.id, us.subjectId!), weight, ballots);
  }
  const children = us.parts.map((p) => {
    const w = p.weight.div(us.weightSum);
    if (p.kind === 'item') return subjectNode(index, instrument, findSubject(tally, instrument.id, p.id), w, ballots);
    return unitScoreNode(index, tally, instrument, rollup, rollup.scoreOf(p.id), w, ballots);
  });
  const name = index.units.get(us.unitId)?.name ?? us.unitId;
  const note = { zh: `由 ${us.parts.length} 项下级结果加权平均汇总`, en: `Weighted mean of ${us.parts.length} parts below` };
  return node('rollup', us.unitId, name, us.score ?? ZERO, weight, children, note);
}

/**
 * 单个测评对象的计分说明: subject → groups → ballots. Given the ballots as cast (`ballotsToRead` says which), each
 * ballot leaf of an instrument with adjustments carries them with their reasons.
 */
export function explainSubject(def: CampaignDefinition, tally: Tally, instrumentId: string, subjectId: string, ballots?: BallotLookup): ExplanationNode {
  const index = indexDefinition(def);
  const instrument = index.instruments.get(instrumentId);
  if (!instrument) throw new Error(`no instrument ${instrumentId}`);
  return subjectNode(index, instrument, findSubject(tally, instrumentId, subjectId), ONE, ballots);
}

/**
 * The ballots an explanation needs read as cast: the leaves under instruments that take adjustments (the tally keeps
 * their sum, not their reasons). Component, adjustments and subject nodes are named by instrument and subject id.
 */
export function ballotsToRead(def: CampaignDefinition, tree: ExplanationNode, instrumentId?: string): string[] {
  const adjusted = new Set(def.instruments.filter((i) => i.kind !== 'grade' && i.adjustments !== null).map((i) => i.id));
  const out = new Set<string>();
  const walk = (n: ExplanationNode, inside: boolean): void => {
    if (n.kind === 'ballot') {
      if (inside) out.add(n.id);
      return;
    }
    const here = inside || ((n.kind === 'component' || n.kind === 'adjustments') && adjusted.has(n.id));
    for (const c of n.children) walk(c, here);
  };
  walk(tree, instrumentId !== undefined && adjusted.has(instrumentId));
  return [...out];
}

/** 总分说明: how one unit's total in one ranking is made, down to the ballots (and their adjustments, given them). */
export function explainRankingRow(def: CampaignDefinition, tally: Tally, rankingId: string, unitId: string, ballots?: BallotLookup): ExplanationNode {
  const index = indexDefinition(def);
  const spec = def.rankings.find((r) => r.id === rankingId);
  const row = tally.rankings.find((r) => r.rankingId === rankingId)?.rows.find((r) => r.unitId === unitId);
  if (!spec || !row) throw new Error(`no row for unit ${unitId} in ranking ${rankingId}`);
  const rollupOf = rollupSource(index, tally.instruments);
  const explainInstrument = (instrumentId: string, weight: Fraction): ExplanationNode | null => {
    const instrument = index.instruments.get(instrumentId);
    const rollup = rollupOf(instrumentId);
    const us = rollup?.scoreOf(unitId);
    if (!instrument || !rollup || !us || us.score === null) return null;
    return unitScoreNode(index, tally, instrument, rollup, us, weight, ballots);
  };
  const children = row.components.map((c) => {
    const name = index.instruments.get(c.instrumentId)?.name ?? c.instrumentId;
    const below = explainInstrument(c.instrumentId, ONE);
    let note: Message | undefined;
    if (c.score === null) {
      note = spec.missingComponent === 'zero'
        ? { zh: '缺少该项得分，按 0 分计入', en: 'Missing component: counted as 0' }
        : { zh: '缺少该项得分，不计入，其余权重重新归一', en: 'Missing component: left out, the other weights renormalised' };
    }
    return node('component', c.instrumentId, name, c.score ?? ZERO, c.effectiveWeight, below ? [below] : [], note);
  });
  if (spec.adjustmentInstrumentIds.length > 0) {
    const parts = spec.adjustmentInstrumentIds.map((id) => {
      const name = index.instruments.get(id)?.name ?? id;
      const below = explainInstrument(id, ONE);
      const note = below ? undefined : { zh: '无加减分，按 0 计', en: 'No adjustments: counted as 0' };
      return node('adjustments', id, name, below?.value ?? ZERO, ONE, below ? [below] : [], note);
    });
    children.push(node('adjustments', 'adjustments', '加减分', row.adjustments, ONE, parts));
  }
  const unitName = index.units.get(unitId)?.name ?? unitId;
  let note: Message | undefined;
  if (spec.missingComponent === 'renormalize' && row.missingComponents.length > 0) {
    const names = row.missingComponents.map((id) => index.instruments.get(id)?.name ?? id);
    note = {
      zh: `缺少 ${list(names)}，其余评价方式权重按比例重新归一`,
      en: `Missing ${names.join(', ')}: the other components' weights were renormalised`,
    };
  }
  return node('total', unitId, unitName, row.total, ONE, children, note);
}
