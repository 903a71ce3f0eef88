/**
 * The paper entry page's sheet logic (web/console/src/features/paper/sheet.ts): what a typed sheet sends, the quota
 * counters over the subjects left on the sheet, moving over recused subjects, adjustments and sums computed exactly,
 * and the next number in double entry.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  addAdjustment,
  adjustmentTotals,
  atLast,
  criteriaSum,
  emptyLine,
  emptySheet,
  findBoundUnit,
  followingSheetNumber,
  moveBy,
  opinionMissing,
  ruleLines,
  scaled,
  setCriterion,
  setOpinion,
  setValue,
  sheetRequest,
  unscaled,
  withBound,
  type FormInstrument,
  type Group,
  type Sheet,
} from '../../web/console/src/features/paper/sheet.js';

const COUNTIES = ['城区', '东县', '西县', '南县', '北县', '中县', '高平'];
const message = (zh: string) => ({ zh, en: zh });

const report: FormInstrument = {
  instrumentId: 'i-report',
  name: '汇报评',
  kind: 'grade',
  keyboardEntry: true,
  allowAbstain: true,
  opinion: 'optional',
  grades: [
    { key: 'good', label: '好' },
    { key: 'fair', label: '较好' },
    { key: 'avg', label: '一般' },
    { key: 'poor', label: '差' },
  ],
  score: null,
  adjustments: null,
  subjects: COUNTIES.map((name, i) => ({ subjectId: `s-k${i + 1}`, name, conflictUnitIds: [`k${i + 1}`] })),
  rules: [
    { ruleId: 'r-good', label: '好 ≤ 40%', grades: ['good'], bound: 'max', base: 'all', allowed: 2, allowedByN: [0, 0, 0, 1, 1, 2, 2, 2], forBallot: message('本票最多 2 个“好”') },
    { ruleId: 'r-low', label: '较好或以下 ≥ 25%', grades: ['fair', 'avg', 'poor'], bound: 'min', base: 'rated', allowed: null, allowedByN: [0, 1, 1, 1, 1, 2, 2, 2], forBallot: message('至少 25%') },
  ],
};

const observe: FormInstrument = {
  instrumentId: 'i-observe',
  name: '观摩评',
  kind: 'score',
  keyboardEntry: true,
  allowAbstain: false,
  opinion: 'required',
  grades: null,
  score: { min: '0', max: '100', step: '0.5', criteria: null },
  adjustments: {
    items: [
      { id: 'adj-brand', label: '特色品牌亮点', direction: 'bonus', maxPoints: '2' },
      { id: 'adj-records', label: '台账资料不实', direction: 'deduction', maxPoints: '2' },
    ],
    maxTotalBonus: '3',
    maxTotalDeduction: '4',
  },
  subjects: [
    { subjectId: 's-site1', name: '城区凤台街道综治中心', conflictUnitIds: ['k1'] },
    { subjectId: 's-site2', name: '东县北留镇便民服务站', conflictUnitIds: ['k2'] },
  ],
  rules: [],
};

const visit: FormInstrument = {
  ...observe,
  instrumentId: 'i-visit',
  name: '观摩评（细则）',
  opinion: 'none',
  score: { min: '0', max: '100', step: '0.1', criteria: [{ id: 'a', label: '组织建设', maxPoints: '33.3' }, { id: 'b', label: '工作成效', maxPoints: '33.3' }, { id: 'c', label: '群众评价', maxPoints: '33.4' }] },
  adjustments: null,
};

const bonusOnly: FormInstrument = { ...observe, instrumentId: 'i-bonus', name: '加减分', kind: 'adjustments', opinion: 'none', score: null };

const group = (instruments: FormInstrument[]): Group => ({
  groupId: 'g-tf',
  name: '工作专班',
  mode: 'named',
  boundUnits: [
    { unitId: 'k1', name: '城区', label: '城区（测试市）' },
    { unitId: 'k2', name: '东县', label: '东县（测试市）' },
    { unitId: 'k9', name: '东县', label: '东县（另一市）' },
  ],
  instruments,
});

const header = { sheetNumber: ' P-007 ', raterName: ' 专班甲 ', desk: 'desk-test-0001' };

/** The sheet after choosing `grades` (keys 1–4, 0 = 弃权, '.' = blank) for the report's subjects in order. */
function graded(g: Group, keys: string): Sheet {
  let sheet = emptySheet(g);
  [...keys].forEach((k, j) => {
    if (k === '.') return;
    sheet = setValue(sheet, 0, j, k === '0' ? { abstain: true } : { grade: report.grades![Number(k) - 1]!.key });
  });
  return sheet;
}

describe('a typed paper sheet', () => {
  it('sends a blank as 弃权 where allowed, leaves recused subjects off, and opinions trimmed only when written', () => {
    const g = group([report]);
    let sheet = withBound(g, graded(g, '12.3024'), 'k2');
    sheet = setOpinion(sheet, 0, 0, '  汇报有亮点 ');
    sheet = setOpinion(sheet, 0, 3, '   ');
    sheet = setOpinion(sheet, 0, 4, '弃权者的意见不发送');
    const request = sheetRequest(g, sheet, header);
    assert.deepEqual({ ...request, ballots: undefined }, { sheetNumber: 'P-007', raterGroupId: 'g-tf', raterName: '专班甲', boundUnitId: 'k2', desk: 'desk-test-0001', ballots: undefined });
    assert.deepEqual(request.ballots[0]!.ratings, [
      { subjectId: 's-k1', grade: 'good', opinion: '汇报有亮点' },
      // 东县 (s-k2) is the rater's own unit: not on the sheet, its typed 较好 dropped.
      { subjectId: 's-k3', abstain: true },
      { subjectId: 's-k4', grade: 'avg' },
      { subjectId: 's-k5', abstain: true },
      { subjectId: 's-k6', grade: 'fair' },
      { subjectId: 's-k7', grade: 'poor' },
    ]);
  });

  it('sends what the server must name when it is missing: a blank score, a lone opinion, no adjustments as none', () => {
    const g = group([observe, bonusOnly]);
    let sheet = emptySheet(g);
    sheet = setValue(sheet, 0, 0, { score: '88' });
    sheet = setOpinion(sheet, 0, 1, '只写了意见');
    const request = sheetRequest(g, sheet, { ...header, raterName: '  ' });
    assert.equal(request.raterName, null);
    assert.deepEqual(request.ballots.map((b) => b.ratings), [
      [{ subjectId: 's-site1', score: '88' }, { subjectId: 's-site2', opinion: '只写了意见' }],
      [{ subjectId: 's-site1', adjustments: [] }, { subjectId: 's-site2', adjustments: [] }],
    ]);
    assert.equal(opinionMissing(observe, sheet, 0, 0), true, 'a rated subject of an instrument that requires an opinion');
    assert.equal(opinionMissing(observe, setOpinion(sheet, 0, 0, '好'), 0, 0), false);
  });

  it('keeps every criterion typed, and sums them exactly: 33.3 + 33.3 + 33.4 is 100', () => {
    const g = group([visit]);
    let sheet = emptySheet(g);
    for (const [id, v] of [['a', '33.3'], ['b', '33.3'], ['c', '33.4']] as const) sheet = setCriterion(sheet, 0, 0, id, v);
    assert.equal(criteriaSum(visit, sheet.values[0]![0]!), '100');
    assert.deepEqual(sheetRequest(g, sheet, header).ballots[0]!.ratings[0], { subjectId: 's-site1', criteria: { a: '33.3', b: '33.3', c: '33.4' } });
    sheet = setCriterion(setCriterion(setCriterion(sheet, 0, 0, 'a', ''), 0, 0, 'b', ''), 0, 0, 'c', '');
    assert.equal(sheet.values[0]![0], null, 'every criterion cleared: no value');
  });

  it('counts each quota rule over the subjects on the sheet, against the count for that many', () => {
    const g = group([report]);
    const lines = (s: Sheet) => ruleLines(report, 0, s).map((r) => ('count' in r ? [r.count, r.allowed, r.bad] : r.forBallot.zh));
    // 3 好 of 7: at most 2.
    assert.deepEqual(lines(graded(g, '1112222')), [[3, 2, true], [4, 2, false]]);
    // 城区 recused: 6 on the sheet, still at most 2; 2 好 pass.
    assert.deepEqual(lines(withBound(g, graded(g, '1112222'), 'k1')), [[2, 2, false], [4, 2, false]]);
    // A minimum turns red only once every subject is filled; over rated subjects, abstentions leave its base.
    assert.deepEqual(lines(graded(g, '111....')), [[3, 2, true], [0, 2, false]]);
    assert.deepEqual(lines(graded(g, '1100000')), [[2, 2, false], [0, 1, true]]);
    assert.deepEqual(lines(graded(g, '1000000')), [[1, 2, false], [0, 1, true]]);
  });

  it('moves over recused subjects and stops at both ends', () => {
    const g = group([report, observe]);
    let sheet = withBound(g, emptySheet(g), 'k1');
    assert.deepEqual(sheet.cursor, { i: 0, j: 1 }, 'the first subject on the sheet');
    assert.equal(moveBy(g, sheet, -1), null);
    for (let k = 0; k < 6; k++) sheet = moveBy(g, sheet, 1)!;
    // 汇报评's last county, then 观摩评's site 2 (site 1 is 城区's): the last on the sheet.
    assert.deepEqual(sheet.cursor, { i: 1, j: 1 });
    assert.equal(atLast(g, sheet), true);
    assert.equal(moveBy(g, sheet, 1), null);
  });

  it('adds a 加分/减分 only with an item, points within (0, its cap] and a reason', () => {
    const g = group([observe]);
    const typed = (line: Partial<Sheet['line']>) => addAdjustment(g, { ...emptySheet(g), line: { ...emptyLine(), ...line } });
    assert.deepEqual(typed({ points: '1' }).line.problem, { key: 'adjPickItem', field: 'item' });
    for (const points of ['0', '2.5', '-1', 'abc', '']) {
      assert.deepEqual(typed({ itemId: 'adj-brand', points, reason: '理由' }).line.problem, { key: 'adjPointsRange', field: 'points', item: '特色品牌亮点', max: '2' }, points);
    }
    assert.deepEqual(typed({ itemId: 'adj-brand', points: '1.5', reason: '  ' }).line.problem, { key: 'adjReasonMissing', field: 'reason', item: '特色品牌亮点' });
    const added = typed({ itemId: 'adj-brand', points: ' 1.5 ', reason: ' 打造服务品牌 ' });
    assert.deepEqual(added.adjustments[0]![0], [{ itemId: 'adj-brand', points: '1.5', reason: '打造服务品牌' }]);
    assert.deepEqual(added.line, emptyLine());
  });

  it('totals bonuses and deductions exactly and flags a total over its cap', () => {
    const list = [
      { itemId: 'adj-brand', points: '1.1', reason: 'a' },
      { itemId: 'adj-brand', points: '1.95', reason: 'b' },
      { itemId: 'adj-records', points: '0.1', reason: 'c' },
      { itemId: 'adj-records', points: '0.2', reason: 'd' },
    ];
    assert.deepEqual(adjustmentTotals(observe, list), { bonus: '3.05', deduction: '0.3', bonusOver: true, deductionOver: false });
  });

  it('reads decimals as the server does: scaled and back give the same digits', () => {
    fc.assert(
      fc.property(fc.integer({ min: -999_999_999, max: 999_999_999 }), fc.integer({ min: 0, max: 999_999 }), (whole, frac) => {
        const text = unscaled(whole * 1e6 + (whole < 0 ? -frac : frac));
        return unscaled(scaled(text)) === text;
      }),
    );
    assert.ok(Number.isNaN(scaled('1.2345678')));
    assert.ok(Number.isNaN(scaled('1e3')));
  });

  it('finds the rater’s unit by its label, its id or a name only one unit has', () => {
    const g = group([report]);
    assert.equal(findBoundUnit(g, ' 城区 ')?.unitId, 'k1');
    assert.equal(findBoundUnit(g, '东县（另一市）')?.unitId, 'k9');
    assert.equal(findBoundUnit(g, 'k2')?.unitId, 'k2');
    assert.equal(findBoundUnit(g, '东县'), undefined, 'two units are called 东县');
    assert.equal(findBoundUnit(g, '不存在'), undefined);
    assert.equal(findBoundUnit(g, '  '), null);
  });

  it('goes on to the following number in double entry', () => {
    assert.equal(followingSheetNumber('P-009'), 'P-010');
    assert.equal(followingSheetNumber('P-999'), 'P-1000');
    assert.equal(followingSheetNumber('A12b'), 'A13b');
    assert.equal(followingSheetNumber('甲'), '甲');
  });
});
