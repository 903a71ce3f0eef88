/** 双人录入核对: a second clerk's entry of a sheet compared with the stored one; mismatches are listed and audited. */
import type { PaperEntryInput } from '../../contracts/api.js';
import { inTransaction } from '../../db/repositories/shared.js';
import { indexDefinition } from '../../domain/definition-index.js';
import type { AppContext } from '../context.js';
import type { PaperVerification } from '../../contracts/paper.js';
import { requireDefinition } from '../campaigns/require-definition.js';
import { requireSession } from '../sessions/require-session.js';
import type { Actor } from '../policies/roles.js';
import { recordAudit } from '../kernel/record-audit.js';
import { getPaperSheet } from './get-paper-sheet.js';
import { compareSheets } from './compare-sheets.js';

export async function verifyPaperSheet(ctx: AppContext, actor: Actor, sessionId: string, input: PaperEntryInput): Promise<PaperVerification> {
  const session = await requireSession(ctx, sessionId);
  const stored = await getPaperSheet(ctx, sessionId, input.sheetNumber);
  const index = indexDefinition(await requireDefinition(ctx, session.campaignId));
  const mismatches = compareSheets(index, stored, input);
  await inTransaction(ctx.database.db, (trx) =>
    recordAudit(trx, ctx, actor, 'ballot.paper.verify', 'session', sessionId, { sheetNumber: input.sheetNumber, matches: mismatches.length === 0, mismatches: mismatches.length }),
  );
  return { sheetNumber: input.sheetNumber, matches: mismatches.length === 0, mismatches };
}
