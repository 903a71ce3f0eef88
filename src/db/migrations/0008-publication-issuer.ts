import type { Migration } from 'kysely';

/**
 * 落款: the issuing organ printed under a 公示 (e.g. 中共晋城市委组织部), set when publishing. Nullable: publications
 * made before it keep their row unchanged (the table is append-only) and their notice still renders.
 */
export function publicationIssuer(): Migration {
  return {
    async up(db) {
      await db.schema.alterTable('publications').addColumn('issuer', 'text').execute();
    },
    async down(db) {
      await db.schema.alterTable('publications').dropColumn('issuer').execute();
    },
  };
}
