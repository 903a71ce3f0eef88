/**
 * Issue #17 § 5, the two counting rules (docs/rules.md, decision 0018):
 * - an adjustment cap is a ceiling (封顶) unless the instrument declares the strict reading;
 * - an empty adjustments row counts as 0 and is not an abstention;
 * and an item's declared step, checked exactly. Known answers and fast-check properties over the whole tally.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { parseBundle } from '../../src/app/bundle/parse-bundle.js';
import { checkBallot } from '../../src/domain/check-ballot.js';
import { checkDefinition } from '../../src/domain/check-definition.js';
import { indexDefinition } from '../../src/domain/definition-index.js';
import { exactString, Fraction, parseDecimal } from '../../src/domain/exact.js';
import { explainSubject } from '../../src/domain/explain.js';
import { buildJinchengDemo } from '../../src/demo/jincheng.js';
import { presentExplanation, presentTally } from '../../src/domain/present.js';
import { tallyCampaign } from '../../src/domain/tally.js';
import type { AdjustmentConfig, Ballot, CampaignDefinition, Instrument, Rating } from '../../src/domain/types.js';
import { adjustmentsInstrument, ballot, definition, scoreInstrument } from './factories.js';

const ITEMS: AdjustmentConfig['items'] = [
  { id: 'brand', label: '特色品牌', direction: 'bonus', maxPoints: '3' },
  { id: 'people', label: '群众满意', direction: 'bonus', maxPoints: '3' },
  { id: 'records', label: '台账不实', direction: 'deduction', maxPoints: '3' },
  { id: 'rectify', label: '整改不到位', direction: 'deduction', maxPoints: '3' },
];

function config(capReading?: AdjustmentConfig['capReading'], caps: [string, string] = ['5', '4']): AdjustmentConfig {
  return { items: ITEMS, maxTotalBonus: caps[0], maxTotalDeduction: caps[1], ...(capReading ? { capReading } : {}) };
}

const SUBJECT = 's-county-1';

function defWith(instrument: Instrument): CampaignDefinition {
  return definition({ instruments: [instrument] });
}

const adjustDef = (c: AdjustmentConfig) => defWith(adjustmentsInstrument({ subjectIds: [SUBJECT], adjustments: c }));
const observeDef = (c: AdjustmentConfig) => defWith(scoreInstrument({ subjectIds: [SUBJECT], max: '100', step: '0.5', adjustments: c }));

function adjustBallot(adjustments: Rating['adjustments'] | undefined, abstain = false): Ballot {
  const rating: Rating = abstain ? { subjectId: SUBJECT, abstain: true } : { subjectId: SUBJECT, adjustments };
  return ballot({ instrumentId: 'adjust', ratings: [rating] });
}

/** The subject's tally after one instrument's ballots. */
function subjectOf(def: CampaignDefinition, ballots: Ballot[]) {
  const tally = tallyCampaign(def, ballots);
  return { tally, subject: tally.instruments[0]!.subjects.find((s) => s.subjectId === SUBJECT)! };
}

const pointsArb = fc.integer({ min: 1, max: 12 }).map((quarters) => String(quarters / 4));
const rowArb = fc.record({ itemId: fc.constantFrom(...ITEMS.map((i) => i.id)), points: pointsArb, reason: fc.constant('理由') });

const sumOf = (rows: { itemId: string; points: string }[], direction: 'bonus' | 'deduction'): Fraction =>
  rows
    .filter((r) => ITEMS.find((i) => i.id === r.itemId)!.direction === direction)
    .reduce((acc, r) => acc.add(parseDecimal(r.points)), new Fraction(0));
const min = (a: Fraction, b: Fraction): Fraction => (a.gt(b) ? b : a);

describe('an adjustment cap is a ceiling (封顶)', () => {
  it('counts several items within their own caps whose sum passes the total cap as the cap, for bonus and deduction', () => {
    const def = adjustDef(config());
    const over = adjustBallot([
      { itemId: 'brand', points: '3', reason: '品牌' },
      { itemId: 'people', points: '2.5', reason: '满意度' },
      { itemId: 'records', points: '3', reason: '台账' },
      { itemId: 'rectify', points: '2', reason: '整改' },
    ]);
    assert.deepEqual(checkBallot(indexDefinition(def), over), []);
    const { subject } = subjectOf(def, [over]);
    // 5.5 bonus counts as 5, 5 deduction as 4: 5 − 4 = 1.
    assert.equal(exactString(subject.score!), '1');
  });

  it('leaves totals within their caps as they are', () => {
    const { subject } = subjectOf(adjustDef(config()), [adjustBallot([{ itemId: 'brand', points: '2.5', reason: 'a' }, { itemId: 'rectify', points: '0.75', reason: 'b' }])]);
    assert.equal(exactString(subject.score!), '7/4');
  });

  it('caps a score instrument’s on-the-spot adjustments the same way before normalising', () => {
    const def = observeDef(config());
    const b = ballot({
      instrumentId: 'observe',
      ratings: [{ subjectId: SUBJECT, score: '80', adjustments: [{ itemId: 'brand', points: '3', reason: 'a' }, { itemId: 'people', points: '3', reason: 'b' }] }],
    });
    assert.deepEqual(checkBallot(indexDefinition(def), b), []);
    assert.equal(exactString(subjectOf(def, [b]).subject.score!), '85');
  });

  it('property: the counted value is min(Σ bonus, cap) − min(Σ deduction, cap), exactly, and no such ballot is invalid', () => {
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 6 }), fc.constantFrom<[string, string]>(['5', '4'], ['0.5', '1.25'], ['2.75', '3']), (rows, caps) => {
        const def = adjustDef(config(undefined, caps));
        const b = adjustBallot(rows);
        assert.deepEqual(checkBallot(indexDefinition(def), b), []);
        const expected = min(sumOf(rows, 'bonus'), parseDecimal(caps[0])).sub(min(sumOf(rows, 'deduction'), parseDecimal(caps[1])));
        assert.equal(exactString(subjectOf(def, [b]).subject.score!), exactString(expected));
      }),
      { numRuns: 300 },
    );
  });

  it('property: under the strict reading a ballot is valid exactly when both totals are within their caps, and then counts in full', () => {
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 6 }), (rows) => {
        const def = adjustDef(config('strict'));
        const b = adjustBallot(rows);
        const within = !sumOf(rows, 'bonus').gt(5) && !sumOf(rows, 'deduction').gt(4);
        const codes = checkBallot(indexDefinition(def), b).map((p) => p.code);
        assert.equal(codes.length === 0, within, codes.join());
        for (const code of codes) assert.ok(code === 'bonus_cap_exceeded' || code === 'deduction_cap_exceeded', code);
        const { subject } = subjectOf(def, [b]);
        if (within) assert.equal(exactString(subject.score!), exactString(sumOf(rows, 'bonus').sub(sumOf(rows, 'deduction'))));
        else assert.equal(subject.score, null, 'an invalid ballot is not counted');
      }),
      { numRuns: 300 },
    );
  });

  it('makes a paper ballot over a cap invalid under the strict reading only', () => {
    const rows = [{ itemId: 'brand', points: '3', reason: 'a' }, { itemId: 'people', points: '3', reason: 'b' }];
    const paper = (def: CampaignDefinition) => subjectOf(def, [{ ...adjustBallot(rows), channel: 'paper', sheetId: 'paper:s1:001' }]);
    assert.equal(exactString(paper(adjustDef(config('ceiling'))).subject.score!), '5');
    const strict = paper(adjustDef(config('strict')));
    assert.equal(strict.subject.score, null);
    assert.deepEqual(strict.tally.invalidBallots.map((i) => i.problems.map((p) => p.code)), [['bonus_cap_exceeded']]);
  });

  it('shows the raw sum and the counted value in the explanation', () => {
    const def = adjustDef(config());
    const cast = [
      adjustBallot([{ itemId: 'brand', points: '3', reason: '品牌' }, { itemId: 'people', points: '2.5', reason: '满意度' }]),
      adjustBallot([{ itemId: 'records', points: '3', reason: '台账' }, { itemId: 'rectify', points: '3', reason: '整改' }]),
      adjustBallot([{ itemId: 'brand', points: '1', reason: '品牌' }]),
    ];
    const tally = tallyCampaign(def, cast);
    const tree = explainSubject(def, tally, 'adjust', SUBJECT, new Map(cast.map((b) => [b.id, b])));
    const leaves = tree.children.flatMap((g) => g.children);
    const capped = new Map(leaves.map((l) => [l.id, l.cappedTotals]));
    assert.deepEqual(capped.get(cast[0]!.id), [{ direction: 'bonus', total: '5.5', counted: '5' }]);
    assert.deepEqual(capped.get(cast[1]!.id), [{ direction: 'deduction', total: '6', counted: '4' }]);
    assert.equal(capped.get(cast[2]!.id), undefined, 'no cap bit: nothing to show');
    // On the subject, in the leaves' order (values ascending): −4 before 5.
    assert.deepEqual(tree.cappedTotals, [
      { direction: 'deduction', total: '6', counted: '4' },
      { direction: 'bonus', total: '5.5', counted: '5' },
    ]);
    // The leaf values are the counted ones: 5, −4 and 1.
    assert.deepEqual(leaves.map((l) => exactString(l.value)).sort(), ['-4', '1', '5']);
    const presented = presentExplanation(tree, 2);
    assert.deepEqual(presented.cappedTotals, tree.cappedTotals);
    assert.equal(presentExplanation(explainSubject(def, tallyCampaign(def, [cast[2]!]), 'adjust', SUBJECT, new Map([[cast[2]!.id, cast[2]!]])), 2).cappedTotals, undefined);
  });
});

describe('an empty adjustments row counts as 0 and is not an abstention', () => {
  it('is valid, counts as 0 and adds no abstention, on an adjustments instrument and on a score', () => {
    const def = adjustDef(config());
    const empty = adjustBallot([]);
    assert.deepEqual(checkBallot(indexDefinition(def), empty), []);
    const { subject } = subjectOf(def, [empty, adjustBallot([{ itemId: 'brand', points: '2', reason: 'a' }])]);
    assert.equal(exactString(subject.score!), '1', 'the mean of 0 and 2: the empty row is a value');
    assert.equal(subject.abstentions, 0);
    assert.equal(subject.groups[0]!.count, 2);

    const observe = observeDef(config());
    const b = ballot({ instrumentId: 'observe', ratings: [{ subjectId: SUBJECT, score: '80', adjustments: [] }] });
    assert.deepEqual(checkBallot(indexDefinition(observe), b), []);
    assert.equal(exactString(subjectOf(observe, [b]).subject.score!), '80');
  });

  it('differs from an abstention, which leaves the value out', () => {
    const def = adjustDef({ ...config() });
    const abstainable = defWith({ ...(def.instruments[0] as Instrument), allowAbstain: true });
    const { subject } = subjectOf(abstainable, [adjustBallot(undefined, true), adjustBallot([{ itemId: 'brand', points: '2', reason: 'a' }])]);
    assert.equal(exactString(subject.score!), '2');
    assert.equal(subject.abstentions, 1);
  });
});

describe('an item’s declared step', () => {
  const stepped = (step: string) => adjustDef({ ...config(), items: ITEMS.map((i) => (i.id === 'brand' ? { ...i, step } : i)) });

  it('refuses points off the step with a zh and en text; items without a step take any decimal', () => {
    const index = indexDefinition(stepped('0.5'));
    assert.deepEqual(checkBallot(index, adjustBallot([{ itemId: 'brand', points: '1.5', reason: 'a' }])), []);
    const [problem] = checkBallot(index, adjustBallot([{ itemId: 'brand', points: '1.3', reason: 'a' }]));
    assert.equal(problem!.code, 'adjustment_off_step');
    assert.match(problem!.message.zh, /「特色品牌」的分值 1\.3 不符合最小分值单位 0\.5/);
    assert.match(problem!.message.en, /“特色品牌” points 1\.3 are not a multiple of the step 0\.5/);
    assert.deepEqual(checkBallot(index, adjustBallot([{ itemId: 'people', points: '1.3', reason: 'a' }])), []);
  });

  it('property: points are on the step exactly when they are a whole multiple of it (integer arithmetic)', () => {
    fc.assert(
      fc.property(fc.constantFrom('0.5', '0.25', '0.1', '1', '0.3'), fc.integer({ min: 1, max: 3_000_000 }), (step, micro) => {
        const points = String(micro / 1_000_000);
        if (!/^\d+(\.\d+)?$/.test(points)) return;
        const index = indexDefinition(stepped(step));
        const problems = checkBallot(index, adjustBallot([{ itemId: 'brand', points, reason: 'a' }])).map((p) => p.code);
        const onStep = parseDecimal(points).div(parseDecimal(step)).d === 1n;
        const inRange = !parseDecimal(points).gt(3);
        if (!inRange) return;
        assert.deepEqual(problems, onStep ? [] : ['adjustment_off_step'], `${points} on ${step}`);
      }),
      { numRuns: 400 },
    );
  });

  it('is checked in the definition: positive, and the item’s cap a whole multiple of it', () => {
    const codes = (def: CampaignDefinition) => checkDefinition(def).map((p) => p.code);
    assert.deepEqual(codes(stepped('0.5')), []);
    assert.ok(codes(stepped('0')).includes('adjustment_step_not_positive'));
    assert.ok(codes(stepped('0.7')).includes('adjustment_max_off_step'));
    const unknown = adjustDef({ ...config(), capReading: 'lenient' as never });
    assert.ok(codes(unknown).includes('adjustment_cap_reading_unknown'));
  });
});

describe('the demo under either reading', () => {
  it('publishes the same numbers: its adjustments stay within every cap', () => {
    const { definition: def, ballots } = buildJinchengDemo();
    const strict: CampaignDefinition = {
      ...def,
      instruments: def.instruments.map((i) => (i.kind !== 'grade' && i.adjustments ? ({ ...i, adjustments: { ...i.adjustments, capReading: 'strict' } } as Instrument) : i)),
    };
    assert.ok(def.instruments.some((i) => i.kind !== 'grade' && i.adjustments), 'the demo has adjustments');
    assert.deepEqual(presentTally(strict, tallyCampaign(strict, ballots)), presentTally(def, tallyCampaign(def, ballots)));
  });
});

describe('bundles written before the reading was declared', () => {
  const rows = [{ itemId: 'brand', points: '3', reason: 'a' }, { itemId: 'people', points: '3', reason: 'b' }];
  const raw = (version: number) => {
    const def = adjustDef(config());
    return { format: 'leitai-bundle', version, exportedAt: '2026-01-01T00:00:00Z', definition: def, ballots: [{ ...adjustBallot(rows), channel: 'paper', sheetId: 'paper:s1:001' }] };
  };

  it('reads a version 1 bundle strictly, so it re-tallies to what it was published with', () => {
    const old = parseBundle(raw(1));
    const adjustments = (old.definition.instruments[0] as { adjustments: AdjustmentConfig }).adjustments;
    assert.equal(adjustments.capReading, 'strict');
    assert.equal(subjectOf(old.definition, old.ballots).subject.score, null, 'the over-cap paper ballot stays invalid');
  });

  it('reads a later bundle without the field with the ceiling', () => {
    const current = parseBundle(raw(2));
    assert.equal((current.definition.instruments[0] as { adjustments: AdjustmentConfig }).adjustments.capReading, undefined);
    assert.equal(exactString(subjectOf(current.definition, current.ballots).subject.score!), '5');
  });
});
