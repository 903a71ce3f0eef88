/**
 * Migration 0014 (decision 0018): instruments stored before the cap became a ceiling keep the reading they were
 * checked under — 'strict' is written into their config — so their results and published notices recompute unchanged.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { migrateToLatest } from '../../src/db/migrations/index.js';
import { loadDefinition, saveDefinitionParts } from '../../src/db/repositories/definition.js';
import type { ScoreInstrument } from '../../src/domain/types.js';
import { createTestDb, dialects, seedSmallCampaign } from '../helpers/db.js';

for (const kind of dialects()) {
  describe(`migration 0014-strict-caps-kept (${kind})`, () => {
    it('writes the strict reading into instruments stored before it, and only into those', async () => {
      const database = await createTestDb(kind, '0012-training-content');
      try {
        await seedSmallCampaign(database);
        await migrateToLatest(database);
        const def = (await loadDefinition(database.db, 'c-1'))!;
        const observe = def.instruments.find((i) => i.id === 'i-observe') as ScoreInstrument;
        assert.equal(observe.adjustments?.capReading, 'strict');
        // Everything else of the config is as stored.
        assert.deepEqual({ ...observe.adjustments, capReading: undefined }, {
          items: [{ id: 'a1', label: '亮点', direction: 'bonus', maxPoints: '5' }],
          maxTotalBonus: '5',
          maxTotalDeduction: '5',
          capReading: undefined,
        });
        const report = def.instruments.find((i) => i.id === 'i-report')!;
        assert.equal('adjustments' in report, false, 'a grade instrument is left alone');

        // An instrument saved afterwards without the field reads as the ceiling (the default).
        const fresh: ScoreInstrument = { ...observe, adjustments: { ...observe.adjustments!, capReading: undefined } };
        delete fresh.adjustments!.capReading;
        await saveDefinitionParts(database.db, 'c-1', { instruments: [def.instruments[0]!, fresh] });
        const after = (await loadDefinition(database.db, 'c-1'))!.instruments.find((i) => i.id === 'i-observe') as ScoreInstrument;
        assert.equal(after.adjustments?.capReading, undefined);
      } finally {
        await database.close();
      }
    });
  });
}
