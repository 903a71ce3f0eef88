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
  const sheetRows: (string | null)[][] = [];
  const ballotRows: (string | null)[][] = [];
  for (const s of sheets) {
    sheetRows.push([s.sheetId, s.tokenId, s.requireOpenSession, s.ballots[0]!.receipt]);
    for (const r of s.ballots) {
      ballotRows.push([
        r.id, r.campaignId, r.sessionId, r.instrumentId, r.raterGroupId, r.raterName, r.boundUnitId, r.sheetId, r.channel,
        r.packed === null ? null : Buffer.from(r.packed.buffer, r.packed.byteOffset, r.packed.byteLength).toString('base64'),
        r.ratingsJson ?? JSON.stringify(r.ratings), r.contentHash, r.receipt, r.enteredBy,
      ]);
    }
  }
  // Two JSON texts, written by JSON.stringify alone: as text[] parameters pg escaped every element (each ballot's
  // ratings JSON full of quotes) in JavaScript, ~2× the time (docs/decisions/0020-submit-path.md).
  const rows = await postgresNamed<{ sheet_id: string }>(db, 'leitai_claim_and_append_sheets_json', CLAIM_AND_APPEND, [JSON.stringify(sheetRows), JSON.stringify(ballotRows)]);
  if (!rows) throw new StorageError('invalid-input', 'claimAndAppendSheets needs the PostgreSQL database itself, not a transaction');
  return new Set(rows.map((r) => r.sheet_id));
}

/**
 * Parameters: $1 the sheets, $2 the ballots, each a JSON array of rows (arrays of fields, packed ratings in base64).
 * A named statement: planned once per connection.
 */
const CLAIM_AND_APPEND = `
  with sheet as (
    select s->>0 as sheet_id, s->>1 as token_id, s->>2 as gate, s->>3 as receipt from json_array_elements($1::json) as s
  ), claimed as (
    update tokens set status = 'used', receipt = sheet.receipt
    from sheet
    where tokens.id = sheet.token_id and tokens.status = 'issued'
      and (sheet.gate is null or exists (select 1 from sessions where sessions.id = sheet.gate and sessions.status = 'open'))
      and not exists (select 1 from ballots where ballots.sheet_id = sheet.sheet_id)
    returning sheet.sheet_id
  ), row as (
    select r->>0 as id, r->>1 as campaign_id, r->>2 as session_id, r->>3 as instrument_id, r->>4 as rater_group_id,
           r->>5 as rater_name, r->>6 as bound_unit_id, r->>7 as sheet_id, r->>8 as channel, decode(r->>9, 'base64') as packed,
           r->>10 as ratings, r->>11 as content_hash, r->>12 as receipt, r->>13 as entered_by
    from json_array_elements($2::json) as r
    where r->>7 in (select sheet_id from claimed)
  ), lean as (
    insert into ballots (id, campaign_id, session_id, instrument_id, rater_group_id, rater_name, bound_unit_id, sheet_id, channel, packed)
    select id, campaign_id, session_id, instrument_id, rater_group_id, rater_name, bound_unit_id, sheet_id, channel, packed from row
  ), contents as (
    insert into ballot_contents (campaign_id, ballot_id, ratings, content_hash, receipt, entered_by)
    select campaign_id, id, ratings, content_hash, receipt, entered_by from row
  )
  select sheet_id from claimed`;
