/** Run-time settings the office changes in the console (repositories/settings.ts names the keys). */
export interface SettingsTable {
  key: string;
  value: string;
  /** ISO-8601 UTC. */
  updated_at: string;
  /** The actor as the audit log writes it (role:accountId). */
  updated_by: string;
}
