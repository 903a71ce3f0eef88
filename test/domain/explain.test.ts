import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { exactString, sum } from '../../src/domain/exact.js';
import { ballotsToRead, explainRankingRow, explainSubject } from '../../src/domain/explain.js';
import type { ExplanationNode } from '../../src/domain/results.js';
import { tallyCampaign } from '../../src/domain/tally.js';
import { ballot, definition, fullCampaign, gradeInstrument, gradeRatings, jinchengUnits, randomBallots, rankingSpec, scoreInstrument, session, sites, unitSubjects } from './factories.js';

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

  it('name ballots by their place among the values, never by id or person', () => {
    const def = fullCampaign();
    const ballots = randomBallots(def, 11);
    const tally = tallyCampaign(def, ballots);
    const tree = explainRankingRow(def, tally, 'county-rank', 'county-1');
    const names = new Set(ballots.map((b) => b.raterName).filter((n) => n !== null));
    for (const n of walk(tree)) {
      if (n.kind !== 'ballot') continue;
      assert.match(n.label, /^#\d+$/);
      assert.notEqual(n.label, n.id);
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

  it('mark each value a trimmed mean dropped as one of the lowest or highest, and say so', () => {
    const counties = ['s-county-1', 's-county-2', 's-county-3', 's-county-4', 's-county-5', 's-county-6'];
    const def = definition({
      instruments: [gradeInstrument({ subjectIds: counties, aggregation: { method: 'trimmed', k: 1 }, quotaRules: [] })],
      sessions: [session({ instrumentIds: ['report'], status: 'open' })],
    });
    const grades = ['average', 'good', 'fair-good', 'good', 'average'];
    const tally = tallyCampaign(def, grades.map((g) => ballot({ ratings: gradeRatings(counties, [g, g, g, g, g, g]) })));
    const leaves = explainSubject(def, tally, 'report', 's-county-1').children[0]!.children;
    assert.deepEqual(leaves.map((l) => [exactString(l.value), exactString(l.weight), l.dropped ?? null]), [
      ['70', '0', 'lowest'],
      ['70', '1/3', null],
      ['85', '1/3', null],
      ['100', '1/3', null],
      ['100', '0', 'highest'],
    ]);
    assert.match(leaves[0]!.note!.zh, /最低分之一.*不计入/);
    assert.match(leaves[4]!.note!.en, /highest values: dropped/);
    assert.equal(leaves[1]!.note, undefined);
    // Fewer than 2k + 1 values: nothing is dropped, nothing is marked.
    const few = tallyCampaign(def, grades.slice(0, 2).map((g) => ballot({ ratings: gradeRatings(counties, [g, g, g, g, g, g]) })));
    assert.ok(explainSubject(def, few, 'report', 's-county-1').children[0]!.children.every((l) => l.dropped === undefined));
  });

  it('give a ballot its adjustments with their reasons when given the ballots as cast, and read only those it needs', () => {
    const sitesOf = sites({ 'county-1': 2 });
    const observe = scoreInstrument({
      subjectIds: sitesOf.map((s) => s.id),
      adjustments: {
        items: [
          { id: 'brand', label: '特色品牌', direction: 'bonus', maxPoints: '2' },
          { id: 'rectify', label: '整改不到位', direction: 'deduction', maxPoints: '2' },
        ],
        maxTotalBonus: '3',
        maxTotalDeduction: '3',
      },
    });
    const report = gradeInstrument({ subjectIds: ['s-county-1', 's-county-2'], quotaRules: [] });
    const units = jinchengUnits();
    const def = definition({
      units,
      subjects: [...unitSubjects(units), ...sitesOf],
      instruments: [report, observe],
      rankings: [rankingSpec({ components: [{ instrumentId: 'report', weight: '50' }, { instrumentId: 'observe', weight: '50' }] })],
      sessions: [session({ instrumentIds: ['report', 'observe'], status: 'open' })],
    });
    const [site1, site2] = sitesOf.map((s) => s.id) as [string, string];
    const cast = [
      ballot({ instrumentId: 'observe', ratings: [
        { subjectId: site1, score: '80', adjustments: [{ itemId: 'brand', points: '1.5', reason: '经验可复制可推广' }, { itemId: 'rectify', points: '1', reason: '上次督导问题整改不到位' }] },
        { subjectId: site2, score: '75', adjustments: [] },
      ] }),
      ballot({ instrumentId: 'observe', ratings: [{ subjectId: site1, score: '90' }, { subjectId: site2, score: '70' }] }),
      ballot({ instrumentId: 'report', ratings: gradeRatings(['s-county-1', 's-county-2'], ['good', 'average']) }),
    ];
    const tally = tallyCampaign(def, cast);
    const outline = explainRankingRow(def, tally, 'county-rank', 'county-1');
    const needed = ballotsToRead(def, outline);
    assert.deepEqual(needed.sort(), [cast[0]!.id, cast[1]!.id].sort(), 'the observation ballots only, never the report ballot');
    const tree = explainRankingRow(def, tally, 'county-rank', 'county-1', new Map(cast.map((b) => [b.id, b])));
    const leaves = [...walk(tree)].filter((n) => n.kind === 'ballot');
    const first = leaves.find((l) => l.id === cast[0]!.id && exactString(l.value) === '161/2')!;
    assert.deepEqual(first.adjustments, [
      { item: '特色品牌', direction: 'bonus', points: '1.5', reason: '经验可复制可推广' },
      { item: '整改不到位', direction: 'deduction', points: '1', reason: '上次督导问题整改不到位' },
    ]);
    assert.deepEqual(leaves.find((l) => l.id === cast[1]!.id)!.adjustments, []);
    assert.ok(leaves.filter((l) => l.id === cast[2]!.id).every((l) => l.adjustments === undefined), 'a grade ballot has no adjustments');
    assertSumsBack(tree);
    // Without the ballots the tree is the same, numbers and all.
    const bare = (n: ExplanationNode): unknown => ({ kind: n.kind, id: n.id, value: exactString(n.value), weight: exactString(n.weight), children: n.children.map(bare) });
    assert.deepEqual(bare(tree), bare(outline));
  });
});
