/** 排名榜: one ranking's rows a page at a time, with tiers and component scores. */
import type { BoardRow } from '../../contracts/ranking-views.js';
import type { RankingBoardView } from '../../contracts/ranking-views.js';
import type { AppContext } from '../context.js';
import type { Actor } from '../policies/roles.js';
import { scoped, rowsOf, summaries, findRanking, boardRow, officeBoards } from './ranking-rows.js';

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
