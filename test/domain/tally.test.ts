import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { exactString } from '../../src/domain/exact.js';
import type { Tally } from '../../src/domain/results.js';
import { tallyCampaign } from '../../src/domain/tally.js';
import type { CampaignDefinition } from '../../src/domain/types.js';
import {
  adjustmentsInstrument,
  ballot,
  definition,
  gradeInstrument,
  gradeRatings,
  scoreInstrument,
  scoreRatings,
  session,
} from './factories.js';

const COUNTIES = ['s-county-1', 's-county-2', 's-county-3', 's-county-4', 's-county-5', 's-county-6'];

function subjectScore(tally: Tally, instrumentId: string, subjectId: string): string | null {
  const st = tally.instruments.find((i) => i.instrumentId === instrumentId)!.subjects.find((s) => s.subjectId === subjectId)!;
  return st.score === null ? null : exactString(st.score);
}

/** 观摩评 over the 6 counties: office (anonymous, 60) and taskforce (named, 40). */
function observeCampaign(missingGroup: 'renormalize' | 'zero' = 'renormalize'): CampaignDefinition {
  const observe = scoreInstrument({
    subjectIds: COUNTIES,
    groupWeights: [
      { groupId: 'office', weight: '60' },
      { groupId: 'taskforce', weight: '40' },
    ],
    missingGroup,
  });
  return definition({ instruments: [observe], sessions: [session({ instrumentIds: ['observe'], status: 'open' })] });
}

const allScores = (score: string): Record<string, string> => Object.fromEntries(COUNTIES.map((s) => [s, score]));

describe('tallyCampaign', () => {
  it('combines groups by declared weight', () => {
    const def = observeCampaign();
    const ballots = [
      ballot({ instrumentId: 'observe', ratings: scoreRatings(allScores('90')) }),
      ballot({ instrumentId: 'observe', ratings: scoreRatings(allScores('80')) }),
      ballot({ instrumentId: 'observe', raterGroupId: 'taskforce', raterName: '张三', ratings: scoreRatings(allScores('70.5')) }),
    ];
    const tally = tallyCampaign(def, ballots);
    // 0.6 × 85 + 0.4 × 70.5 = 51 + 28.2 = 79.2
    assert.equal(subjectScore(tally, 'observe', 's-county-1'), '396/5');
    assert.deepEqual(tally.ballots, { total: 3, valid: 3, invalid: 0, excluded: 0 });
  });

  it('renormalises the group weights when a group cast no valid ballot for a subject', () => {
    const tally = tallyCampaign(observeCampaign('renormalize'), [ballot({ instrumentId: 'observe', ratings: scoreRatings(allScores('90')) })]);
    const st = tally.instruments[0]!.subjects[0]!;
    assert.equal(exactString(st.score!), '90');
    assert.equal(st.renormalized, true);
    assert.deepEqual(st.missingGroupIds, ['taskforce']);
  });

  it("counts a missing group as 0 with its weight when the instrument says 'zero'", () => {
    const tally = tallyCampaign(observeCampaign('zero'), [ballot({ instrumentId: 'observe', ratings: scoreRatings(allScores('90')) })]);
    const st = tally.instruments[0]!.subjects[0]!;
    assert.equal(exactString(st.score!), '54');
    assert.equal(st.renormalized, false);
    assert.deepEqual(st.missingGroupIds, ['taskforce']);
  });

  it('leaves an invalid paper ballot (3 好 of 6) out of the scores and lists it with its reason', () => {
    const def = definition({ instruments: [gradeInstrument({ subjectIds: COUNTIES })] });
    const valid = ballot({ ratings: gradeRatings(COUNTIES, ['good', 'good', 'fair-good', 'fair-good', 'average', 'poor']) });
    const invalid = ballot({ channel: 'paper', ratings: gradeRatings(COUNTIES, ['good', 'good', 'good', 'fair-good', 'average', 'poor']) });
    const tally = tallyCampaign(def, [valid, invalid]);
    assert.deepEqual(tally.ballots, { total: 2, valid: 1, invalid: 1, excluded: 0 });
    assert.equal(tally.invalidBallots[0]!.ballotId, invalid.id);
    assert.equal(tally.invalidBallots[0]!.channel, 'paper');
    assert.equal(tally.invalidBallots[0]!.problems[0]!.ruleId, 'rule-good-max');
    assert.equal(subjectScore(tally, 'report', 's-county-3'), '85');
    assert.deepEqual(tally.instruments[0]!.subjects[2]!.gradeCounts, { good: 0, 'fair-good': 1, average: 0, poor: 0 });
    assert.equal(tally.sessions[0]!.validBallots, 1);
    assert.equal(tally.sessions[0]!.invalidBallots, 1);
  });

  it('normalises grade points by the highest grade', () => {
    const grades = [
      { key: 'good', label: '好', points: '10' },
      { key: 'fair-good', label: '较好', points: '8.5' },
      { key: 'average', label: '一般', points: '7' },
      { key: 'poor', label: '差', points: '5' },
    ];
    const def = definition({ instruments: [gradeInstrument({ subjectIds: COUNTIES, grades, quotaRules: [] })] });
    const tally = tallyCampaign(def, [ballot({ ratings: gradeRatings(COUNTIES, ['good', 'fair-good', 'average', 'poor', 'poor', 'poor']) })]);
    assert.equal(subjectScore(tally, 'report', 's-county-2'), '85');
    assert.equal(subjectScore(tally, 'report', 's-county-4'), '50');
  });

  it('counts abstentions without valuing them', () => {
    const def = definition({ instruments: [gradeInstrument({ subjectIds: COUNTIES, allowAbstain: true, quotaRules: [] })] });
    const tally = tallyCampaign(def, [
      ballot({ ratings: gradeRatings(COUNTIES, [null, 'good', 'good', 'good', 'good', 'good']) }),
      ballot({ ratings: gradeRatings(COUNTIES, ['poor', 'good', 'good', 'good', 'good', 'good']) }),
    ]);
    const st = tally.instruments[0]!.subjects[0]!;
    assert.equal(st.abstentions, 1);
    assert.equal(exactString(st.score!), '50');
    assert.equal(tally.sessions[0]!.abstentions, 1);
  });

  it('excludes the ballots of a closed session that came back over-returned (void)', () => {
    const def = observeCampaign();
    def.sessions = [session({ instrumentIds: ['observe'], issued: { office: 1 } })];
    const ballots = [
      ballot({ instrumentId: 'observe', ratings: scoreRatings(allScores('90')) }),
      ballot({ instrumentId: 'observe', ratings: scoreRatings(allScores('80')) }),
    ];
    const tally = tallyCampaign(def, ballots);
    assert.equal(tally.sessions[0]!.status, 'void');
    assert.equal(tally.sessions[0]!.overReturned, true);
    assert.deepEqual(tally.ballots, { total: 2, valid: 0, invalid: 0, excluded: 2 });
    assert.equal(subjectScore(tally, 'observe', 's-county-1'), null);
  });

  it('excludes the ballots of a closed session without quorum, and counts an open one provisionally', () => {
    const def = observeCampaign();
    def.sessions = [session({ instrumentIds: ['observe'], present: 5 })]; // 5 of 10 is not more than half
    const ballots = [ballot({ instrumentId: 'observe', ratings: scoreRatings(allScores('90')) })];
    const closed = tallyCampaign(def, ballots);
    assert.equal(closed.sessions[0]!.status, 'no-quorum');
    assert.equal(closed.sessions[0]!.quorumMet, false);
    assert.equal(closed.ballots.excluded, 1);
    assert.equal(subjectScore(closed, 'observe', 's-county-1'), null);

    def.sessions = [session({ instrumentIds: ['observe'], present: 5, status: 'open' })];
    const open = tallyCampaign(def, ballots);
    assert.equal(open.sessions[0]!.status, 'no-quorum');
    assert.equal(open.ballots.excluded, 0);
    assert.equal(subjectScore(open, 'observe', 's-county-1'), '90');
  });

  it('counts ballots without a session normally', () => {
    const def = observeCampaign();
    def.sessions = [session({ instrumentIds: ['observe'], present: 0 })];
    const tally = tallyCampaign(def, [ballot({ instrumentId: 'observe', sessionId: null, ratings: scoreRatings(allScores('88')) })]);
    assert.equal(subjectScore(tally, 'observe', 's-county-1'), '88');
  });

  it('sums rubric criteria and on-the-spot adjustments, divided by the maximum', () => {
    const observe = scoreInstrument({
      subjectIds: ['s-county-1'],
      max: '30',
      step: '0.5',
      criteria: [
        { id: 'org', label: '组织建设', maxPoints: '20' },
        { id: 'gov', label: '基层治理', maxPoints: '10' },
      ],
      adjustments: {
        items: [
          { id: 'highlight', label: '亮点加分', direction: 'bonus', maxPoints: '2' },
          { id: 'shortcoming', label: '不足减分', direction: 'deduction', maxPoints: '2' },
        ],
        maxTotalBonus: '2',
        maxTotalDeduction: '2',
      },
    });
    const def = definition({ instruments: [observe], sessions: [session({ instrumentIds: ['observe'], status: 'open' })] });
    const rating = {
      subjectId: 's-county-1',
      criteria: { org: '18.5', gov: '9' },
      adjustments: [
        { itemId: 'highlight', points: '1.5', reason: '亮点突出' },
        { itemId: 'shortcoming', points: '0.5', reason: '台账不全' },
      ],
    };
    const tally = tallyCampaign(def, [ballot({ instrumentId: 'observe', ratings: [rating] })]);
    // (18.5 + 9 + 1.5 − 0.5) / 30 × 100 = 28.5 / 30 × 100 = 95
    assert.equal(subjectScore(tally, 'observe', 's-county-1'), '95');
    const group = tally.instruments[0]!.subjects[0]!.groups[0]!;
    assert.equal(group.values[0]!.raw, 285);
    assert.equal(exactString(group.unit.mul(group.values[0]!.raw)), '95');
  });

  it('keeps adjustments instruments in raw points and rescales to a finer resolution exactly', () => {
    const def = definition({
      instruments: [adjustmentsInstrument({ subjectIds: ['s-county-1'] })],
      sessions: [session({ instrumentIds: ['adjust'], status: 'open' })],
    });
    const r = (points: string, itemId = 'highlight') => [{ subjectId: 's-county-1', adjustments: [{ itemId, points, reason: '理由' }] }];
    const tally = tallyCampaign(def, [
      ballot({ instrumentId: 'adjust', ratings: r('2') }),
      ballot({ instrumentId: 'adjust', ratings: r('1.25', 'shortcoming') }),
    ]);
    // (2 − 1.25) / 2 = 0.375
    assert.equal(subjectScore(tally, 'adjust', 's-county-1'), '3/8');
  });
});
