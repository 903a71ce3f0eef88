/**
 * 示例案例库: stores the Jincheng demo's library cases (with their search index) in the demo's transaction, and links
 * each 案例教学 case to its county's 案例评 item where the link rule holds (the case's township lies in that county).
 * The report places 刘家川村 (北石店镇) in 泽州县 while the division data places 北石店镇 in 城区, so that one case is
 * stored but left unlinked: the office decides, as it would for any case outside the item's unit.
 */
import type { Db } from '../../db/database.js';
import { insertCaseLink } from '../../db/repositories/case-links.js';
import { insertCases } from '../../db/repositories/cases.js';
import { caseIndex } from '../../domain/cases/grams.js';
import type { CampaignDefinition } from '../../domain/types.js';
import { JINCHENG_CASES_CREATED_AT, type DemoCase } from '../../demo/jincheng-cases.js';
import type { AppContext } from '../context.js';
import { recordAudit } from '../kernel/record-audit.js';
import { isStoredUnitWithin } from '../policies/unit-scope.js';

/** Stores the cases and returns how many of them became 案例评 items. */
export async function storeDemoCases(trx: Db, ctx: AppContext, cases: readonly DemoCase[], def: CampaignDefinition): Promise<number> {
  const at = new Date(JINCHENG_CASES_CREATED_AT).toISOString();
  await insertCases(
    trx,
    cases.map((c) => ({
      row: { id: c.id, unit_id: c.unitId, title: c.title, summary: c.summary, body: c.body, tags: JSON.stringify(c.tags), year: c.year, published: c.published ? 1 : 0, created_at: at, updated_at: at },
      index: caseIndex(c),
    })),
  );
  let linked = 0;
  for (const c of cases) {
    const item = c.caseRatingCounty ? def.subjects.find((s) => s.kind === 'case' && s.unitId === `u${c.caseRatingCounty}`) : undefined;
    if (!item || !(await isStoredUnitWithin(trx, c.unitId, item.unitId))) continue;
    await insertCaseLink(trx, { campaign_id: def.id, item_id: item.id, case_id: c.id, linked_at: at });
    linked++;
  }
  await recordAudit(trx, ctx, 'system', 'demo.load', 'case', null, { cases: cases.length, linked });
  return linked;
}
