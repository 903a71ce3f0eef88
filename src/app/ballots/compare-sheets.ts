/** Where two entries of one paper sheet differ, rating by rating, in the clerk's words. */
import type { PaperEntryInput } from '../../contracts/api.js';
import type { DefinitionIndex } from '../../domain/definition-index.js';
import type { Rating } from '../../domain/types.js';
import type { Mismatch } from '../../contracts/paper.js';
import type { StoredPaperSheet } from '../../contracts/paper.js';

const BLANK = '（空）';

/** A decimal as typed, compared by value: "2", "2.0" and "2.00" are the same points. */
const num = (v: string): string => String(Number(v));

/**
 * One subject's entry as the clerks see it: the grade, score or criteria (by their labels), then the adjustments
 * (in a fixed order, so the order they were typed in does not matter) and the written opinion. Two entries match
 * when these texts are equal.
 */
function showRating(index: DefinitionIndex, instrumentId: string, r: Rating | undefined): string {
  if (!r) return BLANK;
  if (r.abstain) return '弃权';
  const instrument = index.instruments.get(instrumentId);
  const parts: string[] = [];
  if (r.grade !== undefined) parts.push(instrument?.kind === 'grade' ? (instrument.grades.find((g) => g.key === r.grade)?.label ?? r.grade) : r.grade);
  if (r.score !== undefined) parts.push(num(r.score));
  if (r.criteria) {
    const criteria = instrument?.kind === 'score' ? (instrument.criteria ?? []) : [];
    const label = (id: string) => criteria.find((c) => c.id === id)?.label ?? id;
    parts.push(Object.entries(r.criteria).sort(([a], [b]) => a.localeCompare(b)).map(([id, v]) => `${label(id)} ${num(v)}`).join('，'));
  }
  if (r.adjustments && r.adjustments.length > 0) {
    const items = instrument && instrument.kind !== 'grade' ? (instrument.adjustments?.items ?? []) : [];
    const shown = r.adjustments.map((a) => {
      const item = items.find((i) => i.id === a.itemId);
      return `${item?.label ?? a.itemId} ${item?.direction === 'deduction' ? '−' : '+'}${num(a.points)}（${a.reason.trim()}）`;
    });
    parts.push(`加减分 ${shown.sort().join('、')}`);
  }
  if (r.opinion?.trim()) parts.push(`意见：${r.opinion.trim()}`);
  return parts.length > 0 ? parts.join('；') : BLANK;
}

export function compareSheets(index: DefinitionIndex, stored: StoredPaperSheet, entered: PaperEntryInput): Mismatch[] {
  const out: Mismatch[] = [];
  const header = (field: 'raterGroupId' | 'raterName' | 'boundUnitId', label: string, a: string | null, b: string | null) => {
    if (a !== b) out.push({ field, instrumentId: null, subjectId: null, label, stored: a ?? BLANK, entered: b ?? BLANK });
  };
  header('raterGroupId', '测评组', stored.raterGroupId, entered.raterGroupId);
  header('raterName', '测评人', stored.raterName, entered.raterName);
  header('boundUnitId', '所属单位', stored.boundUnitId, entered.boundUnitId);
  const instrumentIds = [...new Set([...stored.ballots.map((b) => b.instrumentId), ...entered.ballots.map((b) => b.instrumentId)])];
  for (const instrumentId of instrumentIds) {
    const name = index.instruments.get(instrumentId)?.name ?? instrumentId;
    const a = stored.ballots.find((b) => b.instrumentId === instrumentId);
    const b = entered.ballots.find((x) => x.instrumentId === instrumentId);
    if (!a || !b) {
      out.push({ field: 'instrument', instrumentId, subjectId: null, label: name, stored: a ? '有' : BLANK, entered: b ? '有' : BLANK });
      continue;
    }
    const subjectIds = [...new Set([...a.ratings.map((r) => r.subjectId), ...b.ratings.map((r) => r.subjectId)])];
    for (const subjectId of subjectIds) {
      const left = showRating(index, instrumentId, a.ratings.find((r) => r.subjectId === subjectId));
      const right = showRating(index, instrumentId, b.ratings.find((r) => r.subjectId === subjectId));
      if (left !== right) out.push({ field: 'rating', instrumentId, subjectId, label: `${name} · ${index.subjects.get(subjectId)?.name ?? subjectId}`, stored: left, entered: right });
    }
  }
  return out;
}
