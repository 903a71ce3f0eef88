/** Rows of a presented ranking as the console's views show them, scoped to what the reader may see. */
import { notFound } from '../../contracts/messages.js';
import { type Fraction, parseExact, ZERO } from '../../domain/exact.js';
import { presentNumber, type PresentedTally } from '../../domain/present.js';
import type { BoardRow } from '../../contracts/ranking-views.js';
import type { RankingSummary } from '../../contracts/ranking-views.js';
import type { UnitCardView } from '../../contracts/ranking-views.js';
import { assertMayRead, viewerRowFilter } from '../policies/results-access.js';
import { presentedResults } from './compute-tally.js';
import type { AppContext } from '../context.js';
import type { Actor } from '../policies/roles.js';

type PresentedRanking = PresentedTally['rankings'][number];

type PresentedRow = PresentedRanking['rows'][number];

interface Scoped {
  presented: PresentedTally;
  precision: number;
  /** null when the caller sees every row. */
  visible: ((unitId: string) => boolean) | null;
}

export async function scoped(ctx: AppContext, actor: Actor, campaignId: string): Promise<Scoped> {
  const scope = await assertMayRead(ctx, actor, campaignId);
  const { def, presented } = await presentedResults(ctx, campaignId);
  return { presented, precision: def.precision, visible: scope === null ? null : viewerRowFilter(def, scope) };
}

export const rowsOf = (s: Scoped, r: PresentedRanking): PresentedRow[] => (s.visible ? r.rows.filter((row) => s.visible!(row.unitId)) : r.rows);

export function summaries(s: Scoped): RankingSummary[] {
  return s.presented.rankings.map((r) => ({ rankingId: r.rankingId, name: r.name, level: r.level, rowCount: rowsOf(s, r).length }));
}

export function findRanking(s: Scoped, rankingId: string): PresentedRanking {
  const ranking = s.presented.rankings.find((r) => r.rankingId === rankingId);
  if (!ranking) throw notFound('ranking', rankingId);
  return ranking;
}

export const boardRow = (row: PresentedRow): BoardRow => ({
  rank: row.rank,
  unitId: row.unitId,
  name: row.name,
  total: row.total,
  tier: row.tier,
  tierLabel: row.tierLabel,
  tierTie: row.tierTie,
  adjustments: row.adjustments.display,
  components: row.components.map((c) => ({ score: c.score?.display ?? null, contribution: c.contribution.display, source: c.source })),
});

/** The office's boards are the same for every office caller until the tally changes: kept beside the presented tally. */
export const officeBoards = new WeakMap<PresentedRanking, BoardRow[]>();

export const officeAverages = new WeakMap<PresentedRanking, UnitCardView['averages']>();

export function averages(rows: PresentedRow[], precision: number): UnitCardView['averages'] {
  const heads = rows[0]?.components ?? [];
  return heads.map((head, i) => {
    let total: Fraction = ZERO;
    let count = 0;
    for (const row of rows) {
      const score = row.components[i]?.score;
      if (!score) continue;
      total = total.add(parseExact(score.exact));
      count++;
    }
    return { instrumentId: head.instrumentId, name: head.name, average: count ? presentNumber(total.div(count), precision) : null, count };
  });
}
