/**
 * 显示同分、名次不同: a total is shown rounded, so two units can show the same total and still hold different ranks —
 * ranked on the unrounded totals (system.md § Precision), or by the ranking's declared tie-break when the totals are
 * equal. A printed table must say which, or the reader takes it for a mistake.
 */
import type { PresentedNumber } from './present.js';

export type EqualShownTotal = 'unrounded' | 'tie-break';

interface ShownRow {
  rank: number;
  total: PresentedNumber;
}

/**
 * For each row (in rank order), why its shown total equals a neighbour's with a different rank; null when it does not.
 * When the campaign judges ties on the published rounded values, equal shown totals are equal for ranking, so only a
 * tie-break can part them.
 */
export function equalShownTotals(rows: readonly ShownRow[], tieJudgement: 'exact' | 'published'): (EqualShownTotal | null)[] {
  const why = (a: ShownRow, b: ShownRow): EqualShownTotal | null => {
    if (a.total.display !== b.total.display || a.rank === b.rank) return null;
    return tieJudgement === 'exact' && a.total.exact !== b.total.exact ? 'unrounded' : 'tie-break';
  };
  return rows.map((row, i) => {
    const before = i > 0 ? why(rows[i - 1]!, row) : null;
    const after = i + 1 < rows.length ? why(row, rows[i + 1]!) : null;
    // A row between an 'unrounded' and a 'tie-break' neighbour is ranked first on its unrounded total.
    return before === 'unrounded' || after === 'unrounded' ? 'unrounded' : (before ?? after);
  });
}
