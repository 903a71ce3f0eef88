import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { checkBallot } from '../../src/domain/check-ballot.js';
import { indexDefinition } from '../../src/domain/definition-index.js';
import type { BallotProblem } from '../../src/domain/results.js';
import type { Ballot, Rating } from '../../src/domain/types.js';
import {
  adjustmentsInstrument,
  ballot,
  definition,
  gradeInstrument,
  gradeRatings,
  jinchengUnits,
  quotaRule,
  reportRules,
  scoreInstrument,
  unitSubjects,
} from './factories.js';

const units = jinchengUnits(2);
const counties = units.filter((u) => u.level === 'county').map((u) => `s-${u.id}`);
const townships = units.filter((u) => u.level === 'township').map((u) => `s-${u.id}`);
const subjects = [
  ...unitSubjects(units),
  { id: 'site-1', kind: 'site' as const, unitId: 'county-1', name: '城区实训点' },
];

const report = gradeInstrument({ subjectIds: counties });
const reportAbstain = gradeInstrument({ id: 'report-abstain', subjectIds: counties, allowAbstain: true });
const reportRated = gradeInstrument({
  id: 'report-rated',
  subjectIds: counties,
  allowAbstain: true,
  quotaRules: [quotaRule({ base: 'rated' })],
});
const seven = gradeInstrument({ id: 'seven', subjectIds: [...counties, 'site-1'] });
const exchange = gradeInstrument({
  id: 'exchange',
  subjectIds: townships,
  quotaRules: [quotaRule({ id: 'rule-10', label: '好 ≤ 10%', numerator: 10 })],
});
const observe = scoreInstrument({
  subjectIds: counties.slice(0, 2),
  adjustments: adjustmentsInstrument().adjustments,
});
const rubric = scoreInstrument({
  id: 'rubric',
  subjectIds: counties.slice(0, 1),
  step: '1',
  criteria: [
    { id: 'org', label: '组织建设', maxPoints: '30' },
    { id: 'work', label: '工作成效', maxPoints: '70' },
  ],
});
const taskforce = scoreInstrument({
  id: 'taskforce-eval',
  name: '专班评',
  subjectIds: counties.slice(0, 1),
  groupWeights: [{ groupId: 'taskforce', weight: '1' }],
  opinion: 'required',
});
const adjust = adjustmentsInstrument({ subjectIds: counties.slice(0, 1) });

const index = indexDefinition(
  definition({
    units,
    subjects,
    instruments: [report, reportAbstain, reportRated, seven, exchange, observe, rubric, taskforce, adjust],
  }),
);

function codes(problems: BallotProblem[]): string[] {
  return problems.map((p) => p.code).sort();
}

function grades(instrumentId: string, ids: string[], gs: (string | null)[], extra: Partial<Ballot> = {}): Ballot {
  return ballot({ instrumentId, ratings: gradeRatings(ids, gs), ...extra });
}

const G = 'good';
const F = 'fair-good';
const A = 'average';

describe('checkBallot: quota rules', () => {
  it('accepts 2 好 of 6 with 4 较好 or below', () => {
    assert.deepEqual(checkBallot(index, grades('report', counties, [G, G, F, F, A, A])), []);
  });

  it('refuses 3 好 of 6 naming the rule and the counts', () => {
    const problems = checkBallot(index, grades('report', counties, [G, G, G, F, A, A]));
    assert.equal(problems.length, 1);
    const [p] = problems as [BallotProblem];
    assert.equal(p.code, 'quota_exceeded');
    assert.equal(p.severity, 'rule');
    assert.equal(p.ruleId, 'rule-good-max');
    assert.deepEqual({ n: p.params.n, allowed: p.params.allowed, actual: p.params.actual }, { n: 6, allowed: 2, actual: 3 });
    assert.equal(p.message.zh, '「好 ≤ 40%」：本票 6 个对象最多 2 个“好”，实际 3 个');
  });

  it('refuses a ballot with 3 of 7 rated 好', () => {
    const problems = checkBallot(index, grades('seven', seven.subjectIds, [G, G, G, F, F, F, F]));
    assert.deepEqual(codes(problems), ['quota_exceeded']);
    assert.equal(problems[0]!.params.allowed, 2);
  });

  it('keeps abstentions in the denominator and enforces the min rule', () => {
    const ok = checkBallot(index, grades('report-abstain', counties, [G, G, F, F, null, null]));
    assert.deepEqual(ok, []);
    const problems = checkBallot(index, grades('report-abstain', counties, [G, G, F, null, null, null]));
    assert.deepEqual(codes(problems), ['quota_not_met']);
    assert.deepEqual([problems[0]!.params.n, problems[0]!.params.allowed, problems[0]!.params.actual], [6, 2, 1]);
  });

  it('counts only rated subjects for a rated base', () => {
    // 4 rated: 好 ≤ 40% allows 1.
    const problems = checkBallot(index, grades('report-rated', counties, [G, G, F, F, null, null]));
    assert.deepEqual(codes(problems), ['quota_exceeded']);
    assert.deepEqual([problems[0]!.params.n, problems[0]!.params.allowed], [4, 1]);
  });

  it('drops a conflicted county from the base: 2 好 of the 5 others is allowed', () => {
    const b = grades('report', counties.slice(1), [G, G, F, F, A], { boundUnitId: 'county-1' });
    assert.deepEqual(checkBallot(index, b), []);
    const three = grades('report', counties.slice(1), [G, G, G, F, A], { boundUnitId: 'county-1' });
    assert.deepEqual(checkBallot(index, three).map((p) => [p.code, p.params.n, p.params.allowed]), [['quota_exceeded', 5, 2]]);
  });

  it('allows one 好 of 12 townships under 好 ≤ 10% (1.2 rounds down) and refuses two', () => {
    const one = checkBallot(index, grades('exchange', townships, townships.map((_, i) => (i < 1 ? G : F))));
    assert.deepEqual(one, []);
    const two = checkBallot(index, grades('exchange', townships, townships.map((_, i) => (i < 2 ? G : F))));
    assert.deepEqual(two.map((p) => [p.code, p.params.allowed, p.params.actual]), [['quota_exceeded', 1, 2]]);
  });
});

describe('checkBallot: session agendas', () => {
  const def = definition({ units, subjects, instruments: [report] });
  def.sessions.push({ ...def.sessions[0]!, id: 'seminar', name: '城区片区座谈会', agenda: counties.slice(0, 3) });
  const idx = indexDefinition(def);
  const onAgenda = counties.slice(0, 3);

  it('rates exactly the agenda and counts the quota over it: 1 好 of 3 allowed, 2 refused', () => {
    assert.deepEqual(checkBallot(idx, grades('report', onAgenda, [G, F, A], { sessionId: 'seminar' })), []);
    const problems = checkBallot(idx, grades('report', onAgenda, [G, G, A], { sessionId: 'seminar' }));
    assert.deepEqual(problems.map((p) => [p.code, p.params.n, p.params.allowed, p.params.actual]), [['quota_exceeded', 3, 1, 2]]);
  });

  it('refuses a subject off the agenda and asks only for agenda subjects', () => {
    const problems = checkBallot(idx, grades('report', [counties[0]!, counties[1]!, counties[4]!], [G, F, A], { sessionId: 'seminar' }));
    assert.deepEqual(problems.map((p) => [p.code, p.subjectId]).sort(), [
      ['missing_subject', counties[2]],
      ['subject_not_on_agenda', counties[4]],
    ]);
    assert.match(problems.find((p) => p.code === 'subject_not_on_agenda')!.message.zh, /不在测评会「城区片区座谈会」的议程上/);
  });

  it('removes conflicts from the agenda too (2 left: 40% allows no 好)', () => {
    const b = grades('report', onAgenda.slice(1), [F, A], { sessionId: 'seminar', boundUnitId: 'county-1' });
    assert.deepEqual(checkBallot(idx, b), []);
  });

  it('uses every instrument subject for a session without an agenda', () => {
    assert.deepEqual(checkBallot(idx, grades('report', counties, [G, G, F, F, A, A], { sessionId: 's1' })), []);
  });
});

describe('checkBallot: ballot header', () => {
  it('refuses an unknown instrument and stops there', () => {
    assert.deepEqual(codes(checkBallot(index, ballot({ instrumentId: 'nope' }))), ['unknown_instrument']);
  });

  it('refuses unknown group, session and bound unit', () => {
    const b = grades('report', counties, [G, G, F, F, A, A], {
      raterGroupId: 'ghost',
      sessionId: 'ghost',
      boundUnitId: 'ghost',
    });
    assert.deepEqual(codes(checkBallot(index, b)), ['unknown_bound_unit', 'unknown_group', 'unknown_session']);
  });

  it('refuses a group that does not rate the instrument', () => {
    const b = grades('report', counties, [G, G, F, F, A, A], { raterGroupId: 'taskforce', raterName: '张三' });
    assert.deepEqual(codes(checkBallot(index, b)), ['group_not_in_instrument']);
  });

  it('requires a name from a named group and refuses one from an anonymous group', () => {
    const unsigned = ballot({
      instrumentId: 'taskforce-eval',
      raterGroupId: 'taskforce',
      raterName: '  ',
      ratings: [{ subjectId: counties[0]!, score: '90', opinion: '组织有力' }],
    });
    assert.deepEqual(codes(checkBallot(index, unsigned)), ['rater_name_required']);
    const signed = grades('report', counties, [G, G, F, F, A, A], { raterName: '李四' });
    assert.deepEqual(codes(checkBallot(index, signed)), ['rater_name_forbidden']);
  });

  it('refuses a session whose agenda lacks the instrument', () => {
    const def = definition();
    def.sessions.push({ ...def.sessions[0]!, id: 's2', instrumentIds: [] });
    const b = grades('report', counties, [G, G, F, F, A, A], { sessionId: 's2' });
    assert.deepEqual(codes(checkBallot(indexDefinition(def), b)), ['session_instrument_mismatch']);
  });

  it('accepts a ballot without a session', () => {
    assert.deepEqual(checkBallot(index, grades('report', counties, [G, G, F, F, A, A], { sessionId: null })), []);
  });
});

describe('checkBallot: which subjects', () => {
  it('refuses unknown, foreign and conflicted subjects', () => {
    const ratings: Rating[] = [
      ...gradeRatings(counties.slice(1), [G, F, F, A, A]),
      { subjectId: 'nobody', grade: F },
      { subjectId: townships[0]!, grade: F },
      { subjectId: counties[0]!, grade: F },
    ];
    const b = ballot({ ratings, boundUnitId: 'county-1' });
    assert.deepEqual(codes(checkBallot(index, b)), ['subject_conflict', 'subject_not_in_instrument', 'unknown_subject']);
  });

  it('refuses a duplicate and a missing subject', () => {
    const ratings = gradeRatings([...counties.slice(0, 5), counties[0]!], [G, F, F, A, A, F]);
    const problems = checkBallot(index, ballot({ ratings }));
    assert.deepEqual(codes(problems), ['duplicate_subject', 'missing_subject']);
    assert.equal(problems.find((p) => p.code === 'missing_subject')!.subjectId, counties[5]);
    assert.match(problems.find((p) => p.code === 'missing_subject')!.message.zh, /高平市/);
  });

  it('refuses an abstention where the instrument allows none, and an abstention with a grade', () => {
    assert.deepEqual(codes(checkBallot(index, grades('report', counties, [G, G, F, F, A, null]))), ['abstain_not_allowed']);
    const ratings: Rating[] = [...gradeRatings(counties.slice(0, 5), [G, G, F, F, A]), { subjectId: counties[5]!, abstain: true, grade: G }];
    assert.deepEqual(codes(checkBallot(index, ballot({ instrumentId: 'report-abstain', ratings }))), ['abstain_with_value']);
  });
});

describe('checkBallot: grade fields', () => {
  it('refuses a missing grade, an unknown grade and a score on a grade instrument', () => {
    const ratings: Rating[] = [
      ...gradeRatings(counties.slice(0, 3), [G, F, F]),
      { subjectId: counties[3]! },
      { subjectId: counties[4]!, grade: '优秀' },
      { subjectId: counties[5]!, grade: A, score: '90' },
    ];
    const problems = checkBallot(index, ballot({ ratings }));
    assert.deepEqual(codes(problems), ['field_not_allowed', 'grade_required', 'unknown_grade']);
  });
});

function scoreBallot(instrumentId: string, ratings: Rating[], extra: Partial<Ballot> = {}): Ballot {
  return ballot({ instrumentId, ratings, ...extra });
}

describe('checkBallot: scores', () => {
  const at = (score: string): Rating[] => [
    { subjectId: counties[0]!, score },
    { subjectId: counties[1]!, score: '80' },
  ];

  it('accepts scores in range on the step, however written', () => {
    for (const s of ['87.5', '87.50', '0', '100', '100.000000', '0.5']) {
      assert.deepEqual(checkBallot(index, scoreBallot('observe', at(s))), [], s);
    }
  });

  it('refuses scores that are not decimals, out of range or off the step', () => {
    const cases: [string, string][] = [
      ['abc', 'score_not_decimal'],
      ['1e2', 'score_not_decimal'],
      ['87.', 'score_not_decimal'],
      ['87.5000001', 'score_not_decimal'],
      ['100.5', 'score_out_of_range'],
      ['-0.5', 'score_out_of_range'],
      ['1234567890123.5', 'score_out_of_range'],
      ['87.25', 'score_off_step'],
      ['87.000001', 'score_off_step'],
    ];
    for (const [s, code] of cases) {
      assert.deepEqual(codes(checkBallot(index, scoreBallot('observe', at(s)))), [code], s);
    }
  });

  it('names the score and the range in the message', () => {
    const [p] = checkBallot(index, scoreBallot('observe', at('100.5')));
    assert.equal(p!.message.zh, '对象「城区」：分数 100.5 超出 0–100 的范围');
  });

  it('requires a score', () => {
    assert.deepEqual(codes(checkBallot(index, scoreBallot('observe', [{ subjectId: counties[0]! }, { subjectId: counties[1]!, score: '1' }]))), ['score_required']);
  });
});

describe('checkBallot: criteria', () => {
  const one = (r: Omit<Rating, 'subjectId'>): Ballot => scoreBallot('rubric', [{ subjectId: counties[0]!, ...r }]);

  it('accepts every criterion within its maximum', () => {
    assert.deepEqual(checkBallot(index, one({ criteria: { org: '30', work: '55' } })), []);
    assert.deepEqual(checkBallot(index, one({ criteria: { org: '30', work: '55' }, score: '85' })), []);
  });

  it('refuses missing, unknown and out-of-range criteria and a total that disagrees', () => {
    assert.deepEqual(codes(checkBallot(index, one({ criteria: { org: '30' } }))), ['criterion_missing']);
    assert.deepEqual(codes(checkBallot(index, one({ criteria: { org: '30', work: '50', extra: '1' } }))), ['unknown_criterion']);
    assert.deepEqual(codes(checkBallot(index, one({ criteria: { org: '31', work: '50' } }))), ['criterion_out_of_range']);
    assert.deepEqual(codes(checkBallot(index, one({ criteria: { org: '20.5', work: '50' } }))), ['criterion_off_step']);
    assert.deepEqual(codes(checkBallot(index, one({ criteria: { org: 'x', work: '50' } }))), ['criterion_not_decimal']);
    assert.deepEqual(codes(checkBallot(index, one({ criteria: { org: '30', work: '50' }, score: '81' }))), ['score_criteria_mismatch']);
    assert.deepEqual(codes(checkBallot(index, one({ score: '80' }))), ['criteria_required']);
  });
});

describe('checkBallot: adjustments and opinions', () => {
  const obs = (adjustments: Rating['adjustments']): Ballot =>
    scoreBallot('observe', [
      { subjectId: counties[0]!, score: '90', adjustments },
      { subjectId: counties[1]!, score: '80' },
    ]);

  it('accepts adjustments with reasons within every cap', () => {
    const b = obs([
      { itemId: 'highlight', points: '3', reason: '党建引领有特色' },
      { itemId: 'highlight', points: '2', reason: '群众满意度高' },
      { itemId: 'shortcoming', points: '1.5', reason: '台账不全' },
    ]);
    assert.deepEqual(checkBallot(index, b), []);
  });

  it('refuses unknown items, zero or excessive points, and blank reasons', () => {
    const b = obs([
      { itemId: 'ghost', points: '1', reason: 'x' },
      { itemId: 'highlight', points: '0', reason: 'x' },
      { itemId: 'highlight', points: '3.5', reason: 'x' },
      { itemId: 'highlight', points: 'lots', reason: 'x' },
      { itemId: 'shortcoming', points: '1', reason: '   ' },
    ]);
    assert.deepEqual(codes(checkBallot(index, b)), [
      'adjustment_not_decimal',
      'adjustment_out_of_range',
      'adjustment_out_of_range',
      'reason_required',
      'unknown_adjustment_item',
    ]);
  });

  const overCaps = [
    { itemId: 'highlight', points: '3', reason: 'a' },
    { itemId: 'highlight', points: '2.5', reason: 'b' },
    { itemId: 'shortcoming', points: '3', reason: 'c' },
    { itemId: 'shortcoming', points: '3', reason: 'd' },
  ];

  it('reads the total caps as a ceiling by default: totals over them are no problem (they count as the cap)', () => {
    assert.deepEqual(checkBallot(index, obs(overCaps)), []);
  });

  it('under the strict reading refuses bonus and deduction totals over their caps, with the totals', () => {
    const strictObserve = { ...observe, adjustments: { ...observe.adjustments!, capReading: 'strict' as const } };
    const strictIndex = indexDefinition(definition({ instruments: [strictObserve] }));
    const problems = checkBallot(strictIndex, obs(overCaps));
    assert.deepEqual(problems.map((p) => [p.code, p.params.total, p.params.cap]), [
      ['bonus_cap_exceeded', '5.5', '5'],
      ['deduction_cap_exceeded', '6', '5'],
    ]);
  });

  it('refuses a reason over 2000 characters', () => {
    const b = obs([{ itemId: 'highlight', points: '1', reason: '好'.repeat(2001) }]);
    assert.deepEqual(codes(checkBallot(index, b)), ['reason_too_long']);
    assert.deepEqual(checkBallot(index, obs([{ itemId: 'highlight', points: '1', reason: '好'.repeat(2000) }])), []);
  });

  it('needs an adjustments list on an adjustments instrument, an empty one meaning none', () => {
    assert.deepEqual(checkBallot(index, scoreBallot('adjust', [{ subjectId: counties[0]!, adjustments: [] }])), []);
    assert.deepEqual(codes(checkBallot(index, scoreBallot('adjust', [{ subjectId: counties[0]! }]))), ['adjustments_required']);
    assert.deepEqual(codes(checkBallot(index, scoreBallot('adjust', [{ subjectId: counties[0]!, adjustments: [], score: '1' }]))), ['field_not_allowed']);
  });

  it('refuses adjustments on a score instrument without an adjustments config', () => {
    const b = scoreBallot('rubric', [{ subjectId: counties[0]!, criteria: { org: '1', work: '1' }, adjustments: [] }]);
    assert.deepEqual(codes(checkBallot(index, b)), ['field_not_allowed']);
  });

  it('requires an opinion where declared, forbids one where none, and limits its length', () => {
    const tf = (opinion?: string): Ballot =>
      scoreBallot('taskforce-eval', [{ subjectId: counties[0]!, score: '90', ...(opinion === undefined ? {} : { opinion }) }], {
        raterGroupId: 'taskforce',
        raterName: '王五',
      });
    assert.deepEqual(checkBallot(index, tf('组织有力，成效明显')), []);
    assert.deepEqual(codes(checkBallot(index, tf())), ['opinion_required']);
    assert.deepEqual(codes(checkBallot(index, tf(' '))), ['opinion_required']);
    assert.deepEqual(codes(checkBallot(index, tf('意'.repeat(2001)))), ['opinion_too_long']);
    const withOpinion = ballot({ ratings: gradeRatings(counties, [G, G, F, F, A, A]).map((r) => ({ ...r, opinion: '很好' })) });
    assert.equal(codes(checkBallot(index, withOpinion)).filter((c) => c === 'opinion_forbidden').length, 6);
  });
});

describe('checkBallot: properties', () => {
  const pool = [...counties, 'nobody', townships[0]!];
  const ratingArb = fc.record({
    subjectId: fc.constantFrom(...pool),
    choice: fc.constantFrom('good', 'fair-good', 'average', 'poor', '优秀', null, undefined),
  }).map(({ subjectId, choice }): Rating => {
    if (choice === null) return { subjectId, abstain: true };
    if (choice === undefined) return { subjectId };
    return { subjectId, grade: choice };
  });
  const ballotArb = fc.record({
    instrumentId: fc.constantFrom('report', 'report-abstain', 'report-rated', 'seven'),
    boundUnitId: fc.constantFrom(null, 'county-1', 'county-2-town-1'),
    ratings: fc.array(ratingArb, { maxLength: 9 }),
  });
  const key = (problems: BallotProblem[]): string[] => problems.map((p) => JSON.stringify(p)).sort();

  it('does not depend on the order of ratings', () => {
    fc.assert(
      fc.property(ballotArb, fc.infiniteStream(fc.nat()), (b, randoms) => {
        const shuffled = [...b.ratings];
        for (let i = shuffled.length - 1; i > 0; i--) {
          const j = randoms.next().value % (i + 1);
          [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
        }
        const first = checkBallot(index, ballot({ ...b, id: 'x', sheetId: 'x' }));
        const second = checkBallot(index, ballot({ ...b, id: 'x', sheetId: 'x', ratings: shuffled }));
        assert.deepEqual(key(second), key(first));
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses every full ballot of valid grades exactly when the direct integer test fails', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('good', 'fair-good', 'average', 'poor'), { minLength: 6, maxLength: 6 }), (gs) => {
        const problems = checkBallot(index, grades('report', counties, gs));
        const good = gs.filter((g) => g === 'good').length;
        const lower = gs.length - good;
        const expected: string[] = [];
        if (good * 100 > 40 * 6) expected.push('quota_exceeded');
        if (lower * 100 < 25 * 6) expected.push('quota_not_met');
        assert.deepEqual(codes(problems), expected);
      }),
    );
  });
});

describe('checkBallot: speed', () => {
  // Its speed is a benchmark figure (npm run bench:tally), not a timed assertion here.
  it('accepts 2,000 township ballots of conflict-bound raters, each with its own county removed', () => {
    const manyUnits = jinchengUnits(0);
    const towns = Array.from({ length: 77 }, (_, i) => ({
      id: `t${i}`,
      code: null,
      name: `乡镇${i}`,
      level: 'township' as const,
      parentId: `county-${(i % 6) + 1}`,
    }));
    const allUnits = [...manyUnits, ...towns];
    const inst = gradeInstrument({
      id: 'exchange',
      subjectIds: towns.map((t) => `s-${t.id}`),
      quotaRules: [quotaRule({ numerator: 10 }), reportRules()[1]!],
    });
    const idx = indexDefinition(definition({ units: allUnits, subjects: unitSubjects(allUnits), instruments: [inst] }));
    const ballots: Ballot[] = [];
    for (let b = 0; b < 2000; b++) {
      const bound = `county-${(b % 6) + 1}`;
      const ratings = towns
        .filter((t) => t.parentId !== bound)
        .map((t, i): Rating => ({ subjectId: `s-${t.id}`, grade: i < 5 ? 'good' : i % 2 ? 'fair-good' : 'average' }));
      ballots.push(ballot({ instrumentId: 'exchange', boundUnitId: bound, ratings }));
    }
    let ratingCount = 0;
    for (const b of ballots) ratingCount += b.ratings.length;
    for (const b of ballots) assert.deepEqual(checkBallot(idx, b), []);
    assert.ok(ratingCount > 2000 * 60);
  });
});
