/**
 * Campaigns for the paper and phone forms, on the hand-made campaign of fixtures.ts:
 *  - observationSetup: plus three observation sites (实训点) and two 观摩评 instruments with on-the-spot 加减分:
 *    `i-observe` (a 0–100 score on steps of 0.5) and `i-visit` (the same, as a rubric of two criteria). Bonuses are
 *    capped at 3 per site and ballot, deductions at 4; the task force (named) rates both.
 *  - taskforceSetup: plus 专班评 (0–100, a written opinion required) by the task force, which also grades 汇报评 with
 *    optional opinions.
 * openSession puts one on a test app, with a paper session of the task force, open.
 */
import assert from 'node:assert/strict';
import type { CampaignSetup } from '../../src/contracts/api.js';
import { taskforceInstrument } from '../../src/domain/liangshaiping/instruments.js';
import type { AdjustmentConfig, ScoreInstrument } from '../../src/domain/types.js';
import type { TestApp } from '../helpers/app.js';
import { CITY, COUNTIES, setup } from './fixtures.js';

export const SITES = [
  { id: 's-site1', kind: 'site' as const, unitId: 'k1', name: '城区凤台街道综治中心' },
  { id: 's-site2', kind: 'site' as const, unitId: 'k2', name: '东县北留镇便民服务站' },
  { id: 's-site3', kind: 'site' as const, unitId: 'k3', name: '西县润城镇网格工作站' },
];

export const ADJUSTMENTS: AdjustmentConfig = {
  items: [
    { id: 'adj-brand', label: '特色品牌亮点', direction: 'bonus', maxPoints: '2' },
    { id: 'adj-people', label: '群众满意度高', direction: 'bonus', maxPoints: '1.5' },
    { id: 'adj-records', label: '台账资料不实', direction: 'deduction', maxPoints: '2' },
    { id: 'adj-rectify', label: '问题整改不到位', direction: 'deduction', maxPoints: '3' },
  ],
  maxTotalBonus: '3',
  maxTotalDeduction: '4',
};

function observation(id: string, name: string, criteria: ScoreInstrument['criteria']): ScoreInstrument {
  return {
    id,
    name,
    kind: 'score',
    subjectIds: SITES.map((s) => s.id),
    groupWeights: [{ groupId: 'g-tf', weight: '1' }],
    aggregation: { method: 'mean' },
    missingGroup: 'renormalize',
    allowAbstain: false,
    opinion: 'optional',
    visibility: 'after-close',
    min: '0',
    max: '100',
    step: '0.5',
    criteria,
    adjustments: ADJUSTMENTS,
  };
}

export function observationSetup(): CampaignSetup {
  const s = setup();
  s.subjects.push(...SITES);
  s.instruments.push(
    observation('i-observe', '观摩评', null),
    observation('i-visit', '观摩评（细则）', [
      { id: 'c-org', label: '组织建设', maxPoints: '40' },
      { id: 'c-effect', label: '工作成效', maxPoints: '60' },
    ]),
  );
  return s;
}

export const COUNTY_SUBJECTS = COUNTIES.map((k) => `s-${k.id}`);

export function taskforceSetup(): CampaignSetup {
  const s = setup();
  const report = s.instruments[0]!;
  report.opinion = 'optional';
  report.groupWeights.push({ groupId: 'g-tf', weight: '1' });
  // The demo's 专班评 (i-taskforce: 0–100 in steps of 1, mean, a written opinion required), by the task force.
  s.instruments.push(taskforceInstrument(COUNTY_SUBJECTS, [{ groupId: 'g-tf', weight: '1' }]));
  return s;
}

/** The units, the campaign and an open session of the task force (3 expected, 3 paper sheets issued): its id. */
export async function openSession(t: TestApp, campaign: CampaignSetup, session: { name: string; instrumentIds: string[] }): Promise<string> {
  assert.equal((await t.call('organiser', { method: 'POST', url: '/api/units', payload: { units: [CITY, ...COUNTIES] } })).statusCode, 201);
  const created = await t.call('organiser', { method: 'POST', url: '/api/campaigns', payload: campaign });
  assert.equal(created.statusCode, 201, created.body);
  const res = await t.call('organiser', { method: 'POST', url: '/api/campaigns/camp1/sessions', payload: { ...session, expected: { 'g-tf': 3 }, paperIssued: { 'g-tf': 3 } } });
  assert.equal(res.statusCode, 201, res.body);
  const sessionId = res.json().id as string;
  assert.equal((await t.call('organiser', { method: 'POST', url: `/api/sessions/${sessionId}/open` })).statusCode, 200);
  return sessionId;
}
