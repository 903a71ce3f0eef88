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

/** 登录会话: a password login's cookie session; the cookie's secret is stored only hashed. */
export interface LoginSessionsTable {
  id: string;
  account_id: string;
  /** sha-256 hex of the cookie secret. */
  secret_hash: string;
  /** Sent back in `x-csrf-token` on unsafe requests made with the cookie. */
  csrf_token: string;
  created_at: string;
  /** Idle expiry counts from here; refreshed at most once a minute. */
  last_seen_at: string;
  /** Absolute expiry. */
  expires_at: string;
  revoked_at: string | null;
}

/** Failed password logins per username typed (existing or not), for the lock-out. */
/** Ballot-token and short-code look-ups that found nothing, per client address, in fixed windows (migration 0013). */
export interface GuessCountersTable {
  address: string;
  window_start: string;
  misses: number;
  /** Typing codes is refused from this address until then (ISO UTC); a new window does not lift it. */
  locked_until: string | null;
}

/** Failed passwords per (username typed, client address) (migration 0013). */
export interface LoginFailuresTable {
  username: string;
  /** The client's address as the server sees it (behind a trusted proxy: the forwarded one). */
  address: string;
  failures: number;
  last_failed_at: string;
  locked_until: string | null;
}
