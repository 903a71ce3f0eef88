/** 票号: the next number of a session's paper sheets follows every P-number taken, typed by hand or given. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { nextSheetNumber } from '../../src/domain/sheet-numbers.js';

describe('the next paper sheet number', () => {
  it('starts at P-001 and follows the highest P-number, however it was typed', () => {
    assert.equal(nextSheetNumber([]), 'P-001');
    assert.equal(nextSheetNumber(['P-001', 'P-003', 'P-002']), 'P-004');
    assert.equal(nextSheetNumber(['P-12', 'P-009']), 'P-013');
    assert.equal(nextSheetNumber(['P-999']), 'P-1000');
  });

  it('leaves numbers of other forms alone', () => {
    assert.equal(nextSheetNumber(['A-7', '0042', 'P-x', 'p-5', 'P-001-2']), 'P-001');
  });

  it('never gives a number already taken', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer({ min: 1, max: 5000 }).map((n) => `P-${String(n).padStart(3, '0')}`), fc.string()), { maxLength: 50 }), (taken) => {
        return !taken.includes(nextSheetNumber(taken));
      }),
    );
  });
});
