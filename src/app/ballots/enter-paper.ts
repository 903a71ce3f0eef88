/**
 * 录入纸质选票: a clerk enters a printed ballot. Structural problems (unknown subject, value off the scale) are refused;
 * a ballot that breaks a quota rule is stored anyway and counted invalid (无效票) with its reason — the tally
 * re-applies the rules itself, so nothing here is a stored verdict.
 */
import type { PaperEntryInput } from '../../contracts/api.js';
import { AppError } from '../../contracts/errors.js';
import { MESSAGES, notFoundText } from '../../contracts/messages.js';
import { PAPER_DEFECTS, type ProblemCode } from '../../domain/ballot-problems.js';
import { submitSheet } from '../../db/repositories/submit-sheet.js';
import { indexDefinition } from '../../domain/definition-index.js';
import type { PaperReceipt } from '../../contracts/paper.js';
import { buildSheet, problemDetails, toRows } from './build-sheet.js';
import type { AppContext } from '../context.js';
import { requireCampaign } from '../campaigns/require-campaign.js';
import { requireDefinition } from '../campaigns/require-definition.js';
import { requireSession } from '../sessions/require-session.js';
import type { Actor } from '../policies/roles.js';
import { recordAudit } from '../kernel/record-audit.js';
import { newReceipt } from '../kernel/secrets.js';

export function paperSheetId(sessionId: string, sheetNumber: string): string {
  return `paper:${sessionId}:${sheetNumber}`;
}

export async function enterPaper(ctx: AppContext, actor: Actor, sessionId: string, input: PaperEntryInput): Promise<PaperReceipt> {
  const session = await requireSession(ctx, sessionId);
  if (session.status === 'draft') throw new AppError('session_state', { message: MESSAGES.paperBeforeOpen });
  const campaign = await requireCampaign(ctx, session.campaignId);
  if (campaign.status === 'published') throw new AppError('campaign_state', { message: MESSAGES.paperAfterPublish });
  const def = await requireDefinition(ctx, session.campaignId);
  const index = indexDefinition(def);
  const group = index.groups.get(input.raterGroupId);
  if (!group) throw new AppError('invalid_request', { details: [{ path: 'raterGroupId', message: notFoundText('raterGroup', input.raterGroupId) }] });
  const sheetId = paperSheetId(sessionId, input.sheetNumber);
  const sheet = buildSheet(index, session, { sheetId, channel: 'paper', raterGroupId: group.id, raterName: input.raterName, boundUnitId: input.boundUnitId, ballots: input.ballots });
  const structural = problemDetails(sheet, 'structural');
  if (structural.length > 0) {
    const paperOnly = structural.every((d) => PAPER_DEFECTS.has(d.code as ProblemCode));
    if (!input.asInvalid || !paperOnly) {
      throw new AppError('ballot_refused', {
        details: structural,
        message: paperOnly
          ? MESSAGES.paperIncomplete
          : MESSAGES.paperEntryErrors,
      });
    }
  }
  const result = await submitSheet(ctx.database.db, {
    sheetId,
    ballots: toRows(index, sheet, campaign.id, newReceipt(), actor.id),
    onStored: (trx) => recordAudit(trx, ctx, actor, 'ballot.paper.enter', 'session', sessionId, { sheetNumber: input.sheetNumber }),
  });
  if (result.status === 'conflict') throw new AppError('sheet_conflict', { message: MESSAGES.paperSheetConflict(input.sheetNumber) });
  if (result.status === 'stored') ctx.ballotFeed.emit({ sessionId });
  const problems = sheet.ballots.flatMap((b, i) => (sheet.problems[i] ?? []).map((p) => ({ ...p, instrumentId: b.instrumentId })));
  return { receipt: result.receipt, duplicate: result.status === 'duplicate', sheetId, valid: problems.length === 0, problems };
}
