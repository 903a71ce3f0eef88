/** Who may read a campaign's results: the office always, a unit viewer only once published and only its own subtree. */
import { isAtOrBelow, indexDefinition } from '../../domain/definition-index.js';
import type { CampaignDefinition } from '../../domain/types.js';
import type { AppContext } from '../context.js';
import { requireCampaign } from '../campaigns/require-campaign.js';
import type { Actor } from './roles.js';
import { notPublished, viewerUnit } from './unit-scope.js';

/** Unit viewers see only published results; returns the unit a viewer is confined to (null for office roles). */
export async function assertMayRead(ctx: AppContext, actor: Actor, campaignId: string): Promise<string | null> {
  const scope = viewerUnit(actor);
  if (scope === null) return null;
  const campaign = await requireCampaign(ctx, campaignId);
  if (campaign.status !== 'published') throw notPublished();
  return scope;
}

/** Which ranking rows a caller confined to `scope` may see (the same rule `getResults` applies); null scope sees all. */
export function viewerRowFilter(def: CampaignDefinition, scope: string | null): (unitId: string) => boolean {
  if (scope === null) return () => true;
  const index = indexDefinition(def);
  return (unitId) => isAtOrBelow(index, unitId, scope);
}
