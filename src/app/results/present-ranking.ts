/** One ranking presented on its own, for what-if and stability views. */
import { notFound } from '../../contracts/messages.js';
import { presentTally, type PresentedTally } from '../../domain/present.js';
import type { RankingResult, Tally } from '../../domain/results.js';
import type { CampaignDefinition } from '../../domain/types.js';

type PresentedRanking = PresentedTally['rankings'][number];

export function presentRanking(def: CampaignDefinition, ranking: RankingResult): PresentedRanking {
  const tally: Tally = { campaignId: def.id, ballots: { total: 0, valid: 0, invalid: 0, excluded: 0 }, invalidBallots: [], sessions: [], instruments: [], rankings: [ranking] };
  return presentTally({ ...def, sessions: [] }, tally).rankings[0]!;
}

export const noRanking = (rankingId: string) => notFound('ranking', rankingId);
