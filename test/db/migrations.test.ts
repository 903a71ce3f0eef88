import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import type { Database } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrations/index.js';
import { createTestDb, dialects } from '../helpers/db.js';

for (const kind of dialects()) {
  describe(`migrations (${kind})`, () => {
    let database: Database;
    before(async () => {
      database = await createTestDb(kind);
    });
    after(() => database.close());

    it('creates every table on a fresh database', async () => {
      const tables = await database.db.introspection.getTables();
      const names = new Set(tables.map((t) => t.name));
      for (const t of ['units', 'campaigns', 'subjects', 'rater_groups', 'instruments', 'rankings', 'sessions', 'tokens', 'ballots', 'audit_log']) {
        assert.ok(names.has(t), `missing table ${t}`);
      }
    });

    it('gives ballots no time or sequence column', async () => {
      const tables = await database.db.introspection.getTables();
      const ballots = tables.find((t) => t.name === 'ballots');
      const columns = ballots?.columns.map((c) => c.name) ?? [];
      assert.ok(columns.length > 0);
      assert.deepEqual(columns.filter((c) => /(_at|time|seq)/.test(c)), []);
    });

    it('is a no-op when run again', async () => {
      assert.deepEqual(await migrateToLatest(database), []);
      const row = await sql<{ n: number }>`select 1 as n`.execute(database.db);
      assert.equal(Number(row.rows[0]?.n), 1);
    });
  });
}
