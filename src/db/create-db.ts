import { Kysely } from 'kysely';
import type { Database, DbConfig } from './database.js';
import { openPostgres, openSqlite, rememberPostgresPool, rememberSqliteHandle } from './dialect/index.js';
import type { Schema } from './tables/index.js';

export type { Database, DbConfig, DbKind, Db } from './database.js';

/** Opens the database. It does not migrate: call `migrateToLatest` (the server does at start, tests per fresh DB). */
export async function createDb(config: DbConfig): Promise<Database> {
  if (config.kind === 'sqlite') {
    const { dialect, handle } = openSqlite(config.file);
    const db = new Kysely<Schema>({ dialect });
    rememberSqliteHandle(db, handle);
    // Kysely's SqliteDriver closes the handle on destroy.
    return { db, kind: 'sqlite', close: () => db.destroy().then(() => void (handle.open && handle.close())) };
  }
  const { dialect, pool } = openPostgres(config.url);
  const db = new Kysely<Schema>({ dialect });
  rememberPostgresPool(db, pool);
  // Fail here, not at the first request, when the server is unreachable.
  await db.selectNoFrom((eb) => eb.lit(1).as('one')).execute();
  return { db, kind: 'postgres', close: () => db.destroy() };
}
