/** An account as it leaves the server: never its password hash or token hashes. */
import type { AccountView } from '../../contracts/accounts.js';
import type { AccountRow } from '../../db/repositories/accounts.js';

export function presentAccount(a: AccountRow): AccountView {
  return { id: a.id, username: a.username, displayName: a.display_name, role: a.role, unitId: a.unit_id, hasPassword: a.password_hash !== null, disabled: a.disabled_at !== null, createdAt: a.created_at };
}
