/**
 * 封存段: a closed session's ballots packed into one derived row, so the tally of a province reads a few hundred rows
 * instead of 150,000. Append-only like the ballots themselves. It is a copy, never a source: it holds exactly the
 * header fields and packed ratings of the session's ballot rows (ordered by random id, no time, no sequence), and
 * `ballot_count` ties it to them — when the session has any other number of ballots (a paper ballot entered after
 * closing), the tally ignores the segment and reads that session's rows. See src/db/segment-codec.ts.
 */
export interface BallotSegmentsTable {
  campaign_id: string;
  session_id: string;
  ballot_count: number;
  /** JSON text: [dictionary of header strings, ballot ids]. */
  strings: string;
  /** Per ballot: dictionary codes and packed-ratings length; then the packed ratings, concatenated. */
  body: Uint8Array;
}
