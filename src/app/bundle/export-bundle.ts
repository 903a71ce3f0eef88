/**
 * 导出: the definition and every ballot as cast or entered, the results as the server computes them now, and the
 * ballot board (decision 0019) — as stored with the publication when the campaign is published, else computed now.
 * Ballots and online sheets are named for this export and listed by content (kernel/export-names.ts); the board's
 * ids are renamed by the same names.
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
import { buildBoard, byChainOrder } from '../kernel/ballot-chain.js';
import { nameForExport } from '../kernel/export-names.js';
import { bundleTourBallots, toursForBundle } from './bundle-tours.js';

export async function exportBundle(ctx: AppContext, campaignId: string): Promise<ExportedBundle> {
  const definition = await requireDefinition(ctx, campaignId);
  const stored = await listBallotsAsCast(ctx.database.db, campaignId);
  const board = await ballotBoard(ctx.database.db, definition, stored);
  const rename = nameForExport(stored);
  const ballots = rename.ballots;
  const tours = await toursForBundle(ctx.database.db, campaignId);
  // Computed from the ballots as exported (and the tours' counting ballots, derived as the verifier derives them), so
  // an invalid ballot is named as the export names it.
  const results = presentTally(definition, tallyCampaign(definition, [...ballots, ...bundleTourBallots(definition, tours)]));
  // Renamed, a session's equal ballots (one hash) are put back in chain order by their new names; the head, a chain
  // of hashes only, is unchanged.
  const renamedBoard: BallotBoard = {
    ...board,
    sessions: board.sessions.map((s) => ({ ...s, ballots: s.ballots.map((b) => ({ ...b, id: rename.ballot(b.id) })).sort(byChainOrder) })),
  };
  return { format: BUNDLE_FORMAT, version: BUNDLE_VERSION, exportedAt: ctx.clock().toISOString(), definition, ballots, results, board: renamedBoard, tours };
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
