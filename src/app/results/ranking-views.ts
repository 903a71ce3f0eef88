/**
 * 排名榜与单位页的读取视图: what the console's ranking board and unit page show, and nothing else. The full results
 * (`getResults`) carry every instrument × subject × group — 3.85 MB on a province — which the browser had to download
 * and parse before drawing a table of 1,341 rows. These views pick from the same cached, presented tally:
 *  - a ranking board: that ranking's rows (rank, unit, total, tier, tie flag, component scores) and its tiers;
 *  - a unit card: that unit's row, and per component the average over the ranking's rows (for the bar/radar charts).
 * Same gate as the full results: unit viewers only once published, and only the rows of their own units
 * (`assertMayRead`, `viewerRowFilter`); no ballot-level data is in either view.
 */
import { AppError } from '../../contracts/errors.js';
import { MESSAGES, notFound } from '../../contracts/messages.js';
import { type Fraction, parseExact, ZERO } from '../../domain/exact.js';
import { presentNumber, type PresentedTally } from '../../domain/present.js';
import type { BoardRow } from '../../contracts/ranking-views.js';
import type { RankingBoardView } from '../../contracts/ranking-views.js';
import type { RankingListView } from '../../contracts/ranking-views.js';
import type { RankingSummary } from '../../contracts/ranking-views.js';
import type { UnitCardView } from '../../contracts/ranking-views.js';
import { assertMayRead, presentedResults, viewerRowFilter } from './compute-results.js';
import type { AppContext } from '../context.js';
import type { Actor } from '../policies/roles.js';
import { outsideScope } from '../policies/unit-scope.js';

type PresentedRanking = PresentedTally['rankings'][number];
type PresentedRow = PresentedRanking['rows'][number];

interface Scoped {
  presented: PresentedTally;
  precision: number;
  /** null when the caller sees every row. */
  visible: ((unitId: string) => boolean) | null;
}

async function scoped(ctx: AppContext, actor: Actor, campaignId: string): Promise<Scoped> {
  const scope = await assertMayRead(ctx, actor, campaignId);
  const { def, presented } = await presentedResults(ctx, campaignId);
  return { presented, precision: def.precision, visible: scope === null ? null : viewerRowFilter(def, scope) };
}

const rowsOf = (s: Scoped, r: PresentedRanking): PresentedRow[] => (s.visible ? r.rows.filter((row) => s.visible!(row.unitId)) : r.rows);

function summaries(s: Scoped): RankingSummary[] {
  return s.presented.rankings.map((r) => ({ rankingId: r.rankingId, name: r.name, level: r.level, rowCount: rowsOf(s, r).length }));
}

function findRanking(s: Scoped, rankingId: string): PresentedRanking {
  const ranking = s.presented.rankings.find((r) => r.rankingId === rankingId);
  if (!ranking) throw notFound('ranking', rankingId);
  return ranking;
}

const boardRow = (row: PresentedRow): BoardRow => ({
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
const officeBoards = new WeakMap<PresentedRanking, BoardRow[]>();
const officeAverages = new WeakMap<PresentedRanking, UnitCardView['averages']>();

export async function getRankingList(ctx: AppContext, actor: Actor, campaignId: string): Promise<RankingListView> {
  const s = await scoped(ctx, actor, campaignId);
  return { campaignId: s.presented.campaignId, name: s.presented.name, ballots: s.presented.ballots, rankings: summaries(s) };
}

export async function getRankingBoard(ctx: AppContext, actor: Actor, campaignId: string, rankingId: string): Promise<RankingBoardView> {
  const s = await scoped(ctx, actor, campaignId);
  const ranking = findRanking(s, rankingId);
  let rows: BoardRow[];
  if (s.visible) rows = rowsOf(s, ranking).map(boardRow);
  else {
    rows = officeBoards.get(ranking) ?? ranking.rows.map(boardRow);
    officeBoards.set(ranking, rows);
  }
  const heads = ranking.rows[0]?.components ?? [];
  return {
    campaignId: s.presented.campaignId,
    name: s.presented.name,
    ballots: s.presented.ballots,
    rankings: summaries(s),
    ranking: {
      rankingId: ranking.rankingId,
      name: ranking.name,
      level: ranking.level,
      tiers: ranking.tiers,
      components: heads.map((c) => ({ instrumentId: c.instrumentId, name: c.name, weight: c.weight })),
      hasAdjustments: rows.some((r) => Number(r.adjustments) !== 0),
      rows,
    },
  };
}

function averages(rows: PresentedRow[], precision: number): UnitCardView['averages'] {
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

export async function getUnitCard(ctx: AppContext, actor: Actor, campaignId: string, rankingId: string, unitId: string): Promise<UnitCardView> {
  const s = await scoped(ctx, actor, campaignId);
  if (s.visible && !s.visible(unitId)) throw outsideScope();
  const ranking = findRanking(s, rankingId);
  const row = ranking.rows.find((r) => r.unitId === unitId);
  if (!row) throw new AppError('not_found', { message: MESSAGES.unitNotInRanking(unitId) });
  const rows = rowsOf(s, ranking);
  const means = officeAverages.get(ranking) ?? averages(ranking.rows, s.precision);
  officeAverages.set(ranking, means);
  return {
    campaignId: s.presented.campaignId,
    name: s.presented.name,
    ranking: { rankingId: ranking.rankingId, name: ranking.name, level: ranking.level, tiers: ranking.tiers, rowCount: rows.length },
    row,
    averages: means,
  };
}
