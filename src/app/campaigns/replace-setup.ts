/** 修改方案: replaces a draft campaign's whole set-up, re-checking the whole. */
import type { CampaignSetup } from '../../contracts/api.js';
import { AppError } from '../../contracts/errors.js';
import { MESSAGES } from '../../contracts/messages.js';
import { saveDefinitionParts } from '../../db/repositories/definition.js';
import { inTransaction } from '../../db/repositories/shared.js';
import type { CampaignDefinition } from '../../domain/types.js';
import type { AppContext } from '../context.js';
import { assembleDefinition, assertDefinitionValid } from './assemble-definition.js';
import { translateStorage } from '../kernel/errors.js';
import { requireDefinition } from './require-definition.js';
import type { Actor } from '../policies/roles.js';
import { recordAudit } from '../kernel/record-audit.js';
import { requireDraft } from './require-draft.js';

export async function replaceSetup(ctx: AppContext, actor: Actor, campaignId: string, setup: CampaignSetup): Promise<CampaignDefinition> {
  if (setup.id !== campaignId) throw new AppError('invalid_request', { details: [{ path: 'id', message: MESSAGES.campaignIdMismatch }] });
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
