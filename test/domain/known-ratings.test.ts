/**
 * checkBallot and the tally remember the verdict on an immutable (frozen) rating by identity. Remembering must change
 * nothing: the same ballots with shared frozen ratings and with fresh copies give the same problems and tallies,
 * including ballots where a shared rating is rated twice, off the ballot, of an unknown grade or not allowed.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { checkBallot } from '../../src/domain/check-ballot.js';
import { indexDefinition } from '../../src/domain/definition-index.js';
import { isImmutableRating } from '../../src/domain/immutable.js';
import { tallyCampaign } from '../../src/domain/tally.js';
import type { Ballot, CampaignDefinition, Rating } from '../../src/domain/types.js';
import { fullText } from '../helpers/full-tally.js';
import { fullCampaign, quotaRule, randomBallots, reportRules } from './factories.js';

/** The same ratings as shared frozen objects, one per distinct content (as the storage decodes them). */
function sharing(ballots: Ballot[]): Ballot[] {
  const pool = new Map<string, Rating>();
  const shared = (r: Rating): Rating => {
    const key = JSON.stringify(r);
    let s = pool.get(key);
    if (!s) pool.set(key, (s = Object.freeze({ ...r }) as Rating));
    return s;
  };
  return ballots.map((b) => ({ ...b, ratings: b.ratings.map(shared) }));
}

const copies = (ballots: Ballot[]): Ballot[] => ballots.map((b) => ({ ...b, ratings: b.ratings.map((r) => structuredClone(r)) }));

/** Ballots with deliberate faults made of ratings that also occur on valid ballots. */
function withFaults(def: CampaignDefinition, ballots: Ballot[], picks: number[]): Ballot[] {
  const out = [...ballots];
  picks.forEach((pick, k) => {
    const b = ballots[pick % ballots.length]!;
    const other = ballots[(pick * 7 + 3) % ballots.length]!;
    const r = b.ratings[0]!;
    const faults: Rating[][] = [
      [...b.ratings, r], // rated twice
      b.ratings.slice(1), // a subject missing
      [...b.ratings.slice(1), { ...r, grade: 'excellent' }], // unknown grade
      [...b.ratings.slice(1), { subjectId: r.subjectId, abstain: true }], // abstain where not allowed
      [...b.ratings, ...other.ratings], // another instrument's subjects
      [...b.ratings.slice(1), { ...r, opinion: '意见' }], // an opinion where none is taken
    ];
    out.push({ ...b, id: `fault-${k}`, sheetId: `fault-sheet-${k}`, ratings: faults[pick % faults.length]! });
  });
  // A conflict: a rater bound to the first county rating it.
  const county = def.units.find((u) => u.level === 'county')!;
  out.push({ ...ballots[0]!, id: 'fault-bound', sheetId: 'fault-bound', boundUnitId: county.id });
  return out;
}

describe('remembered verdicts on frozen ratings', () => {
  it('give the same problems and the same full tally as fresh copies of the ratings (property)', () => {
    // With quota rules, so the grade counts of remembered ratings decide validity.
    const base = fullCampaign();
    const def: CampaignDefinition = {
      ...base,
      instruments: base.instruments.map((i) =>
        i.kind !== 'grade' ? i : { ...i, quotaRules: i.id === 'report' ? reportRules() : [quotaRule({ numerator: 30 }), quotaRule({ id: 'rule-poor-min', grades: ['poor'], bound: 'min', numerator: 10, base: 'rated' })] },
      ),
    };
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.array(fc.nat(), { maxLength: 12 }), (seed, picks) => {
        const ballots = withFaults(def, randomBallots(def, seed, 20), picks);
        const frozen = sharing(ballots);
        const verdicts = tallyCampaign(def, ballots).ballots;
        assert.ok(verdicts.valid > 0 && verdicts.invalid > 0);
        const fresh = copies(ballots);
        // Twice over the shared ratings, so the second pass runs on remembered verdicts.
        const index = indexDefinition(def);
        for (let pass = 0; pass < 2; pass++) {
          frozen.forEach((b, i) => { assert.deepEqual(checkBallot(index, b), checkBallot(indexDefinition(def), fresh[i]!)); });
        }
        assert.equal(fullText(tallyCampaign(def, frozen)), fullText(tallyCampaign(def, fresh)));
      }),
      { numRuns: 30 },
    );
  });

  it('remembers only frozen plain ratings of data properties, none nested', () => {
    assert.equal(isImmutableRating(Object.freeze({ subjectId: 's', grade: 'good' })), true);
    assert.equal(isImmutableRating(Object.freeze({ subjectId: 's', abstain: true, opinion: '意见' })), true);
    assert.equal(isImmutableRating({ subjectId: 's', grade: 'good' }), false);
    assert.equal(isImmutableRating(Object.freeze({ subjectId: 's', criteria: { a: '1' } })), false);
    let n = 0;
    const flipping = Object.freeze(Object.defineProperty({ subjectId: 's' }, 'grade', { get: () => (n++ % 2 ? 'good' : 'poor'), enumerable: true }));
    assert.equal(isImmutableRating(flipping), false);
    assert.equal(isImmutableRating(Object.freeze(Object.assign(Object.create({ grade: 'good' }), { subjectId: 's' }))), false);
  });
});
