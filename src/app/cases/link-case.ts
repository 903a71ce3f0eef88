/**
 * 关联案例: the office says which library case an item of a campaign's 案例评 is. The item must be rated by that 案例评,
 * and the case's unit must be the item's unit or below it (a township's case for its county's item). One case per
 * item; a case may serve several campaigns. Allowed until the results are published, since the link only names the
 * item's source and never changes a score.
 */
import type { CaseLinkInput, CaseLinkView } from '../../contracts/cases.js';
import { AppError } from '../../contracts/errors.js';
import { MESSAGES, notFound } from '../../contracts/messages.js';
import { getCaseLink, insertCaseLink } from '../../db/repositories/case-links.js';
import { getCaseRow } from '../../db/repositories/cases.js';
import { inTransaction } from '../../db/repositories/shared.js';
import { getUnit } from '../../db/repositories/units.js';
import { findLinkTarget, type LinkTargetProblem } from '../../domain/cases/links.js';
import type { CampaignDefinition, Instrument, Subject } from '../../domain/types.js';
import { requireCampaign } from '../campaigns/require-campaign.js';
import { requireDefinition } from '../campaigns/require-definition.js';
import type { AppContext } from '../context.js';
import { translateStorage } from '../kernel/errors.js';
import { recordAudit } from '../kernel/record-audit.js';
import type { Actor } from '../policies/roles.js';
import { isStoredUnitWithin } from '../policies/unit-scope.js';
import { presentCaseLinks } from './present-case-links.js';

/** The campaign may still take link changes: anything but published. */
export async function requireLinksOpen(ctx: AppContext, campaignId: string): Promise<void> {
  const campaign = await requireCampaign(ctx, campaignId);
  if (campaign.status === 'published') throw new AppError('campaign_state', { message: MESSAGES.caseLinksFrozen });
}

function targetRefusal(def: CampaignDefinition, problem: LinkTargetProblem, instrumentId: string, itemId: string): AppError {
  const instrument = def.instruments.find((i) => i.id === instrumentId);
  const item = def.subjects.find((s) => s.id === itemId);
  switch (problem) {
    case 'instrument_unknown':
      return new AppError('not_found', { message: MESSAGES.instrumentNotInCampaign });
    case 'item_unknown':
      return new AppError('not_found', { message: MESSAGES.itemNotInCampaign });
    case 'not_case_instrument':
      return new AppError('case_link_refused', { message: MESSAGES.notCaseInstrument(instrument!.name) });
    case 'item_not_in_instrument':
      return new AppError('case_link_refused', { message: MESSAGES.itemNotInCaseInstrument(item!.name, instrument!.name) });
  }
}

/** The target of a link, or the refusal: shared with adding a new item, which checks its instrument the same way. */
export function requireLinkTarget(def: CampaignDefinition, instrumentId: string, itemId: string): { instrument: Instrument; item: Subject } {
  const target = findLinkTarget(def, instrumentId, itemId);
  if (typeof target === 'string') throw targetRefusal(def, target, instrumentId, itemId);
  return target;
}

export async function linkCase(ctx: AppContext, actor: Actor, campaignId: string, input: CaseLinkInput): Promise<CaseLinkView> {
  await requireLinksOpen(ctx, campaignId);
  const def = await requireDefinition(ctx, campaignId);
  const { item } = requireLinkTarget(def, input.instrumentId, input.itemId);
  // A concurrent second link to the same item meets the primary key: translateStorage answers it as a duplicate.
  const row = await translateStorage(() => inTransaction(ctx.database.db, async (trx) => {
    const c = await getCaseRow(trx, input.caseId);
    if (!c) throw notFound('case', input.caseId);
    const existing = await getCaseLink(trx, campaignId, item.id);
    if (existing) {
      const linked = existing.case_id === c.id ? c : await getCaseRow(trx, existing.case_id);
      throw new AppError('duplicate_id', { message: MESSAGES.itemAlreadyLinked(linked?.title ?? '') });
    }
    if (!(await isStoredUnitWithin(trx, c.unit_id, item.unitId))) {
      const [caseUnit, itemUnit] = await Promise.all([getUnit(trx, c.unit_id), getUnit(trx, item.unitId)]);
      throw new AppError('case_link_refused', { message: MESSAGES.caseOutsideItemUnit(caseUnit?.name ?? '', itemUnit?.name ?? '') });
    }
    const link = { campaign_id: campaignId, item_id: item.id, case_id: c.id, linked_at: ctx.clock().toISOString() };
    await insertCaseLink(trx, link);
    await recordAudit(trx, ctx, actor, 'case.link', 'case', c.id, { campaignId, instrumentId: input.instrumentId, itemId: item.id, item: item.name, title: c.title });
    return link;
  }));
  const [view] = await presentCaseLinks(ctx, actor, [row]);
  return view!;
}
