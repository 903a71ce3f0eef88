import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { equalShownTotals } from '../../src/domain/shown-ties.js';

const row = (rank: number, exact: string, display: string) => ({ rank, total: { exact, display } });

describe('equal shown totals with different ranks', () => {
  it('flags both rows ranked apart by their unrounded totals', () => {
    const rows = [row(1, '90', '90.00'), row(2, '2707/32', '84.59'), row(3, '177631/2100', '84.59'), row(4, '80', '80.00')];
    assert.deepEqual(equalShownTotals(rows, 'exact'), [null, 'unrounded', 'unrounded', null]);
  });

  it('flags rows with equal totals that a declared tie-break ranked apart', () => {
    const rows = [row(1, '85', '85.00'), row(2, '85', '85.00'), row(3, '70', '70.00')];
    assert.deepEqual(equalShownTotals(rows, 'exact'), ['tie-break', 'tie-break', null]);
  });

  it('leaves rows that share a rank, and rows with different shown totals, alone', () => {
    const rows = [row(1, '85', '85.00'), row(1, '85', '85.00'), row(3, '16901/200', '84.51'), row(4, '8450/100', '84.50')];
    assert.deepEqual(equalShownTotals(rows, 'exact'), [null, null, null, null]);
  });

  it('says tie-break when ties are judged on the published rounded values', () => {
    const rows = [row(1, '2707/32', '84.59'), row(2, '177631/2100', '84.59')];
    assert.deepEqual(equalShownTotals(rows, 'published'), ['tie-break', 'tie-break']);
  });
});
