/**
 * 选票 rows. Append-only (database triggers refuse UPDATE and DELETE). Deliberately no timestamp and no sequence:
 * ballots must not be matchable to people by the time they were cast. `id` is random.
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
  /** JSON text: Rating[]. */
  ratings: string;
  /** Hash of the ballot's canonical content, computed by the app; decides duplicate vs conflict on re-send. */
  content_hash: string;
  receipt: string;
  /** The clerk who entered a paper ballot. */
  entered_by: string | null;
}
