/**
 * 录入纸质选票: a clerk enters a printed ballot. Structural problems (unknown subject, value off the scale) are refused;
 * a ballot that breaks a quota rule is stored anyway and counted invalid (无效票) with its reason — the tally
 * re-applies the rules itself, so nothing here is a stored verdict.
 */
import type { PaperEntryInput } from '../contracts/api.js';
import { AppError } from '../contracts/errors.js';
import type { PaperReceipt } from '../contracts/paper.js';
import { PAPER_DEFECTS, type ProblemCode } from '../domain/ballot-problems.js';
import { ballotFeed } from './ballot-feed.js';
import { submitSheet } from '../db/repositories/submit-sheet.js';
import { indexDefinition } from '../domain/definition-index.js';
import { buildSheet, problemDetails, toRows } from './build-sheet.js';
import type { AppContext } from './context.js';
import { requireCampaign, requireDefinition } from './load-campaign.js';
import { requireSession } from './manage-sessions.js';
import type { Actor } from './policies/roles.js';
import { recordAudit } from './record-audit.js';
import { newReceipt } from './secrets.js';

export function paperSheetId(sessionId: string, sheetNumber: string): string {
  return `paper:${sessionId}:${sheetNumber}`;
}

export async function enterPaper(ctx: AppContext, actor: Actor, sessionId: string, input: PaperEntryInput): Promise<PaperReceipt> {
  const session = await requireSession(ctx, sessionId);
  if (session.status === 'draft') throw new AppError('session_state', { message: { zh: '测评会尚未开始，不能录入选票', en: 'The session has not started; ballots cannot be entered yet' } });
  const campaign = await requireCampaign(ctx, session.campaignId);
  if (campaign.status === 'published') throw new AppError('campaign_state', { message: { zh: '结果已发布，不能再录入选票', en: 'Results are published; no more ballots can be entered' } });
  const def = await requireDefinition(ctx, session.campaignId);
  const index = indexDefinition(def);
  const group = index.groups.get(input.raterGroupId);
  if (!group) throw new AppError('invalid_request', { details: [{ path: 'raterGroupId', message: { zh: `测评组 ${input.raterGroupId} 不存在`, en: `No rater group ${input.raterGroupId}` } }] });
  const sheetId = paperSheetId(sessionId, input.sheetNumber);
  const sheet = buildSheet(index, session, { sheetId, channel: 'paper', raterGroupId: group.id, raterName: input.raterName, boundUnitId: input.boundUnitId, ballots: input.ballots });
  const structural = problemDetails(sheet, 'structural');
  if (structural.length > 0) {
    const paperOnly = structural.every((d) => PAPER_DEFECTS.has(d.code as ProblemCode));
    if (!input.asInvalid || !paperOnly) {
      throw new AppError('ballot_refused', {
        details: structural,
        message: paperOnly
          ? { zh: '选票不完整，未保存：请核对后重新录入；如原票确实如此，可按无效票保存', en: 'The ballot is incomplete and was not stored: check it, or if the paper really is so, store it as an invalid ballot' }
          : { zh: '选票内容有误，未保存，请核对后重新录入', en: 'The ballot has entry errors and was not stored; check and enter it again' },
      });
    }
  }
  const result = await submitSheet(ctx.database.db, {
    sheetId,
    ballots: toRows(index, sheet, campaign.id, newReceipt(), actor.id),
    onStored: (trx) => recordAudit(trx, ctx, actor, 'ballot.paper.enter', 'session', sessionId, { sheetNumber: input.sheetNumber }),
  });
  if (result.status === 'conflict') throw new AppError('sheet_conflict', { message: { zh: `票号 ${input.sheetNumber} 已录入过内容不同的选票`, en: `Sheet ${input.sheetNumber} was already entered with different content` } });
  if (result.status === 'stored') ballotFeed(ctx).emit({ sessionId });
  const problems = sheet.ballots.flatMap((b, i) => (sheet.problems[i] ?? []).map((p) => ({ ...p, instrumentId: b.instrumentId })));
  return { receipt: result.receipt, duplicate: result.status === 'duplicate', sheetId, valid: problems.length === 0, problems };
}
