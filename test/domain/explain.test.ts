import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { exactString, sum } from '../../src/domain/exact.js';
import { explainRankingRow, explainSubject } from '../../src/domain/explain.js';
import type { ExplanationNode } from '../../src/domain/results.js';
import { tallyCampaign } from '../../src/domain/tally.js';
import { ballot, definition, fullCampaign, gradeInstrument, gradeRatings, randomBallots, session } from './factories.js';

/** Every inner node must equal Σ child.weight × child.value, exactly. */
function assertSumsBack(n: ExplanationNode, path = n.id): void {
  if (n.kind === 'ballot') return;
  const recomputed = sum(n.children.map((c) => c.weight.mul(c.value)));
  assert.ok(recomputed.equals(n.value), `${path}: ${exactString(n.value)} ≠ Σ ${exactString(recomputed)}`);
  n.children.forEach((c) => { assertSumsBack(c, `${path}/${c.kind}:${c.id}`); });
}

function* walk(n: ExplanationNode): Generator<ExplanationNode> {
  yield n;
  for (const c of n.children) yield* walk(c);
}

describe('explanations', () => {
  it('sum back exactly to every total at every node (property)', () => {
    const def = fullCampaign();
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), (seed) => {
        const tally = tallyCampaign(def, randomBallots(def, seed));
        for (const ranking of tally.rankings) {
          for (const row of ranking.rows) {
            const tree = explainRankingRow(def, tally, ranking.rankingId, row.unitId);
            assert.ok(tree.value.equals(row.total));
            assertSumsBack(tree);
          }
        }
      }),
      { numRuns: 40 },
    );
  });

  it('go from total through components, roll-up, subject and group down to ballots, labelled by name (the kind says total or roll-up)', () => {
    const def = fullCampaign();
    const tally = tallyCampaign(def, randomBallots(def, 7));
    const tree = explainRankingRow(def, tally, 'county-rank', 'county-2');
    assert.equal(tree.label, '沁水县');
    assert.equal(tree.kind, 'total');
    assert.deepEqual(tree.children.map((c) => c.label), ['汇报评', '观摩评', '交流评', '加减分']);
    const kinds = new Set([...walk(tree)].map((n) => n.kind));
    assert.deepEqual([...kinds].sort(), ['adjustments', 'ballot', 'component', 'group', 'rollup', 'subject', 'total']);
    const observe = tree.children[1]!.children[0]!;
    assert.equal(observe.kind, 'rollup');
    assert.equal(observe.label, '沁水县');
  });

  it('name ballots by id only, never by person', () => {
    const def = fullCampaign();
    const ballots = randomBallots(def, 11);
    const tally = tallyCampaign(def, ballots);
    const tree = explainRankingRow(def, tally, 'county-rank', 'county-1');
    const names = new Set(ballots.map((b) => b.raterName).filter((n) => n !== null));
    for (const n of walk(tree)) {
      if (n.kind !== 'ballot') continue;
      assert.equal(n.label, n.id);
      assert.ok(!names.has(n.label));
    }
  });

  it('give dropped values weight 0 and say when a trimmed mean fell back to the mean', () => {
    const counties = ['s-county-1', 's-county-2', 's-county-3', 's-county-4', 's-county-5', 's-county-6'];
    const def = definition({
      instruments: [gradeInstrument({ subjectIds: counties, aggregation: { method: 'trimmed', k: 1 }, quotaRules: [] })],
      sessions: [session({ instrumentIds: ['report'], status: 'open' })],
    });
    const grades = ['good', 'good', 'fair-good', 'average', 'average'];
    const ballots = grades.map((g) => ballot({ ratings: gradeRatings(counties, [g, g, g, g, g, g]) }));
    const tally = tallyCampaign(def, ballots);
    const group = explainSubject(def, tally, 'report', 's-county-1').children[0]!;
    assert.deepEqual(group.children.map((c) => [exactString(c.value), exactString(c.weight)]), [
      ['70', '0'],
      ['70', '1/3'],
      ['85', '1/3'],
      ['100', '1/3'],
      ['100', '0'],
    ]);
    assert.equal(exactString(group.value), '85');

    const few = tallyCampaign(def, ballots.slice(0, 2));
    const fallback = explainSubject(def, few, 'report', 's-county-1').children[0]!;
    assert.match(fallback.note!.zh, /改用平均分/);
    assert.match(fallback.note!.en, /mean was used/);
  });

  it('note renormalised group weights and missing components', () => {
    const def = fullCampaign();
    const onlyOffice = randomBallots(def, 3)
      .filter((b) => b.instrumentId !== 'observe')
      .map((b) => ({ ...b, raterGroupId: 'office', raterName: null, ratings: b.ratings.map((r) => ({ ...r, abstain: undefined, grade: r.grade ?? (r.abstain ? 'good' : undefined) })) }));
    const tally = tallyCampaign(def, onlyOffice);
    assert.equal(tally.ballots.invalid, 0);
    const subject = explainSubject(def, tally, 'report', 's-county-1');
    assert.match(subject.note!.zh, /重新归一/);
    const tree = explainRankingRow(def, tally, 'county-rank', 'county-1');
    const observe = tree.children.find((c) => c.id === 'observe')!;
    assert.equal(observe.note!.zh, '缺少该项得分，按 0 分计入');
    assert.equal(observe.children.length, 0);
    assertSumsBack(tree);
  });
});
