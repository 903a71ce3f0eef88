/**
 * PostgreSQL: a batch of new online sheets stored in ONE statement, which is its own transaction.
 *
 * storeSheets' transaction is seven round trips: begin, read the stored sheets, read the open sessions, claim the
 * tokens, insert the ballots, insert their contents, commit. Under the room's load each took ~1 ms (the server's
 * processes wait for the 2 cores like everyone else), so a batch took ~14 ms. Here the same decisions are taken
 * inside the database, in one round trip:
 * - a token is claimed (issued → used, with the sheet's receipt) only while its sheet's session is open and no
 *   ballot of the sheet is stored yet. The row lock on the token makes a concurrent claimant wait; it then sees the
 *   token used and claims nothing;
 * - the ballots and contents of exactly the claimed sheets are inserted. The contents' foreign key to `ballots` is
 *   checked at the end of the statement, after both inserts.
 * Answers: the sheet ids stored. A sheet not claimed is stored by nothing here; storeSheets decides it the general
 * way (re-send, conflict, token used, session not open), so the answers are the same.
 * The caller guarantees that every sheet carries a token and that sheet ids and tokens are distinct in the batch.
 */
import { sql } from 'kysely';
import type { Db } from '../database.js';
import type { SheetToStore } from '../repositories/store-sheets.js';

export async function claimAndAppendSheets(db: Db, sheets: readonly SheetToStore[]): Promise<Set<string>> {
  const sheetId: string[] = [];
  const tokenId: string[] = [];
  const gate: (string | null)[] = [];
  const receipt: string[] = [];
  for (const s of sheets) {
    sheetId.push(s.sheetId);
    tokenId.push(s.tokenId!);
    gate.push(s.requireOpenSession);
    receipt.push(s.ballots[0]!.receipt);
  }
  const b = {
    id: [] as string[], campaignId: [] as string[], sessionId: [] as (string | null)[], instrumentId: [] as string[],
    raterGroupId: [] as string[], raterName: [] as (string | null)[], boundUnitId: [] as (string | null)[],
    sheetId: [] as string[], channel: [] as string[], packed: [] as (Uint8Array | null)[], ratings: [] as string[],
    contentHash: [] as string[], receipt: [] as string[], enteredBy: [] as (string | null)[],
  };
  for (const s of sheets) {
    for (const r of s.ballots) {
      b.id.push(r.id);
      b.campaignId.push(r.campaignId);
      b.sessionId.push(r.sessionId);
      b.instrumentId.push(r.instrumentId);
      b.raterGroupId.push(r.raterGroupId);
      b.raterName.push(r.raterName);
      b.boundUnitId.push(r.boundUnitId);
      b.sheetId.push(r.sheetId);
      b.channel.push(r.channel);
      b.packed.push(r.packed);
      b.ratings.push(r.ratingsJson ?? JSON.stringify(r.ratings));
      b.contentHash.push(r.contentHash);
      b.receipt.push(r.receipt);
      b.enteredBy.push(r.enteredBy);
    }
  }
  const result = await sql<{ sheet_id: string }>`
    with sheet as (
      select * from unnest(${sheetId}::text[], ${tokenId}::text[], ${gate}::text[], ${receipt}::text[])
        as s(sheet_id, token_id, gate, receipt)
    ), claimed as (
      update tokens set status = 'used', receipt = sheet.receipt
      from sheet
      where tokens.id = sheet.token_id and tokens.status = 'issued'
        and (sheet.gate is null or exists (select 1 from sessions where sessions.id = sheet.gate and sessions.status = 'open'))
        and not exists (select 1 from ballots where ballots.sheet_id = sheet.sheet_id)
      returning sheet.sheet_id
    ), row as (
      select * from unnest(
        ${b.id}::text[], ${b.campaignId}::text[], ${b.sessionId}::text[], ${b.instrumentId}::text[], ${b.raterGroupId}::text[],
        ${b.raterName}::text[], ${b.boundUnitId}::text[], ${b.sheetId}::text[], ${b.channel}::text[], ${b.packed}::bytea[],
        ${b.ratings}::text[], ${b.contentHash}::text[], ${b.receipt}::text[], ${b.enteredBy}::text[]
      ) as r(id, campaign_id, session_id, instrument_id, rater_group_id, rater_name, bound_unit_id, sheet_id, channel, packed,
             ratings, content_hash, receipt, entered_by)
      where r.sheet_id in (select sheet_id from claimed)
    ), lean as (
      insert into ballots (id, campaign_id, session_id, instrument_id, rater_group_id, rater_name, bound_unit_id, sheet_id, channel, packed)
      select id, campaign_id, session_id, instrument_id, rater_group_id, rater_name, bound_unit_id, sheet_id, channel, packed from row
    ), contents as (
      insert into ballot_contents (campaign_id, ballot_id, ratings, content_hash, receipt, entered_by)
      select campaign_id, id, ratings, content_hash, receipt, entered_by from row
    )
    select sheet_id from claimed`.execute(db);
  return new Set(result.rows.map((r) => r.sheet_id));
}
