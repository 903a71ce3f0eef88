import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { subjectsOnBallot } from '../../src/domain/conflicts.js';
import { indexDefinition } from '../../src/domain/definition-index.js';
import { allowedCount } from '../../src/domain/quota.js';
import { definition, gradeInstrument, jinchengUnits, quotaRule, unitSubjects } from './factories.js';

const units = jinchengUnits(3);
const townships = units.filter((u) => u.level === 'township').map((u) => `s-${u.id}`);
const counties = units.filter((u) => u.level === 'county').map((u) => `s-${u.id}`);
const sites = [
  { id: 'site-1', kind: 'site' as const, unitId: 'county-1', name: '城区实训点' },
  { id: 'site-2', kind: 'site' as const, unitId: 'county-2', name: '沁水实训点' },
];
const exchange = gradeInstrument({ id: 'exchange', name: '交流评', subjectIds: townships });
const report = gradeInstrument({ id: 'report', subjectIds: counties });
const observe = gradeInstrument({ id: 'observe', subjectIds: sites.map((s) => s.id) });
const index = indexDefinition(
  definition({ units, subjects: [...unitSubjects(units), ...sites], instruments: [exchange, report, observe] }),
);

describe('conflicts: who leaves the ballot', () => {
  it('shows every subject, in order, to an unbound rater', () => {
    assert.deepEqual(
      subjectsOnBallot(index, exchange, null).map((s) => s.id),
      townships,
    );
  });

  it("removes the bound county's townships and shrinks n", () => {
    const shown = subjectsOnBallot(index, exchange, 'county-2');
    assert.equal(shown.length, 18 - 3);
    assert.ok(shown.every((s) => !s.unitId.startsWith('county-2-')));
    // 好 ≤ 10%: 18 townships allow 1, the 15 left for a 沁水县 rater allow 1 too; 20% allows 3 then 3.
    assert.equal(allowedCount(quotaRule({ numerator: 20 }), 18), 3);
    assert.equal(allowedCount(quotaRule({ numerator: 20 }), shown.length), 3);
  });

  it('removes only the own township for a township rater', () => {
    const shown = subjectsOnBallot(index, exchange, 'county-1-town-2');
    assert.equal(shown.length, 17);
    assert.ok(!shown.some((s) => s.unitId === 'county-1-town-2'));
  });

  it('removes the own county from the county ballot', () => {
    assert.deepEqual(
      subjectsOnBallot(index, report, 'county-6').map((s) => s.id),
      counties.slice(0, 5),
    );
  });

  it("removes an item owned by the rater's county", () => {
    assert.deepEqual(
      subjectsOnBallot(index, observe, 'county-1').map((s) => s.id),
      ['site-2'],
    );
  });

  it("limits the ballot to the session's agenda, then removes conflicts", () => {
    const session = { ...index.def.sessions[0]!, agenda: [townships[5]!, townships[0]!, townships[1]!, 'not-in-instrument'] };
    assert.deepEqual(
      subjectsOnBallot(index, exchange, null, session).map((s) => s.id),
      [townships[0], townships[1], townships[5]],
    );
    assert.deepEqual(
      subjectsOnBallot(index, exchange, 'county-1-town-1', session).map((s) => s.id),
      [townships[1], townships[5]],
    );
  });

  it('removes everything for a rater bound to the city', () => {
    assert.equal(subjectsOnBallot(index, report, 'city').length, 0);
  });
});
