import { sql, type Migration } from 'kysely';
import type { DbKind } from '../database.js';
import { autoIncrementPrimaryKey, withoutRowid } from '../dialect/index.js';

/**
 * The first schema. Ids are text (the app generates them); JSON is stored as text and times as ISO-8601 UTC text,
 * so both engines store, compare and return exactly the same values.
 */
export function initial(kind: DbKind): Migration {
  return {
    async up(db) {
      await db.schema
        .createTable('units')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('code', 'text')
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('level', 'text', (c) => c.notNull())
        .addColumn('parent_id', 'text', (c) => c.references('units.id'))
        .execute();
      await db.schema.createIndex('units_parent_id').on('units').column('parent_id').execute();
      await db.schema.createIndex('units_level').on('units').column('level').execute();
      await db.schema.createIndex('units_code').on('units').column('code').execute();

      await db.schema
        .createTable('campaigns')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('root_unit_id', 'text', (c) => c.references('units.id'))
        .addColumn('precision', 'integer', (c) => c.notNull().defaultTo(2))
        .addColumn('tie_judgement', 'text', (c) => c.notNull().defaultTo('exact'))
        .addColumn('status', 'text', (c) => c.notNull().defaultTo('draft'))
        .addColumn('published_at', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('subjects')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('rollup_weight', 'text')
        .addColumn('position', 'integer', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('subjects_campaign_id').on('subjects').column('campaign_id').execute();

      for (const table of ['rater_groups', 'instruments', 'rankings'] as const) {
        let builder = db.schema
          .createTable(table)
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id'))
          .addColumn('name', 'text', (c) => c.notNull());
        if (table === 'rater_groups') builder = builder.addColumn('mode', 'text', (c) => c.notNull());
        if (table === 'instruments') builder = builder.addColumn('kind', 'text', (c) => c.notNull());
        if (table !== 'rater_groups') builder = builder.addColumn('config', 'text', (c) => c.notNull());
        await builder.addColumn('position', 'integer', (c) => c.notNull()).execute();
        await db.schema.createIndex(`${table}_campaign_id`).on(table).column('campaign_id').execute();
      }

      await db.schema
        .createTable('sessions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('instrument_ids', 'text', (c) => c.notNull())
        .addColumn('agenda', 'text')
        .addColumn('expected', 'text', (c) => c.notNull())
        .addColumn('paper_issued', 'text', (c) => c.notNull().defaultTo('{}'))
        .addColumn('present', 'integer')
        .addColumn('status', 'text', (c) => c.notNull().defaultTo('draft'))
        .addColumn('opened_at', 'text')
        .addColumn('closed_at', 'text')
        .execute();
      await db.schema.createIndex('sessions_campaign_id').on('sessions').column('campaign_id').execute();

      await db.schema
        .createTable('tokens')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id'))
        .addColumn('session_id', 'text', (c) => c.notNull().references('sessions.id'))
        .addColumn('rater_group_id', 'text', (c) => c.notNull().references('rater_groups.id'))
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('code_hash', 'text', (c) => c.notNull().unique())
        .addColumn('bound_unit_id', 'text', (c) => c.references('units.id'))
        .addColumn('rater_name', 'text')
        .addColumn('status', 'text', (c) => c.notNull().defaultTo('issued'))
        .addColumn('receipt', 'text')
        .execute();
      await db.schema
        .createIndex('tokens_session_group')
        .on('tokens')
        .columns(['session_id', 'rater_group_id', 'status'])
        .execute();

      // Clustered by (campaign_id, random id): a campaign's ballots are read in one range, in an order that says
      // nothing about when they were cast; on SQLite without a rowid, which would be a hidden insertion sequence.
      // The tally reads only this lean table (header + packed ratings, ~100 bytes a ballot); the ratings as cast
      // live in ballot_contents, read for export, for re-sends, and for ballots that could not be packed.
      await db.schema
        .createTable('ballots')
        .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id'))
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('session_id', 'text', (c) => c.references('sessions.id'))
        .addColumn('instrument_id', 'text', (c) => c.notNull().references('instruments.id'))
        .addColumn('rater_group_id', 'text', (c) => c.notNull().references('rater_groups.id'))
        .addColumn('rater_name', 'text')
        .addColumn('bound_unit_id', 'text', (c) => c.references('units.id'))
        .addColumn('sheet_id', 'text', (c) => c.notNull())
        .addColumn('channel', 'text', (c) => c.notNull())
        .addColumn('packed', kind === 'sqlite' ? 'blob' : 'bytea')
        .addPrimaryKeyConstraint('ballots_pk', ['campaign_id', 'id'])
        .addUniqueConstraint('ballots_sheet_instrument', ['sheet_id', 'instrument_id'])
        .$call(withoutRowid(kind))
        .execute();
      await db.schema.createIndex('ballots_session_id').on('ballots').column('session_id').execute();

      await db.schema
        .createTable('ballot_contents')
        .addColumn('campaign_id', 'text', (c) => c.notNull())
        .addColumn('ballot_id', 'text', (c) => c.notNull())
        .addColumn('ratings', 'text', (c) => c.notNull())
        .addColumn('content_hash', 'text', (c) => c.notNull())
        .addColumn('receipt', 'text', (c) => c.notNull())
        .addColumn('entered_by', 'text')
        .addPrimaryKeyConstraint('ballot_contents_pk', ['campaign_id', 'ballot_id'])
        .addForeignKeyConstraint('ballot_contents_ballot', ['campaign_id', 'ballot_id'], 'ballots', ['campaign_id', 'id'])
        .$call(withoutRowid(kind))
        .execute();

      await db.schema
        .createTable('audit_log')
        .addColumn('id', sql.raw(autoIncrementPrimaryKey(kind)))
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('actor', 'text', (c) => c.notNull())
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('entity', 'text', (c) => c.notNull())
        .addColumn('entity_id', 'text')
        .addColumn('detail', 'text', (c) => c.notNull().defaultTo('{}'))
        .execute();
      await db.schema.createIndex('audit_log_entity').on('audit_log').columns(['entity', 'entity_id']).execute();
    },
  };
}
