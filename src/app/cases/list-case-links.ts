/** 案例关联 read from either side: a campaign's 案例评 items that are library cases, and one case with its links. */
import type { CaseDetail, CaseLinkList } from '../../contracts/cases.js';
import { listCampaignCaseLinks, listLinksOfCase } from '../../db/repositories/case-links.js';
import { requireCampaign } from '../campaigns/require-campaign.js';
import type { AppContext } from '../context.js';
import type { Actor } from '../policies/roles.js';
import { notPublished, viewerUnit } from '../policies/unit-scope.js';
import { presentCaseLinks } from './present-case-links.js';
import { getCase } from './search-cases.js';

export async function listCampaignLinks(ctx: AppContext, actor: Actor, campaignId: string): Promise<CaseLinkList> {
  const campaign = await requireCampaign(ctx, campaignId);
  // As the campaign itself: a unit viewer reads it once published.
  if (viewerUnit(actor) !== null && campaign.status !== 'published') throw notPublished();
  return presentCaseLinks(ctx, actor, await listCampaignCaseLinks(ctx.database.db, campaignId));
}

export async function getCaseDetail(ctx: AppContext, actor: Actor, caseId: string): Promise<CaseDetail> {
  const view = await getCase(ctx, actor, caseId);
  return { ...view, links: await presentCaseLinks(ctx, actor, await listLinksOfCase(ctx.database.db, caseId)) };
}
