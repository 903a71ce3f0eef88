/**
 * 提交选票: a rater's sheet, checked and stored by the group commit; a re-send answers the first receipt. The receipt
 * names the campaign and the session, whose public receipt list will show it once the session closes.
 */
import type { SubmitInput } from '../../contracts/api.js';
import { AppError } from '../../contracts/errors.js';
import type { Receipt } from '../../contracts/api.js';
import { buildSheet, problemDetails, toRows } from './build-sheet.js';
import type { AppContext } from '../context.js';
import { newReceipt, sha256Hex } from '../kernel/secrets.js';
import type { FoundToken } from '../../db/repositories/tokens.js';
import { findToken } from './find-token.js';
import type { Caller } from './guess-guard.js';

export async function submitOnline(ctx: AppContext, input: SubmitInput, caller: Caller): Promise<Receipt> {
  const linkHash = input.token !== undefined ? sha256Hex(input.token) : undefined;
  // The token as read when this phone's form was served, if this server served it (token-lookup.ts): a hint, which
  // the storing transaction checks again. Anything but a stored sheet or a re-send is answered from a fresh read.
  const redeemed = linkHash !== undefined ? ctx.tokens.takeRedeemed(linkHash) : null;
  if (redeemed) {
    const receipt = await submitWith(ctx, input, redeemed, true);
    if (receipt) return receipt;
  }
  return (await submitWith(ctx, input, await findToken(ctx, input, caller, linkHash), false))!;
}

/** `kept`: the token is the one kept at its redemption; null then means "read the token again and answer from that". */
async function submitWith(ctx: AppContext, input: SubmitInput, token: FoundToken, kept: boolean): Promise<Receipt | null> {
  const { index, session } = await ctx.definitions.forSheet(token.campaignId, token.sessionId, token.boundUnitId);
  const sheet = buildSheet(index, session, {
    sheetId: token.id,
    channel: 'online',
    raterGroupId: token.raterGroupId,
    raterName: token.raterName,
    boundUnitId: token.boundUnitId,
    ballots: input.ballots,
    nameBallots: false,
  });
  // A used token may only be answered with its receipt when the very same content comes again.
  const isNew = token.status !== 'used';
  if (isNew) {
    // The session's status as read with the token: 'open' is checked again where the sheet is stored.
    if (token.sessionStatus !== 'open') throw new AppError('session_not_open');
    const details = problemDetails(sheet);
    if (details.length > 0) {
      if (kept) return null;
      throw new AppError('ballot_refused', { details });
    }
  }
  // The writer names the ballots when it commits them (decision 0009); the rows then carry those ids.
  const rows = toRows(index, sheet, token.campaignId, newReceipt(), null);
  const result = await ctx.ballotWriter.submit({ sheetId: token.id, ballots: rows, tokenId: token.id, requireOpenSession: isNew ? token.sessionId : null });
  if (kept && (result.status === 'refused' || result.status === 'conflict')) return null;
  if (result.status === 'refused') throw new AppError(result.reason);
  if (result.status === 'conflict') throw new AppError('token_used');
  if (result.status === 'stored') ctx.ballotFeed.emit({ sessionId: token.sessionId, ballots: rows });
  return {
    receipt: result.receipt,
    duplicate: result.status === 'duplicate',
    ballots: sheet.ballots.length,
    campaign: { name: index.def.name },
    session: { id: session.id, name: session.name },
  };
}
