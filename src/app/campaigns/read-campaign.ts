/**
 * 活动详情: a campaign and its set-up, as the caller may see it. The office sees the whole definition. A unit viewer
 * (who sees only published campaigns) gets what its pages need and nothing of another county: the units of its own
 * subtree (as /api/units shows it), the subjects those units own, each instrument's and session agenda's subjects
 * narrowed to them; rater groups, instruments' rules and rankings are the campaign's own and stay whole.
 */
import type { CampaignWithDefinition } from '../../contracts/campaigns.js';
import type { CampaignDefinition } from '../../domain/types.js';
import type { AppContext } from '../context.js';
import type { Actor } from '../policies/roles.js';
import { notPublished, viewerUnit } from '../policies/unit-scope.js';
import { requireCampaign } from './require-campaign.js';
import { requireDefinition } from './require-definition.js';

export async function readCampaign(ctx: AppContext, actor: Actor, campaignId: string): Promise<CampaignWithDefinition> {
  const campaign = await requireCampaign(ctx, campaignId);
  const scope = viewerUnit(actor);
  if (scope !== null && campaign.status !== 'published') throw notPublished();
  const definition = await requireDefinition(ctx, campaign.id);
  return { campaign, definition: scope === null ? definition : withinScope(definition, scope) };
}

/** The definition narrowed to the subtree of `rootId` (pure). */
export function withinScope(def: CampaignDefinition, rootId: string): CampaignDefinition {
  const children = new Map<string | null, string[]>();
  for (const u of def.units) children.set(u.parentId, [...(children.get(u.parentId) ?? []), u.id]);
  const inScope = new Set<string>();
  const stack = def.units.some((u) => u.id === rootId) ? [rootId] : [];
  while (stack.length > 0) {
    const id = stack.pop()!;
    inScope.add(id);
    stack.push(...(children.get(id) ?? []));
  }
  const subjects = def.subjects.filter((s) => inScope.has(s.unitId));
  const seen = new Set(subjects.map((s) => s.id));
  return {
    ...def,
    units: def.units.filter((u) => inScope.has(u.id)),
    subjects,
    instruments: def.instruments.map((i) => ({ ...i, subjectIds: i.subjectIds.filter((id) => seen.has(id)) })),
    sessions: def.sessions.map((s) => ({ ...s, agenda: s.agenda ? s.agenda.filter((id) => seen.has(id)) : s.agenda })),
  };
}
