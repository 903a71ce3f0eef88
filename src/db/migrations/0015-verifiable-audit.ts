import { sql, type Migration } from 'kysely';
import { AUDIT_GENESIS, auditEntryHash } from '../audit-chain.js';
import type { DbKind } from '../database.js';
import { appendOnlyStatements } from '../dialect/index.js';

/**
 * Decision 0019, a verifiable audit:
 * - `audit_chain`: each audit_log entry's previous hash and own hash. The entries written before this migration are
 *   chained here, oldest first, so the whole log is covered. `prev_hash` is unique: the chain cannot fork.
 * - `publication_chains`: per publication and session, the ballot chain's head and board as published.
 * Both are append-only in the database, like audit_log, ballots and publications.
 */
export function verifiableAudit(kind: DbKind): Migration {
  return {
    async up(db) {
      await db.schema
        .createTable('audit_chain')
        .addColumn('audit_id', kind === 'postgres' ? 'bigint' : 'integer', (c) => c.primaryKey().references('audit_log.id'))
        .addColumn('prev_hash', 'text', (c) => c.notNull().unique())
        .addColumn('hash', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('publication_chains')
        .addColumn('publication_id', 'text', (c) => c.notNull().references('publications.id'))
        .addColumn('campaign_id', 'text', (c) => c.notNull())
        .addColumn('session_key', 'text', (c) => c.notNull())
        .addColumn('ballot_count', 'integer', (c) => c.notNull())
        .addColumn('head', 'text', (c) => c.notNull())
        .addColumn('board', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('publication_chains_pk', ['publication_id', 'session_key'])
        .execute();
      for (const table of ['audit_chain', 'publication_chains']) {
        for (const statement of appendOnlyStatements(kind, table)) await sql.raw(statement).execute(db);
      }

      // Chain what was logged before, in the log's own order.
      let prev = AUDIT_GENESIS;
      let after = 0;
      for (;;) {
        const rows = (await db.selectFrom('audit_log').selectAll().where('id', '>', after).orderBy('id').limit(1000).execute()) as {
          id: number | string;
          at: string;
          actor: string;
          action: string;
          entity: string;
          entity_id: string | null;
          detail: string;
        }[];
        if (rows.length === 0) break;
        const chained = rows.map((r) => {
          const id = Number(r.id);
          const hash = auditEntryHash(prev, { id, at: r.at, actor: r.actor, action: r.action, entity: r.entity, entityId: r.entity_id, detail: JSON.parse(r.detail) as unknown });
          const row = { audit_id: id, prev_hash: prev, hash };
          prev = hash;
          return row;
        });
        await db.insertInto('audit_chain').values(chained).execute();
        after = Number(rows[rows.length - 1]!.id);
      }
    },
  };
}
