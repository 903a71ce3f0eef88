/**
 * A digest of a whole database, on both engines (src/db/repositories/digest.ts): every table's rows in a canonical
 * order, hashed per table. Two equal digests mean no row was added, removed or changed anywhere; `tables` names which
 * table differs when they are not.
 */
import type { Database } from '../../src/db/database.js';
import { databaseDigest as digestOf } from '../../src/db/repositories/digest.js';

export interface DatabaseDigest {
  digest: string;
  tables: Record<string, string>;
}

/** `except`: tables that a refused request is meant to change (the counters of wrong guesses). */
export async function databaseDigest(database: Database, except: readonly string[] = []): Promise<DatabaseDigest> {
  const d = await digestOf(database.db, database.kind, except);
  return { digest: d.sha256, tables: d.tables };
}
