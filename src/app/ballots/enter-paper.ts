/**
 * 录入纸质选票: a clerk enters a printed ballot. Structural problems (unknown subject, value off the scale) are refused;
 * a ballot that breaks a quota rule is stored anyway and counted invalid (无效票) with its reason — the tally
 * re-applies the rules itself, so nothing here is a stored verdict.
 *
 * Two things are decided in the storing transaction, one entry of the session after another: the sheet number is
 * this entry page's (or free), and a sheet that brings more sheets back than were issued — which voids the session —
 * is stored only when the clerk confirmed it (`confirmOverReturn`); otherwise it is refused with the counts.
 */
import type { PaperEntryInput } from '../../contracts/api.js';
import { AppError } from '../../contracts/errors.js';
import { MESSAGES, notFoundText } from '../../contracts/messages.js';
import { PAPER_DEFECTS, type ProblemCode } from '../../domain/ballot-problems.js';
import { getAccount } from '../../db/repositories/accounts.js';
import { claimSheetNumber } from '../../db/repositories/paper-sheet-numbers.js';
import { lockSession } from '../../db/repositories/sessions.js';
import { submitSheet } from '../../db/repositories/submit-sheet.js';
import type { Db } from '../../db/database.js';
import { indexDefinition } from '../../domain/definition-index.js';
import type { PaperReceipt } from '../../contracts/paper.js';
import { buildSheet, problemDetails, toRows } from './build-sheet.js';
import type { AppContext } from '../context.js';
import { requireDefinition } from '../campaigns/require-definition.js';
import type { Actor } from '../policies/roles.js';
import { recordAudit } from '../kernel/record-audit.js';
import { newReceipt } from '../kernel/secrets.js';
import { sheetTotals } from '../sessions/sheet-totals.js';
import { requirePaperSession } from './require-paper-session.js';

export function paperSheetId(sessionId: string, sheetNumber: string): string {
  return `paper:${sessionId}:${sheetNumber}`;
}

/** The sheet number inside a paper sheet id of this session. */
export function sheetNumberOf(sessionId: string, sheetId: string): string {
  return sheetId.slice(paperSheetId(sessionId, '').length);
}

export async function enterPaper(ctx: AppContext, actor: Actor, sessionId: string, input: PaperEntryInput): Promise<PaperReceipt> {
  const { session, campaign } = await requirePaperSession(ctx, sessionId);
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
  const rows = toRows(index, sheet, campaign.id, newReceipt(), actor.id);
  const result = await submitSheet(ctx.database.db, {
    sheetId,
    ballots: rows,
    onStored: async (trx) => {
      await lockSession(trx, sessionId);
      await claimNumber(trx, actor, sessionId, input);
      const overReturn = await checkOverReturn(trx, sessionId, input.confirmOverReturn);
      await recordAudit(trx, ctx, actor, 'ballot.paper.enter', 'session', sessionId, { sheetNumber: input.sheetNumber, ...(overReturn ? { overReturn } : {}) });
    },
  });
  if (result.status === 'conflict') throw new AppError('sheet_conflict', { message: MESSAGES.paperSheetConflict(input.sheetNumber) });
  if (result.status === 'stored') ctx.ballotFeed.emit({ sessionId, ballots: rows });
  const problems = sheet.ballots.flatMap((b, i) => (sheet.problems[i] ?? []).map((p) => ({ ...p, instrumentId: b.instrumentId })));
  const totals = await sheetTotals(ctx.database.db, sessionId);
  return {
    receipt: result.receipt,
    duplicate: result.status === 'duplicate',
    sheetId,
    valid: problems.length === 0,
    problems,
    session: { ...totals, overReturned: totals.returned > totals.issued },
  };
}

/** The sheet's number becomes entered, unless another clerk's entry page was given it and has not used it yet. */
async function claimNumber(trx: Db, actor: Actor, sessionId: string, input: PaperEntryInput): Promise<void> {
  const claim = await claimSheetNumber(trx, { sessionId, sheetNumber: input.sheetNumber, desk: input.desk ?? null, accountId: actor.id });
  if (claim.claimed) return;
  const holder = await getAccount(trx, claim.heldBy);
  throw new AppError('sheet_number_taken', { message: MESSAGES.paperSheetNumberTaken(input.sheetNumber, holder?.display_name ?? '—') });
}

/**
 * 收回多于发出: the session is void when more sheets come back than were issued. Counted with this sheet stored (the
 * session's row is held, so entries decide in turn): refused unless confirmed; when confirmed, the counts for the audit.
 */
async function checkOverReturn(trx: Db, sessionId: string, confirmed: boolean): Promise<{ issued: number; returned: number } | null> {
  const { issued, returned } = await sheetTotals(trx, sessionId);
  if (returned <= issued) return null;
  if (!confirmed) {
    const message = MESSAGES.paperOverReturn(issued, returned - 1);
    throw new AppError('over_return', { message, details: [{ code: 'over_return', message, issued, returned: returned - 1 }] });
  }
  return { issued, returned };
}
