/**
 * 由案例新增案例评对象: while a campaign's set-up is still a draft, the office makes a library case a new item of its
 * 案例评 — named as the case, owned by the county (of the campaign's tree) the case belongs to, as the article rates
 * one case per county — and links the two, in one transaction. The whole set-up is re-checked, as any edit is.
 */
import type { CaseItemInput, CaseLinkView } from '../../contracts/cases.js';
import { AppError } from '../../contracts/errors.js';
import { MESSAGES, notFound } from '../../contracts/messages.js';
import { insertCaseLink, listCampaignCaseLinks } from '../../db/repositories/case-links.js';
import { getCaseRow } from '../../db/repositories/cases.js';
import { saveDefinitionParts } from '../../db/repositories/definition.js';
import { inTransaction } from '../../db/repositories/shared.js';
import { getUnit } from '../../db/repositories/units.js';
import { findLinkTarget, freshCaseItemId } from '../../domain/cases/links.js';
import type { CampaignDefinition, Subject } from '../../domain/types.js';
import { assertDefinitionValid } from '../campaigns/assemble-definition.js';
import { requireDefinition } from '../campaigns/require-definition.js';
import { requireDraft } from '../campaigns/require-draft.js';
import type { AppContext } from '../context.js';
import { translateStorage } from '../kernel/errors.js';
import { recordAudit } from '../kernel/record-audit.js';
import type { Actor } from '../policies/roles.js';
import { requireLinkTarget } from './link-case.js';
import { presentCaseLinks } from './present-case-links.js';

export async function addCaseItem(ctx: AppContext, actor: Actor, campaignId: string, input: CaseItemInput): Promise<CaseLinkView> {
  await requireDraft(ctx, campaignId);
  const current = await requireDefinition(ctx, campaignId);
  const itemId = freshCaseItemId(current);
  // The instrument is checked as a link would check it (a 案例评 of this campaign), before the item exists.
  if (findLinkTarget(current, input.instrumentId, itemId) !== 'item_unknown') requireLinkTarget(current, input.instrumentId, itemId);
  const db = ctx.database.db;
  const c = await getCaseRow(db, input.caseId);
  if (!c) throw notFound('case', input.caseId);
  if ((await listCampaignCaseLinks(db, campaignId)).some((l) => l.case_id === c.id && current.subjects.some((s) => s.id === l.item_id))) {
    throw new AppError('duplicate_id', { message: MESSAGES.caseAlreadyItem(c.title) });
  }
  const county = await countyOf(ctx, current, c.unit_id);
  const item: Subject = { id: itemId, kind: 'case', unitId: county, name: c.title };
  const def: CampaignDefinition = {
    ...current,
    subjects: [...current.subjects, item],
    instruments: current.instruments.map((i) => (i.id === input.instrumentId ? { ...i, subjectIds: [...i.subjectIds, itemId] } : i)),
  };
  assertDefinitionValid(def);
  const row = { campaign_id: campaignId, item_id: itemId, case_id: c.id, linked_at: ctx.clock().toISOString() };
  await translateStorage(() =>
    inTransaction(db, async (trx) => {
      await saveDefinitionParts(trx, campaignId, { subjects: def.subjects, instruments: def.instruments });
      await insertCaseLink(trx, row);
      await recordAudit(trx, ctx, actor, 'case.add_item', 'case', c.id, { campaignId, instrumentId: input.instrumentId, itemId, title: c.title });
    }),
  );
  const [view] = await presentCaseLinks(ctx, actor, [row]);
  return view!;
}

/** The county of the campaign's tree that the case's unit is, or lies below; refused when there is none. */
async function countyOf(ctx: AppContext, def: CampaignDefinition, unitId: string): Promise<string> {
  const inCampaign = new Map(def.units.map((u) => [u.id, u]));
  let current: string | null = unitId;
  for (let guard = 0; current !== null && guard < 64; guard++) {
    const unit = inCampaign.get(current);
    if (unit?.level === 'county') return unit.id;
    current = unit ? unit.parentId : ((await getUnit(ctx.database.db, current))?.parentId ?? null);
  }
  const own = await getUnit(ctx.database.db, unitId);
  throw new AppError('case_link_refused', { message: MESSAGES.caseOutsideCampaign(own?.name ?? '') });
}
