/** 审计链: one row per audit_log entry, with the previous entry's hash and its own (src/db/audit-chain.ts). Append-only. */
export interface AuditChainTable {
  /** The audit_log entry's id. */
  audit_id: number;
  /** Unique: two entries can never follow the same one (the chain cannot fork). */
  prev_hash: string;
  hash: string;
}

/**
 * 选票链头: per publication and session, the ballot chain's head, its number of ballots and the board (each ballot's
 * id and hash in chain order) as published (decision 0019). Append-only.
 */
export interface PublicationChainsTable {
  publication_id: string;
  campaign_id: string;
  /** '' for ballots without a session. */
  session_key: string;
  ballot_count: number;
  head: string;
  /** JSON text: [[ballotId, hash], …] in chain order. */
  board: string;
}
