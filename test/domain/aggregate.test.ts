import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { aggregateGroup, combineGroups, compareGroupValues, sortedValuesOf, valueWeights } from '../../src/domain/aggregate.js';
import { Fraction, ONE, ZERO, exactString, sum } from '../../src/domain/exact.js';
import type { GroupValue } from '../../src/domain/results.js';

const list = (...raws: number[]): GroupValue[] =>
  raws.map((raw, i) => ({ ballotId: `b${String(i).padStart(3, '0')}`, raw })).sort(compareGroupValues);
const values = (...raws: number[]) => sortedValuesOf(list(...raws));
const exact = (f: Fraction | null): string | null => (f === null ? null : exactString(f));

describe('group aggregation', () => {
  it('trimmed mean drops exactly one instance at each end even when the extremes are tied', () => {
    // 100 100 90 80 70 70, k=1 → drop one 100 and one 70 → (100+90+80+70)/4 = 85
    const agg = aggregateGroup(values(100, 70, 100, 90, 80, 70), ONE, { method: 'trimmed', k: 1 });
    assert.equal(exact(agg.score), '85');
    assert.equal(agg.fellBackToMean, false);
    assert.equal(agg.droppedBallotIds.length, 2);
  });

  it('keeps ties ordered by ballot id, so the same instances are dropped whatever the ballot order', () => {
    const vs = [
      { ballotId: 'b2', raw: 70 },
      { ballotId: 'b1', raw: 70 },
      { ballotId: 'b3', raw: 100 },
      { ballotId: 'b0', raw: 100 },
      { ballotId: 'b4', raw: 85 },
    ].sort(compareGroupValues);
    const agg = aggregateGroup(sortedValuesOf(vs), ONE, { method: 'trimmed', k: 1 });
    assert.deepEqual(agg.droppedBallotIds, ['b1', 'b3']);
  });

  it('trimmed mean falls back to the mean with not more than 2k values and says so', () => {
    const agg = aggregateGroup(values(100, 70), ONE, { method: 'trimmed', k: 1 });
    assert.equal(exact(agg.score), '85');
    assert.equal(agg.fellBackToMean, true);
    assert.deepEqual(agg.droppedBallotIds, []);
    const four = aggregateGroup(values(100, 90, 80, 70), ONE, { method: 'trimmed', k: 2 });
    assert.equal(exact(four.score), '85');
    assert.equal(four.fellBackToMean, true);
  });

  it('median of an even count is the mean of the two middle values', () => {
    assert.equal(exact(aggregateGroup(values(70, 85, 100, 50), ONE, { method: 'median' }).score), '155/2');
    assert.equal(exact(aggregateGroup(values(70, 85, 100), ONE, { method: 'median' }).score), '85');
  });

  it('scales raw values by the unit exactly', () => {
    // raw in tenths of a point, max 30 → unit = 100 / (10 × 30)
    const unit = new Fraction(100, 300);
    assert.equal(exact(aggregateGroup(values(255, 270), unit, { method: 'mean' }).score), '175/2');
  });

  it('no values gives no score', () => {
    assert.equal(aggregateGroup(values(), ONE, { method: 'mean' }).score, null);
  });

  it('mean of identical values equals the value (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 1, max: 200 }), (raw, n) => {
        const vs = Array.from({ length: n }, () => raw);
        for (const method of [{ method: 'mean' as const }, { method: 'median' as const }, { method: 'trimmed' as const, k: 2 }]) {
          assert.equal(exact(aggregateGroup(values(...vs), ONE, method).score), String(raw));
        }
      }),
    );
  });

  it('the value weights of every method sum to 1 and reproduce the score (property)', () => {
    const method = fc.oneof(
      fc.constant({ method: 'mean' as const }),
      fc.constant({ method: 'median' as const }),
      fc.integer({ min: 0, max: 4 }).map((k) => ({ method: 'trimmed' as const, k })),
    );
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 30 }), method, (raws, m) => {
        const vs = list(...raws);
        const w = valueWeights(vs.length, m);
        assert.ok(sum(w).equals(1));
        const viaWeights = sum(vs.map((v, i) => w[i]!.mul(v.raw)));
        assert.ok(viaWeights.equals(aggregateGroup(sortedValuesOf(vs), ONE, m).score!));
      }),
    );
  });
});

describe('combining groups', () => {
  const groups = () => [
    { groupId: 'office', declaredWeight: new Fraction(60), values: values(90) },
    { groupId: 'taskforce', declaredWeight: new Fraction(40), values: values() },
  ];

  it('renormalises the remaining weights when a group cast no valid value', () => {
    const r = combineGroups(groups(), ONE, { method: 'mean' }, 'renormalize');
    assert.equal(exact(r.score), '90');
    assert.equal(r.renormalized, true);
    assert.deepEqual(r.missingGroupIds, ['taskforce']);
    assert.equal(exact(r.groups[0]!.effectiveWeight), '1');
    assert.ok(r.groups[1]!.effectiveWeight.equals(ZERO));
  });

  it("counts a missing group as 0 with its weight under 'zero'", () => {
    const r = combineGroups(groups(), ONE, { method: 'mean' }, 'zero');
    assert.equal(exact(r.score), '54');
    assert.equal(r.renormalized, false);
    assert.deepEqual(r.missingGroupIds, ['taskforce']);
    assert.equal(exact(r.groups[1]!.effectiveWeight), '2/5');
  });

  it('a subject with no values at all has no score', () => {
    const empty = groups().map((g) => ({ ...g, values: values() }));
    assert.equal(combineGroups(empty, ONE, { method: 'mean' }, 'zero').score, null);
    assert.equal(combineGroups(empty, ONE, { method: 'mean' }, 'renormalize').score, null);
  });
});
