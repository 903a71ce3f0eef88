/**
 * The phone's 加减分 logic (web/shared/adjustments.ts and ballot.ts): running totals, what blocks submission and in
 * which words, the ballots it sends — and, over random drafts, that it blocks exactly what the server's checkBallot
 * refuses about adjustments.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { checkBallot } from '../../src/domain/check-ballot.js';
import { indexDefinition } from '../../src/domain/definition-index.js';
import type { AdjustmentConfig, CampaignDefinition } from '../../src/domain/types.js';
import { adjustmentProblems, adjustmentTotals, capWarnings, stepPoints, unscaled, type AdjustmentDraft } from '../../web/shared/adjustments.js';
import { sheetProblems, toBallots, type Draft, type Form, type FormInstrument } from '../../web/rate/src/ballot.js';
import { TEXTS } from '../../web/rate/src/i18n.js';
import { scoreInstrument } from '../domain/factories.js';

const CONFIG: AdjustmentConfig = {
  items: [
    { id: 'brand', label: '特色品牌亮点', direction: 'bonus', maxPoints: '2' },
    { id: 'people', label: '群众满意度高', direction: 'bonus', maxPoints: '1.5' },
    { id: 'records', label: '台账资料不实', direction: 'deduction', maxPoints: '2' },
    { id: 'rectify', label: '问题整改不到位', direction: 'deduction', maxPoints: '3' },
  ],
  maxTotalBonus: '3',
  maxTotalDeduction: '4',
};
/** The same items and caps under the strict reading: a total over its cap makes the ballot invalid. */
const STRICT: AdjustmentConfig = { ...CONFIG, capReading: 'strict' };

const adj = (itemId: string, points: string, reason = '理由'): AdjustmentDraft => ({
  direction: CONFIG.items.find((i) => i.id === itemId)?.direction ?? 'bonus',
  itemId,
  points,
  reason,
});

const SITES = [
  { id: 'site-1', kind: 'site' as const, name: '凤台街道综治中心' },
  { id: 'site-2', kind: 'site' as const, name: '北留镇便民服务站' },
];

const base = { allowAbstain: false, opinion: 'none' as const, grades: null, subjects: SITES, rules: [] };
const OBSERVE: FormInstrument = { ...base, id: 'observe', name: '观摩评', kind: 'score', score: { min: '0', max: '100', step: '0.5', criteria: null }, adjustments: CONFIG };
const ADJUST: FormInstrument = { ...base, id: 'adjust', name: '加减分', kind: 'adjustments', allowAbstain: true, score: null, adjustments: CONFIG };

const form = (...instruments: FormInstrument[]): Form => ({
  campaign: { name: '测试活动' },
  session: { id: 's1', name: '观摩', status: 'open' },
  token: { status: 'issued', receipt: null },
  group: { name: '观摩团', mode: 'named', raterName: '观摩团成员01' },
  instruments,
});

const texts = (f: Form, draft: Draft, lang: 'zh' | 'en' = 'zh') => sheetProblems(f, draft, TEXTS[lang], lang === 'zh').map((p) => p.text);

describe('phone ballot: 加减分 totals and problems', () => {
  it('adds up valid bonuses and deductions separately and flags a total over its cap', () => {
    assert.deepEqual(adjustmentTotals(CONFIG, []), { bonus: '0', deduction: '0', bonusOver: false, deductionOver: false });
    const t = adjustmentTotals(CONFIG, [adj('brand', '2'), adj('people', '1.5'), adj('records', '0.5'), adj('rectify', '9')]);
    // 9 is over its item's cap and so not counted, as on the server.
    assert.deepEqual(t, { bonus: '3.5', deduction: '0.5', bonusOver: true, deductionOver: false });
    assert.equal(adjustmentTotals(CONFIG, [adj('rectify', '3'), adj('records', '1')]).deductionOver, false);
    assert.equal(adjustmentTotals(CONFIG, [adj('rectify', '3'), adj('records', '1.000001')]).deductionOver, true);
  });

  it('names an unchosen item, points out of (0, cap], a blank reason and a broken cap', () => {
    assert.deepEqual(adjustmentProblems(CONFIG, [{ direction: 'bonus', itemId: '', points: '1', reason: '' }]), [{ code: 'no-item', index: 1 }]);
    for (const points of ['0', '-1', '2.5', '', 'abc', '1.2345678']) {
      assert.deepEqual(adjustmentProblems(CONFIG, [adj('brand', points)]), [{ code: 'bad-points', item: '特色品牌亮点', max: '2' }], points);
    }
    assert.deepEqual(adjustmentProblems(CONFIG, [adj('brand', '0.25', ' \n ')]), [{ code: 'no-reason', item: '特色品牌亮点' }]);
    assert.deepEqual(adjustmentProblems(STRICT, [adj('rectify', '3'), adj('records', '2')]), [{ code: 'over-cap', direction: 'deduction', total: '5', cap: '4' }]);
  });

  it('under the ceiling reading a total over its cap is a warning that it counts as the cap, not a problem', () => {
    const list = [adj('rectify', '3'), adj('records', '2')];
    assert.deepEqual(adjustmentProblems(CONFIG, list), []);
    assert.deepEqual(capWarnings(CONFIG, list), [{ direction: 'deduction', total: '5', cap: '4', strict: false }]);
    assert.deepEqual(capWarnings(STRICT, list), [{ direction: 'deduction', total: '5', cap: '4', strict: true }]);
    assert.deepEqual(capWarnings(CONFIG, [adj('rectify', '3'), adj('records', '1')]), []);
    assert.equal(TEXTS.zh.adjOverCapCeiling(false, '5', '4'), '减分合计 5，超过上限 4：按上限 4 分计入');
    assert.equal(TEXTS.en.adjOverCapCeiling(false, '5', '4'), 'Deduction total 5 exceeds the cap of 4: it counts as 4');
    assert.match(TEXTS.zh.adjOverCapStrict(false, '5', '4'), /超出上限的票无效/);
  });

  it('checks points against an item’s declared step, exactly', () => {
    const stepped: AdjustmentConfig = { ...CONFIG, items: CONFIG.items.map((i) => (i.id === 'brand' ? { ...i, step: '0.5' } : i)) };
    assert.deepEqual(adjustmentProblems(stepped, [adj('brand', '1.5')]), []);
    assert.deepEqual(adjustmentProblems(stepped, [adj('brand', '0.3')]), [{ code: 'off-step', item: '特色品牌亮点', step: '0.5' }]);
    // 0.1 + 0.2 style sums cannot fool it: scaled integers, not floats.
    assert.deepEqual(adjustmentProblems(stepped, [adj('brand', '1.500001')]), [{ code: 'off-step', item: '特色品牌亮点', step: '0.5' }]);
    assert.deepEqual(adjustmentProblems(stepped, [adj('people', '0.3')]), []);
  });

  it('steps points by the instrument’s step within (0, the item’s cap]', () => {
    assert.equal(stepPoints('', '0.5', '2', true), '0.5');
    assert.equal(stepPoints('1.5', '0.5', '2', true), '2');
    assert.equal(stepPoints('2', '0.5', '2', true), '2');
    assert.equal(stepPoints('0.5', '0.5', '2', false), '0.5');
    assert.equal(stepPoints('1.5', '0.5', '2', false), '1');
    assert.equal(stepPoints('', '1', '1.5', true), '1');
    assert.equal(stepPoints('1', '1', '1.5', true), '1.5');
    assert.equal(unscaled(1_250_000), '1.25');
    assert.equal(unscaled(-3_000_000), '-3');
  });

  it('blocks the sheet with messages that name the subject and the cap or the missing reason, in zh and en', () => {
    const draft: Draft = {
      observe: {
        'site-1': { score: '85', adjustments: [adj('brand', '2', '打造“红色驿站”品牌')] },
        'site-2': { score: '80', adjustments: [adj('rectify', '3', '上次督导问题未整改'), adj('records', '2', '')] },
      },
    };
    // The default reading: the total over its cap counts as the cap and does not block; the missing reason does.
    assert.deepEqual(texts(form(OBSERVE), draft), ['「北留镇便民服务站」：「台账资料不实」须写明加减分理由']);
    const strict = { ...OBSERVE, adjustments: STRICT };
    assert.deepEqual(texts(form(strict), draft), ['「北留镇便民服务站」：「台账资料不实」须写明加减分理由', '「北留镇便民服务站」：减分合计 5，超过上限 4（超出上限的票无效）']);
    assert.deepEqual(texts(form(strict), draft, 'en'), [
      '北留镇便民服务站: “台账资料不实” needs a written reason',
      '北留镇便民服务站: deduction total 5 exceeds the cap of 4 (such a ballot is invalid)',
    ]);
    const fixed: Draft = { observe: { ...draft.observe, 'site-2': { score: '80', adjustments: [adj('rectify', '3', '未整改'), adj('records', '1', '台账补记')] } } };
    assert.deepEqual(texts(form(OBSERVE), fixed), []);
    assert.deepEqual(texts(form(OBSERVE), { observe: { 'site-1': { score: '85', adjustments: [{ direction: 'bonus', itemId: '', points: '', reason: '' }] }, 'site-2': { score: '80' } } }), [
      '「凤台街道综治中心」：第 1 项加减分未选择项目',
    ]);
  });

  it('takes an adjustments instrument on the phone: none is an answer, abstaining skips its items', () => {
    assert.deepEqual(texts(form(ADJUST), {}), []);
    assert.deepEqual(texts(form(ADJUST), { adjust: { 'site-1': { abstain: true, adjustments: [adj('brand', '9', '')] } } }), []);
    assert.deepEqual(texts(form(ADJUST), { adjust: { 'site-2': { adjustments: [adj('people', '1', '')] } } }), ['「北留镇便民服务站」：「群众满意度高」须写明加减分理由']);
  });

  it('sends adjustments trimmed, only where they apply', () => {
    const draft: Draft = {
      observe: { 'site-1': { score: ' 85 ', adjustments: [adj('brand', ' 1.5 ', '  品牌亮点  ')] }, 'site-2': { score: '80', adjustments: [] } },
      adjust: { 'site-1': { abstain: true, adjustments: [adj('brand', '1')] } },
    };
    assert.deepEqual(toBallots(form(OBSERVE, ADJUST), draft), [
      {
        instrumentId: 'observe',
        ratings: [
          { subjectId: 'site-1', score: '85', adjustments: [{ itemId: 'brand', points: '1.5', reason: '品牌亮点' }] },
          { subjectId: 'site-2', score: '80' },
        ],
      },
      { instrumentId: 'adjust', ratings: [{ subjectId: 'site-1', abstain: true }, { subjectId: 'site-2', adjustments: [] }] },
    ]);
  });
});

describe('phone ballot: 加减分 blocks exactly what the server refuses', () => {
  const instrument = scoreInstrument({ subjectIds: ['site-1'], groupWeights: [{ groupId: 'observers', weight: '1' }], adjustments: CONFIG });
  const def: CampaignDefinition = {
    id: 'c',
    name: '测试',
    precision: 2,
    tieJudgement: 'exact',
    units: [{ id: 'k1', code: null, name: '城区', level: 'county', parentId: null }],
    subjects: [{ id: 'site-1', kind: 'site', unitId: 'k1', name: '凤台街道综治中心' }],
    raterGroups: [{ id: 'observers', name: '观摩团', mode: 'anonymous' }],
    instruments: [instrument],
    rankings: [],
    sessions: [],
  };
  const ceilingIndex = indexDefinition(def);
  const oneCeiling = { ...OBSERVE, subjects: [SITES[0]!] };

  const draftArb = fc.array(
    fc.record({
      itemId: fc.constantFrom('', 'brand', 'people', 'records', 'rectify'),
      points: fc.constantFrom('0', '0.5', '1', '1.5', '2', '2.5', '3', '0.000001', '1.25'),
      reason: fc.constantFrom('', ' ', '理由'),
    }),
    { maxLength: 5 },
  );

  it('agrees with checkBallot on every draft of items, points and reasons, under either reading of the caps', () => {
    const strictIndex = indexDefinition({
      ...def,
      instruments: def.instruments.map((i) => (i.kind === 'score' && i.adjustments ? { ...i, adjustments: { ...i.adjustments, capReading: 'strict' as const } } : i)),
    });
    fc.assert(
      fc.property(draftArb, fc.boolean(), (rows, strict) => {
        const one = strict ? { ...oneCeiling, adjustments: STRICT } : oneCeiling;
        const index = strict ? strictIndex : ceilingIndex;
        const list = rows.map((r) => ({ ...r, direction: 'bonus' as const }));
        const draft: Draft = { observe: { 'site-1': { score: '80', adjustments: list } } };
        const phone = sheetProblems(form(one), draft, TEXTS.zh, true);
        const [sent] = toBallots(form(one), draft);
        const server = checkBallot(index, {
          id: 'b',
          instrumentId: 'observe',
          raterGroupId: 'observers',
          raterName: null,
          boundUnitId: null,
          sessionId: null,
          sheetId: 's',
          channel: 'online',
          ratings: sent!.ratings as never,
        });
        assert.equal(phone.length > 0, server.length > 0, JSON.stringify({ rows, phone, server: server.map((p) => p.code) }));
        const caps = (codes: string[]) => codes.filter((c) => c.includes('cap')).sort();
        assert.deepEqual(
          caps(phone.filter((p) => p.text.includes('超过上限')).map((p) => (p.text.includes('加分') ? 'bonus_cap_exceeded' : 'deduction_cap_exceeded'))),
          caps(server.map((p) => p.code)),
        );
      }),
      { numRuns: 500 },
    );
  });
});
