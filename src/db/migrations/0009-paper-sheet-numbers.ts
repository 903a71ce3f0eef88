import type { Migration } from 'kysely';
import type { DbKind } from '../database.js';
import { withoutRowid } from '../dialect/index.js';

/** 票号: every paper sheet number of a session, given to an entry page or entered (tables/paper-sheet-numbers.ts). */
export function paperSheetNumbers(kind: DbKind): Migration {
  return {
    async up(db) {
      await db.schema
        .createTable('paper_sheet_numbers')
        .addColumn('session_id', 'text', (c) => c.notNull().references('sessions.id'))
        .addColumn('sheet_number', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('desk', 'text')
        .addColumn('account_id', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('paper_sheet_numbers_pk', ['session_id', 'sheet_number'])
        .$call(withoutRowid(kind))
        .execute();
      await db.schema.createIndex('paper_sheet_numbers_desk').on('paper_sheet_numbers').columns(['session_id', 'desk']).execute();
    },
  };
}
