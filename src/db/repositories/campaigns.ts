import type { CampaignDefinition } from '../../domain/types.js';
import type { Db } from '../database.js';
import type { CampaignsTable, CampaignStatus } from '../tables/index.js';

export interface Campaign {
  id: string;
  name: string;
  rootUnitId: string | null;
  precision: number;
  tieJudgement: CampaignDefinition['tieJudgement'];
  status: CampaignStatus;
  publishedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface NewCampaign {
  id: string;
  name: string;
  rootUnitId: string | null;
  precision?: number;
  tieJudgement?: CampaignDefinition['tieJudgement'];
}

function toCampaign(row: CampaignsTable): Campaign {
  return {
    id: row.id,
    name: row.name,
    rootUnitId: row.root_unit_id,
    precision: row.precision,
    tieJudgement: row.tie_judgement,
    status: row.status,
    publishedAt: row.published_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function createCampaign(db: Db, input: NewCampaign, now: Date): Promise<Campaign> {
  const at = now.toISOString();
  const row: CampaignsTable = {
    id: input.id,
    name: input.name,
    root_unit_id: input.rootUnitId,
    precision: input.precision ?? 2,
    tie_judgement: input.tieJudgement ?? 'exact',
    status: 'draft',
    published_at: null,
    created_at: at,
    updated_at: at,
  };
  await db.insertInto('campaigns').values(row).execute();
  return toCampaign(row);
}

export async function getCampaign(db: Db, id: string): Promise<Campaign | null> {
  const row = await db.selectFrom('campaigns').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toCampaign(row) : null;
}

export async function listCampaigns(db: Db): Promise<Campaign[]> {
  const rows = await db.selectFrom('campaigns').selectAll().orderBy('created_at', 'desc').orderBy('id').execute();
  return rows.map(toCampaign);
}

/**
 * Moves a campaign from `from` to `to`; false when it is not in `from` (someone else moved it first).
 * Publishing stamps `published_at`.
 */
export async function updateCampaignStatus(
  db: Db,
  id: string,
  from: CampaignStatus,
  to: CampaignStatus,
  now: Date,
): Promise<boolean> {
  const at = now.toISOString();
  const result = await db
    .updateTable('campaigns')
    .set({ status: to, updated_at: at, ...(to === 'published' ? { published_at: at } : {}) })
    .where('id', '=', id)
    .where('status', '=', from)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}
