export type SessionStatus = 'draft' | 'open' | 'closed';

/** 测评会 rows. `issued` is not stored: it is tokens issued (not revoked) plus `paper_issued`. */
export interface SessionsTable {
  id: string;
  campaign_id: string;
  name: string;
  /** JSON text: string[]. */
  instrument_ids: string;
  /** JSON text: string[] of subject ids on the agenda; null = every subject of its instruments. */
  agenda: string | null;
  /** JSON text: Record<groupId, number> of expected raters. */
  expected: string;
  /** JSON text: Record<groupId, number> of paper sheets issued. */
  paper_issued: string;
  present: number | null;
  status: SessionStatus;
  opened_at: string | null;
  closed_at: string | null;
}
