import { sql, type Migration } from 'kysely';
import type { DbKind } from '../database.js';
import { appendOnlyStatements, autoIncrementPrimaryKey } from '../dialect/index.js';

/**
 * 观摩 (issue #15, tables/tours.ts): a tour of a campaign scores the sites of one score instrument in one session; its
 * days and ordered stops, its observers (each with the hash of a personal link's secret), the sheets their phones send
 * (append-only like ballots: a second sheet for a stop is a new revision, never an edit) and one review meeting
 * (调度点评会) per county.
 *
 * tour_sheets: `seq` is the server's order (the latest revision of an observer's stop is the greatest seq), so it is
 * the auto-increment key on both engines; the phone's sheet id is unique, which is what a doubled sync meets.
 */
export function tours(kind: DbKind): Migration {
  return {
    async up(db) {
      await db.schema
        .createTable('tours')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('session_id', 'text', (c) => c.notNull().references('sessions.id'))
        .addColumn('instrument_id', 'text', (c) => c.notNull())
        .addColumn('rater_group_id', 'text', (c) => c.notNull())
        .addColumn('review_group_id', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('tours_campaign').on('tours').column('campaign_id').execute();
      await db.schema.createIndex('tours_session').on('tours').column('session_id').execute();

      await db.schema
        .createTable('tour_days')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('tour_id', 'text', (c) => c.notNull().references('tours.id'))
        .addColumn('campaign_id', 'text', (c) => c.notNull())
        .addColumn('date', 'text', (c) => c.notNull())
        .addColumn('label', 'text', (c) => c.notNull())
        .addColumn('position', 'integer', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('tour_days_tour').on('tour_days').column('tour_id').execute();

      await db.schema
        .createTable('tour_stops')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('tour_id', 'text', (c) => c.notNull().references('tours.id'))
        .addColumn('campaign_id', 'text', (c) => c.notNull())
        .addColumn('day_id', 'text', (c) => c.notNull().references('tour_days.id'))
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('subject_id', 'text', (c) => c.notNull())
        .addColumn('theme', 'text', (c) => c.notNull())
        .addColumn('address', 'text', (c) => c.notNull())
        .addColumn('planned_time', 'text')
        .addUniqueConstraint('tour_stops_site', ['tour_id', 'subject_id'])
        .execute();
      await db.schema.createIndex('tour_stops_day').on('tour_stops').column('day_id').execute();

      await db.schema
        .createTable('tour_observers')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('tour_id', 'text', (c) => c.notNull().references('tours.id'))
        .addColumn('campaign_id', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('role_name', 'text', (c) => c.notNull())
        .addColumn('key_hash', 'text', (c) => c.notNull())
        .addColumn('last_seen_at', 'text')
        .addColumn('last_synced_at', 'text')
        .addColumn('position', 'integer', (c) => c.notNull())
        .addUniqueConstraint('tour_observers_name', ['tour_id', 'name'])
        .execute();

      await db.schema
        .createTable('tour_sheets')
        .addColumn('seq', sql.raw(autoIncrementPrimaryKey(kind)))
        .addColumn('id', 'text', (c) => c.notNull().unique())
        .addColumn('campaign_id', 'text', (c) => c.notNull())
        .addColumn('tour_id', 'text', (c) => c.notNull().references('tours.id'))
        .addColumn('observer_id', 'text', (c) => c.notNull().references('tour_observers.id'))
        .addColumn('stop_id', 'text', (c) => c.notNull().references('tour_stops.id'))
        .addColumn('subject_id', 'text', (c) => c.notNull())
        .addColumn('rating', 'text', (c) => c.notNull())
        .addColumn('content_hash', 'text', (c) => c.notNull())
        .addColumn('scored_at', 'text', (c) => c.notNull())
        .addColumn('received_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('tour_sheets_tour').on('tour_sheets').columns(['tour_id', 'observer_id', 'stop_id']).execute();
      await db.schema.createIndex('tour_sheets_campaign').on('tour_sheets').column('campaign_id').execute();
      for (const statement of appendOnlyStatements(kind, 'tour_sheets')) await sql.raw(statement).execute(db);

      await db.schema
        .createTable('tour_reviews')
        .addColumn('tour_id', 'text', (c) => c.notNull().references('tours.id'))
        .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
        .addColumn('campaign_id', 'text', (c) => c.notNull())
        .addColumn('held_on', 'text', (c) => c.notNull())
        .addColumn('place', 'text', (c) => c.notNull())
        .addColumn('attendees', 'text', (c) => c.notNull())
        .addColumn('site_comments', 'text', (c) => c.notNull())
        .addColumn('remarks', 'text', (c) => c.notNull())
        .addColumn('score', 'text')
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('tour_reviews_pk', ['tour_id', 'unit_id'])
        .execute();
    },
  };
}
