/**
 * 测评码打印单: issuing tokens and printing them is one step, because a token's secret is shown only once. The
 * result carries what the printed slips need: names for the header and, per slip, the QR link and the short code.
 */
import type { TokenSheetInput } from '../../contracts/room.js';
import type { AppContext } from '../context.js';
import { issueTokens } from './issue-tokens.js';
import { requireCampaign } from '../campaigns/require-campaign.js';
import { requireDefinition } from '../campaigns/require-definition.js';
import { requireSession } from './require-session.js';
import type { Actor } from '../policies/roles.js';

export interface TokenSheet {
  campaignName: string;
  sessionName: string;
  groupName: string;
  groupMode: 'anonymous' | 'named';
  slips: { url: string; code: string; raterName: string | null; boundUnitName: string | null }[];
}

export async function issueTokenSheet(ctx: AppContext, actor: Actor, sessionId: string, input: TokenSheetInput, origin: string): Promise<TokenSheet> {
  const { origin: _ignored, ...issue } = input;
  const issued = await issueTokens(ctx, actor, sessionId, issue);
  const session = await requireSession(ctx, sessionId);
  const campaign = await requireCampaign(ctx, session.campaignId);
  const def = await requireDefinition(ctx, session.campaignId);
  const group = def.raterGroups.find((g) => g.id === input.raterGroupId)!;
  const units = new Map(def.units.map((u) => [u.id, u.name]));
  const base = origin.replace(/\/+$/, '');
  return {
    campaignName: campaign.name,
    sessionName: session.name,
    groupName: group.name,
    groupMode: group.mode,
    slips: issued.map((t) => ({ url: `${base}/r/${t.token}`, code: t.code, raterName: t.raterName, boundUnitName: t.boundUnitId ? (units.get(t.boundUnitId) ?? t.boundUnitId) : null })),
  };
}
