import type { Migration } from 'kysely';

/**
 * 封顶 (decision 0018): an adjustment cap now reads as a ceiling unless the instrument says `capReading: 'strict'`.
 * Every instrument stored before this release was checked under the strict reading — a ballot over a total cap was
 * refused online and counted invalid on paper — so each one with adjustments and no reading gets 'strict' written
 * into its config: its results, and any notice published from them, recompute exactly as before. Draft campaigns
 * keep it too; the office may switch to the ceiling in the set-up while the campaign is still a draft.
 */
export function strictCapsKept(): Migration {
  return {
    async up(db) {
      const rows = await db.selectFrom('instruments').select(['campaign_id', 'id', 'config']).where('kind', '<>', 'grade').execute();
      for (const row of rows as { campaign_id: string; id: string; config: string }[]) {
        const config = JSON.parse(row.config) as { adjustments?: { capReading?: string } | null };
        const adjustments = config.adjustments;
        if (adjustments === null || adjustments === undefined || typeof adjustments !== 'object' || adjustments.capReading !== undefined) continue;
        adjustments.capReading = 'strict';
        await db
          .updateTable('instruments')
          .set({ config: JSON.stringify(config) })
          .where('campaign_id', '=', row.campaign_id)
          .where('id', '=', row.id)
          .execute();
      }
    },
  };
}
