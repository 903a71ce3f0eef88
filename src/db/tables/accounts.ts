/** Office accounts (admin, organiser, clerk, unit viewer) and their access tokens (only hashes are stored). */
export interface AccountsTable {
  id: string;
  username: string;
  display_name: string;
  role: 'admin' | 'organiser' | 'clerk' | 'viewer';
  /** viewer only: the unit whose subtree the account may see. */
  unit_id: string | null;
  /** scrypt hash; null until a password is set (token-only accounts). */
  password_hash: string | null;
  created_at: string;
  disabled_at: string | null;
}

export interface AccessTokensTable {
  id: string;
  account_id: string;
  /** sha-256 hex of the bearer secret. */
  token_hash: string;
  label: string;
  created_at: string;
  revoked_at: string | null;
}

/** 大屏密钥: read-only keys for a session's live big screen; only hashes are stored. */
export interface ScreenKeysTable {
  id: string;
  session_id: string;
  /** sha-256 hex of the key. */
  key_hash: string;
  created_at: string;
  revoked_at: string | null;
}
