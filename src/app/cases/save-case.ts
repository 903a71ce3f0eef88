/**
 * 录入案例: the office adds a case to the library, or changes one; its text is cut into grams for the search index in
 * the same transaction, so the index never lags the case.
 */
import { randomBytes } from 'node:crypto';
import { AppError } from '../../contracts/errors.js';
import { notFound } from '../../contracts/messages.js';
import type { CaseInput, CaseView } from '../../contracts/cases.js';
import { getCaseRow, insertCase, updateCase, type CaseRow } from '../../db/repositories/cases.js';
import { inTransaction } from '../../db/repositories/shared.js';
import { getUnit } from '../../db/repositories/units.js';
import { caseIndex } from '../../domain/cases/grams.js';
import type { AppContext } from '../context.js';
import { recordAudit } from '../kernel/record-audit.js';
import type { Actor } from '../policies/roles.js';
import { presentCase } from './present-case.js';

export async function saveCase(ctx: AppContext, actor: Actor, caseId: string | null, input: CaseInput): Promise<CaseView> {
  return inTransaction(ctx.database.db, async (trx) => {
    const unit = await getUnit(trx, input.unitId);
    if (!unit) throw notFound('unit', input.unitId);
    const now = ctx.clock().toISOString();
    const before = caseId ? await getCaseRow(trx, caseId) : null;
    if (caseId && !before) throw new AppError('not_found');
    const id = caseId ?? input.id ?? `case-${randomBytes(5).toString('hex')}`;
    if (!caseId && (await getCaseRow(trx, id))) throw new AppError('duplicate_id');
    const row: CaseRow = {
      id,
      unit_id: input.unitId,
      title: input.title,
      summary: input.summary,
      body: input.body,
      tags: JSON.stringify(input.tags),
      year: input.year,
      published: input.published ? 1 : 0,
      created_at: before?.created_at ?? now,
      updated_at: now,
    };
    if (before) await updateCase(trx, row, caseIndex(input));
    else await insertCase(trx, row, caseIndex(input));
    await recordAudit(trx, ctx, actor, before ? 'case.update' : 'case.add', 'case', id, { title: input.title, published: input.published });
    return presentCase(row, unit.name);
  });
}
