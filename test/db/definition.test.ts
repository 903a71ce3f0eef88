import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Database } from '../../src/db/database.js';
import { StorageError } from '../../src/db/errors.js';
import { getCampaign, updateCampaignStatus } from '../../src/db/repositories/campaigns.js';
import { loadDefinition, saveDefinitionParts } from '../../src/db/repositories/definition.js';
import { issuedCounts, updateSessionStatus } from '../../src/db/repositories/sessions.js';
import { issueTokens, revokeToken } from '../../src/db/repositories/tokens.js';
import { createTestDb, dialects, NOW, seedSmallCampaign } from '../helpers/db.js';

for (const kind of dialects()) {
  describe(`campaign definition (${kind})`, () => {
    let database: Database;
    before(async () => {
      database = await createTestDb(kind);
    });
    after(() => database.close());

    it('loads back exactly the definition that was saved', async () => {
      const def = await seedSmallCampaign(database);
      assert.deepEqual(await loadDefinition(database.db, def.id), def);
      assert.equal(await loadDefinition(database.db, 'missing'), null);
    });

    it('counts issued sheets as unrevoked tokens plus paper', async () => {
      const token = (i: number, group: string) => ({
        id: `t-${i}`,
        campaignId: 'c-1',
        sessionId: 'sess-1',
        raterGroupId: group,
        tokenHash: `th-${i}`,
        codeHash: `ch-${i}`,
        boundUnitId: null,
        raterName: null,
      });
      await issueTokens(database.db, [token(1, 'g-office'), token(2, 'g-office'), token(3, 'g-force'), token(4, 'g-force')]);
      assert.equal(await revokeToken(database.db, 't-4'), true);
      assert.deepEqual(await issuedCounts(database.db, 'sess-1'), { 'g-office': 7, 'g-force': 1 });
      const def = await loadDefinition(database.db, 'c-1');
      assert.deepEqual(def?.sessions[0]?.issued, { 'g-office': 7, 'g-force': 1 });
    });

    it('replaces parts of a draft, keeping ids that stay', async () => {
      const before = (await loadDefinition(database.db, 'c-1'))!;
      const groups = [{ ...before.raterGroups[0]!, name: '办公室' }, ...before.raterGroups.slice(1)];
      await saveDefinitionParts(database.db, 'c-1', {
        raterGroups: groups,
        subjects: before.subjects.slice(0, 6),
      });
      const after = (await loadDefinition(database.db, 'c-1'))!;
      assert.deepEqual(after.raterGroups, groups);
      assert.equal(after.subjects.length, 6);
      assert.deepEqual(after.instruments, before.instruments);
    });

    it('moves session and campaign status only from the expected state', async () => {
      assert.equal(await updateSessionStatus(database.db, 'sess-1', 'draft', 'open', NOW), true);
      assert.equal(await updateSessionStatus(database.db, 'sess-1', 'draft', 'open', NOW), false);
      assert.equal(await updateCampaignStatus(database.db, 'c-1', 'draft', 'active', NOW), true);
      assert.equal((await getCampaign(database.db, 'c-1'))?.status, 'active');
    });

    it('refuses to edit a campaign that is no longer a draft', async () => {
      await assert.rejects(
        saveDefinitionParts(database.db, 'c-1', { rankings: [] }),
        (e: unknown) => e instanceof StorageError && e.code === 'not-draft',
      );
    });
  });
}
