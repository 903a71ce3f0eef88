/**
 * The forms for 观摩评 with 加减分: the phone's form carries the items and caps; the clerk's paper form carries them too,
 * with the rubric, the units a sheet can be bound to (回避) and, per rule, the allowed count for every ballot size. A
 * paper sheet with a bound unit and an adjustment is stored; one over a cap is refused, as on the phone.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { GradeInstrument } from '../../src/domain/types.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { dialects } from '../helpers/db.js';
import { COUNTIES } from './fixtures.js';
import { ADJUSTMENTS, observationSetup, openSession } from './observation-fixtures.js';

const setup = () => {
  const s = observationSetup();
  // The task force also rates the report, so its paper sheet has a quota rule whose count depends on the bound unit.
  (s.instruments[0] as GradeInstrument).groupWeights.push({ groupId: 'g-tf', weight: '1' });
  return s;
};

for (const kind of dialects()) {
  describe(`forms for 观摩评 with 加减分 (${kind})`, () => {
    let t: TestApp;
    let sessionId = '';
    const url = (path: string) => `/api/sessions/${sessionId}${path}`;

    before(async () => {
      t = await buildTestApp(kind);
      sessionId = await openSession(t, setup(), { name: '实训点观摩', instrumentIds: ['i-report', 'i-observe', 'i-visit'] });
    });
    after(() => t.close());

    it('gives the phone the adjustment items with their caps, and none to a grade instrument', async () => {
      const issued = await t.call('clerk', { method: 'POST', url: url('/tokens'), payload: { raterGroupId: 'g-tf', count: 1, raterNames: ['观摩团成员01'], boundUnitIds: ['k2'] } });
      assert.equal(issued.statusCode, 201, issued.body);
      const form = (await t.call(null, { method: 'POST', url: '/api/ballot-form', payload: { token: issued.json()[0].token } })).json();
      const byId = new Map(form.instruments.map((i: { id: string }) => [i.id, i]));
      // The form says how the caps read: the default, a total over its cap counts as the cap (封顶).
      assert.deepEqual((byId.get('i-observe') as { adjustments: unknown }).adjustments, { ...ADJUSTMENTS, capReading: 'ceiling' });
      assert.deepEqual((byId.get('i-visit') as { score: { criteria: unknown[] } }).score.criteria.length, 2);
      assert.equal((byId.get('i-report') as { adjustments: unknown }).adjustments, null);
      // Bound to 东县: its site is not on the phone's sheet.
      assert.deepEqual((byId.get('i-observe') as { subjects: { id: string }[] }).subjects.map((s) => s.id), ['s-site1', 's-site3']);
    });

    it('gives the clerk the rubric, the items, the units a sheet can be bound to and the counts for every ballot size', async () => {
      const res = await t.call('clerk', { method: 'GET', url: url('/paper-form') });
      assert.equal(res.statusCode, 200, res.body);
      const groups = res.json().groups as { groupId: string }[];
      assert.deepEqual(groups.map((g) => g.groupId), ['g-office', 'g-tf']);
      // biome-ignore lint/suspicious/noExplicitAny: the paper form's nested JSON is checked field by field below
      const group = groups[1] as any;
      // Every county holds a subject; the city holds them all and would empty the sheet, so it is no choice.
      assert.deepEqual(group.boundUnits.map((u: { label: string }) => u.label), COUNTIES.map((k) => `${k.name}（测试市）`));
      const [report, observe, visit] = group.instruments;
      assert.deepEqual(report.subjects.find((s: { subjectId: string }) => s.subjectId === 's-k2').conflictUnitIds, ['k2']);
      const good = report.rules.find((r: { ruleId: string }) => r.ruleId === 'r-good');
      assert.equal(good.allowed, 2);
      assert.equal(good.allowedByN[6], 2);
      assert.deepEqual(good.allowedByN.slice(0, 6), [0, 0, 0, 1, 1, 2]);
      assert.deepEqual(observe.adjustments, { ...ADJUSTMENTS, capReading: 'ceiling' });
      assert.equal(observe.score.criteria, null);
      assert.deepEqual(observe.subjects.map((s: { conflictUnitIds: string[] }) => s.conflictUnitIds), [['k1'], ['k2'], ['k3']]);
      assert.deepEqual(visit.score.criteria.map((c: { id: string; maxPoints: string }) => [c.id, c.maxPoints]), [['c-org', '40'], ['c-effect', '60']]);
      assert.ok([report, observe, visit].every((i: { keyboardEntry: boolean }) => i.keyboardEntry));
      // 观摩评 takes an optional written opinion; the report's grades take none.
      assert.deepEqual([report, observe, visit].map((i: { opinion: string }) => i.opinion), ['none', 'optional', 'optional']);
    });

    const sheet = (sheetNumber: string, deductions: { itemId: string; points: string; reason: string }[]) => ({
      sheetNumber,
      raterGroupId: 'g-tf',
      raterName: '观摩团成员02',
      boundUnitId: 'k2',
      ballots: [
        { instrumentId: 'i-report', ratings: COUNTIES.filter((k) => k.id !== 'k2').map((k, i) => ({ subjectId: `s-${k.id}`, grade: i < 2 ? 'good' : 'fair' })) },
        {
          instrumentId: 'i-observe',
          ratings: [
            { subjectId: 's-site1', score: '88', adjustments: [{ itemId: 'adj-brand', points: '1.5', reason: '红色驿站品牌' }] },
            { subjectId: 's-site3', score: '80', adjustments: deductions },
          ],
        },
        {
          instrumentId: 'i-visit',
          ratings: [
            { subjectId: 's-site1', criteria: { 'c-org': '35', 'c-effect': '50' } },
            { subjectId: 's-site3', criteria: { 'c-org': '30', 'c-effect': '45' } },
          ],
        },
      ],
    });

    it('stores a bound sheet with its adjustments as valid', async () => {
      const res = await t.call('clerk', { method: 'POST', url: url('/paper-ballots'), payload: sheet('P-001', [{ itemId: 'adj-rectify', points: '3', reason: '整改不到位' }]) });
      assert.equal(res.statusCode, 201, res.body);
      assert.equal(res.json().valid, true, res.body);
      const stored = (await t.call('clerk', { method: 'GET', url: url('/paper-ballots/P-001') })).json();
      assert.equal(stored.boundUnitId, 'k2');
      const observe = stored.ballots.find((b: { instrumentId: string }) => b.instrumentId === 'i-observe');
      assert.deepEqual(observe.ratings[0].adjustments, [{ itemId: 'adj-brand', points: '1.5', reason: '红色驿站品牌' }]);
    });

    it('stores a sheet whose deductions pass their cap as valid: the total counts as the cap (封顶)', async () => {
      const over = [
        { itemId: 'adj-rectify', points: '3', reason: '整改不到位' },
        { itemId: 'adj-records', points: '2', reason: '台账不实' },
      ];
      const res = await t.call('clerk', { method: 'POST', url: url('/paper-ballots'), payload: sheet('P-002', over) });
      assert.equal(res.statusCode, 201, res.body);
      assert.equal(res.json().valid, true, res.body);
      const stored = (await t.call('clerk', { method: 'GET', url: url('/paper-ballots/P-002') })).json();
      const observe = stored.ballots.find((b: { instrumentId: string }) => b.instrumentId === 'i-observe');
      assert.deepEqual(observe.ratings[1].adjustments, over, 'stored as written: the cap is applied when counting');
    });
  });
}
