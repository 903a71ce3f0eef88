/**
 * 回执名单: after a session closes, the receipts of the sheets returned in it, so every rater can check that theirs
 * is in — with the session's verdict, because a session without a quorum, or with more sheets back than issued, does
 * not count toward the results whatever it holds. Before it closes, the session's name and state only.
 */
import { AppError } from '../../contracts/errors.js';
import { MESSAGES } from '../../contracts/messages.js';
import type { ReceiptList } from '../../contracts/receipts.js';
import { getSession, issuedCounts } from '../../db/repositories/sessions.js';
import { listSessionReceipts } from '../../db/repositories/receipts.js';
import { sessionVerdict } from '../../domain/session-verdict.js';
import { judgeSession } from '../../domain/tally.js';
import { requireCampaign } from '../campaigns/require-campaign.js';
import type { AppContext } from '../context.js';

export async function getReceiptList(ctx: AppContext, sessionId: string): Promise<ReceiptList> {
  const session = await getSession(ctx.database.db, sessionId);
  // Said without echoing the path back: this answer is public.
  if (!session) throw new AppError('not_found', { message: MESSAGES.receiptsNoSession });
  const campaign = await requireCampaign(ctx, session.campaignId);
  const head = { campaign: { name: campaign.name }, session: { id: session.id, name: session.name, status: session.status } };
  if (session.status !== 'closed') return { ...head, receipts: null, verdict: null };
  const receipts = await listSessionReceipts(ctx.database.db, sessionId);
  // The verdict from the session's own counts, as the big screen judges it: no tally of the whole campaign for a
  // public page (another session of the campaign may be taking ballots, each of which would start a new tally).
  const judged = judgeSession({ ...session, issued: await issuedCounts(ctx.database.db, sessionId) }, receipts.length);
  const verdict = sessionVerdict(judged, session.present, session.status);
  return { ...head, receipts, verdict: { status: verdict.status, explanation: verdict.explanation } };
}
