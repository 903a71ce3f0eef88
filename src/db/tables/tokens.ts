import type { ColumnType } from 'kysely';

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
  /** status = 'revoked', derived by the database (migration 0018): boolean on PostgreSQL, 0/1 on SQLite; never written. */
  revoked: ColumnType<boolean | number, never, never>;
}
