import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadDivisionTree } from '../../src/divisions/china-division.js';

describe('loadDivisionTree', () => {
  it('roots 晋城市 at the city with 6 county-level units and 77 townships', () => {
    const units = loadDivisionTree({ cityCode: '1405' });
    assert.deepEqual(units[0], { id: 'u1405', code: '1405', name: '晋城市', level: 'city', parentId: null });
    const counties = units.filter((u) => u.level === 'county');
    assert.deepEqual(
      counties.map((u) => `${u.code} ${u.name}`),
      ['140502 城区', '140521 沁水县', '140522 阳城县', '140524 陵川县', '140525 泽州县', '140581 高平市'],
    );
    assert.ok(counties.every((u) => u.parentId === 'u1405' && u.id === 'u' + u.code));
    const townships = units.filter((u) => u.level === 'township');
    assert.equal(townships.length, 77);
    const countyIds = new Set(counties.map((u) => u.id));
    assert.ok(townships.every((u) => u.parentId !== null && countyIds.has(u.parentId)));
  });

  it('roots 山西省 at the province, with its 11 cities, and every parent listed before its children', () => {
    const units = loadDivisionTree({ provinceCode: '14' });
    assert.equal(units[0]?.name, '山西省');
    assert.equal(units[0]?.level, 'province');
    assert.equal(units.filter((u) => u.level === 'city').length, 11);
    const seen = new Set<string>();
    for (const u of units) {
      if (u.parentId !== null) assert.ok(seen.has(u.parentId), `${u.name} before its parent`);
      seen.add(u.id);
    }
    assert.ok(units.filter((u) => u.level === 'township').length > 1300);
  });

  it('returns the same rows from its cache on a second call, without sharing arrays', () => {
    const a = loadDivisionTree({ cityCode: '1405' });
    const b = loadDivisionTree({ cityCode: '1405' });
    assert.deepEqual(a, b);
    assert.notEqual(a, b);
  });
});
