/**
 * 导出: the definition and every ballot as cast or entered, the results as the server computes them now, and the
 * ballot board (decision 0019) — as stored with the publication when the campaign is published, else computed now.
 */
import { BALLOT_CHAIN, BUNDLE_FORMAT, BUNDLE_VERSION, type BallotBoard, type ExportedBundle } from '../../contracts/bundle.js';
import { listBallotsAsCast } from '../../db/repositories/ballots.js';
import { getPublication, listPublicationChains } from '../../db/repositories/publications.js';
import type { Db } from '../../db/database.js';
import { presentTally } from '../../domain/present.js';
import { tallyCampaign } from '../../domain/tally.js';
import type { Ballot, CampaignDefinition } from '../../domain/types.js';
import { requireDefinition } from '../campaigns/require-definition.js';
import type { AppContext } from '../context.js';
import { buildBoard } from '../kernel/ballot-chain.js';

export async function exportBundle(ctx: AppContext, campaignId: string): Promise<ExportedBundle> {
  const definition = await requireDefinition(ctx, campaignId);
  const ballots = await listBallotsAsCast(ctx.database.db, campaignId);
  const results = presentTally(definition, tallyCampaign(definition, ballots));
  const board = await ballotBoard(ctx.database.db, definition, ballots);
  return { format: BUNDLE_FORMAT, version: BUNDLE_VERSION, exportedAt: ctx.clock().toISOString(), definition, ballots, results, board };
}

async function ballotBoard(db: Db, definition: CampaignDefinition, ballots: readonly Ballot[]): Promise<BallotBoard> {
  const publication = await getPublication(db, definition.id);
  const chains = publication ? await listPublicationChains(db, publication.id) : [];
  if (publication && chains.length > 0) {
    const order = new Map(definition.sessions.map((s, i) => [s.id, i]));
    chains.sort((a, b) => (order.get(a.sessionId ?? '') ?? Number.MAX_SAFE_INTEGER) - (order.get(b.sessionId ?? '') ?? Number.MAX_SAFE_INTEGER));
    return {
      chain: BALLOT_CHAIN,
      publication: { id: publication.id, publishedAt: publication.publishedAt, resultsHash: publication.resultsHash },
      sessions: chains.map((c) => ({ sessionId: c.sessionId, ballotCount: c.ballotCount, head: c.head, ballots: c.board.map(([id, hash]) => ({ id, hash })) })),
    };
  }
  // Not published (or published before chains were stored): the board of the ballots as they are now.
  return { chain: BALLOT_CHAIN, publication: null, sessions: buildBoard(ballots, definition.sessions.map((s) => s.id)) };
}
