import type { Kysely } from 'kysely';
import type {
  CampaignDefinition,
  Instrument,
  RankingSpec,
  RaterGroup,
  Session,
  Subject,
} from '../../domain/types.js';
import type { Db } from '../database.js';
import { StorageError } from '../errors.js';
import { getCampaign } from './campaigns.js';
import { combineIssued, listSessions, tokenIssuedCounts } from './sessions.js';
import { chunk, inTransaction } from './shared.js';
import { listCampaignUnits } from './units.js';

/**
 * Assembles the domain's CampaignDefinition. Its units are the subtree of the campaign's root unit (the city or
 * province the campaign is about), root included; a campaign without a root unit has none.
 * Session.issued = tokens issued and not revoked + paper sheets issued, per group.
 */
export async function loadDefinition(db: Db, campaignId: string): Promise<CampaignDefinition | null> {
  // All at once, the units through the campaign's root in their own query: one round trip, not two (a results read
  // loads the definition every time, and during a room every round trip waits behind the sheets).
  const [campaign, units, subjectRows, groupRows, instrumentRows, rankingRows, sessionRecords, tokenCounts] = await Promise.all([
    getCampaign(db, campaignId),
    listCampaignUnits(db, campaignId),
    db.selectFrom('subjects').selectAll().where('campaign_id', '=', campaignId).orderBy('position').execute(),
    db.selectFrom('rater_groups').selectAll().where('campaign_id', '=', campaignId).orderBy('position').execute(),
    db.selectFrom('instruments').selectAll().where('campaign_id', '=', campaignId).orderBy('position').execute(),
    db.selectFrom('rankings').selectAll().where('campaign_id', '=', campaignId).orderBy('position').execute(),
    listSessions(db, campaignId),
    tokenIssuedCounts(db, campaignId),
  ]);
  if (!campaign) return null;

  const subjects: Subject[] = subjectRows.map((r) => ({
    id: r.id,
    kind: r.kind,
    unitId: r.unit_id,
    name: r.name,
    ...(r.rollup_weight === null ? {} : { rollupWeight: r.rollup_weight }),
  }));
  const raterGroups: RaterGroup[] = groupRows.map((r) => ({ id: r.id, name: r.name, mode: r.mode }));
  const instruments = instrumentRows.map(
    (r) => ({ ...(JSON.parse(r.config) as object), id: r.id, kind: r.kind, name: r.name }) as Instrument,
  );
  const rankings = rankingRows.map(
    (r) => ({ ...(JSON.parse(r.config) as object), id: r.id, name: r.name }) as RankingSpec,
  );
  const sessions: Session[] = sessionRecords.map((s) => ({
    id: s.id,
    name: s.name,
    instrumentIds: s.instrumentIds,
    agenda: s.agenda,
    expected: s.expected,
    issued: combineIssued(tokenCounts.get(s.id), s.paperIssued),
    present: s.present,
    status: s.status,
  }));

  return {
    id: campaign.id,
    name: campaign.name,
    precision: campaign.precision,
    tieJudgement: campaign.tieJudgement,
    units,
    subjects,
    raterGroups,
    instruments,
    rankings,
    sessions,
  };
}

export interface DefinitionParts {
  subjects?: Subject[];
  raterGroups?: RaterGroup[];
  instruments?: Instrument[];
  rankings?: RankingSpec[];
}

type PartTable = 'subjects' | 'rater_groups' | 'instruments' | 'rankings';

/**
 * Replaces the given parts of a draft campaign (a part left undefined is untouched), in one transaction.
 * Rows keep their ids: ids no longer listed are deleted, the others are upserted, so tokens or sessions that
 * refer to a kept rater group stay valid. Ids are unique within the campaign, not across campaigns.
 */
export async function saveDefinitionParts(db: Db, campaignId: string, parts: DefinitionParts): Promise<void> {
  await inTransaction(db, async (trx) => {
    const campaign = await getCampaign(trx, campaignId);
    if (!campaign) throw new StorageError('not-found', `campaign ${campaignId} does not exist`);
    if (campaign.status !== 'draft') {
      throw new StorageError('not-draft', `campaign ${campaignId} is ${campaign.status}; only a draft can be edited`);
    }
    if (parts.raterGroups) {
      const rows = parts.raterGroups.map((g, position) => ({ id: g.id, name: g.name, mode: g.mode, position }));
      await replaceRows(trx, 'rater_groups', campaignId, rows);
    }
    if (parts.instruments) {
      const rows = parts.instruments.map((instrument, position) => {
        const { id, kind, name, ...config } = instrument;
        return { id, kind, name, config: JSON.stringify(config), position };
      });
      await replaceRows(trx, 'instruments', campaignId, rows);
    }
    if (parts.subjects) {
      const rows = parts.subjects.map((s, position) => ({
        id: s.id,
        kind: s.kind,
        unit_id: s.unitId,
        name: s.name,
        rollup_weight: s.rollupWeight ?? null,
        position,
      }));
      await replaceRows(trx, 'subjects', campaignId, rows);
    }
    if (parts.rankings) {
      const rows = parts.rankings.map((ranking, position) => {
        const { id, name, ...config } = ranking;
        return { id, name, config: JSON.stringify(config), position };
      });
      await replaceRows(trx, 'rankings', campaignId, rows);
    }
  });
}

async function replaceRows(
  trx: Db,
  table: PartTable,
  campaignId: string,
  rows: ({ id: string } & Record<string, string | number | null>)[],
): Promise<void> {
  // The four part tables share this shape; Kysely cannot type a table chosen at run time.
  // biome-ignore lint/suspicious/noExplicitAny: a table chosen at run time (above)
  const db = trx as unknown as Kysely<any>;
  const ids = rows.map((r) => r.id);
  let remove = db.deleteFrom(table).where('campaign_id', '=', campaignId);
  if (ids.length > 0) remove = remove.where('id', 'not in', ids);
  await remove.execute();
  if (rows.length === 0) return;

  const columns = Object.keys(rows[0]!).filter((c) => c !== 'id');
  for (const part of chunk(rows, columns.length + 2)) {
    const result = await db
      .insertInto(table)
      .values(part.map((r) => ({ ...r, campaign_id: campaignId })))
      // Ids are unique within their campaign (migration 0006), so another campaign's ids never clash.
      .onConflict((oc) => oc.columns(['campaign_id', 'id']).doUpdateSet((eb) => Object.fromEntries(columns.map((c) => [c, eb.ref(`excluded.${c}`)]))))
      .executeTakeFirst();
    if (Number(result.numInsertedOrUpdatedRows ?? 0) !== part.length) {
      throw new StorageError('invalid-input', `${table}: ${part.length - Number(result.numInsertedOrUpdatedRows ?? 0)} rows were not stored`);
    }
  }
}
