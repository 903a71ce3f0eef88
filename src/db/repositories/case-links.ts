/** 案例 ↔ 案例评: which library case an item of a campaign's 案例评 is (one case per item; a case may serve many). */
import type { Db } from '../database.js';
import type { CaseLinksTable } from '../tables/index.js';

export type CaseLinkRow = CaseLinksTable;

export async function getCaseLink(db: Db, campaignId: string, itemId: string): Promise<CaseLinkRow | null> {
  return (await db.selectFrom('case_links').selectAll().where('campaign_id', '=', campaignId).where('item_id', '=', itemId).executeTakeFirst()) ?? null;
}

export async function insertCaseLink(db: Db, row: CaseLinkRow): Promise<void> {
  await db.insertInto('case_links').values(row).execute();
}

export async function deleteCaseLink(db: Db, campaignId: string, itemId: string): Promise<number> {
  const res = await db.deleteFrom('case_links').where('campaign_id', '=', campaignId).where('item_id', '=', itemId).executeTakeFirst();
  return Number(res.numDeletedRows);
}

export async function listCampaignCaseLinks(db: Db, campaignId: string): Promise<CaseLinkRow[]> {
  return db.selectFrom('case_links').selectAll().where('campaign_id', '=', campaignId).orderBy('item_id').execute();
}

export async function listLinksOfCase(db: Db, caseId: string): Promise<CaseLinkRow[]> {
  return db.selectFrom('case_links').selectAll().where('case_id', '=', caseId).orderBy('campaign_id').orderBy('item_id').execute();
}
