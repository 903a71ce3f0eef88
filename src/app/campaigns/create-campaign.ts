/** 新建活动: stores a checked campaign set-up; nothing is stored when any check fails. */
import type { CampaignSetup } from '../../contracts/api.js';
import { AppError } from '../../contracts/errors.js';
import { MESSAGES } from '../../contracts/messages.js';
import { createCampaign as insertCampaign, getCampaign } from '../../db/repositories/campaigns.js';
import { saveDefinitionParts } from '../../db/repositories/definition.js';
import { inTransaction } from '../../db/repositories/shared.js';
import type { CampaignDefinition } from '../../domain/types.js';
import { recordAudit } from '../kernel/record-audit.js';
import type { AppContext } from '../context.js';
import { translateStorage } from '../kernel/errors.js';
import type { Actor } from '../policies/roles.js';
import { assembleDefinition, assertDefinitionValid } from './assemble-definition.js';

export async function createCampaign(ctx: AppContext, actor: Actor, setup: CampaignSetup): Promise<CampaignDefinition> {
  if (await getCampaign(ctx.database.db, setup.id)) {
    throw new AppError('duplicate_id', { message: MESSAGES.campaignIdTaken(setup.id) });
  }
  const def = await assembleDefinition(ctx, setup);
  assertDefinitionValid(def);
  await translateStorage(() =>
    inTransaction(ctx.database.db, async (trx) => {
      await insertCampaign(trx, { id: setup.id, name: setup.name, rootUnitId: setup.rootUnitId, precision: setup.precision, tieJudgement: setup.tieJudgement }, ctx.clock());
      await saveDefinitionParts(trx, setup.id, def);
      await recordAudit(trx, ctx, actor, 'campaign.create', 'campaign', setup.id, { name: setup.name });
    }),
  );
  return def;
}
