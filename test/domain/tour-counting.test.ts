import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { checkBallot } from '../../src/domain/check-ballot.js';
import { indexDefinition } from '../../src/domain/definition-index.js';
import { observationInstrument } from '../../src/domain/liangshaiping/instruments.js';
import { latestSheets, tourCountingBallots, type TourForCounting, type TourSheetRecord } from '../../src/domain/tours/counting.js';
import { checkTourSheet } from '../../src/domain/tours/sheet-check.js';
import type { CampaignDefinition } from '../../src/domain/types.js';

const SITES = ['site-a', 'site-b', 'site-c'];
const def: CampaignDefinition = {
  id: 'c',
  name: '观摩',
  precision: 2,
  tieJudgement: 'exact',
  units: [
    { id: 'city', code: null, name: '晋城市', level: 'city', parentId: null },
    { id: 'k1', code: null, name: '城区', level: 'county', parentId: 'city' },
    { id: 'k2', code: null, name: '高平市', level: 'county', parentId: 'city' },
  ],
  subjects: [
    { id: 'site-a', kind: 'site', unitId: 'k1', name: '东圣社区' },
    { id: 'site-b', kind: 'site', unitId: 'k1', name: '社区大食堂' },
    { id: 'site-c', kind: 'site', unitId: 'k2', name: '沟北村' },
  ],
  raterGroups: [
    { id: 'g-obs', name: '观摩团', mode: 'named' },
    { id: 'g-review', name: '调度点评会', mode: 'named' },
  ],
  instruments: [observationInstrument(SITES, [{ groupId: 'g-obs', weight: '1' }, { groupId: 'g-review', weight: '1' }])],
  rankings: [],
  sessions: [{ id: 's', name: '现场观摩', instrumentIds: ['i-observation'], expected: { 'g-obs': 2 }, issued: { 'g-obs': 2 }, present: null, status: 'open' }],
};
const index = indexDefinition(def);
const tour = { id: 't', sessionId: 's', instrumentId: 'i-observation', raterGroupId: 'g-obs' };
const stops = SITES.map((subjectId, i) => ({ id: `stop-${i}`, subjectId }));

describe('tour sheets as ballots', () => {
  it('checks a sheet as a ballot cast for its stop only', () => {
    const observer = { id: 'o1', name: '观摩团成员01' };
    const ok = checkTourSheet(index, tour, observer, { id: 'x', subjectId: 'site-a', rating: { subjectId: 'site-a', score: '85', adjustments: [] } });
    assert.deepEqual(ok, []);
    const other = checkTourSheet(index, tour, observer, { id: 'x', subjectId: 'site-a', rating: { subjectId: 'site-b', score: '85' } });
    assert.deepEqual(other.map((p) => p.code).sort(), ['missing_subject', 'subject_not_in_scope']);
    assert.match(other.find((p) => p.code === 'subject_not_in_scope')!.message.zh, /只评「东圣社区」/);
    // Without a scope the same one-site ballot misses the other sites of the agenda.
    const unscoped = checkBallot(index, { id: 'x', instrumentId: 'i-observation', raterGroupId: 'g-obs', raterName: 'a', boundUnitId: null, sessionId: 's', sheetId: 'x', channel: 'online', ratings: [{ subjectId: 'site-a', score: '85' }] });
    assert.deepEqual(unscoped.map((p) => p.code), ['missing_subject', 'missing_subject']);
  });

  it('property: the counting ballots are each observer’s latest sheet per stop, whatever order the sheets come in', () => {
    const sheetArb = fc.record({ observer: fc.integer({ min: 0, max: 2 }), stop: fc.integer({ min: 0, max: 2 }), score: fc.integer({ min: 120, max: 200 }) });
    fc.assert(
      fc.property(fc.array(sheetArb, { maxLength: 30 }), fc.integer(), (drawn, seed) => {
        const sheets: TourSheetRecord[] = drawn.map((d, seq) => ({ id: `sh-${seq}`, observerId: `o${d.observer}`, stopId: stops[d.stop]!.id, subjectId: stops[d.stop]!.subjectId, rating: { subjectId: stops[d.stop]!.subjectId, score: String(d.score / 2) }, seq: seq + 1 }));
        const shuffled = [...sheets].sort((a, b) => ((a.seq * 7919 + seed) % 31) - ((b.seq * 7919 + seed) % 31));
        const counting: TourForCounting = { ...tour, reviewGroupId: null, observers: [0, 1, 2].map((i) => ({ id: `o${i}`, name: `观摩团成员0${i}` })), stops, sheets: shuffled, reviews: [] };
        const ballots = tourCountingBallots(def, counting);
        const expected = new Map<string, string>();
        for (const s of sheets) expected.set(`${s.observerId}/${s.stopId}`, s.id);
        assert.deepEqual(ballots.map((b) => b.id).sort(), [...expected.values()].sort());
        assert.deepEqual(latestSheets(shuffled).map((s) => s.id), [...expected.values()].sort((a, b) => Number(a.slice(3)) - Number(b.slice(3))));
        for (const b of ballots) {
          assert.deepEqual(checkBallot(index, b), []);
          assert.equal(b.sheetId, `tour-${sheets.find((s) => s.id === b.id)!.observerId}`);
        }
      }),
    );
  });

  it('derives one ballot per county from a counting review score, for the county’s sites on the tour, in no session', () => {
    const counting: TourForCounting = { ...tour, reviewGroupId: 'g-review', observers: [], stops, sheets: [], reviews: [{ unitId: 'k1', score: '90' }, { unitId: 'k2', score: null }] };
    const ballots = tourCountingBallots(def, counting);
    assert.equal(ballots.length, 1);
    assert.deepEqual(ballots[0]!.ratings, [{ subjectId: 'site-a', score: '90' }, { subjectId: 'site-b', score: '90' }]);
    assert.equal(ballots[0]!.raterName, '城区调度点评会');
    assert.equal(ballots[0]!.sessionId, null);
    assert.deepEqual(checkBallot(index, ballots[0]!), []);
    // A review group the instrument does not weigh: recorded only.
    assert.deepEqual(tourCountingBallots({ ...def, instruments: [observationInstrument(SITES, [{ groupId: 'g-obs', weight: '1' }])] }, counting), []);
  });
});
