/**
 * 发布结果与公示: publishes a campaign whose sessions are all closed. The results as presented at that moment are
 * frozen with their hash in a publication record; the campaign becomes 'published'. Results stay recomputable from
 * the ballots, and the notice tells how to check them against the hash.
 */
import { AppError } from '../../contracts/errors.js';
import { MESSAGES } from '../../contracts/messages.js';
import type { PublishInput } from '../../contracts/results-output.js';
import { updateCampaignStatus } from '../../db/repositories/campaigns.js';
import { listBallotsAsCast } from '../../db/repositories/ballots.js';
import { getPublication, insertPublication, insertPublicationChains, type Publication, type PublishedChain } from '../../db/repositories/publications.js';
import { listSessions } from '../../db/repositories/sessions.js';
import { inTransaction } from '../../db/repositories/shared.js';
import { presentTally } from '../../domain/present.js';
import { recountTally } from './compute-tally.js';
import type { AppContext } from '../context.js';
import { requireCampaign } from '../campaigns/require-campaign.js';
import { noticeOf } from './get-notice.js';
import type { Notice } from '../../contracts/notice.js';
import type { Actor } from '../policies/roles.js';
import { recordAudit } from '../kernel/record-audit.js';
import { resultsHash } from '../kernel/results-hash.js';
import { newId } from '../kernel/secrets.js';
import { buildBoard } from '../kernel/ballot-chain.js';

const DAY = 86_400_000;

/** The objection period in calendar days, the notice date being day 1. */
export function objectionPeriod(input: Pick<PublishInput, 'noticeDate' | 'objectionDays' | 'objectionEndDate'>): { endDate: string; days: number } {
  const start = Date.parse(`${input.noticeDate}T00:00:00Z`);
  if (input.objectionEndDate !== undefined) {
    return { endDate: input.objectionEndDate, days: Math.round((Date.parse(`${input.objectionEndDate}T00:00:00Z`) - start) / DAY) + 1 };
  }
  const days = input.objectionDays!;
  return { endDate: new Date(start + (days - 1) * DAY).toISOString().slice(0, 10), days };
}

export async function publishResults(ctx: AppContext, actor: Actor, campaignId: string, input: PublishInput): Promise<Notice> {
  const campaign = await requireCampaign(ctx, campaignId);
  if (campaign.status === 'published') throw new AppError('campaign_state', { message: MESSAGES.alreadyPublished });
  if (campaign.status !== 'active') throw new AppError('campaign_state', { message: MESSAGES.publishBeforeActive });
  const open = (await listSessions(ctx.database.db, campaignId)).filter((s) => s.status !== 'closed');
  if (open.length > 0) {
    throw new AppError('campaign_state', {
      message: MESSAGES.publishOpenSessions(open.map((s) => s.name)),
      details: open.map((s) => ({ code: 'session_not_closed', sessionId: s.id, status: s.status, message: MESSAGES.sessionNotClosed(s.name) })),
    });
  }
  // Counted again from the database, not from the running tally: what is frozen is what the ballots say now.
  const { def, tally } = await recountTally(ctx, campaignId);
  const results = presentTally(def, tally);
  const { endDate, days } = objectionPeriod(input);
  const publication: Publication = {
    id: newId('pub'),
    campaignId,
    title: input.title ?? `${def.name}结果公示`,
    noticeDate: input.noticeDate,
    objectionEndDate: endDate,
    objectionDays: days,
    contact: input.contact ?? null,
    issuer: input.issuer,
    snapshot: JSON.stringify(results),
    resultsHash: resultsHash(results),
    publishedBy: `${actor.role}:${actor.id}`,
    publishedAt: ctx.clock().toISOString(),
  };
  let chains: PublishedChain[] = [];
  await inTransaction(ctx.database.db, async (trx) => {
    if (!(await updateCampaignStatus(trx, campaignId, 'active', 'published', new Date(publication.publishedAt)))) {
      throw new AppError('campaign_state', { message: MESSAGES.campaignChangedMeanwhile });
    }
    if (await getPublication(trx, campaignId)) throw new AppError('campaign_state', { message: MESSAGES.alreadyPublished });
    await insertPublication(trx, publication);
    // The ballot chains (decision 0019): every session closed, so its ballots are final; their heads are stored
    // with the notice and the board lets a verifier name any ballot changed later.
    const board = buildBoard(await listBallotsAsCast(trx, campaignId), def.sessions.map((s) => s.id));
    chains = board.map((s) => ({ sessionId: s.sessionId, ballotCount: s.ballotCount, head: s.head, board: s.ballots.map((b) => [b.id, b.hash] as [string, string]) }));
    await insertPublicationChains(trx, publication.id, campaignId, chains);
    const heads = Object.fromEntries(board.map((s) => [s.sessionId ?? '', s.head]));
    await recordAudit(trx, ctx, actor, 'campaign.publish', 'campaign', campaignId, { publicationId: publication.id, resultsHash: publication.resultsHash, noticeDate: publication.noticeDate, objectionEndDate: endDate, issuer: publication.issuer, ballotChainHeads: heads });
  });
  return noticeOf(publication, chains);
}
