import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Database } from '../../src/db/database.js';
import { getUnit, insertUnits, listChildUnits, listUnitSubtree } from '../../src/db/repositories/units.js';
import type { Unit } from '../../src/domain/types.js';
import { createTestDb, dialects, jinchengUnits } from '../helpers/db.js';

for (const kind of dialects()) {
  describe(`units (${kind})`, () => {
    let database: Database;
    before(async () => {
      database = await createTestDb(kind);
      // Children before parents on purpose: insertUnits orders by level.
      await insertUnits(database.db, [...jinchengUnits()].reverse());
    });
    after(() => database.close());

    it('round-trips Chinese names and division codes', async () => {
      assert.deepEqual(await getUnit(database.db, 'u-c6'), {
        id: 'u-c6',
        code: '140506',
        name: '高平市',
        level: 'county',
        parentId: 'u-jincheng',
      });
      assert.equal(await getUnit(database.db, 'nope'), null);
    });

    it('lists a subtree, root included, with every descendant', async () => {
      const subtree = await listUnitSubtree(database.db, 'u-jincheng');
      const expected = jinchengUnits()
        .filter((u) => u.id !== 'u-shanxi')
        .sort((a, b) => a.id.localeCompare(b.id));
      assert.deepEqual(subtree, expected);
      assert.deepEqual(
        (await listUnitSubtree(database.db, 'u-c5')).map((u) => u.name),
        ['泽州县', '北石店镇'],
      );
    });

    it('lists children of a unit', async () => {
      const children = await listChildUnits(database.db, 'u-jincheng');
      assert.deepEqual(
        children.map((u) => u.name),
        ['城区', '沁水县', '阳城县', '陵川县', '泽州县', '高平市'],
      );
    });

    it('inserts thousands of units in chunks', async () => {
      const villages: Unit[] = Array.from({ length: 5000 }, (_, i) => ({
        id: `v-${String(i).padStart(5, '0')}`,
        code: null,
        name: `村${i}`,
        level: 'village',
        parentId: 'u-t1',
      }));
      await insertUnits(database.db, villages);
      assert.equal((await listUnitSubtree(database.db, 'u-c5')).length, 2 + 5000);
    });

    it('refuses a unit whose parent does not exist', async () => {
      await assert.rejects(
        insertUnits(database.db, [{ id: 'x', code: null, name: '孤', level: 'village', parentId: 'missing' }]),
      );
    });
  });
}
