import type { Ballot, Rating } from '../../domain/types.js';
import type { Db } from '../database.js';
import type { BallotsTable } from '../tables/index.js';
import { sqliteRawRows } from '../dialect/index.js';
import { chunk, inTransaction, toCount } from './shared.js';

/** A ballot as stored: the domain ballot plus what the storage needs to answer re-sends and audits. */
export interface BallotRow extends Ballot {
  campaignId: string;
  /** Hash of the canonical content, computed by the app; identical re-sends have identical hashes. */
  contentHash: string;
  receipt: string;
  /** The clerk who entered a paper ballot; null online. */
  enteredBy: string | null;
}

const COLUMN_COUNT = 13;

function toTableRow(b: BallotRow): BallotsTable {
  return {
    id: b.id,
    campaign_id: b.campaignId,
    session_id: b.sessionId,
    instrument_id: b.instrumentId,
    rater_group_id: b.raterGroupId,
    rater_name: b.raterName,
    bound_unit_id: b.boundUnitId,
    sheet_id: b.sheetId,
    channel: b.channel,
    ratings: JSON.stringify(b.ratings),
    content_hash: b.contentHash,
    receipt: b.receipt,
    entered_by: b.enteredBy,
  };
}

function toBallotRow(r: BallotsTable): BallotRow {
  return {
    id: r.id,
    campaignId: r.campaign_id,
    sessionId: r.session_id,
    instrumentId: r.instrument_id,
    raterGroupId: r.rater_group_id,
    raterName: r.rater_name,
    boundUnitId: r.bound_unit_id,
    sheetId: r.sheet_id,
    channel: r.channel,
    ratings: JSON.parse(r.ratings) as Rating[],
    contentHash: r.content_hash,
    receipt: r.receipt,
    enteredBy: r.entered_by,
  };
}

/** Inserts ballots in multi-row statements inside one transaction: all are stored or none. */
export async function appendBallots(db: Db, rows: readonly BallotRow[]): Promise<void> {
  if (rows.length === 0) return;
  await inTransaction(db, async (trx) => {
    for (const part of chunk(rows, COLUMN_COUNT)) {
      await trx.insertInto('ballots').values(part.map(toTableRow)).execute();
    }
  });
}

export async function findBallotsBySheet(db: Db, sheetId: string): Promise<BallotRow[]> {
  const rows = await db
    .selectFrom('ballots')
    .selectAll()
    .where('sheet_id', '=', sheetId)
    .orderBy('instrument_id')
    .execute();
  return rows.map(toBallotRow);
}

const TALLY_COLUMNS = [
  'id',
  'instrument_id',
  'rater_group_id',
  'rater_name',
  'bound_unit_id',
  'session_id',
  'sheet_id',
  'channel',
  'ratings',
] as const;

type TallyRow = [string, string, string, string | null, string | null, string | null, string, Ballot['channel'], string];

/**
 * Every ballot of a campaign as domain Ballots, for the tally. Hot path (150,000 ballots in a province session):
 * only the needed columns, on SQLite as native row arrays (see dialect/sqlite.ts). Ordered by the random id, which
 * is also the table's physical order: the order says nothing about when ballots were cast.
 */
export async function listBallotsForTally(db: Db, campaignId: string): Promise<Ballot[]> {
  const native = await sqliteRawRows(
    db,
    `select ${TALLY_COLUMNS.join(', ')} from ballots where campaign_id = ? order by id`,
    [campaignId],
  );
  const rows =
    (native as TallyRow[] | null) ??
    (
      await db
        .selectFrom('ballots')
        .select(TALLY_COLUMNS)
        .where('campaign_id', '=', campaignId)
        .orderBy('id')
        .execute()
    ).map((r): TallyRow => [
      r.id,
      r.instrument_id,
      r.rater_group_id,
      r.rater_name,
      r.bound_unit_id,
      r.session_id,
      r.sheet_id,
      r.channel,
      r.ratings,
    ]);
  const ballots: Ballot[] = new Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    ballots[i] = {
      id: r[0],
      instrumentId: r[1],
      raterGroupId: r[2],
      raterName: r[3],
      boundUnitId: r[4],
      sessionId: r[5],
      sheetId: r[6],
      channel: r[7],
      ratings: JSON.parse(r[8]) as Rating[],
    };
  }
  return ballots;
}

export async function countBallots(db: Db, filter: { campaignId: string; sessionId?: string }): Promise<number> {
  let query = db
    .selectFrom('ballots')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('campaign_id', '=', filter.campaignId);
  if (filter.sessionId !== undefined) query = query.where('session_id', '=', filter.sessionId);
  const row = await query.executeTakeFirst();
  return toCount(row?.n);
}

/** Returned sheets per rater group in a session (a sheet carries one ballot per instrument). */
export async function countReturnedSheets(db: Db, sessionId: string): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom('ballots')
    .select(['rater_group_id', (eb) => eb.fn.count<string | number>('sheet_id').distinct().as('n')])
    .where('session_id', '=', sessionId)
    .groupBy('rater_group_id')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.rater_group_id, toCount(r.n)]));
}
