/**
 * The console's tour pages' own rules (web/console/src/features/tours): the itinerary planner's edits (a reorder or a
 * move never loses, doubles or invents a stop), the request it sends, what it refuses before sending, the progress
 * matrix's cells and missing list, a review score checked as the server checks it, and times in China Standard Time.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  addDay,
  addStop,
  entryProblems,
  moveToDay,
  moveWithinDay,
  type Plan,
  planOf,
  planProblems,
  removeDay,
  removeStop,
  samePlan,
  stopCount,
  toInput,
  unplannedSites,
  updateStop,
  validDate,
  validTime,
} from '../../web/console/src/features/tours/plan.js';
import { cellOf, missingByObserver, ratingParts } from '../../web/console/src/features/tours/progress.js';
import { reviewGroupChoices, scoreFits } from '../../web/console/src/features/tours/scale.js';
import { ago, shortTime } from '../../web/console/src/features/tours/time.js';
import { fullLink } from '../../web/console/src/features/tours/link.js';
import { checkValue, exactOf, OK } from '../../src/domain/decimal-check.js';

const stop = (id: string, subjectId: string, unitId = 'k1') => ({
  id,
  subjectId,
  siteName: `观摩点${subjectId}`,
  unitId,
  unitName: unitId === 'k1' ? '城区' : '泽州县',
  theme: `主题${subjectId}`,
  address: `地址${subjectId}`,
  plannedTime: null as string | null,
});

const VIEW = {
  days: [
    { id: 'd1', date: '2022-06-20', label: '城区', stops: [stop('s1', 'a'), stop('s2', 'b'), stop('s3', 'c')] },
    { id: 'd2', date: '2022-06-21', label: '泽州县', stops: [stop('s4', 'd', 'k2'), stop('s5', 'e', 'k2')] },
  ],
};
const SITES = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((s) => ({ subjectId: s, siteName: `观摩点${s}`, unitId: s < 'd' ? 'k1' : 'k2', unitName: s < 'd' ? '城区' : '泽州县' }));

const keysOf = (plan: Plan) => plan.map((d) => d.stops.map((s) => s.key));
const allKeys = (plan: Plan) => plan.flatMap((d) => d.stops.map((s) => s.key)).sort();

describe('tour console: the itinerary planner', () => {
  it('reads the saved plan and sends it back unchanged, ids kept and an empty time as none', () => {
    const plan = planOf(VIEW);
    assert.deepEqual(keysOf(plan), [['s1', 's2', 's3'], ['s4', 's5']]);
    const input = toInput(plan);
    assert.deepEqual(input.days.map((d) => d.id), ['d1', 'd2']);
    assert.deepEqual(input.days[0]!.stops[0], { id: 's1', subjectId: 'a', theme: '主题a', address: '地址a', plannedTime: null });
    assert.ok(samePlan(plan, planOf(VIEW)));
  });

  it('moves a stop up and down within its day, and not past either end', () => {
    const plan = planOf(VIEW);
    assert.deepEqual(keysOf(moveWithinDay(plan, 's2', -1))[0], ['s2', 's1', 's3']);
    assert.deepEqual(keysOf(moveWithinDay(plan, 's2', 1))[0], ['s1', 's3', 's2']);
    assert.deepEqual(keysOf(moveWithinDay(plan, 's1', -1)), keysOf(plan));
    assert.deepEqual(keysOf(moveWithinDay(plan, 's5', 1)), keysOf(plan));
    assert.equal(samePlan(moveWithinDay(plan, 's2', -1), plan), false);
  });

  it('moves a stop to the end of another day and sends it there with its id', () => {
    const moved = moveToDay(planOf(VIEW), 's2', 'd2');
    assert.deepEqual(keysOf(moved), [['s1', 's3'], ['s4', 's5', 's2']]);
    const input = toInput(moved);
    assert.deepEqual(input.days[1]!.stops.map((s) => s.id), ['s4', 's5', 's2']);
    assert.deepEqual(keysOf(moveToDay(moved, 's2', 'nowhere')), keysOf(moved));
  });

  it('never loses, doubles or invents a stop, whatever the office clicks', () => {
    const plan = planOf(VIEW);
    const keys = allKeys(plan);
    const action = fc.oneof(
      fc.record({ kind: fc.constant('move' as const), key: fc.constantFrom(...keys), delta: fc.constantFrom(-1 as const, 1 as const) }),
      fc.record({ kind: fc.constant('day' as const), key: fc.constantFrom(...keys), day: fc.constantFrom('d1', 'd2', 'd3') }),
    );
    fc.assert(
      fc.property(fc.array(action, { maxLength: 40 }), (actions) => {
        let p: Plan = addDay(plan, { date: '2022-06-22', label: '' }, 'd3');
        for (const a of actions) p = a.kind === 'move' ? moveWithinDay(p, a.key, a.delta) : moveToDay(p, a.key, a.day);
        assert.deepEqual(allKeys(p), keys);
        assert.equal(stopCount(p), keys.length);
      }),
    );
  });

  it('adds only sites not yet planned, and removes a stop', () => {
    const plan = planOf(VIEW);
    assert.deepEqual(unplannedSites(plan, SITES).map((s) => s.subjectId), ['f', 'g']);
    const added = addStop(plan, 'd2', 'f', 'new-1');
    assert.deepEqual(keysOf(added)[1], ['s4', 's5', 'new-1']);
    assert.deepEqual(toInput(added).days[1]!.stops[2], { subjectId: 'f', theme: '', address: '', plannedTime: null });
    assert.equal(addStop(added, 'd1', 'f', 'new-2'), added, 'a site twice is not added');
    assert.deepEqual(keysOf(removeStop(added, 's4'))[1], ['s5', 'new-1']);
    assert.deepEqual(unplannedSites(removeStop(added, 's4'), SITES).map((s) => s.subjectId), ['d', 'g']);
  });

  it('puts a new day in date order and removes only an empty day', () => {
    const plan = planOf(VIEW);
    assert.deepEqual(addDay(plan, { date: '2022-06-19', label: '' }, 'n').map((d) => d.key), ['n', 'd1', 'd2']);
    assert.deepEqual(addDay(plan, { date: '2022-06-21', label: '' }, 'n').map((d) => d.key), ['d1', 'd2', 'n']);
    assert.deepEqual(removeDay(plan, 'd1').map((d) => d.key), ['d1', 'd2']);
    const emptied = removeStop(removeStop(plan, 's4'), 's5');
    assert.deepEqual(removeDay(emptied, 'd2').map((d) => d.key), ['d1']);
  });

  it('refuses impossible dates and times before sending, as the server would', () => {
    assert.ok(validDate('2024-02-29'));
    assert.ok(!validDate('2022-02-29'));
    assert.ok(!validDate('2022-06-31'));
    assert.ok(!validDate('2022-6-1'));
    assert.ok(validTime('') && validTime('09:30') && validTime('23:59'));
    assert.ok(!validTime('24:00') && !validTime('9:30') && !validTime('09:60') && !validTime('__proto__'));
    const plan = updateStop(planOf(VIEW), 's2', { plannedTime: '25:00' });
    assert.deepEqual(entryProblems(plan), [{ kind: 'time', stopKey: 's2' }]);
    assert.deepEqual(entryProblems(planOf(VIEW)), []);
  });

  it('checks the plan as edited with the server’s own check', () => {
    const plan = updateStop(updateStop(planOf(VIEW), 's2', { plannedTime: '14:00' }), 's4', { plannedTime: '15:00' });
    assert.deepEqual(planProblems(plan, SITES).map((p) => [p.code, p.subjectId ?? p.unitId ?? p.dayId]), [['site_missing', 'f'], ['site_missing', 'g']]);
    const late = moveToDay(plan, 's2', 'd2');
    assert.deepEqual(planProblems(late, SITES.slice(0, 5)).map((p) => [p.code, p.dayId, p.subjectId]), [['times_out_of_order', 'd2', 'b']]);
    const noK2 = removeStop(removeStop(plan, 's4'), 's5');
    assert.deepEqual(planProblems(noK2, SITES.slice(0, 5)).map((p) => p.code), ['site_missing', 'site_missing', 'county_uncovered', 'day_empty']);
  });

  it('trims what it sends', () => {
    const plan = updateStop(planOf(VIEW), 's1', { theme: '  物业管理  ', plannedTime: ' 09:00 ' });
    assert.deepEqual(toInput(plan).days[0]!.stops[0], { id: 's1', subjectId: 'a', theme: '物业管理', address: '地址a', plannedTime: '09:00' });
  });
});

describe('tour console: progress', () => {
  const latest = { id: 'x', receivedAt: '2022-06-20T06:05:00.000Z', scoredAt: '2022-06-20T06:00:00.000Z', score: '88.5', adjusted: true };
  const observer = (id: string, viaBallot: boolean, sheets: { stopId: string; revisions: number; latest: typeof latest | null }[]) => ({
    id,
    name: `观摩团成员${id}`,
    roleName: '',
    lastSeenAt: null,
    lastSyncedAt: null,
    viaBallot,
    sheets,
  });

  it('reads a cell as received (its score, its revisions), missing, or rated by ballot', () => {
    const o = observer('01', false, [{ stopId: 's1', revisions: 2, latest }, { stopId: 's2', revisions: 0, latest: null }]);
    assert.deepEqual(cellOf(o, 's1'), { kind: 'received', score: '88.5', adjusted: true, revisions: 2, receivedAt: latest.receivedAt });
    assert.deepEqual(cellOf(o, 's2'), { kind: 'missing' });
    assert.deepEqual(cellOf(o, 's3'), { kind: 'missing' });
    assert.deepEqual(cellOf({ ...o, viaBallot: true }, 's1'), { kind: 'ballot' });
  });

  it('lists the missing sheets by observer, in the team’s and the itinerary’s order', () => {
    const p = {
      observers: [observer('02', false, []), observer('01', false, [])],
      stops: [{ stopId: 's1' }, { stopId: 's2' }, { stopId: 's3' }].map((s) => ({ ...s, subjectId: '', siteName: '', unitName: '', dayId: 'd1', visited: false, received: 0, expected: 2 })),
      missing: [{ observerId: '01', stopId: 's3' }, { observerId: '02', stopId: 's2' }, { observerId: '01', stopId: 's1' }],
    };
    assert.deepEqual(missingByObserver(p), [{ observerId: '02', stopIds: ['s2'] }, { observerId: '01', stopIds: ['s1', 's3'] }]);
  });
});

describe('tour console: review meetings and links', () => {
  it('checks a review score as the server checks a score (range and step from the minimum)', () => {
    const scale = { min: '0', max: '100', step: '0.5' };
    const values = ['0', '100', '87.5', '87.25', '100.5', '-1', 'abc', '', ' 90 ', '1e2', '90.'];
    for (const v of values) {
      assert.equal(scoreFits(v, scale), checkValue(v.trim(), exactOf('0'), exactOf('100'), exactOf('0.5')) === OK, v);
    }
    fc.assert(
      fc.property(fc.integer({ min: -500, max: 1500 }), fc.constantFrom('0', '1', '2.5'), (tenths, min) => {
        const v = (tenths / 10).toFixed(1);
        const s = { min, max: '100', step: '0.5' };
        assert.equal(scoreFits(v, s), checkValue(v, exactOf(min), exactOf('100'), exactOf('0.5')) === OK, `${v} from ${min}`);
      }),
    );
  });

  it('reads a stored rating as sent, skipping what is not text or a number', () => {
    const parts = ratingParts({
      subjectId: 'a',
      score: '86',
      criteria: { c1: '30', c2: 25, c3: null },
      adjustments: [{ itemId: 'b1', points: '2', reason: '亮点突出' }, { itemId: 'd1', points: '1' }, null, { points: '3' }],
      opinion: '做法可推广',
    });
    assert.deepEqual(parts, {
      score: '86',
      criteria: [['c1', '30'], ['c2', '25']],
      adjustments: [{ itemId: 'b1', points: '2', reason: '亮点突出' }, { itemId: 'd1', points: '1', reason: '' }],
      opinion: '做法可推广',
    });
    assert.deepEqual(ratingParts({ subjectId: 'a', criteria: ['x'], adjustments: 'no' }), { score: null, criteria: [], adjustments: [], opinion: null });
  });

  it('offers every group but the observers’ for review scores, the ones the form weighs first', () => {
    const definition = { raterGroups: [{ id: 'g-obs', name: '观摩团' }, { id: 'g-office', name: '办公室' }, { id: 'g-review', name: '调度点评会' }] };
    const choices = reviewGroupChoices(definition as never, { weighed: new Set(['g-obs', 'g-review']) }, 'g-obs');
    assert.deepEqual(choices, [
      { id: 'g-review', name: '调度点评会', weighed: true },
      { id: 'g-office', name: '办公室', weighed: false },
    ]);
  });

  it('makes the link a phone opens from the public address', () => {
    assert.equal(fullLink('/o/ob1.secret', 'http://192.168.1.20:3000'), 'http://192.168.1.20:3000/o/ob1.secret');
    assert.equal(fullLink('/o/ob1.secret', 'https://leitai.example.cn/'), 'https://leitai.example.cn/o/ob1.secret');
  });

  it('shows times in China Standard Time, with the year only when it is not this year’s', () => {
    const now = Date.parse('2022-06-20T08:00:00.000Z');
    assert.equal(shortTime('2022-06-20T06:05:00.000Z', now), '06-20 14:05');
    assert.equal(shortTime('2021-12-31T16:30:00.000Z', now), '01-01 00:30');
    assert.equal(shortTime('2020-06-20T06:05:00.000Z', now), '2020-06-20 14:05');
    assert.deepEqual(ago('2022-06-20T07:48:00.000Z', now), { zh: '12 分钟前', en: '12 min ago' });
    assert.deepEqual(ago('2022-06-20T05:00:00.000Z', now), { zh: '3 小时前', en: '3 h ago' });
    assert.deepEqual(ago('2022-06-20T08:00:30.000Z', now), { zh: '刚刚', en: 'just now' });
  });
});
