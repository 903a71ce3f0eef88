/**
 * 说明 of a ranking row in the printed report and the workbook: what a reader of the table must know to read that
 * row right — a shared rank, an equal shown total with a different rank and why, a tie left across a tier cut for the
 * office's decision, a missing component and how it counted, and the written reasons of the campaign adjustments
 * (加减分) that moved the total. Only ballots that count give reasons.
 */
import { indexDefinition, isAtOrBelow } from '../../domain/definition-index.js';
import type { PresentedTally } from '../../domain/present.js';
import { equalShownTotals } from '../../domain/shown-ties.js';
import type { Ballot, CampaignDefinition, Instrument } from '../../domain/types.js';

type Row = PresentedTally['rankings'][number]['rows'][number];

/** "1.50" → "1.5": points read as the office wrote them. */
const points = (s: string): string => (s.includes('.') ? s.replace(/\.?0+$/, '') : s);

/** The adjustment reasons behind each unit's adjustments in one ranking, from ballots that count. */
function adjustmentReasons(def: CampaignDefinition, instrumentIds: readonly string[], ballots: readonly Ballot[], counts: (b: Ballot) => boolean): (unitId: string) => string[] {
  const index = indexDefinition(def);
  const instruments = new Map<string, Instrument>(def.instruments.map((i) => [i.id, i]));
  const bySubjectUnit: { unitId: string; text: string }[] = [];
  for (const b of ballots) {
    if (!instrumentIds.includes(b.instrumentId) || !counts(b)) continue;
    const instrument = instruments.get(b.instrumentId);
    const items = instrument && instrument.kind !== 'grade' ? (instrument.adjustments?.items ?? []) : [];
    for (const r of b.ratings) {
      const unitId = index.subjects.get(r.subjectId)?.unitId;
      if (unitId === undefined) continue;
      for (const a of r.adjustments ?? []) {
        const deduction = items.find((i) => i.id === a.itemId)?.direction === 'deduction';
        bySubjectUnit.push({ unitId, text: `${deduction ? '减分' : '加分'} ${points(a.points)}：${a.reason}` });
      }
    }
  }
  return (unitId) => [...new Set(bySubjectUnit.filter((x) => isAtOrBelow(index, x.unitId, unitId)).map((x) => x.text))];
}

export function rankingRemarks(def: CampaignDefinition, results: PresentedTally, ballots: readonly Ballot[], invalidBallotIds: ReadonlySet<string>): Record<string, string[][]> {
  const names = new Map(def.instruments.map((i) => [i.id, i.name]));
  const countedSessions = new Set(results.sessions.filter((s) => s.counted).map((s) => s.sessionId));
  const counts = (b: Ballot): boolean => !invalidBallotIds.has(b.id) && (b.sessionId === null || countedSessions.has(b.sessionId));
  const out: Record<string, string[][]> = {};
  for (const ranking of results.rankings) {
    const spec = def.rankings.find((s) => s.id === ranking.rankingId);
    const equalShown = equalShownTotals(ranking.rows, results.tieJudgement);
    const tieBreaks = (spec?.tieBreaks ?? []).map((t) => names.get(t.instrumentId) ?? t.instrumentId).join('、');
    const reasons = adjustmentReasons(def, spec?.adjustmentInstrumentIds ?? [], ballots, counts);
    const shared = new Map<number, number>();
    for (const row of ranking.rows) shared.set(row.rank, (shared.get(row.rank) ?? 0) + 1);
    out[ranking.rankingId] = ranking.rows.map((row: Row, i) => {
      const remarks: string[] = [];
      if ((shared.get(row.rank) ?? 0) > 1) remarks.push(`并列第 ${row.rank} 名`);
      if (equalShown[i] === 'unrounded') remarks.push('总分显示与相邻单位相同，名次按未四舍五入的总分排定');
      if (equalShown[i] === 'tie-break') remarks.push(`总分与相邻单位相同，按${tieBreaks || '规定的并列比较项'}得分依次比较排定`);
      if (row.tierTie) remarks.push('并列跨越等次分界，暂列下一等次，待人工裁定');
      if (row.missingComponents.length > 0) {
        const missing = row.missingComponents.map((id) => names.get(id) ?? id).join('、');
        remarks.push(`缺${missing}得分，${spec?.missingComponent === 'zero' ? '按 0 分计' : '其余权重按比例重新归一'}`);
      }
      const why = reasons(row.unitId);
      if (why.length > 0) remarks.push(...why);
      else if (row.adjustments.exact !== '0') remarks.push(`含加减分 ${row.adjustments.display}`);
      return remarks;
    });
  }
  return out;
}
