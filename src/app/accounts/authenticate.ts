/** Resolves a bearer access token to the account acting. */
import { findAccountByTokenHash } from '../../db/repositories/accounts.js';
import type { AppContext } from '../context.js';
import type { Actor } from '../policies/roles.js';
import { sha256Hex } from '../kernel/secrets.js';

export async function authenticate(ctx: AppContext, secret: string): Promise<Actor | null> {
  const row = await findAccountByTokenHash(ctx.database.db, sha256Hex(secret));
  if (!row) return null;
  return { id: row.id, name: row.display_name, role: row.role, unitId: row.unit_id };
}
