/** 排名列表: each ranking's name and size, for the results page's tabs. */
import type { RankingListView } from '../../contracts/ranking-views.js';
import type { AppContext } from '../context.js';
import type { Actor } from '../policies/roles.js';
import { scoped, summaries } from './ranking-rows.js';

export async function getRankingList(ctx: AppContext, actor: Actor, campaignId: string): Promise<RankingListView> {
  const s = await scoped(ctx, actor, campaignId);
  return { campaignId: s.presented.campaignId, name: s.presented.name, ballots: s.presented.ballots, rankings: summaries(s) };
}
