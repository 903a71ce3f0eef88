/** 新建测评会: a session's agenda must fit the campaign's definition; it starts as a draft. */
import type { SessionInput } from '../../contracts/api.js';
import { AppError } from '../../contracts/errors.js';
import { createSession as insertSession, } from '../../db/repositories/sessions.js';
import { inTransaction } from '../../db/repositories/shared.js';
import { checkDefinition } from '../../domain/check-definition.js';
import type { AppContext } from '../context.js';
import { translateStorage } from '../kernel/errors.js';
import { requireDefinition } from '../campaigns/require-definition.js';
import type { Actor } from '../policies/roles.js';
import { recordAudit } from '../kernel/record-audit.js';
import { newId } from '../kernel/secrets.js';
import { requireSession } from './require-session.js';
import { sessionView } from './session-view.js';
import type { SessionView } from '../../contracts/sessions.js';

export async function createSession(ctx: AppContext, actor: Actor, campaignId: string, input: SessionInput): Promise<SessionView> {
  const def = await requireDefinition(ctx, campaignId);
  const id = input.id ?? newId('s');
  const session = { id, name: input.name, instrumentIds: input.instrumentIds, agenda: input.agenda, expected: input.expected, issued: input.paperIssued, present: input.present, status: 'draft' as const };
  const problems = checkDefinition({ ...def, sessions: [...def.sessions, session] }).filter((p) => p.path.startsWith('sessions'));
  if (problems.length > 0) throw new AppError('invalid_definition', { details: problems.map((p) => ({ ...p })) });
  await translateStorage(() =>
    inTransaction(ctx.database.db, async (trx) => {
      await insertSession(trx, { id, campaignId, name: input.name, instrumentIds: input.instrumentIds, agenda: input.agenda, expected: input.expected, paperIssued: input.paperIssued, present: input.present });
      await recordAudit(trx, ctx, actor, 'session.create', 'session', id, { campaignId, name: input.name });
    }),
  );
  return sessionView(await requireSession(ctx, id));
}
