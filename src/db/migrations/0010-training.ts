import type { Migration } from 'kysely';
import type { DbKind } from '../database.js';
import { withoutRowid } from '../dialect/index.js';

/**
 * 培训班 (tables/training.ts): classes, their venues and lessons, the roster, check-ins, the devices trainees identified
 * on, and the attempt counters that rate-limit check-in per person and per code. Ids of venues, lessons and
 * participants are scoped to their class, as a campaign's are (decision 0013).
 */
export function training(kind: DbKind): Migration {
  return {
    async up(db) {
      await db.schema
        .createTable('training_classes')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('campaign_id', 'text', (c) => c.references('campaigns.id'))
        .addColumn('root_unit_id', 'text', (c) => c.notNull().references('units.id'))
        .addColumn('starts_on', 'text', (c) => c.notNull())
        .addColumn('ends_on', 'text', (c) => c.notNull())
        .addColumn('grace_minutes', 'integer', (c) => c.notNull())
        .addColumn('late_share_percent', 'integer', (c) => c.notNull())
        .addColumn('secret', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('training_classes_campaign').on('training_classes').column('campaign_id').execute();

      await db.schema
        .createTable('training_venues')
        .addColumn('class_id', 'text', (c) => c.notNull().references('training_classes.id'))
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('unit_id', 'text', (c) => c.references('units.id'))
        .addColumn('address', 'text', (c) => c.notNull())
        .addColumn('secret', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('training_venues_pk', ['class_id', 'id'])
        .$call(withoutRowid(kind))
        .execute();

      await db.schema
        .createTable('training_lessons')
        .addColumn('class_id', 'text', (c) => c.notNull().references('training_classes.id'))
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('starts_at', 'text', (c) => c.notNull())
        .addColumn('ends_at', 'text', (c) => c.notNull())
        .addColumn('hours', 'text', (c) => c.notNull())
        .addColumn('grace_minutes', 'integer')
        .addColumn('late_share_percent', 'integer')
        .addColumn('speakers', 'text', (c) => c.notNull())
        .addColumn('materials', 'text', (c) => c.notNull())
        .addColumn('venue_ids', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('training_lessons_pk', ['class_id', 'id'])
        .$call(withoutRowid(kind))
        .execute();

      await db.schema
        .createTable('training_participants')
        .addColumn('class_id', 'text', (c) => c.notNull().references('training_classes.id'))
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
        .addColumn('post', 'text', (c) => c.notNull())
        .addColumn('phone', 'text')
        .addColumn('code', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('training_participants_pk', ['class_id', 'id'])
        .$call(withoutRowid(kind))
        .execute();
      await db.schema.createIndex('training_participants_code').on('training_participants').columns(['class_id', 'code']).unique().execute();
      await db.schema.createIndex('training_participants_unit').on('training_participants').columns(['class_id', 'unit_id']).execute();

      await db.schema
        .createTable('training_checkins')
        .addColumn('class_id', 'text', (c) => c.notNull().references('training_classes.id'))
        .addColumn('lesson_id', 'text', (c) => c.notNull())
        .addColumn('participant_id', 'text', (c) => c.notNull())
        .addColumn('venue_id', 'text')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('method', 'text', (c) => c.notNull())
        .addColumn('reason', 'text')
        .addColumn('recorded_by', 'text')
        .addPrimaryKeyConstraint('training_checkins_pk', ['class_id', 'lesson_id', 'participant_id'])
        .$call(withoutRowid(kind))
        .execute();
      await db.schema.createIndex('training_checkins_participant').on('training_checkins').columns(['class_id', 'participant_id']).execute();

      await db.schema
        .createTable('training_devices')
        .addColumn('hash', 'text', (c) => c.primaryKey())
        .addColumn('class_id', 'text', (c) => c.notNull().references('training_classes.id'))
        .addColumn('participant_id', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('training_devices_participant').on('training_devices').columns(['class_id', 'participant_id', 'created_at']).execute();

      await db.schema
        .createTable('training_attempts')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('window_start', 'text', (c) => c.notNull())
        .addColumn('count', 'integer', (c) => c.notNull())
        .execute();
    },
  };
}
