import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { tallyCampaign } from '../../src/domain/tally.js';
import type { Ballot } from '../../src/domain/types.js';
import { fullText } from '../helpers/full-tally.js';
import { fullCampaign, randomBallots } from './factories.js';

describe('tallyCampaign and ballot order', () => {
  it('gives the same full tally — values, tie order, dropped ballots, invalid list — whatever order ballots come in (property)', () => {
    const def = fullCampaign();
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.integer({ min: 0, max: 2 ** 31 - 1 }), (seed, shuffleSeed) => {
        const ballots: Ballot[] = randomBallots(def, seed, 30);
        // Two invalid ballots, so the invalid list's order is tested too.
        ballots.push({ ...ballots[0]!, id: 'zz-empty', ratings: [] }, { ...ballots[1]!, id: 'aa-empty', ratings: [] });
        const inIdOrder = [...ballots].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
        const shuffled = fc.sample(fc.shuffledSubarray(ballots, { minLength: ballots.length }), { seed: shuffleSeed, numRuns: 1 })[0]!;
        assert.equal(fullText(tallyCampaign(def, shuffled)), fullText(tallyCampaign(def, inIdOrder)));
      }),
      { numRuns: 40 },
    );
  });

  it('orders tied values by ballot id even when ballots arrive in reverse id order', () => {
    const def = fullCampaign();
    const ballots = randomBallots(def, 7, 30).sort((a, b) => (a.id < b.id ? 1 : -1));
    const tally = tallyCampaign(def, ballots);
    let ties = 0;
    for (const instrument of tally.instruments) {
      for (const subject of instrument.subjects) {
        for (const group of subject.groups) {
          const v = group.values;
          for (let i = 1; i < v.length; i++) {
            assert.ok(v[i - 1]!.raw < v[i]!.raw || (v[i - 1]!.raw === v[i]!.raw && v[i - 1]!.ballotId < v[i]!.ballotId));
            if (v[i - 1]!.raw === v[i]!.raw) ties++;
          }
        }
      }
    }
    assert.ok(ties > 100, `only ${ties} ties`);
  });
});
