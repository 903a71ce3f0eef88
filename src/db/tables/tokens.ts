export type TokenStatus = 'issued' | 'used' | 'revoked';

/** One-time rater tokens. Only hashes are stored; the secret and the typeable code never are. */
export interface TokensTable {
  id: string;
  campaign_id: string;
  session_id: string;
  rater_group_id: string;
  /** sha-256 hex of the token secret (QR). */
  token_hash: string;
  /** sha-256 hex of the short typeable code. */
  code_hash: string;
  bound_unit_id: string | null;
  /** Named groups only. */
  rater_name: string | null;
  status: TokenStatus;
  receipt: string | null;
}

/**
 * Tokens handed out (issued and not revoked) per session and rater group, kept by the transactions that issue or revoke
 * tokens (repositories/tokens.ts) so that a results read need not count the tokens (migration 0018).
 */
export interface TokenCountsTable {
  session_id: string;
  rater_group_id: string;
  handed_out: number;
}
