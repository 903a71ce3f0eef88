/** 新建活动: stores a checked campaign set-up; nothing is stored when any check fails. */
import type { CampaignSetup } from '../contracts/api.js';
import { AppError } from '../contracts/errors.js';
import { createCampaign as insertCampaign, getCampaign } from '../db/repositories/campaigns.js';
import { saveDefinitionParts } from '../db/repositories/definition.js';
import { inTransaction } from '../db/repositories/shared.js';
import { getUnit, listUnitSubtree } from '../db/repositories/units.js';
import { checkDefinition } from '../domain/check-definition.js';
import type { CampaignDefinition } from '../domain/types.js';
import { recordAudit } from './record-audit.js';
import type { AppContext } from './context.js';
import { translateStorage } from './errors.js';
import type { Actor } from './policies/roles.js';

export async function assembleDefinition(ctx: AppContext, setup: CampaignSetup, sessions: CampaignDefinition['sessions'] = []): Promise<CampaignDefinition> {
  const root = await getUnit(ctx.database.db, setup.rootUnitId);
  if (!root) {
    throw new AppError('invalid_definition', {
      details: [{ path: 'rootUnitId', code: 'unknown_unit', message: { zh: `根单位 ${setup.rootUnitId} 不存在`, en: `Root unit ${setup.rootUnitId} does not exist` } }],
    });
  }
  const units = await listUnitSubtree(ctx.database.db, setup.rootUnitId);
  const { rootUnitId: _root, ...rest } = setup;
  return { ...rest, units, sessions };
}

export function assertDefinitionValid(def: CampaignDefinition): void {
  const problems = checkDefinition(def);
  if (problems.length > 0) {
    throw new AppError('invalid_definition', { details: problems.map((p) => ({ ...p })) });
  }
}

export async function createCampaign(ctx: AppContext, actor: Actor, setup: CampaignSetup): Promise<CampaignDefinition> {
  if (await getCampaign(ctx.database.db, setup.id)) {
    throw new AppError('duplicate_id', { message: { zh: `活动编号 ${setup.id} 已存在`, en: `Campaign id ${setup.id} already exists` } });
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
