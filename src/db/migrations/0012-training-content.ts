import type { Migration } from 'kysely';
import type { DbKind } from '../database.js';
import { withoutRowid } from '../dialect/index.js';

/**
 * What a class produces (issue #14; tables/training-content.ts): uploaded documents (their bytes live in the file
 * store, addressed by hash), the 座谈会's speakers and written reports, the 命题式研讨 groups and their members, the
 * link between a library case and a campaign's 案例评 item, and trainees' 讲收获. A class may close its reflections.
 */
export function trainingContent(kind: DbKind): Migration {
  return {
    async up(db) {
      await db.schema.alterTable('training_classes').addColumn('reflections_close_at', 'text').execute();

      await db.schema
        .createTable('documents')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('sha256', 'text', (c) => c.notNull())
        .addColumn('size', 'integer', (c) => c.notNull())
        .addColumn('media_type', 'text', (c) => c.notNull())
        .addColumn('file_name', 'text', (c) => c.notNull())
        .addColumn('owner_kind', 'text', (c) => c.notNull())
        .addColumn('owner_id', 'text', (c) => c.notNull())
        .addColumn('class_id', 'text', (c) => c.references('training_classes.id'))
        .addColumn('uploaded_by', 'text', (c) => c.notNull())
        .addColumn('uploaded_at', 'text', (c) => c.notNull())
        .addColumn('removed_at', 'text')
        .addColumn('removed_by', 'text')
        .execute();
      await db.schema.createIndex('documents_owner').on('documents').columns(['owner_kind', 'owner_id']).execute();

      await db.schema
        .createTable('seminar_speakers')
        .addColumn('class_id', 'text', (c) => c.notNull().references('training_classes.id'))
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('unit_id', 'text', (c) => c.references('units.id'))
        .addColumn('post', 'text', (c) => c.notNull())
        .addColumn('topic', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('seminar_speakers_pk', ['class_id', 'id'])
        .$call(withoutRowid(kind))
        .execute();

      await db.schema
        .createTable('seminar_reports')
        .addColumn('class_id', 'text', (c) => c.notNull().references('training_classes.id'))
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('note', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('submitted_at', 'text')
        .addColumn('submitted_by', 'text')
        .addColumn('accepted_at', 'text')
        .addColumn('accepted_by', 'text')
        .addColumn('reminded_at', 'text')
        .addColumn('reminders', 'integer', (c) => c.notNull().defaultTo(0))
        .addPrimaryKeyConstraint('seminar_reports_pk', ['class_id', 'id'])
        .$call(withoutRowid(kind))
        .execute();
      await db.schema.createIndex('seminar_reports_unit').on('seminar_reports').columns(['class_id', 'unit_id']).execute();

      await db.schema
        .createTable('topic_groups')
        .addColumn('class_id', 'text', (c) => c.notNull().references('training_classes.id'))
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('topic', 'text', (c) => c.notNull())
        .addColumn('reporter_id', 'text')
        .addColumn('output', 'text', (c) => c.notNull())
        .addColumn('best', 'integer', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('topic_groups_pk', ['class_id', 'id'])
        .$call(withoutRowid(kind))
        .execute();

      await db.schema
        .createTable('topic_group_members')
        .addColumn('class_id', 'text', (c) => c.notNull().references('training_classes.id'))
        .addColumn('participant_id', 'text', (c) => c.notNull())
        .addColumn('group_id', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('topic_group_members_pk', ['class_id', 'participant_id'])
        .$call(withoutRowid(kind))
        .execute();
      await db.schema.createIndex('topic_group_members_group').on('topic_group_members').columns(['class_id', 'group_id']).execute();

      await db.schema
        .createTable('case_links')
        .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id'))
        .addColumn('item_id', 'text', (c) => c.notNull())
        .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
        .addColumn('linked_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('case_links_pk', ['campaign_id', 'item_id'])
        .$call(withoutRowid(kind))
        .execute();
      await db.schema.createIndex('case_links_case').on('case_links').column('case_id').execute();

      await db.schema
        .createTable('reflections')
        .addColumn('class_id', 'text', (c) => c.notNull().references('training_classes.id'))
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('participant_id', 'text', (c) => c.notNull())
        .addColumn('lesson_id', 'text')
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('featured', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('reflections_pk', ['class_id', 'id'])
        .$call(withoutRowid(kind))
        .execute();
      await db.schema.createIndex('reflections_participant').on('reflections').columns(['class_id', 'participant_id']).execute();
    },
  };
}
