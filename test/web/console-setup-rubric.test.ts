/**
 * The console's own check of criteria and adjustment items (web/console/src/features/setup/rubric.ts): the messages
 * it gives, and — over random rubrics — that it calls an error exactly where the server's checkDefinition refuses.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { checkDefinition } from '../../src/domain/check-definition.js';
import type { AdjustmentConfig, CampaignDefinition, Criterion, ScoreInstrument } from '../../src/domain/types.js';
import { taskforceInstrument } from '../../src/domain/liangshaiping/instruments.js';
import { withOneInstrument } from '../helpers/one-instrument.js';
import { checkAdjustments, checkCriteria, nextCriterionMax, rubricProblems } from '../../web/console/src/features/setup/rubric.js';

const scale = { max: '100', step: '1' };
const crit = (maxPoints: string, label = `c${maxPoints}`, id = `c-${label}`): Criterion => ({ id, label, maxPoints });

describe('the console’s criteria check', () => {
  it('names a sum that misses the scale maximum, with both numbers', () => {
    const { findings, sum } = checkCriteria([crit('60'), crit('30')], scale);
    assert.equal(sum, '90');
    assert.deepEqual(findings.map((f) => [f.level, f.message, f.params]), [['error', 'criteriaSumBad', { sum: '90', max: '100' }]]);
  });

  it('sums decimals exactly: 33.3 + 33.3 + 33.4 is 100', () => {
    assert.deepEqual(checkCriteria([crit('33.3', 'a'), crit('33.3', 'b'), crit('33.4', 'c')], { max: '100', step: '0.1' }).findings, []);
  });

  it('refuses an empty name and a maximum that is not a positive number, row by row', () => {
    const { findings } = checkCriteria([crit('50', ' ', 'x'), crit('0', 'zero', 'y'), crit('', 'blank', 'z')], scale);
    assert.deepEqual(findings.map((f) => [f.id, f.field, f.message]), [
      ['x', 'label', 'rowLabelEmpty'],
      ['y', 'maxPoints', 'rowPointsInvalid'],
      ['z', 'maxPoints', 'rowPointsInvalid'],
    ]);
  });

  it('warns about a repeated name and a maximum off the step, without blocking', () => {
    const { findings } = checkCriteria([crit('50.5', 'same', 'a'), crit('49.5', 'same', 'b')], scale);
    assert.deepEqual(findings.map((f) => [f.level, f.id, f.message]), [
      ['warning', 'b', 'rowLabelRepeated'],
      ['warning', 'a', 'criterionOffStep'],
      ['warning', 'b', 'criterionOffStep'],
    ]);
  });

  it('offers what is left of the scale as the next criterion’s maximum, else one step', () => {
    assert.equal(nextCriterionMax([crit('60')], scale), '40');
    assert.equal(nextCriterionMax([crit('100')], { max: '100', step: '0.5' }), '0.5');
  });
});

describe('the console’s adjustment check', () => {
  const config = (over: Partial<AdjustmentConfig> = {}): AdjustmentConfig => ({
    items: [
      { id: 'a', label: '亮点', direction: 'bonus', maxPoints: '2' },
      { id: 'b', label: '不足', direction: 'deduction', maxPoints: '6' },
    ],
    maxTotalBonus: '5',
    maxTotalDeduction: '5',
    ...over,
  });

  it('totals each direction and warns about an item above its total cap', () => {
    const { findings, sums } = checkAdjustments(config());
    assert.deepEqual(sums, { bonus: '2', deduction: '6' });
    assert.deepEqual(findings.map((f) => [f.level, f.id, f.message, f.params]), [['warning', 'b', 'itemOverDeductionCap', { label: '不足', max: '6', cap: '5' }]]);
  });

  it('refuses caps that are not positive numbers and an empty item list', () => {
    const { findings } = checkAdjustments(config({ items: [], maxTotalBonus: '0', maxTotalDeduction: 'x' }));
    assert.deepEqual(findings.map((f) => f.message), ['itemsNone', 'bonusCapInvalid', 'deductionCapInvalid']);
  });
});

/** A definition whose only interesting part is one score instrument's rubric. */
function definitionWith(criteria: Criterion[] | null, adjustments: AdjustmentConfig | null): CampaignDefinition {
  const instrument: ScoreInstrument = { ...taskforceInstrument(['s1'], [{ groupId: 'g1', weight: '100' }]), criteria, adjustments };
  return withOneInstrument(instrument, [{ id: 'g1', name: '组', mode: 'anonymous' }]);
}

describe('the console and the server agree on what cannot be saved', () => {
  // Decimals as an office would type them, and some it should not.
  const points = fc.oneof(
    { weight: 8, arbitrary: fc.tuple(fc.integer({ min: 0, max: 120 }), fc.constantFrom('', '.5', '.25', '.1')).map(([n, f]) => `${n}${f}`) },
    { weight: 1, arbitrary: fc.constantFrom('', '-1', 'abc', '1e2', '0.0000001') },
  );
  const labels = (n: number) => Array.from({ length: n }, (_, i) => `项${i + 1}`);

  it('criteria: the editor has an error exactly when checkDefinition has a problem', () => {
    fc.assert(
      fc.property(fc.array(points, { minLength: 1, maxLength: 6 }), fc.constantFrom('100', '90', '10.5'), (maxima, max) => {
        const criteria = maxima.map((m, i) => crit(m, labels(maxima.length)[i], `c${i}`));
        const def = definitionWith(criteria, null);
        (def.instruments[0] as ScoreInstrument).max = max;
        const server = checkDefinition(def).filter((p) => p.path.includes('.criteria'));
        const console = checkCriteria(criteria, { max, step: '0.5' }).findings.filter((f) => f.level === 'error');
        assert.equal(console.length > 0, server.length > 0, JSON.stringify({ maxima, max, server: server.map((p) => p.code), console }));
        assert.equal(rubricProblems({ instruments: def.instruments } as never).length > 0, server.length > 0);
      }),
      { numRuns: 400 },
    );
  });

  it('adjustments: the editor has an error exactly when checkDefinition has a problem', () => {
    const item = fc.record({ direction: fc.constantFrom('bonus' as const, 'deduction' as const), maxPoints: points });
    fc.assert(
      fc.property(fc.array(item, { minLength: 1, maxLength: 5 }), points, points, (items, bonus, deduction) => {
        const config: AdjustmentConfig = {
          items: items.map((x, i) => ({ id: `a${i}`, label: labels(items.length)[i]!, ...x })),
          maxTotalBonus: bonus,
          maxTotalDeduction: deduction,
        };
        const server = checkDefinition(definitionWith(null, config)).filter((p) => p.path.includes('.adjustments'));
        const console = checkAdjustments(config).findings.filter((f) => f.level === 'error');
        assert.equal(console.length > 0, server.length > 0, JSON.stringify({ config, server: server.map((p) => p.code), console }));
      }),
      { numRuns: 400 },
    );
  });
});
