/** 单位卡片: one unit's place, total, components and the averages beside them. */
import { AppError } from '../../contracts/errors.js';
import { MESSAGES } from '../../contracts/messages.js';
import type { UnitCardView } from '../../contracts/ranking-views.js';
import type { AppContext } from '../context.js';
import type { Actor } from '../policies/roles.js';
import { outsideScope } from '../policies/unit-scope.js';
import { scoped, rowsOf, findRanking, officeAverages, averages } from './ranking-rows.js';

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
