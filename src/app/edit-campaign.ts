/** 修改方案: replace a draft campaign's set-up, or add/replace single parts, always re-checking the whole. */
import type { CampaignSetup } from '../contracts/api.js';
import { AppError } from '../contracts/errors.js';
import { saveDefinitionParts } from '../db/repositories/definition.js';
import { inTransaction } from '../db/repositories/shared.js';
import type { CampaignDefinition, Instrument, RankingSpec, RaterGroup, Subject } from '../domain/types.js';
import type { AppContext } from './context.js';
import { assembleDefinition, assertDefinitionValid } from './create-campaign.js';
import { translateStorage } from './errors.js';
import { requireCampaign, requireDefinition } from './load-campaign.js';
import type { Actor } from './policies/roles.js';
import { recordAudit } from './record-audit.js';

async function requireDraft(ctx: AppContext, campaignId: string): Promise<void> {
  const c = await requireCampaign(ctx, campaignId);
  if (c.status !== 'draft') throw new AppError('campaign_state', { message: { zh: '活动已启用，方案不能再修改', en: 'The campaign is active; its set-up can no longer change' } });
}

export async function replaceSetup(ctx: AppContext, actor: Actor, campaignId: string, setup: CampaignSetup): Promise<CampaignDefinition> {
  if (setup.id !== campaignId) throw new AppError('invalid_request', { details: [{ path: 'id', message: { zh: '活动编号与地址不一致', en: 'The id does not match the URL' } }] });
  await requireDraft(ctx, campaignId);
  const current = await requireDefinition(ctx, campaignId);
  const def = await assembleDefinition(ctx, setup, current.sessions);
  assertDefinitionValid(def);
  await translateStorage(() =>
    inTransaction(ctx.database.db, async (trx) => {
      await saveDefinitionParts(trx, campaignId, def);
      await recordAudit(trx, ctx, actor, 'campaign.replace', 'campaign', campaignId);
    }),
  );
  return def;
}

export type PartName = 'raterGroups' | 'instruments' | 'subjects' | 'rankings';
type PartItem = { raterGroups: RaterGroup; instruments: Instrument; subjects: Subject; rankings: RankingSpec };

/** Adds items to a part, replacing any with the same id. */
export async function upsertPart<P extends PartName>(ctx: AppContext, actor: Actor, campaignId: string, part: P, items: PartItem[P][]): Promise<CampaignDefinition> {
  await requireDraft(ctx, campaignId);
  const current = await requireDefinition(ctx, campaignId);
  const existing = current[part] as PartItem[P][];
  const byId = new Map(existing.map((x) => [x.id, x]));
  for (const item of items) byId.set(item.id, item);
  const def: CampaignDefinition = { ...current, [part]: [...byId.values()] };
  assertDefinitionValid(def);
  await translateStorage(() =>
    inTransaction(ctx.database.db, async (trx) => {
      await saveDefinitionParts(trx, campaignId, { [part]: def[part] });
      await recordAudit(trx, ctx, actor, `campaign.${part}.upsert`, 'campaign', campaignId, { ids: items.map((i) => i.id) });
    }),
  );
  return def;
}
