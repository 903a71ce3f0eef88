/**
 * 案例关联 as the caller may see them: the campaign, its 案例评, the item and the case by name; once the results are
 * published, the item's score and rank among its instrument's items. A unit viewer sees a link of a published
 * campaign when the case or the item is in its own subtree, and the result only when the item is; links to a draft
 * case stay with the office; a link
 * whose item has since left the set-up is not shown.
 */
import type { CaseLinkView } from '../../contracts/cases.js';
import { getCampaign } from '../../db/repositories/campaigns.js';
import type { CaseLinkRow } from '../../db/repositories/case-links.js';
import { getCaseRows } from '../../db/repositories/cases.js';
import { loadDefinition } from '../../db/repositories/definition.js';
import { findUnitsByIds } from '../../db/repositories/unit-search.js';
import { caseInstrumentOf, itemStanding } from '../../domain/cases/links.js';
import { formatFixed } from '../../domain/exact.js';
import type { CampaignDefinition } from '../../domain/types.js';
import type { AppContext } from '../context.js';
import { computeTally } from '../results/compute-tally.js';
import { OFFICE, type Actor } from '../policies/roles.js';
import { isStoredUnitWithin, viewerUnit } from '../policies/unit-scope.js';

export async function presentCaseLinks(ctx: AppContext, actor: Actor, rows: readonly CaseLinkRow[]): Promise<CaseLinkView[]> {
  if (rows.length === 0) return [];
  const db = ctx.database.db;
  const office = OFFICE.includes(actor.role);
  const scope = viewerUnit(actor);
  const cases = new Map((await getCaseRows(db, [...new Set(rows.map((r) => r.case_id))])).map((c) => [c.id, c]));
  const defs = new Map<string, { def: CampaignDefinition; name: string; published: boolean } | null>();
  for (const campaignId of new Set(rows.map((r) => r.campaign_id))) {
    const [campaign, def] = await Promise.all([getCampaign(db, campaignId), loadDefinition(db, campaignId)]);
    defs.set(campaignId, campaign && def ? { def, name: campaign.name, published: campaign.status === 'published' } : null);
  }
  const unitNames = new Map((await findUnitsByIds(db, [...cases.values()].map((c) => c.unit_id))).map((u) => [u.id, u.name]));
  const out: CaseLinkView[] = [];
  for (const row of rows) {
    const c = cases.get(row.case_id);
    const campaign = defs.get(row.campaign_id);
    if (!c || !campaign) continue;
    if (c.published !== 1 && !office) continue;
    const item = campaign.def.subjects.find((s) => s.id === row.item_id);
    const instrument = item ? caseInstrumentOf(campaign.def, item.id) : null;
    if (!item || !instrument) continue;
    // A unit viewer reads a campaign only once it is published (as its set-up and results).
    if (scope !== null && !campaign.published) continue;
    const itemVisible = scope === null || (await isStoredUnitWithin(db, item.unitId, scope));
    if (!itemVisible && !(await isStoredUnitWithin(db, c.unit_id, scope!))) continue;
    let result: CaseLinkView['result'] = null;
    if (campaign.published && itemVisible) {
      const { tally } = await computeTally(ctx, row.campaign_id);
      const standing = itemStanding(tally.instruments.find((i) => i.instrumentId === instrument.id)?.subjects ?? [], item.id);
      if (standing) result = { score: formatFixed(standing.score, campaign.def.precision), rank: standing.rank, of: standing.of };
    }
    out.push({
      campaignId: row.campaign_id,
      campaignName: campaign.name,
      instrumentId: instrument.id,
      instrumentName: instrument.name,
      itemId: item.id,
      itemName: item.name,
      itemUnitName: campaign.def.units.find((u) => u.id === item.unitId)?.name ?? '',
      caseId: c.id,
      caseTitle: c.title,
      caseUnitName: unitNames.get(c.unit_id) ?? '',
      casePublished: c.published === 1,
      linkedAt: row.linked_at,
      result,
    });
  }
  return out;
}
