import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { Fraction, parseDecimal } from '../../src/domain/exact.js';
import { rankingStability, weightGrid } from '../../src/domain/stability.js';
import { tallyCampaign } from '../../src/domain/tally.js';
import type { Ballot, CampaignDefinition, RankingSpec } from '../../src/domain/types.js';
import { whatIf } from '../../src/domain/what-if.js';
import { ballot, definition, jinchengUnits, scoreInstrument, twoTiers } from './factories.js';

const COUNTIES = jinchengUnits(0).filter((u) => u.level === 'county').map((u) => u.id);

/** m score instruments over the 6 counties, one ballot each with the given integer scores, ranked by `weights`. */
function campaign(scores: number[][], weights: number[]): { def: CampaignDefinition; ballots: Ballot[] } {
  const subjectIds = COUNTIES.map((id) => `s-${id}`);
  const instruments = scores.map((_, i) => scoreInstrument({ id: `i${i}`, name: `评价${i}`, subjectIds, step: '1' }));
  const ranking: RankingSpec = {
    id: 'rk',
    name: '县排名',
    level: 'county',
    scopeUnitId: null,
    components: weights.map((w, i) => ({ instrumentId: `i${i}`, weight: String(w) })),
    adjustmentInstrumentIds: [],
    missingComponent: 'zero',
    tieBreaks: [],
    tiers: twoTiers(),
  };
  const def = definition({ units: jinchengUnits(0), instruments, rankings: [ranking] });
  const ballots = scores.map((row, i) =>
    ballot({ instrumentId: `i${i}`, ratings: subjectIds.map((subjectId, j) => ({ subjectId, score: String(row[j]!) })) }),
  );
  return { def, ballots };
}

/** m component weights, whole percent, summing to 100. */
const weightsArb = fc.integer({ min: 1, max: 4 }).chain((m) =>
  fc.uniqueArray(fc.integer({ min: 1, max: 99 }), { minLength: m - 1, maxLength: m - 1 }).map((cuts) => {
    const points = [0, ...cuts.sort((a, b) => a - b), 100];
    return points.slice(1).map((p, i) => p - points[i]!);
  }),
);
const inputArb = weightsArb.chain((weights) =>
  fc.record({
    weights: fc.constant(weights),
    scores: fc.array(fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 6, maxLength: 6 }), { minLength: weights.length, maxLength: weights.length }),
    step: fc.constantFrom('0', '1', '2.5', '5', '10'),
  }),
);

describe('rank stability over the weight grid', () => {
  it('puts the declared weights first and keeps every point at sum 100, each weight within ±step and ≥ 0', () => {
    fc.assert(
      fc.property(inputArb, ({ weights, step }) => {
        const declared = weights.map((w) => new Fraction(w));
        const grid = weightGrid(declared, parseDecimal(step));
        assert.deepEqual(grid[0], declared);
        for (const point of grid) {
          assert.ok(point.reduce((s, w) => s.add(w), new Fraction(0)).equals(100));
          point.forEach((w, i) => {
            assert.ok(w.compare(0) >= 0);
            assert.ok(w.sub(declared[i]!).abs().compare(parseDecimal(step)) <= 0);
          });
        }
        assert.equal(new Set(grid.map((p) => p.join(','))).size, grid.length);
      }),
      { numRuns: 100 },
    );
  });

  it('with no perturbation the range is the rank itself', () => {
    fc.assert(
      fc.property(inputArb, ({ weights, scores }) => {
        const { def, ballots } = campaign(scores, weights);
        const s = rankingStability(def, tallyCampaign(def, ballots), 'rk', '0')!;
        assert.equal(s.points, 1);
        for (const u of s.units) assert.deepEqual([u.bestRank, u.worstRank, u.tierCanChange], [u.rank, u.rank, false]);
      }),
      { numRuns: 40 },
    );
  });

  it('keeps the declared rank within [best, worst], and a unit clear of everyone by more than the largest possible change keeps its rank', () => {
    fc.assert(
      fc.property(inputArb, ({ weights, scores, step }) => {
        const { def, ballots } = campaign(scores, weights);
        const tally = tallyCampaign(def, ballots);
        const s = rankingStability(def, tally, 'rk', step)!;
        const rows = tally.rankings[0]!.rows;
        // Moving each weight by at most `step` points moves a total by at most step/100 × Σ |component score|.
        const maxChange = new Map(rows.map((r) => [r.unitId, r.components.reduce((sum, c) => sum.add(c.score?.abs() ?? 0), new Fraction(0)).mul(parseDecimal(step)).div(100)]));
        for (const u of s.units) {
          assert.ok(u.bestRank <= u.rank && u.rank <= u.worstRank);
          const mine = rows.find((r) => r.unitId === u.unitId)!;
          const clear = rows.every((other) => other === mine || mine.total.sub(other.total).abs().compare(maxChange.get(mine.unitId)!.add(maxChange.get(other.unitId)!)) > 0);
          if (clear) assert.deepEqual([u.bestRank, u.worstRank], [u.rank, u.rank], JSON.stringify({ u, weights, scores, step }));
        }
      }),
      { numRuns: 60 },
    );
  });

  it('agrees with what-if: a grid point recomputed through the ballots gives ranks within every unit’s range', () => {
    fc.assert(
      fc.property(inputArb, ({ weights, scores, step }) => {
        const { def, ballots } = campaign(scores, weights);
        const s = rankingStability(def, tallyCampaign(def, ballots), 'rk', step)!;
        const point = weightGrid(weights.map((w) => new Fraction(w)), parseDecimal(step)).at(-1)!;
        const outcome = whatIf(def, ballots, { rankingId: 'rk', weights: point.map((w, i) => ({ instrumentId: `i${i}`, weight: w.toString() })) });
        assert.ok(outcome && !('problems' in outcome));
        const range = new Map(s.units.map((u) => [u.unitId, u]));
        for (const c of outcome.changes) {
          const u = range.get(c.unitId)!;
          assert.ok(u.bestRank <= c.rank && c.rank <= u.worstRank, JSON.stringify({ c, u }));
          assert.equal(c.baselineRank, u.rank);
        }
      }),
      { numRuns: 30 },
    );
  });
});

describe('what-if', () => {
  it('with no overrides changes nothing, and never touches the definition it was given', () => {
    const { def, ballots } = campaign([[90, 80, 70, 60, 50, 40], [40, 50, 60, 70, 80, 90]], [70, 30]);
    const frozen = JSON.stringify(def);
    const same = whatIf(def, ballots, { rankingId: 'rk' });
    assert.ok(same && !('problems' in same));
    assert.ok(same.changes.every((c) => c.change === 0));
    const flipped = whatIf(def, ballots, { rankingId: 'rk', weights: [{ instrumentId: 'i0', weight: '10' }, { instrumentId: 'i1', weight: '90' }], aggregation: { i0: { method: 'median' } } });
    assert.ok(flipped && !('problems' in flipped));
    assert.deepEqual(flipped.changes.map((c) => [c.unitId, c.baselineRank, c.rank]), [
      ['county-6', 6, 1], ['county-5', 5, 2], ['county-4', 4, 3], ['county-3', 3, 4], ['county-2', 2, 5], ['county-1', 1, 6],
    ]);
    assert.equal(JSON.stringify(def), frozen);
  });

  it('refuses weights that do not sum to 100 through checkDefinition', () => {
    const { def, ballots } = campaign([[90, 80, 70, 60, 50, 40], [40, 50, 60, 70, 80, 90]], [70, 30]);
    const out = whatIf(def, ballots, { rankingId: 'rk', weights: [{ instrumentId: 'i0', weight: '60' }] });
    assert.ok(out && 'problems' in out);
    assert.deepEqual(out.problems.map((p) => p.code), ['weights_not_100']);
    assert.equal(whatIf(def, ballots, { rankingId: 'nope' }), null);
  });
});
