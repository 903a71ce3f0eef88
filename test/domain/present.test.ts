import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { Fraction } from '../../src/domain/exact.js';
import { explainRankingRow } from '../../src/domain/explain.js';
import { presentExplanation, presentNumber, presentTally } from '../../src/domain/present.js';
import { tallyCampaign } from '../../src/domain/tally.js';
import type { Ballot } from '../../src/domain/types.js';
import { ballot, definition, fullCampaign, gradeInstrument, gradeRatings, randomBallots, session } from './factories.js';

const COUNTIES = ['s-county-1', 's-county-2', 's-county-3', 's-county-4', 's-county-5', 's-county-6'];

describe('presentTally', () => {
  it('gives the same JSON, byte for byte, whatever order the ballots come in (property)', () => {
    const def = fullCampaign();
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.integer({ min: 0, max: 2 ** 31 - 1 }), (seed, shuffleSeed) => {
        const ballots = randomBallots(def, seed);
        const shuffled = fc.sample(fc.shuffledSubarray(ballots, { minLength: ballots.length }), { seed: shuffleSeed, numRuns: 1 })[0]!;
        const ta = tallyCampaign(def, ballots);
        const tb = tallyCampaign(def, shuffled as Ballot[]);
        assert.equal(JSON.stringify(presentTally(def, ta)), JSON.stringify(presentTally(def, tb)));
        // …and the ballot-level explanation (value order, which tied instances a trimmed mean drops).
        const explain = (t: typeof ta) => JSON.stringify(presentExplanation(explainRankingRow(def, t, 'county-rank', 'county-1'), 2));
        assert.equal(explain(ta), explain(tb));
      }),
      { numRuns: 40 },
    );
  });

  it('prints every number as its exact fraction and its display value rounded once, half-up', () => {
    assert.deepEqual(presentNumber(new Fraction(1271, 15), 2), { exact: '1271/15', display: '84.73' });
    assert.deepEqual(presentNumber(new Fraction(-7, 16), 2), { exact: '-7/16', display: '-0.44' });
    assert.deepEqual(presentNumber(new Fraction(1, 200), 2), { exact: '1/200', display: '0.01' });
  });

  it('hides the score of a group with fewer than 3 ballots but still counts it in the subject', () => {
    const def = definition({
      instruments: [gradeInstrument({ subjectIds: COUNTIES, quotaRules: [] })],
      sessions: [session({ instrumentIds: ['report'], status: 'open' })],
    });
    const two = [ballot({ ratings: gradeRatings(COUNTIES, Array(6).fill('good')) }), ballot({ ratings: gradeRatings(COUNTIES, Array(6).fill('poor')) })];
    const shown = presentTally(def, tallyCampaign(def, [...two, ballot({ ratings: gradeRatings(COUNTIES, Array(6).fill('poor')) })]));
    const hidden = presentTally(def, tallyCampaign(def, two));
    const g = hidden.instruments[0]!.subjects[0]!.groups[0]!;
    assert.equal(g.hiddenForAnonymity, true);
    assert.equal(g.score, null);
    assert.equal(g.count, 2);
    assert.deepEqual(hidden.instruments[0]!.subjects[0]!.score, { exact: '75', display: '75.00' });
    const s = shown.instruments[0]!.subjects[0]!.groups[0]!;
    assert.equal(s.hiddenForAnonymity, false);
    assert.deepEqual(s.score, { exact: '200/3', display: '66.67' });
  });

  it('reports sessions, invalid ballots with reasons, grade counts and ranking rows in a stable shape', () => {
    const def = fullCampaign();
    const ballots = randomBallots(def, 5);
    ballots.push({ ...ballots[0]!, id: 'zz-invalid', channel: 'paper', ratings: [] });
    const out = presentTally(def, tallyCampaign(def, ballots));
    assert.deepEqual(Object.keys(out), ['campaignId', 'name', 'precision', 'tieJudgement', 'ballots', 'sessions', 'invalidBallots', 'instruments', 'rankings']);
    assert.equal(out.sessions[0]!.provisional, true);
    assert.equal(out.sessions[0]!.counted, true);
    const invalid = out.invalidBallots.find((b) => b.ballotId === 'zz-invalid')!;
    assert.equal(invalid.channel, 'paper');
    assert.ok(invalid.problems.length > 0 && invalid.problems[0]!.message.zh.length > 0);
    assert.deepEqual(out.instruments[0]!.subjects[0]!.gradeCounts!.map((g) => g.label), ['好', '较好', '一般', '差']);
    const ranks = out.rankings[0]!.rows.map((r) => r.rank);
    assert.deepEqual([...ranks].sort((a, b) => a - b), ranks);
  });
});

describe('presentExplanation', () => {
  it('hides the ballot leaves of a group with fewer than 3 ballots and keeps the numbers exact', () => {
    const def = fullCampaign();
    const tally = tallyCampaign(def, randomBallots(def, 9));
    const tree = presentExplanation(explainRankingRow(def, tally, 'county-rank', 'county-1'), 2);
    const groups: ReturnType<typeof presentExplanation>[] = [];
    const visit = (n: typeof tree): void => {
      if (n.kind === 'group') groups.push(n);
      n.children.forEach(visit);
    };
    visit(tree);
    assert.ok(groups.length > 0);
    for (const g of groups) {
      if (g.hiddenForAnonymity) {
        assert.equal(g.children.length, 0);
        assert.equal(g.value, null);
      } else assert.ok(g.children.length === 0 || g.children.length >= 3);
    }
    assert.match(tree.value!.exact, /^-?\d+(\/\d+)?$/);
  });
});
