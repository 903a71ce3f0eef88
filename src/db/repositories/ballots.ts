import type { Ballot, Rating } from '../../domain/types.js';
import type { Db } from '../database.js';
import type { BallotRow } from '../records.js';
import { addGroupCounts, addSessionCounts, chunk, countsBySession, inTransaction, toCount, type GroupCounts } from './shared.js';
import { observerReturnedCounts } from './tour-sheets.js';

/** Inserts ballots and their contents in multi-row statements inside one transaction: all are stored or none. */
export async function appendBallots(db: Db, rows: readonly BallotRow[]): Promise<void> {
  if (rows.length === 0) return;
  await inTransaction(db, async (trx) => {
    for (const part of chunk(rows, 10)) {
      await trx
        .insertInto('ballots')
        .values(
          part.map((b) => ({
            id: b.id,
            campaign_id: b.campaignId,
            session_id: b.sessionId,
            instrument_id: b.instrumentId,
            rater_group_id: b.raterGroupId,
            rater_name: b.raterName,
            bound_unit_id: b.boundUnitId,
            sheet_id: b.sheetId,
            channel: b.channel,
            packed: b.packed,
          })),
        )
        .execute();
    }
    for (const part of chunk(rows, 6)) {
      await trx
        .insertInto('ballot_contents')
        .values(
          part.map((b) => ({
            campaign_id: b.campaignId,
            ballot_id: b.id,
            ratings: b.ratingsJson ?? JSON.stringify(b.ratings),
            content_hash: b.contentHash,
            receipt: b.receipt,
            entered_by: b.enteredBy,
          })),
        )
        .execute();
    }
  });
}

/** Ballots with their contents, as cast. */
function withContents(db: Db) {
  return db
    .selectFrom('ballots')
    .innerJoin('ballot_contents', (join) =>
      join.onRef('ballot_contents.campaign_id', '=', 'ballots.campaign_id').onRef('ballot_contents.ballot_id', '=', 'ballots.id'),
    )
    .select([
      'ballots.id',
      'ballots.campaign_id',
      'ballots.session_id',
      'ballots.instrument_id',
      'ballots.rater_group_id',
      'ballots.rater_name',
      'ballots.bound_unit_id',
      'ballots.sheet_id',
      'ballots.channel',
      'ballots.packed',
      'ballot_contents.ratings',
      'ballot_contents.content_hash',
      'ballot_contents.receipt',
      'ballot_contents.entered_by',
    ]);
}

type JoinedRow = Awaited<ReturnType<ReturnType<typeof withContents>['execute']>>[number];

function toBallotRow(r: JoinedRow): BallotRow {
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
    packed: r.packed === null ? null : new Uint8Array(r.packed),
  };
}

export async function findBallotsBySheet(db: Db, sheetId: string): Promise<BallotRow[]> {
  const rows = await withContents(db).where('ballots.sheet_id', '=', sheetId).orderBy('ballots.instrument_id').execute();
  return rows.map(toBallotRow);
}

/** The stored ballots of many sheets at once (a group commit's look-up), by sheet id. */
export async function findBallotsBySheets(db: Db, sheetIds: readonly string[]): Promise<Map<string, BallotRow[]>> {
  const out = new Map<string, BallotRow[]>();
  for (const part of chunk(sheetIds, 1, 1000)) {
    const rows = await withContents(db).where('ballots.sheet_id', 'in', part).orderBy('ballots.instrument_id').execute();
    for (const r of rows) {
      const row = toBallotRow(r);
      const list = out.get(row.sheetId);
      if (list) list.push(row);
      else out.set(row.sheetId, [row]);
    }
  }
  return out;
}

/** Every ballot of a campaign exactly as cast or entered (the export; nothing packed is used). */
export async function listBallotsAsCast(db: Db, campaignId: string): Promise<Ballot[]> {
  const rows = await withContents(db).where('ballots.campaign_id', '=', campaignId).orderBy('ballots.id').execute();
  return rows.map((r) => {
    const { campaignId: _c, contentHash: _h, receipt: _r, enteredBy: _e, packed: _p, ...ballot } = toBallotRow(r);
    return ballot;
  });
}

/** Some ballots of a campaign exactly as cast, by id (an explanation's leaves with their adjustments). */
export async function findBallotsAsCast(db: Db, campaignId: string, ids: readonly string[]): Promise<Map<string, Ballot>> {
  const out = new Map<string, Ballot>();
  for (const part of chunk(ids, 1, 1000)) {
    const rows = await withContents(db).where('ballots.campaign_id', '=', campaignId).where('ballots.id', 'in', part).execute();
    for (const r of rows) {
      const { campaignId: _c, contentHash: _h, receipt: _r, enteredBy: _e, packed: _p, ...ballot } = toBallotRow(r);
      out.set(ballot.id, ballot);
    }
  }
  return out;
}

export { listBallotsForTally } from './tally-ballots.js';

export async function countBallots(db: Db, filter: { campaignId: string; sessionId?: string }): Promise<number> {
  let query = db
    .selectFrom('ballots')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('campaign_id', '=', filter.campaignId);
  if (filter.sessionId !== undefined) query = query.where('session_id', '=', filter.sessionId);
  const row = await query.executeTakeFirst();
  return toCount(row?.n);
}

/**
 * Returned sheets per rater group in a session (a sheet carries one ballot per instrument), a tour's observers who
 * handed in sheets among them, as the tally counts them.
 */
export async function countReturnedSheets(db: Db, sessionId: string): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom('ballots')
    .select(['rater_group_id', (eb) => eb.fn.count<string | number>('sheet_id').distinct().as('n')])
    .where('session_id', '=', sessionId)
    .groupBy('rater_group_id')
    .execute();
  const ballots: GroupCounts = Object.fromEntries(rows.map((r) => [r.rater_group_id, toCount(r.n)]));
  return addGroupCounts(ballots, (await observerReturnedCounts(db, { sessionId })).get(sessionId));
}

/** The sheet ids of a session's paper sheets. */
export async function paperSheetIds(db: Db, sessionId: string): Promise<string[]> {
  const rows = await db.selectFrom('ballots').select('sheet_id').distinct().where('session_id', '=', sessionId).where('channel', '=', 'paper').execute();
  return rows.map((r) => r.sheet_id);
}

/** Returned sheets per session and rater group, for a whole campaign (tours' observers included, as above). */
export async function returnedSheetsByGroup(db: Db, campaignId: string): Promise<Map<string, Record<string, number>>> {
  const rows = await db
    .selectFrom('ballots')
    .select(['session_id', 'rater_group_id', (eb) => eb.fn.count<string | number>('sheet_id').distinct().as('n')])
    .where('campaign_id', '=', campaignId)
    .where('session_id', 'is not', null)
    .groupBy(['session_id', 'rater_group_id'])
    .execute();
  return addSessionCounts(countsBySession(rows), await observerReturnedCounts(db, { campaignId }));
}
