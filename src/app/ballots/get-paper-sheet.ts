/** A paper sheet as the first clerk entered it, for the second clerk's double entry. */
import { AppError } from '../../contracts/errors.js';
import { MESSAGES } from '../../contracts/messages.js';
import { findBallotsBySheet } from '../../db/repositories/ballots.js';
import { checkBallot } from '../../domain/check-ballot.js';
import { indexDefinition } from '../../domain/definition-index.js';
import type { AppContext } from '../context.js';
import type { StoredPaperSheet } from '../../contracts/paper.js';
import { paperSheetId } from './enter-paper.js';
import { requireDefinition } from '../campaigns/require-definition.js';
import { requireSession } from '../sessions/require-session.js';

export async function getPaperSheet(ctx: AppContext, sessionId: string, sheetNumber: string): Promise<StoredPaperSheet> {
  const session = await requireSession(ctx, sessionId);
  const rows = await findBallotsBySheet(ctx.database.db, paperSheetId(sessionId, sheetNumber));
  const first = rows[0];
  if (!first) throw new AppError('not_found', { message: MESSAGES.paperSheetNotEntered(sheetNumber) });
  const index = indexDefinition(await requireDefinition(ctx, session.campaignId));
  const ballots = rows.map((b) => ({
    instrumentId: b.instrumentId,
    ratings: b.ratings,
    problems: checkBallot(index, b).map((p) => ({ code: p.code, message: p.message })),
  }));
  return {
    sheetNumber,
    raterGroupId: first.raterGroupId,
    raterName: first.raterName,
    boundUnitId: first.boundUnitId,
    receipt: first.receipt,
    valid: ballots.every((b) => b.problems.length === 0),
    ballots,
  };
}
