import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { insertUnits } from '../../src/db/repositories/units.js';
import type { Database } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrations/index.js';
import { appendBallots, countBallots } from '../../src/db/repositories/ballots.js';
import { createCampaign } from '../../src/db/repositories/campaigns.js';
import { loadDefinition, saveDefinitionParts } from '../../src/db/repositories/definition.js';
import { createSession } from '../../src/db/repositories/sessions.js';
import { issueTokens } from '../../src/db/repositories/tokens.js';
import { createTestDb, dialects, jinchengUnits, NOW, reportBallot, seedSmallCampaign, smallDefinition } from '../helpers/db.js';

/** The small campaign's parts under another campaign id: the same group, instrument, subject and ranking ids. */
async function storeTwin(database: Database, id: string): Promise<void> {
  const def = smallDefinition();
  await createCampaign(database.db, { id, name: `${def.name}（${id}）`, rootUnitId: 'u-jincheng' }, NOW);
  await saveDefinitionParts(database.db, id, { subjects: def.subjects, raterGroups: def.raterGroups, instruments: def.instruments, rankings: def.rankings });
}

/** The small campaign written as the release before 0006 wrote it: part rows inserted plainly (ids unique overall). */
async function seedBefore0006(database: Database): Promise<void> {
  const def = smallDefinition();
  const db = database.db;
  await insertUnits(db, jinchengUnits());
  await createCampaign(db, { id: def.id, name: def.name, rootUnitId: 'u-jincheng' }, NOW);
  const campaign_id = def.id;
  await db.insertInto('rater_groups').values(def.raterGroups.map((g, position) => ({ id: g.id, campaign_id, name: g.name, mode: g.mode, position }))).execute();
  await db
    .insertInto('instruments')
    .values(def.instruments.map(({ id, kind, name, ...config }, position) => ({ id, campaign_id, kind, name, config: JSON.stringify(config), position })))
    .execute();
  await db
    .insertInto('subjects')
    .values(def.subjects.map((s, position) => ({ id: s.id, campaign_id, kind: s.kind, unit_id: s.unitId, name: s.name, rollup_weight: s.rollupWeight ?? null, position })))
    .execute();
  await db
    .insertInto('rankings')
    .values(def.rankings.map(({ id, name, ...config }, position) => ({ id, campaign_id, name, config: JSON.stringify(config), position })))
    .execute();
  for (const s of def.sessions) {
    await createSession(db, { id: s.id, campaignId: def.id, name: s.name, instrumentIds: s.instrumentIds, expected: s.expected, paperIssued: s.issued, present: s.present });
  }
  // The token row alone, as that release stored it (token_counts came with 0018).
  await db
    .insertInto('tokens')
    .values({ id: 'tok-1', campaign_id: def.id, session_id: 'sess-1', rater_group_id: 'g-office', token_hash: 'th-1', code_hash: 'ch-1', bound_unit_id: null, rater_name: null, status: 'issued', receipt: null })
    .execute();
}

/** The rows a campaign's definition is stored in, by table, in id order. */
async function rowsOf(database: Database): Promise<Record<string, Record<string, unknown>[]>> {
  const out: Record<string, Record<string, unknown>[]> = {};
  for (const table of ['rater_groups', 'instruments', 'subjects', 'rankings', 'sessions', 'tokens'] as const) {
    out[table] = (await sql<Record<string, unknown>>`SELECT * FROM ${sql.table(table)} ORDER BY id`.execute(database.db)).rows;
  }
  return out;
}

for (const kind of dialects()) {
  describe(`ids are unique within their campaign (${kind})`, () => {
    let database: Database;
    before(async () => {
      database = await createTestDb(kind);
      await seedSmallCampaign(database);
    });
    after(() => database.close());

    it('stores a second campaign that uses the same group, instrument, subject and ranking ids', async () => {
      await storeTwin(database, 'c-2');
      const first = await loadDefinition(database.db, 'c-1');
      const second = await loadDefinition(database.db, 'c-2');
      assert.deepEqual(second?.instruments, first?.instruments);
      assert.deepEqual(second?.raterGroups, first?.raterGroups);
      assert.deepEqual(second?.subjects, first?.subjects);
      assert.deepEqual(second?.rankings, first?.rankings);
    });

    it('edits one campaign without touching the other', async () => {
      const def = smallDefinition();
      await saveDefinitionParts(database.db, 'c-2', { raterGroups: def.raterGroups.map((g) => ({ ...g, name: `${g.name}（第二期）` })) });
      assert.deepEqual((await loadDefinition(database.db, 'c-1'))?.raterGroups, def.raterGroups);
      assert.ok((await loadDefinition(database.db, 'c-2'))?.raterGroups.every((g) => g.name.endsWith('（第二期）')));
    });

    it('keeps tokens and ballots bound to their own campaign’s groups and instruments', async () => {
      await createSession(database.db, { id: 'sess-2', campaignId: 'c-2', name: '第二期测评会', instrumentIds: ['i-report'], expected: { 'g-office': 3 }, paperIssued: {}, present: null });
      await issueTokens(database.db, [{ id: 'tok-c2', campaignId: 'c-2', sessionId: 'sess-2', raterGroupId: 'g-office', tokenHash: 'th-c2', codeHash: 'ch-c2', boundUnitId: null, raterName: null }]);
      await appendBallots(database.db, [{ ...reportBallot('sheet-c2'), campaignId: 'c-2', sessionId: 'sess-2' }]);
      assert.equal(await countBallots(database.db, { campaignId: 'c-2' }), 1);
      // A group or instrument that exists only in another campaign is refused by the database itself.
      await assert.rejects(
        issueTokens(database.db, [{ id: 'tok-x', campaignId: 'c-2', sessionId: 'sess-2', raterGroupId: 'g-nowhere', tokenHash: 'th-x', codeHash: 'ch-x', boundUnitId: null, raterName: null }]),
      );
      await assert.rejects(appendBallots(database.db, [{ ...reportBallot('sheet-x'), campaignId: 'c-2', sessionId: 'sess-2', instrumentId: 'i-nowhere' }]));
    });
  });

  describe(`migration 0006 on a database made before it (${kind})`, () => {
    let database: Database;
    before(async () => {
      // The schema of the release before 0006, filled as that release stored a campaign.
      database = await createTestDb(kind, '0005-publications');
      await seedBefore0006(database);
    });
    after(() => database.close());

    it('keeps every row, the append-only triggers and the foreign keys', async () => {
      await appendBallots(database.db, [reportBallot('sheet-1'), reportBallot('sheet-2', 1)]);
      // Read as rows: today's loadDefinition needs tables of later migrations (a tour's observers count as issued).
      const before = await rowsOf(database);
      await migrateToLatest(database);
      // Every row kept, in the columns it had; the one change a later migration makes is 0014's: adjustments stored
      // before it keep the strict reading of their caps (decision 0018).
      const after = await rowsOf(database);
      for (const [table, rows] of Object.entries(before)) {
        const columns = Object.keys(rows[0] ?? {});
        const kept = after[table]!.map((r) => Object.fromEntries(columns.map((c) => [c, r[c]])));
        if (table === 'instruments') {
          for (const r of kept) {
            const config = JSON.parse(String(r.config)) as { adjustments?: { capReading?: string } | null };
            if (config.adjustments) delete config.adjustments.capReading;
            r.config = JSON.stringify(config);
          }
        }
        assert.deepEqual(kept, rows, table);
      }
      assert.ok(await loadDefinition(database.db, 'c-1'));
      assert.equal(await countBallots(database.db, { campaignId: 'c-1' }), 2);
      await assert.rejects(sql`DELETE FROM ballots`.execute(database.db), /append-only/);
      await assert.rejects(sql`UPDATE ballots SET channel = 'paper'`.execute(database.db), /append-only/);
      await assert.rejects(appendBallots(database.db, [{ ...reportBallot('sheet-3'), instrumentId: 'i-nowhere' }]));
      await storeTwin(database, 'c-2');
      assert.equal((await loadDefinition(database.db, 'c-2'))?.instruments.length, smallDefinition().instruments.length);
    });
  });
}
