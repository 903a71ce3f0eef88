/**
 * The console's check of weights (web/console/src/features/setup/weights.ts, draft.ts): rater-group weights count in
 * proportion, as the tally counts them, so the editor refuses exactly what the server's checkDefinition refuses; a
 * ranking's component weights still total exactly 100.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { checkDefinition } from '../../src/domain/check-definition.js';
import type { CampaignDefinition } from '../../src/domain/types.js';
import { taskforceInstrument } from '../../src/domain/liangshaiping/instruments.js';
import { weightProblems } from '../../web/console/src/features/setup/draft.js';
import { checkRelativeWeights } from '../../web/console/src/features/setup/weights.js';
import { withOneInstrument } from '../helpers/one-instrument.js';

/** A definition whose only interesting part is one instrument's group weights. */
function definitionWith(weights: string[]): CampaignDefinition {
  const instrument = taskforceInstrument(['s1'], weights.map((weight, i) => ({ groupId: `g${i}`, weight })));
  return withOneInstrument(instrument, weights.map((_, i) => ({ id: `g${i}`, name: `组${i}`, mode: 'anonymous' as const })));
}

describe('the console’s check of rater-group weights', () => {
  it('takes weights that do not total 100, and shows each group’s share', () => {
    assert.deepEqual(checkRelativeWeights(['40', '30', '30']), { ok: true, sum: '100', shares: ['40.0', '30.0', '30.0'] });
    assert.deepEqual(checkRelativeWeights(['1', '1', '1']), { ok: true, sum: '3', shares: ['33.3', '33.3', '33.3'] });
    assert.deepEqual(checkRelativeWeights(['70', '30.5']), { ok: true, sum: '100.5', shares: ['69.7', '30.3'] });
    assert.deepEqual(checkRelativeWeights(['33.3', '33.3', '33.4']), { ok: true, sum: '100', shares: ['33.3', '33.3', '33.4'] });
  });

  it('refuses a weight of 0 and one that is not a number', () => {
    assert.deepEqual(checkRelativeWeights(['70', '0']), { ok: false, reason: 'notPositive' });
    assert.deepEqual(checkRelativeWeights(['70', '0.000']), { ok: false, reason: 'notPositive' });
    assert.deepEqual(checkRelativeWeights(['70', '']), { ok: false, reason: 'invalid' });
    assert.deepEqual(checkRelativeWeights(['-5']), { ok: false, reason: 'invalid' });
  });

  it('marks an instrument only for a weight the server refuses, and a ranking whose weights miss 100', () => {
    const setup = {
      instruments: [
        { id: 'i-ok', groupWeights: [{ groupId: 'a', weight: '1' }, { groupId: 'b', weight: '2' }] },
        { id: 'i-zero', groupWeights: [{ groupId: 'a', weight: '0' }, { groupId: 'b', weight: '2' }] },
      ],
      rankings: [
        { id: 'r-ok', components: [{ weight: '60' }, { weight: '40' }] },
        { id: 'r-105', components: [{ weight: '65' }, { weight: '40' }] },
      ],
    };
    assert.deepEqual(weightProblems(setup as never), ['instrument:i-zero', 'ranking:r-105']);
  });

  it('refuses exactly what checkDefinition refuses, over random weights as an office would type them', () => {
    const weight = fc.oneof(
      { weight: 8, arbitrary: fc.tuple(fc.integer({ min: 0, max: 150 }), fc.constantFrom('', '.5', '.25', '.000001', '.0')).map(([n, f]) => `${n}${f}`) },
      { weight: 1, arbitrary: fc.constantFrom('', '-1', 'abc', '1e2', '0.0000001', ' 5') },
    );
    fc.assert(
      fc.property(fc.array(weight, { minLength: 1, maxLength: 5 }), (weights) => {
        const server = checkDefinition(definitionWith(weights)).filter((p) => p.path.includes('.groupWeights'));
        const console = checkRelativeWeights(weights);
        assert.equal(console.ok, server.length === 0, JSON.stringify({ weights, server: server.map((p) => p.code), console }));
        if (console.ok) {
          // Each share is its exact part of the total, to within the half tenth it is rounded by.
          const total = weights.reduce((a, w) => a + Number(w), 0);
          console.shares.forEach((s, i) => {
            assert.ok(Math.abs(Number(s) - (100 * Number(weights[i])) / total) <= 0.05 + 1e-9, `${s} for ${weights[i]} of ${total}`);
          });
        }
      }),
      { numRuns: 500 },
    );
  });
});
