import { sql, type Migration } from 'kysely';
import type { DbKind } from '../database.js';
import { appendOnlyStatements, withoutRowid } from '../dialect/index.js';

/**
 * The ids of what a campaign owns (subjects, rater groups, instruments, rankings) are unique within their campaign,
 * not across the database: the primary keys become (campaign_id, id), and tokens and ballots refer to their group and
 * instrument through (campaign_id, …). Before, a campaign from the 亮晒评 template could not be saved beside the demo
 * (both say `g-office`, `i-report`, `r-county` …), nor next year's beside this year's.
 *
 * PostgreSQL alters the constraints in place, in the migration's transaction. SQLite cannot alter a constraint, so
 * each affected table is rebuilt (SQLite's documented procedure): with foreign keys off, in one transaction, it is
 * created anew, filled from the old one, the old one dropped and the new one renamed, with its indexes and
 * append-only triggers made again; `foreign_key_check` must then find nothing, or the transaction is rolled back.
 */
export function campaignScopedIds(kind: DbKind): Migration {
  return { up: (db) => (kind === 'postgres' ? upPostgres(db) : upSqlite(db, kind)) };
}

const PART_TABLES = ['subjects', 'rater_groups', 'instruments', 'rankings'] as const;

/** A migration's database handle: Kysely over no declared schema. */
type MigrationDb = Parameters<Migration['up']>[0];

async function upPostgres(db: MigrationDb): Promise<void> {
  // Names PostgreSQL gave the inline constraints of 0001.
  await sql`ALTER TABLE tokens DROP CONSTRAINT tokens_rater_group_id_fkey`.execute(db);
  await sql`ALTER TABLE ballots DROP CONSTRAINT ballots_instrument_id_fkey`.execute(db);
  await sql`ALTER TABLE ballots DROP CONSTRAINT ballots_rater_group_id_fkey`.execute(db);
  for (const table of PART_TABLES) {
    await sql`ALTER TABLE ${sql.table(table)} DROP CONSTRAINT ${sql.id(`${table}_pkey`)}`.execute(db);
    await sql`ALTER TABLE ${sql.table(table)} ADD CONSTRAINT ${sql.id(`${table}_pk`)} PRIMARY KEY (campaign_id, id)`.execute(db);
    // The primary key now starts with campaign_id: the separate index on it is redundant.
    await db.schema.dropIndex(`${table}_campaign_id`).execute();
  }
  await sql`ALTER TABLE tokens ADD CONSTRAINT tokens_rater_group FOREIGN KEY (campaign_id, rater_group_id) REFERENCES rater_groups (campaign_id, id)`.execute(db);
  await sql`ALTER TABLE ballots ADD CONSTRAINT ballots_instrument FOREIGN KEY (campaign_id, instrument_id) REFERENCES instruments (campaign_id, id)`.execute(db);
  await sql`ALTER TABLE ballots ADD CONSTRAINT ballots_rater_group FOREIGN KEY (campaign_id, rater_group_id) REFERENCES rater_groups (campaign_id, id)`.execute(db);
}

async function upSqlite(db: MigrationDb, kind: DbKind): Promise<void> {
  // Kysely runs SQLite migrations outside a transaction (this pragma is a no-op inside one).
  await sql`PRAGMA foreign_keys = OFF`.execute(db);
  try {
    await db.transaction().execute(async (trx) => {
      await rebuildAll(trx, kind);
      const broken = await sql`PRAGMA foreign_key_check`.execute(trx);
      if (broken.rows.length > 0) throw new Error(`foreign keys broken after the rebuild: ${JSON.stringify(broken.rows.slice(0, 5))}`);
    });
  } finally {
    await sql`PRAGMA foreign_keys = ON`.execute(db);
  }
}

async function rebuildAll(db: MigrationDb, kind: DbKind): Promise<void> {
  await rebuild(db, 'subjects', (t) =>
    db.schema
      .createTable(t)
      .addColumn('id', 'text', (c) => c.notNull())
      .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('rollup_weight', 'text')
      .addColumn('position', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint(`${t}_pk`, ['campaign_id', 'id'])
      .execute(),
  );
  for (const table of ['rater_groups', 'instruments', 'rankings'] as const) {
    await rebuild(db, table, (t) => {
      let builder = db.schema
        .createTable(t)
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id'))
        .addColumn('name', 'text', (c) => c.notNull());
      if (table === 'rater_groups') builder = builder.addColumn('mode', 'text', (c) => c.notNull());
      if (table === 'instruments') builder = builder.addColumn('kind', 'text', (c) => c.notNull());
      if (table !== 'rater_groups') builder = builder.addColumn('config', 'text', (c) => c.notNull());
      return builder
        .addColumn('position', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint(`${table}_pk`, ['campaign_id', 'id'])
        .execute();
    });
  }

  await rebuild(db, 'tokens', async (t) => {
    await db.schema
      .createTable(t)
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id'))
      .addColumn('session_id', 'text', (c) => c.notNull().references('sessions.id'))
      .addColumn('rater_group_id', 'text', (c) => c.notNull())
      .addColumn('token_hash', 'text', (c) => c.notNull().unique())
      .addColumn('code_hash', 'text', (c) => c.notNull().unique())
      .addColumn('bound_unit_id', 'text', (c) => c.references('units.id'))
      .addColumn('rater_name', 'text')
      .addColumn('status', 'text', (c) => c.notNull().defaultTo('issued'))
      .addColumn('receipt', 'text')
      .addForeignKeyConstraint(`${t}_rater_group`, ['campaign_id', 'rater_group_id'], 'rater_groups', ['campaign_id', 'id'])
      .execute();
  }, async () => {
    await db.schema.createIndex('tokens_session_group').on('tokens').columns(['session_id', 'rater_group_id', 'status']).execute();
  });

  await rebuild(db, 'ballots', async (t) => {
    await db.schema
      .createTable(t)
      .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id'))
      .addColumn('id', 'text', (c) => c.notNull())
      .addColumn('session_id', 'text', (c) => c.references('sessions.id'))
      .addColumn('instrument_id', 'text', (c) => c.notNull())
      .addColumn('rater_group_id', 'text', (c) => c.notNull())
      .addColumn('rater_name', 'text')
      .addColumn('bound_unit_id', 'text', (c) => c.references('units.id'))
      .addColumn('sheet_id', 'text', (c) => c.notNull())
      .addColumn('channel', 'text', (c) => c.notNull())
      .addColumn('packed', 'blob')
      .addPrimaryKeyConstraint(`${t}_pk`, ['campaign_id', 'id'])
      .addUniqueConstraint(`${t}_sheet_instrument`, ['sheet_id', 'instrument_id'])
      .addForeignKeyConstraint(`${t}_instrument`, ['campaign_id', 'instrument_id'], 'instruments', ['campaign_id', 'id'])
      .addForeignKeyConstraint(`${t}_rater_group`, ['campaign_id', 'rater_group_id'], 'rater_groups', ['campaign_id', 'id'])
      .$call(withoutRowid(kind))
      .execute();
  }, async () => {
    await db.schema.createIndex('ballots_session_id').on('ballots').column('session_id').execute();
    for (const statement of appendOnlyStatements(kind, 'ballots')) await sql.raw(statement).execute(db);
  });
}

/**
 * SQLite's way to change a table's constraints: make `<table>_v6` with `create`, copy every row, drop the old table
 * (its indexes and triggers go with it) and rename the new one; `after` makes the indexes and triggers again.
 */
async function rebuild(db: MigrationDb, table: string, create: (name: string) => Promise<unknown>, after?: () => Promise<void>): Promise<void> {
  const next = `${table}_v6`;
  await create(next);
  await sql`INSERT INTO ${sql.table(next)} SELECT * FROM ${sql.table(table)}`.execute(db);
  await sql`DROP TABLE ${sql.table(table)}`.execute(db);
  await sql`ALTER TABLE ${sql.table(next)} RENAME TO ${sql.table(table)}`.execute(db);
  await after?.();
}
