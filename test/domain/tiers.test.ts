import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { assignTiers, tierCap } from '../../src/domain/tiers.js';
import type { TierSpec } from '../../src/domain/types.js';

const tier = (key: string, numerator: number, rounding: TierSpec['rounding'] = 'exact'): TierSpec => ({
  key,
  label: key,
  numerator,
  denominator: 100,
  rounding,
});

describe('tier caps', () => {
  it('exact rounding floors with integers: 40% of 6 is 2, 10% of 77 is 7', () => {
    assert.equal(tierCap(tier('a', 40), 6), 2);
    assert.equal(tierCap(tier('a', 10), 77), 7);
    assert.equal(tierCap(tier('a', 7), 100), 7);
  });

  it('half-up rounds 2.8 to 3 and 0.5 to 1', () => {
    assert.equal(tierCap(tier('a', 40, 'half-up'), 7), 3);
    assert.equal(tierCap(tier('a', 10, 'half-up'), 5), 1);
    assert.equal(tierCap(tier('a', 10, 'half-up'), 4), 0);
  });

  it('at-least-one allows one even when the share rounds to 0', () => {
    assert.equal(tierCap(tier('a', 10, 'at-least-one'), 6), 1);
    assert.equal(tierCap(tier('a', 40, 'at-least-one'), 6), 2);
  });
});

describe('tier assignment', () => {
  const specs = [tier('good', 40), tier('fair', 40), tier('rest', 0)];

  it('fills from the top up to the cap when no tie straddles the cut', () => {
    const a = assignTiers(specs, [1, 2, 3, 3, 5, 6]);
    assert.deepEqual(a.tierOf, ['good', 'good', 'fair', 'fair', 'rest', 'rest']);
    assert.deepEqual(a.tierTie, [false, false, false, false, false, false]);
    assert.deepEqual(a.tiers, [
      { key: 'good', cap: 2, filled: 2 },
      { key: 'fair', cap: 2, filled: 2 },
      { key: 'rest', cap: null, filled: 2 },
    ]);
  });

  it('moves a straddling tie to the next tier whole, leaves the tier under-filled and flags the tie', () => {
    const a = assignTiers(specs, [1, 2, 2, 4, 5, 6]);
    assert.deepEqual(a.tierOf, ['good', 'fair', 'fair', 'rest', 'rest', 'rest']);
    assert.deepEqual(a.tierTie, [false, true, true, false, false, false]);
    assert.deepEqual(a.tiers.map((t) => t.filled), [1, 2, 3]);
  });

  it('passes a tie larger than the next cap on again', () => {
    const a = assignTiers(specs, [1, 1, 1, 4, 5, 6]);
    assert.deepEqual(a.tierOf, ['rest', 'rest', 'rest', 'rest', 'rest', 'rest']);
    assert.deepEqual(a.tierTie.slice(0, 3), [true, true, true]);
  });

  it('never exceeds a cap and never splits a tied group (property)', () => {
    const ranksOf = fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 1, maxLength: 40 }).map((scores) => {
      const sorted = [...scores].sort((a, b) => b - a);
      return sorted.map((s) => sorted.indexOf(s) + 1);
    });
    const specsOf = fc.array(fc.tuple(fc.integer({ min: 0, max: 100 }), fc.constantFrom('exact', 'half-up', 'at-least-one')), {
      minLength: 1,
      maxLength: 4,
    });
    fc.assert(
      fc.property(ranksOf, specsOf, (ranks, raw) => {
        const ss = raw.map(([n, r], i) => tier(`t${i}`, n, r as TierSpec['rounding']));
        const a = assignTiers(ss, ranks);
        a.tiers.forEach((t) => { assert.ok(t.cap === null || t.filled <= t.cap); });
        assert.equal(a.tiers.reduce((s, t) => s + t.filled, 0), ranks.length);
        ranks.forEach((r, i) => {
          if (i > 0 && ranks[i - 1] === r) assert.equal(a.tierOf[i], a.tierOf[i - 1]);
        });
      }),
    );
  });
});
