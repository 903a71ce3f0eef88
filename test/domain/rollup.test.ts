import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { indexDefinition } from '../../src/domain/definition-index.js';
import { Fraction, exactString } from '../../src/domain/exact.js';
import { createRollup } from '../../src/domain/rollup.js';
import { definition, jinchengUnits, scoredInstrument, sites, unitSubjects } from './factories.js';

const F = (n: number, d = 1) => new Fraction(n, d);

function setup(extraSubjects = sites({ 'county-1': 2, 'county-2': 1 })) {
  const units = jinchengUnits(2);
  const def = definition({ units, subjects: [...unitSubjects(units), ...extraSubjects], instruments: [] });
  return indexDefinition(def);
}

describe('roll-up', () => {
  it("rolls observation sites up to their county by mean", () => {
    const index = setup();
    const rollup = createRollup(index, scoredInstrument('observe', { 'site-county-1-1': F(90), 'site-county-1-2': F(85) }));
    const us = rollup.scoreOf('county-1');
    assert.equal(us.source, 'rollup');
    assert.equal(exactString(us.score!), '175/2');
    assert.equal(rollup.scoreOf('county-3').source, 'missing');
    assert.equal(rollup.scoreOf('county-3').score, null);
  });

  it('rolls townships up to their county, and counties up to the city', () => {
    const index = setup();
    const rollup = createRollup(
      index,
      scoredInstrument('exchange', {
        's-county-1-town-1': F(80),
        's-county-1-town-2': F(91),
        's-county-2-town-1': F(70),
      }),
    );
    assert.equal(exactString(rollup.scoreOf('county-1').score!), '171/2');
    assert.equal(exactString(rollup.scoreOf('county-2').score!), '70');
    // city: mean of its two counties with a score (weight 1 each)
    assert.equal(exactString(rollup.scoreOf('city').score!), '311/4');
  });

  it("uses the unit's own score when it is rated directly", () => {
    const index = setup();
    const rollup = createRollup(index, scoredInstrument('report', { 's-county-1': F(88), 'site-county-1-1': F(10) }));
    const us = rollup.scoreOf('county-1');
    assert.equal(us.source, 'direct');
    assert.equal(us.subjectId, 's-county-1');
    assert.equal(exactString(us.score!), '88');
  });

  it('falls back to the roll-up when the unit is a subject without a score', () => {
    const index = setup();
    const rollup = createRollup(index, scoredInstrument('report', { 's-county-1': null, 'site-county-1-1': F(70) }));
    assert.equal(rollup.scoreOf('county-1').source, 'rollup');
    assert.equal(exactString(rollup.scoreOf('county-1').score!), '70');
  });

  it('weights items by their declared roll-up weight', () => {
    const index = setup([...sites({ 'county-1': 1 }, '2'), { id: 'case-1', kind: 'case', unitId: 'county-1', name: '案例一' }]);
    const rollup = createRollup(index, scoredInstrument('observe', { 'site-county-1-1': F(90), 'case-1': F(60) }));
    assert.equal(exactString(rollup.scoreOf('county-1').score!), '80');
  });

  it('mixes items owned by the unit and child units that have a score', () => {
    const index = setup();
    const rollup = createRollup(index, scoredInstrument('observe', { 'site-county-1-1': F(90), 's-county-1-town-1': F(60) }));
    const us = rollup.scoreOf('county-1');
    assert.deepEqual(us.parts.map((p) => [p.kind, p.id]), [['item', 'site-county-1-1'], ['unit', 'county-1-town-1']]);
    assert.equal(exactString(us.score!), '75');
  });

  it('a roll-up of a single child equals the child (property)', () => {
    const index = setup();
    fc.assert(
      fc.property(fc.integer({ min: -100000, max: 100000 }), fc.integer({ min: 1, max: 999 }), fc.boolean(), (n, d, asSite) => {
        const score = F(n, d);
        const subject = asSite ? 'site-county-2-1' : 's-county-2-town-2';
        const rollup = createRollup(index, scoredInstrument('x', { [subject]: score }));
        assert.ok(rollup.scoreOf('county-2').score!.equals(score));
        assert.ok(rollup.scoreOf('city').score!.equals(score));
      }),
    );
  });
});
