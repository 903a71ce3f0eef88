/** 测评会: create, open, close, record attendance. A session's agenda must fit the campaign's definition. */
import type { SessionInput } from '../contracts/api.js';
import { AppError } from '../contracts/errors.js';
import type { SessionView } from '../contracts/sessions.js';
import { updateCampaignStatus } from '../db/repositories/campaigns.js';
import { createSession as insertSession, getSession, setSessionPresent, updateSessionStatus, type SessionRecord } from '../db/repositories/sessions.js';
import { inTransaction } from '../db/repositories/shared.js';
import { sealSessionBallots } from '../db/repositories/tally-ballots.js';
import { checkDefinition } from '../domain/check-definition.js';
import type { AppContext } from './context.js';
import { translateStorage } from './errors.js';
import { requireCampaign, requireDefinition } from './load-campaign.js';
import type { Actor } from './policies/roles.js';
import { recordAudit } from './record-audit.js';
import { newId } from './secrets.js';

/** The fields of a stored session that leave the server. */
export function sessionView(s: SessionRecord): SessionView {
  return {
    id: s.id,
    campaignId: s.campaignId,
    name: s.name,
    instrumentIds: s.instrumentIds,
    agenda: s.agenda ?? null,
    expected: s.expected,
    paperIssued: s.paperIssued,
    present: s.present,
    status: s.status,
    openedAt: s.openedAt,
    closedAt: s.closedAt,
  };
}

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

export async function requireSession(ctx: AppContext, sessionId: string): Promise<SessionRecord> {
  const s = await getSession(ctx.database.db, sessionId);
  if (!s) throw new AppError('not_found', { message: { zh: `测评会 ${sessionId} 不存在`, en: `No session ${sessionId}` } });
  return s;
}

/** Opening the first session activates the campaign: from then on its set-up is frozen. */
export async function openSession(ctx: AppContext, actor: Actor, sessionId: string): Promise<SessionView> {
  const s = await requireSession(ctx, sessionId);
  if (s.status !== 'draft') {
    throw new AppError('session_state', { message: { zh: `测评会已${s.status === 'open' ? '开始' : '结束'}，不能再开始`, en: `The session is already ${s.status}` } });
  }
  const campaign = await requireCampaign(ctx, s.campaignId);
  await inTransaction(ctx.database.db, async (trx) => {
    if (!(await updateSessionStatus(trx, sessionId, 'draft', 'open', ctx.clock()))) throw new AppError('session_state');
    if (campaign.status === 'draft') await updateCampaignStatus(trx, campaign.id, 'draft', 'active', ctx.clock());
    await recordAudit(trx, ctx, actor, 'session.open', 'session', sessionId);
  });
  return sessionView(await requireSession(ctx, sessionId));
}

export async function closeSession(ctx: AppContext, actor: Actor, sessionId: string): Promise<SessionView> {
  const s = await requireSession(ctx, sessionId);
  if (s.status !== 'open') {
    throw new AppError('session_state', { message: { zh: '只有进行中的测评会可以结束', en: 'Only an open session can be closed' } });
  }
  await inTransaction(ctx.database.db, async (trx) => {
    if (!(await updateSessionStatus(trx, sessionId, 'open', 'closed', ctx.clock()))) throw new AppError('session_state');
    // One derived row with this session's ballots, so a tally reads a province's sessions, not 150,000 rows.
    await sealSessionBallots(trx, s.campaignId, sessionId);
    await recordAudit(trx, ctx, actor, 'session.close', 'session', sessionId);
  });
  return sessionView(await requireSession(ctx, sessionId));
}

export async function recordPresent(ctx: AppContext, actor: Actor, sessionId: string, present: number | null): Promise<SessionView> {
  await requireSession(ctx, sessionId);
  await inTransaction(ctx.database.db, async (trx) => {
    await setSessionPresent(trx, sessionId, present);
    await recordAudit(trx, ctx, actor, 'session.present', 'session', sessionId, { present });
  });
  return sessionView(await requireSession(ctx, sessionId));
}
