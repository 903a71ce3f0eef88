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
import type { Db } from '../database.js';
import { StorageError } from '../errors.js';
import type { SheetToStore } from '../records.js';
import { postgresNamed } from './postgres.js';

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
  const rows = await postgresNamed<{ sheet_id: string }>(db, 'leitai_claim_and_append_sheets', CLAIM_AND_APPEND, [
    sheetId, tokenId, gate, receipt,
    b.id, b.campaignId, b.sessionId, b.instrumentId, b.raterGroupId, b.raterName, b.boundUnitId, b.sheetId, b.channel, b.packed,
    b.ratings, b.contentHash, b.receipt, b.enteredBy,
  ]);
  if (!rows) throw new StorageError('invalid-input', 'claimAndAppendSheets needs the PostgreSQL database itself, not a transaction');
  return new Set(rows.map((r) => r.sheet_id));
}

/** Parameters: $1–$4 per sheet, $5–$18 per ballot, each an array. A named statement: planned once per connection. */
const CLAIM_AND_APPEND = `
  with sheet as (
    select * from unnest($1::text[], $2::text[], $3::text[], $4::text[]) as s(sheet_id, token_id, gate, receipt)
  ), claimed as (
    update tokens set status = 'used', receipt = sheet.receipt
    from sheet
    where tokens.id = sheet.token_id and tokens.status = 'issued'
      and (sheet.gate is null or exists (select 1 from sessions where sessions.id = sheet.gate and sessions.status = 'open'))
      and not exists (select 1 from ballots where ballots.sheet_id = sheet.sheet_id)
    returning sheet.sheet_id
  ), row as (
    select * from unnest(
      $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::text[],
      $14::bytea[], $15::text[], $16::text[], $17::text[], $18::text[]
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
  select sheet_id from claimed`;
