/** 修改方案: adds or replaces single parts of a draft campaign's set-up, re-checking the whole. */
import { saveDefinitionParts } from '../../db/repositories/definition.js';
import { inTransaction } from '../../db/repositories/shared.js';
import type { CampaignDefinition, Instrument, RankingSpec, RaterGroup, Subject } from '../../domain/types.js';
import type { AppContext } from '../context.js';
import { assertDefinitionValid } from './assemble-definition.js';
import { translateStorage } from '../kernel/errors.js';
import { requireDefinition } from './require-definition.js';
import type { Actor } from '../policies/roles.js';
import { recordAudit } from '../kernel/record-audit.js';
import { requireDraft } from './require-draft.js';

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
