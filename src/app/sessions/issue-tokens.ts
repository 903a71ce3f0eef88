/**
 * 发放测评码: one-time tokens for a rater group of a session. Each has a 128-bit secret (for the QR link) and a
 * short typeable code; both are returned once and stored only as hashes.
 */
import type { IssueTokensInput } from '../../contracts/api.js';
import { AppError } from '../../contracts/errors.js';
import { MESSAGES } from '../../contracts/messages.js';
import { issueTokens as insertTokens, type NewToken } from '../../db/repositories/tokens.js';
import { inTransaction } from '../../db/repositories/shared.js';
import { indexDefinition } from '../../domain/definition-index.js';
import type { AppContext } from '../context.js';
import { requireDefinition } from '../campaigns/require-definition.js';
import { requireSession } from './require-session.js';
import type { Actor } from '../policies/roles.js';
import { recordAudit } from '../kernel/record-audit.js';
import { newId, newSecret, newShortCode, sha256Hex } from '../kernel/secrets.js';
import type { IssuedToken } from '../../contracts/sessions.js';

export async function issueTokens(ctx: AppContext, actor: Actor, sessionId: string, input: IssueTokensInput): Promise<IssuedToken[]> {
  const session = await requireSession(ctx, sessionId);
  if (session.status === 'closed') throw new AppError('session_state', { message: MESSAGES.sessionClosedNoTokens });
  const def = await requireDefinition(ctx, session.campaignId);
  const index = indexDefinition(def);
  const group = index.groups.get(input.raterGroupId);
  const refuse = (path: string, zh: string, en: string) => new AppError('invalid_request', { details: [{ path, message: { zh, en } }] });
  if (!group) throw refuse('raterGroupId', `测评组 ${input.raterGroupId} 不存在`, `No rater group ${input.raterGroupId}`);
  const rated = session.instrumentIds.some((i) => index.instruments.get(i)?.groupWeights.some((g) => g.groupId === group.id));
  if (!rated) throw refuse('raterGroupId', `测评组「${group.name}」不参与本次测评会的任何评价`, `Group ${group.name} rates nothing on this session's agenda`);
  if (input.boundUnitIds && input.boundUnitIds.length !== input.count) {
    throw refuse('boundUnitIds', `所属单位应为 ${input.count} 个，实际 ${input.boundUnitIds.length} 个`, `boundUnitIds needs ${input.count} entries, got ${input.boundUnitIds.length}`);
  }
  for (const [i, u] of (input.boundUnitIds ?? []).entries()) {
    if (u !== null && !index.units.has(u)) throw refuse(`boundUnitIds.${i}`, `单位 ${u} 不在本活动范围内`, `Unit ${u} is not in this campaign`);
  }
  if (group.mode === 'named') {
    if (!input.raterNames || input.raterNames.length !== input.count) {
      throw refuse('raterNames', `实名测评组「${group.name}」需要为每个测评码填写姓名或职务（${input.count} 个）`, `Named group ${group.name} needs one rater name per token (${input.count})`);
    }
  } else if (input.raterNames) {
    throw refuse('raterNames', `匿名测评组「${group.name}」的测评码不能记录姓名`, `Tokens of anonymous group ${group.name} cannot carry names`);
  }

  const issued: IssuedToken[] = [];
  const rows: NewToken[] = [];
  for (let i = 0; i < input.count; i++) {
    const token = newSecret();
    const code = newShortCode();
    const tokenId = newId('t');
    const boundUnitId = input.boundUnitIds?.[i] ?? null;
    const raterName = input.raterNames?.[i] ?? null;
    issued.push({ tokenId, token, code, raterGroupId: group.id, boundUnitId, raterName });
    rows.push({ id: tokenId, campaignId: session.campaignId, sessionId, raterGroupId: group.id, tokenHash: sha256Hex(token), codeHash: sha256Hex(code), boundUnitId, raterName });
  }
  await inTransaction(ctx.database.db, async (trx) => {
    await insertTokens(trx, rows);
    await recordAudit(trx, ctx, actor, 'tokens.issue', 'session', sessionId, { raterGroupId: group.id, count: input.count });
  });
  return issued;
}
