/** 方案检查 of a set-up not yet saved: the console's editor checks as the office types. */
import type { CampaignSetup } from '../../contracts/api.js';
import type { SetupCheck } from '../../contracts/campaigns.js';
import type { AppContext } from '../context.js';
import { assembleDefinition } from './assemble-definition.js';
import { reviewDefinition } from '../../domain/review-definition.js';

/** The same check over a set-up not yet saved (the console's editor checks as the office types). */
export async function checkSetup(ctx: AppContext, setup: CampaignSetup): Promise<SetupCheck> {
  return reviewDefinition(await assembleDefinition(ctx, setup));
}
