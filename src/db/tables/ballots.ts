/**
 * 选票 rows. Append-only (database triggers refuse UPDATE and DELETE). Deliberately no timestamp and no sequence:
 * ballots must not be matchable to people by the time they were cast. `id` is random.
 * The lean `ballots` row is what the tally reads; the ratings exactly as cast are in `ballot_contents`.
 */
export interface BallotsTable {
  id: string;
  campaign_id: string;
  session_id: string | null;
  instrument_id: string;
  rater_group_id: string;
  rater_name: string | null;
  bound_unit_id: string | null;
  sheet_id: string;
  channel: 'online' | 'paper';
  /** Compact ratings (see ballot-codec.ts), or null when they cannot be packed without loss. */
  packed: Uint8Array | null;
}

export interface BallotContentsTable {
  campaign_id: string;
  ballot_id: string;
  /** JSON text: Rating[], exactly as cast or entered. */
  ratings: string;
  /** Hash of the ballot's canonical content, computed by the app; decides duplicate vs conflict on re-send. */
  content_hash: string;
  receipt: string;
  /** The clerk who entered a paper ballot. */
  entered_by: string | null;
}
