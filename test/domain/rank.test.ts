import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { indexDefinition } from '../../src/domain/definition-index.js';
import { Fraction, exactString } from '../../src/domain/exact.js';
import { rankAll } from '../../src/domain/rank.js';
import type { InstrumentTally, RankingResult } from '../../src/domain/results.js';
import type { RankingSpec } from '../../src/domain/types.js';
import { definition, jinchengUnits, rankingSpec, scoredInstrument, sites, twoTiers, unitSubjects } from './factories.js';

const F = (n: number, d = 1) => new Fraction(n, d);
const byCounty = (scores: (Fraction | null)[]): Record<string, Fraction | null> =>
  Object.fromEntries(scores.map((s, i) => [`s-county-${i + 1}`, s]));

function rank(spec: Partial<RankingSpec>, tallies: InstrumentTally[], tieJudgement: 'exact' | 'published' = 'exact'): RankingResult {
  const units = jinchengUnits(2);
  const def = definition({
    units,
    subjects: [...unitSubjects(units), ...sites({ 'county-1': 2 })],
    instruments: [],
    rankings: [rankingSpec(spec)],
    tieJudgement,
  });
  return rankAll(indexDefinition(def), tallies)[0]!;
}

const order = (r: RankingResult) => r.rows.map((row) => `${row.unitId}:${row.rank}`);

describe('ranking', () => {
  it('gives tied totals a shared rank and skips the next (1, 2, 2, 4)', () => {
    const r = rank({ components: [{ instrumentId: 'report', weight: '100' }] }, [
      scoredInstrument('report', byCounty([F(50), F(80), F(90), F(80), F(70), F(60)])),
    ]);
    assert.deepEqual(order(r), ['county-3:1', 'county-2:2', 'county-4:2', 'county-5:4', 'county-6:5', 'county-1:6']);
  });

  it('weights components by percent: total = Σ weight/100 × score', () => {
    const r = rank(
      {
        components: [
          { instrumentId: 'report', weight: '60' },
          { instrumentId: 'observe', weight: '40' },
        ],
      },
      [scoredInstrument('report', byCounty([F(90)])), scoredInstrument('observe', byCounty([F(175, 2)]))],
    );
    const row = r.rows.find((x) => x.unitId === 'county-1')!;
    assert.equal(exactString(row.total), '89'); // 54 + 35
    assert.deepEqual(row.components.map((c) => exactString(c.effectiveWeight)), ['3/5', '2/5']);
  });

  it('breaks a tie on total by the named component, higher first', () => {
    const components = [
      { instrumentId: 'report', weight: '50' },
      { instrumentId: 'observe', weight: '50' },
    ];
    const tallies = [
      scoredInstrument('report', byCounty([F(90), F(70), F(60), F(60), F(60), F(60)])),
      scoredInstrument('observe', byCounty([F(70), F(90), F(60), F(60), F(60), F(60)])),
    ];
    const tied = rank({ components }, tallies);
    assert.deepEqual(order(tied).slice(0, 2), ['county-1:1', 'county-2:1']);
    const broken = rank({ components, tieBreaks: [{ instrumentId: 'observe' }] }, tallies);
    assert.deepEqual(order(broken).slice(0, 3), ['county-2:1', 'county-1:2', 'county-3:3']);
    assert.deepEqual(order(broken).slice(3), ['county-4:3', 'county-5:3', 'county-6:3']);
  });

  it('adds campaign adjustments as points, rolled up from sites, missing counted 0', () => {
    const r = rank(
      { components: [{ instrumentId: 'report', weight: '100' }], adjustmentInstrumentIds: ['adjust'] },
      [
        scoredInstrument('report', byCounty([F(80), F(80)])),
        scoredInstrument('adjust', { 'site-county-1-1': F(2), 'site-county-1-2': F(-1) }),
      ],
    );
    const c1 = r.rows.find((x) => x.unitId === 'county-1')!;
    const c2 = r.rows.find((x) => x.unitId === 'county-2')!;
    assert.equal(exactString(c1.adjustments), '1/2');
    assert.equal(exactString(c1.total), '161/2');
    assert.equal(exactString(c2.total), '80');
    assert.equal(c1.rank, 1);
  });

  it("counts a missing component as 0 and lists it under 'zero'", () => {
    const r = rank(
      {
        components: [
          { instrumentId: 'report', weight: '60' },
          { instrumentId: 'observe', weight: '40' },
        ],
        missingComponent: 'zero',
      },
      [scoredInstrument('report', byCounty([F(90)])), scoredInstrument('observe', byCounty([null]))],
    );
    const row = r.rows.find((x) => x.unitId === 'county-1')!;
    assert.equal(exactString(row.total), '54');
    assert.deepEqual(row.missingComponents, ['observe']);
    assert.equal(row.components[1]!.source, 'missing');
  });

  it("renormalises the present components' weights under 'renormalize'", () => {
    const r = rank(
      {
        components: [
          { instrumentId: 'report', weight: '60' },
          { instrumentId: 'observe', weight: '40' },
        ],
        missingComponent: 'renormalize',
      },
      [scoredInstrument('report', byCounty([F(90)])), scoredInstrument('observe', byCounty([null]))],
    );
    const row = r.rows.find((x) => x.unitId === 'county-1')!;
    assert.equal(exactString(row.total), '90');
    assert.equal(exactString(row.components[0]!.effectiveWeight), '1');
    assert.deepEqual(row.missingComponents, ['observe']);
  });

  it('judges ties on exact totals unless the campaign says published rounded values decide', () => {
    const spec = { components: [{ instrumentId: 'report', weight: '100' }] };
    const tallies = [scoredInstrument('report', byCounty([F(80001, 1000), F(80004, 1000)]))];
    assert.deepEqual(order(rank(spec, tallies, 'exact')).slice(0, 2), ['county-2:1', 'county-1:2']);
    assert.deepEqual(order(rank(spec, tallies, 'published')).slice(0, 2), ['county-1:1', 'county-2:1']);
  });

  it('ranks only the units of the level under the scope unit', () => {
    const r = rank({ level: 'township', scopeUnitId: 'county-2', components: [{ instrumentId: 'x', weight: '100' }] }, [
      scoredInstrument('x', { 's-county-2-town-1': F(1), 's-county-2-town-2': F(2), 's-county-1-town-1': F(3) }),
    ]);
    assert.deepEqual(order(r), ['county-2-town-2:1', 'county-2-town-1:2']);
  });

  it('keeps a tie for 2nd–3rd out of a 40%-of-6 tier (cap 2) and flags it', () => {
    const r = rank({ components: [{ instrumentId: 'report', weight: '100' }], tiers: twoTiers() }, [
      scoredInstrument('report', byCounty([F(95), F(90), F(90), F(80), F(70), F(60)])),
    ]);
    assert.deepEqual(r.tiers, [
      { key: 'good', cap: 2, filled: 1 },
      { key: 'fair-good', cap: null, filled: 5 },
    ]);
    assert.deepEqual(
      r.rows.map((row) => [row.unitId, row.rank, row.tier, row.tierTie]),
      [
        ['county-1', 1, 'good', false],
        ['county-2', 2, 'fair-good', true],
        ['county-3', 2, 'fair-good', true],
        ['county-4', 4, 'fair-good', false],
        ['county-5', 5, 'fair-good', false],
        ['county-6', 6, 'fair-good', false],
      ],
    );
  });
});
