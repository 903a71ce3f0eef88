/** A campaign set-up as a full definition over the stored units, and the check that refuses a broken one. */
import type { CampaignSetup } from '../../contracts/api.js';
import { AppError } from '../../contracts/errors.js';
import { MESSAGES } from '../../contracts/messages.js';
import { getUnit, listUnitSubtree } from '../../db/repositories/units.js';
import { checkDefinition } from '../../domain/check-definition.js';
import type { CampaignDefinition } from '../../domain/types.js';
import type { AppContext } from '../context.js';

export async function assembleDefinition(ctx: AppContext, setup: CampaignSetup, sessions: CampaignDefinition['sessions'] = []): Promise<CampaignDefinition> {
  const root = await getUnit(ctx.database.db, setup.rootUnitId);
  if (!root) {
    throw new AppError('invalid_definition', {
      details: [{ path: 'rootUnitId', code: 'unknown_unit', message: MESSAGES.rootUnitMissing(setup.rootUnitId) }],
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
