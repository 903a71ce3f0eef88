import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import type { Database } from '../../src/db/database.js';
import {
  appendBallots,
  countBallots,
  countReturnedSheets,
  findBallotsBySheet,
  listBallotsAsCast,
  listBallotsForTally,
} from '../../src/db/repositories/ballots.js';
import { loadDefinition } from '../../src/db/repositories/definition.js';
import { submitSheet } from '../../src/db/repositories/submit-sheet.js';
import { appendAudit, listAudit } from '../../src/db/repositories/audit.js';
import { createTestDb, dialects, NOW, reportBallot, seedSmallCampaign } from '../helpers/db.js';

for (const kind of dialects()) {
  describe(`ballots (${kind})`, () => {
    let database: Database;
    before(async () => {
      database = await createTestDb(kind);
      await seedSmallCampaign(database);
    });
    after(() => database.close());

    it('stores a new sheet, answers a re-send as duplicate and different content as conflict', async () => {
      const first = await submitSheet(database.db, { sheetId: 'sheet-1', ballots: [reportBallot('sheet-1')] });
      assert.deepEqual(first, { status: 'stored', receipt: 'receipt-sheet-1-0' });
      // A re-send carries a fresh random id but the same content hash.
      const again = await submitSheet(database.db, { sheetId: 'sheet-1', ballots: [reportBallot('sheet-1')] });
      assert.deepEqual(again, { status: 'duplicate', receipt: 'receipt-sheet-1-0' });
      const changed = await submitSheet(database.db, { sheetId: 'sheet-1', ballots: [reportBallot('sheet-1', 1)] });
      assert.deepEqual(changed, { status: 'conflict' });
      assert.equal((await findBallotsBySheet(database.db, 'sheet-1')).length, 1);
    });

    it('stores five concurrent identical submissions exactly once', async () => {
      const results = await Promise.all(
        Array.from({ length: 5 }, () => submitSheet(database.db, { sheetId: 'sheet-2', ballots: [reportBallot('sheet-2')] })),
      );
      assert.deepEqual(results.map((r) => r.status).sort(), ['duplicate', 'duplicate', 'duplicate', 'duplicate', 'stored']);
      for (const r of results) assert.equal('receipt' in r && r.receipt, 'receipt-sheet-2-0');
      assert.equal((await findBallotsBySheet(database.db, 'sheet-2')).length, 1);
    });

    it('answers concurrent different submissions with one stored and the rest conflict', async () => {
      const results = await Promise.all(
        [0, 1, 2].map((v) => submitSheet(database.db, { sheetId: 'sheet-3', ballots: [reportBallot('sheet-3', v)] })),
      );
      assert.deepEqual(results.map((r) => r.status).sort(), ['conflict', 'conflict', 'stored']);
    });

    it('stores nothing when the onStored step fails', async () => {
      await assert.rejects(
        submitSheet(database.db, {
          sheetId: 'sheet-4',
          ballots: [reportBallot('sheet-4')],
          onStored: async () => {
            throw new Error('token already used');
          },
        }),
        /token already used/,
      );
      assert.deepEqual(await findBallotsBySheet(database.db, 'sheet-4'), []);
    });

    it('refuses UPDATE and DELETE on ballots in the database itself', async () => {
      await assert.rejects(sql`update ballots set rater_name = 'x'`.execute(database.db), /append-only/);
      await assert.rejects(sql`delete from ballots`.execute(database.db), /append-only/);
      assert.equal(await countBallots(database.db, { campaignId: 'c-1' }), 3);
    });

    it('lists domain ballots for the tally, the same whether read packed or as cast', async () => {
      await appendBallots(database.db, [reportBallot('sheet-json', 1, false)]);
      const def = (await loadDefinition(database.db, 'c-1'))!;
      const ballots = await listBallotsForTally(database.db, 'c-1', def.instruments);
      assert.equal(ballots.length, 4);
      const one = ballots.find((b) => b.sheetId === 'sheet-1')!;
      const { contentHash, receipt, enteredBy, campaignId, packed, ...expected } = reportBallot('sheet-1');
      void [contentHash, receipt, enteredBy, campaignId, packed];
      assert.deepEqual(one, { ...expected, id: one.id });
      assert.deepEqual(Object.keys(one).sort(), Object.keys(expected).sort());
      assert.deepEqual(ballots, await listBallotsAsCast(database.db, 'c-1'));
      // Without the instruments every ballot is read from its JSON, with the same result.
      assert.deepEqual(await listBallotsForTally(database.db, 'c-1', []), ballots);
      assert.deepEqual(await countReturnedSheets(database.db, 'sess-1'), { 'g-office': 4 });
    });

    it('refuses UPDATE and DELETE on ballot contents too', async () => {
      await assert.rejects(sql`update ballot_contents set ratings = '[]'`.execute(database.db), /append-only/);
      await assert.rejects(sql`delete from ballot_contents`.execute(database.db), /append-only/);
    });

    it('keeps an append-only audit log', async () => {
      await appendAudit(database.db, { actor: 'admin', action: 'publish', entity: 'campaign', entityId: 'c-1', detail: { 备注: '公示' } }, NOW);
      await appendAudit(database.db, { actor: 'admin', action: 'open', entity: 'session', entityId: 'sess-1' }, NOW);
      const entries = await listAudit(database.db, { entity: 'campaign' });
      assert.equal(entries.length, 1);
      assert.deepEqual(entries[0]?.detail, { 备注: '公示' });
      assert.equal(entries[0]?.at, NOW.toISOString());
      await assert.rejects(sql`delete from audit_log`.execute(database.db), /append-only/);
    });
  });
}
