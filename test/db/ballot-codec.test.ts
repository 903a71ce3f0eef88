import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { canonicalJson } from '../../src/app/kernel/canonical.js';
import { ratingSchema } from '../../src/contracts/definition.js';
import { packRatings, unpackRatings } from '../../src/db/ballot-codec.js';
import type { GradeInstrument, Instrument, Rating, ScoreInstrument } from '../../src/domain/types.js';

const subjects = Array.from({ length: 20 }, (_, i) => `s-${i}`);
const grade: GradeInstrument = {
  id: 'i-g', name: '汇报评', kind: 'grade', subjectIds: subjects, groupWeights: [{ groupId: 'g', weight: '1' }],
  aggregation: { method: 'mean' }, missingGroup: 'renormalize', allowAbstain: true, opinion: 'none', visibility: 'live',
  grades: [{ key: 'good', label: '好', points: '100' }, { key: 'fair', label: '较好', points: '85' }, { key: 'poor', label: '差', points: '50' }],
  quotaRules: [],
};
const score: ScoreInstrument = { ...grade, id: 'i-s', kind: 'score', min: '0', max: '100', step: '0.5', criteria: null, adjustments: null } as unknown as ScoreInstrument;

const subjectArb = fc.constantFrom(...subjects, 's-unknown');
const gradeRating = fc.oneof(
  fc.record({ subjectId: subjectArb, grade: fc.constantFrom('good', 'fair', 'poor', 'excellent') }),
  // Fields sorted, as the request schema parses a rating.
  fc.record({ grade: fc.constantFrom('good', 'fair', 'poor', 'excellent'), subjectId: subjectArb }),
  fc.record({ subjectId: subjectArb, abstain: fc.constant(true as const) }),
  fc.record({ abstain: fc.constant(true as const), subjectId: subjectArb }),
  fc.record({ subjectId: subjectArb, grade: fc.constant('good'), opinion: fc.string() }),
);
const scoreRating = fc.oneof(
  fc.record({ subjectId: subjectArb, score: fc.oneof(fc.integer({ min: 0, max: 200 }).map((x) => String(x / 2)), fc.constantFrom('87.50', '1e2', '-0', '087')) }),
  fc.record({ score: fc.integer({ min: 0, max: 200 }).map((x) => String(x / 2)), subjectId: subjectArb }),
  fc.record({ subjectId: subjectArb, abstain: fc.constant(true as const) }),
);

function roundTrips(instrument: Instrument, generated: Rating[]): void {
  // Stored ratings come from JSON.parse (plain prototypes); fast-check's records have none.
  const ratings = JSON.parse(JSON.stringify(generated)) as Rating[];
  const packed = packRatings(instrument, ratings);
  if (packed === null) return;
  assert.deepStrictEqual(unpackRatings(instrument, packed), ratings);
  // The same content (key order aside: what is stored and hashed is canonical JSON).
  assert.equal(canonicalJson(unpackRatings(instrument, packed)), canonicalJson(ratings));
}

describe('packed ballot ratings', () => {
  it('give back exactly the ratings packed, or are not packed at all (grades)', () => {
    fc.assert(fc.property(fc.array(gradeRating, { maxLength: 25 }), (r) => roundTrips(grade, r as Rating[])), { numRuns: 500 });
  });

  it('give back exactly the ratings packed, or are not packed at all (scores)', () => {
    fc.assert(fc.property(fc.array(scoreRating, { maxLength: 25 }), (r) => roundTrips(score, r as Rating[])), { numRuns: 500 });
  });

  it('packs the ordinary grade ballot in 5 bytes a rating', () => {
    const ratings: Rating[] = subjects.map((s, i) => (i % 7 === 0 ? { subjectId: s, abstain: true } : { subjectId: s, grade: 'fair' }));
    assert.equal(packRatings(grade, ratings)?.length, 6 + 5 * subjects.length);
  });

  it('packs ratings as the request schema parses them (fields sorted)', () => {
    const parsed = subjects.map((s, i) => ratingSchema.parse(i % 7 === 0 ? { subjectId: s, abstain: true } : { subjectId: s, grade: 'fair' }));
    assert.deepEqual(Object.keys(parsed[1]!), ['grade', 'subjectId']);
    assert.equal(packRatings(grade, parsed)?.length, 6 + 5 * subjects.length);
    assert.deepStrictEqual(unpackRatings(grade, packRatings(grade, parsed)!), JSON.parse(JSON.stringify(parsed)));
    const scored = [ratingSchema.parse({ subjectId: 's-1', score: 87.5 })];
    assert.deepStrictEqual(unpackRatings(score, packRatings(score, scored)!), JSON.parse(JSON.stringify(scored)));
  });

  it('keeps ratings with opinions, non-canonical decimals or unknown subjects as JSON only', () => {
    assert.equal(packRatings(grade, [{ subjectId: 's-1', grade: 'good', opinion: '很好' }]), null);
    assert.equal(packRatings(score, [{ subjectId: 's-1', score: '87.50' }]), null);
    assert.equal(packRatings(grade, [{ subjectId: 's-99', grade: 'good' }]), null);
  });

  it('refuses to unpack against an instrument whose subjects or grades changed', () => {
    const packed = packRatings(grade, [{ subjectId: 's-1', grade: 'good' }])!;
    assert.equal(unpackRatings({ ...grade, subjectIds: [...subjects].reverse() }, packed), null);
    assert.equal(unpackRatings({ ...grade, grades: [...grade.grades].reverse() }, packed), null);
    assert.equal(unpackRatings(score, packed), null);
  });
});
