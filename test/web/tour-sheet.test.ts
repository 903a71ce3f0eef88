/**
 * The observer phone's sheet logic (web/tour/src/sheet.ts): what blocks saving — over random drafts, exactly what the
 * server's checkBallot refuses —, the Rating it sends, each stop's state and revision numbers, how the server's copy of
 * the observer's sheets is folded into the phone's queue, and the sheet ids it makes.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { checkBallot } from '../../src/domain/check-ballot.js';
import { indexDefinition } from '../../src/domain/definition-index.js';
import type { AdjustmentConfig, CampaignDefinition, ScoreInstrument } from '../../src/domain/types.js';
import type { LocalSheet, ObserverBundle, TourInstrument, TourStop } from '../../web/tour/src/bundle.js';
import { TEXTS } from '../../web/tour/src/i18n.js';
import { draftFrom, draftProblems, fromServer, newSheetId, nextQueuedAt, nextRevision, ratingOf, revisions, stopState, type Draft } from '../../web/tour/src/sheet.js';
import { scoreInstrument } from '../domain/factories.js';

const ADJUSTMENTS: AdjustmentConfig = {
  items: [
    { id: 'brand', label: '特色品牌亮点', direction: 'bonus', maxPoints: '2' },
    { id: 'people', label: '群众满意度高', direction: 'bonus', maxPoints: '1.5', step: '0.5' },
    { id: 'rectify', label: '问题整改不到位', direction: 'deduction', maxPoints: '3' },
  ],
  maxTotalBonus: '3',
  maxTotalDeduction: '2',
};
const CRITERIA = [
  { id: 'c-org', label: '组织建设', maxPoints: '40' },
  { id: 'c-effect', label: '工作成效', maxPoints: '60' },
];
const STOP: TourStop = { id: 'stop-1', subjectId: 'site-1', siteName: '凤台街道综治中心', unitName: '城区', theme: '网格治理', address: '凤台街道', plannedTime: '09:30' };

/** The tour's view of an instrument, as the bundle sends it. */
const tourInstrument = (i: ScoreInstrument): TourInstrument => ({
  id: i.id,
  name: i.name,
  min: i.min,
  max: i.max,
  step: i.step,
  criteria: i.criteria,
  opinion: i.opinion,
  adjustments: i.adjustments,
});

function definition(instrument: ScoreInstrument): CampaignDefinition {
  return {
    id: 'c',
    name: '测试',
    precision: 2,
    tieJudgement: 'exact',
    units: [{ id: 'k1', code: null, name: '城区', level: 'county', parentId: null }],
    subjects: [{ id: 'site-1', kind: 'site', unitId: 'k1', name: STOP.siteName }],
    raterGroups: [{ id: 'observers', name: '观摩团', mode: 'named' }],
    instruments: [instrument],
    rankings: [],
    sessions: [],
  };
}

const base = { subjectIds: ['site-1'], groupWeights: [{ groupId: 'observers', weight: '1' }], adjustments: ADJUSTMENTS };
const VARIANTS = {
  score: scoreInstrument({ ...base, opinion: 'optional' }),
  criteria: scoreInstrument({ ...base, criteria: CRITERIA, opinion: 'required' }),
  strict: scoreInstrument({ ...base, adjustments: { ...ADJUSTMENTS, capReading: 'strict' }, opinion: 'none' }),
};

describe('tour phone: a stop sheet blocks exactly what the server refuses', () => {
  const decimals = fc.constantFrom('', ' ', '85', '85.5', '85.25', '100', '100.5', '-1', '0', 'abc', '40', '60', '60.5', ' 72 ');
  const draftArb = fc.record({
    score: decimals,
    criteria: fc.record({ 'c-org': decimals, 'c-effect': decimals }),
    adjustments: fc.array(
      fc.record({
        itemId: fc.constantFrom('', 'brand', 'people', 'rectify'),
        points: fc.constantFrom('0', '0.5', '1', '1.25', '1.5', '2', '2.5', '3'),
        reason: fc.constantFrom('', ' ', '理由'),
      }),
      { maxLength: 4 },
    ),
    opinion: fc.constantFrom('', '  ', '整改到位，亮点突出'),
  });

  for (const [name, instrument] of Object.entries(VARIANTS)) {
    it(`agrees with checkBallot on random drafts (${name})`, () => {
      const index = indexDefinition(definition(instrument));
      const view = tourInstrument(instrument);
      fc.assert(
        fc.property(draftArb, (raw) => {
          const draft: Draft = { ...raw, adjustments: raw.adjustments.map((a) => ({ ...a, direction: ADJUSTMENTS.items.find((i) => i.id === a.itemId)?.direction ?? 'bonus' })) };
          const phone = draftProblems(view, draft, TEXTS.zh);
          const server = checkBallot(index, {
            id: 'b',
            instrumentId: instrument.id,
            raterGroupId: 'observers',
            raterName: '观摩团成员01',
            boundUnitId: null,
            sessionId: null,
            sheetId: 's',
            channel: 'online',
            ratings: [ratingOf(view, STOP, draft)],
          });
          assert.equal(phone.length > 0, server.length > 0, JSON.stringify({ draft, phone, server: server.map((p) => p.code) }));
        }),
        { numRuns: 400 },
      );
    });
  }

  it('says what is missing or wrong in zh and en', () => {
    const view = tourInstrument(VARIANTS.criteria);
    const draft: Draft = { score: '', criteria: { 'c-org': '41' }, adjustments: [{ direction: 'bonus', itemId: 'brand', points: '2', reason: '' }], opinion: '' };
    assert.deepEqual(
      draftProblems(view, draft, TEXTS.zh).map((p) => p.text),
      ['「组织建设」须在 0–40 分之间，步长 0.5', '请填写「工作成效」的分数', '「特色品牌亮点」须写明加减分理由', '请填写评价意见'],
    );
    assert.deepEqual(
      draftProblems(view, draft, TEXTS.en).map((p) => p.text),
      ['“组织建设” must be 0–40 in steps of 0.5', 'Enter the points for “工作成效”', '“特色品牌亮点” needs a written reason', 'Write an opinion'],
    );
  });

  it('sends the Rating trimmed, with adjustments and opinion only when there are any, and reads it back as the next draft', () => {
    const view = tourInstrument(VARIANTS.score);
    const draft: Draft = { score: ' 86.5 ', criteria: {}, adjustments: [{ direction: 'deduction', itemId: 'rectify', points: ' 1 ', reason: ' 整改不到位 ' }], opinion: '  ' };
    const rating = ratingOf(view, STOP, draft);
    assert.deepEqual(rating, { subjectId: 'site-1', score: '86.5', adjustments: [{ itemId: 'rectify', points: '1', reason: '整改不到位' }] });
    assert.deepEqual(ratingOf(view, STOP, draftFrom(view, rating)), rating);
    assert.deepEqual(ratingOf(view, STOP, { score: '80', criteria: {}, adjustments: [], opinion: '' }), { subjectId: 'site-1', score: '80' });
  });
});

const sheet = (over: Partial<LocalSheet> & Pick<LocalSheet, 'id' | 'state'>): LocalSheet => ({
  observerId: 'obs-1',
  tourId: 'tour-1',
  stopId: STOP.id,
  rating: { subjectId: 'site-1', score: '80' },
  scoredAt: '2022-06-14T06:05:00.000Z',
  queuedAt: 1,
  ...over,
});

describe('tour phone: states, revisions and the server’s copy', () => {
  it('shows the latest sheet’s state and numbers revisions, refused ones without a number', () => {
    assert.deepEqual(stopState([]), { kind: 'unscored' });
    const first = sheet({ id: 'a', state: 'synced', receivedAt: '2022-06-14T06:05:09.000Z', revision: 1, queuedAt: 1 });
    const refused = sheet({ id: 'b', state: 'refused', reason: { zh: '观摩评已结束', en: 'closed' }, queuedAt: 2 });
    const pending = sheet({ id: 'c', state: 'pending', queuedAt: 3 });
    assert.deepEqual(stopState([first]), { kind: 'synced', receivedAt: '2022-06-14T06:05:09.000Z' });
    assert.deepEqual(stopState([first, pending]), { kind: 'pending' });
    assert.deepEqual(stopState([first, refused]), { kind: 'refused', reason: { zh: '观摩评已结束', en: 'closed' } });
    assert.deepEqual(revisions([first, refused, pending]), [1, null, 2]);
    assert.equal(nextRevision([first, refused, pending]), 3);
    assert.equal(nextRevision([]), 1);
    // A clock set back: the new sheet still goes after the ones already queued.
    const ahead = Date.now() + 60_000;
    assert.equal(nextQueuedAt([sheet({ id: 'x', state: 'pending', queuedAt: ahead })]), ahead + 1);
  });

  it('marks a pending sheet the server holds as synced, adds the ones the phone never had, and leaves the rest', () => {
    const bundle = {
      tour: { id: 'tour-1' },
      observer: { id: 'obs-1' },
      sheets: [
        { id: 'lost-answer', stopId: STOP.id, rating: { subjectId: 'site-1', score: '80' }, scoredAt: '2022-06-14T06:05:00.000Z', receivedAt: '2022-06-14T06:06:00.000Z', revision: 1 },
        { id: 'other-phone', stopId: 'stop-2', rating: { subjectId: 'site-2', score: '90' }, scoredAt: '2022-06-14T07:00:00.000Z', receivedAt: '2022-06-14T07:01:00.000Z', revision: 1 },
        { id: 'known', stopId: 'stop-3', rating: { subjectId: 'site-3', score: '70' }, scoredAt: '2022-06-14T08:00:00.000Z', receivedAt: '2022-06-14T08:01:00.000Z', revision: 1 },
      ],
    } as unknown as ObserverBundle;
    const local = [
      sheet({ id: 'lost-answer', state: 'pending', queuedAt: 5 }),
      sheet({ id: 'known', stopId: 'stop-3', state: 'synced', receivedAt: '2022-06-14T08:01:00.000Z', revision: 1 }),
      sheet({ id: 'still-pending', state: 'pending', queuedAt: 9 }),
    ];
    const changed = fromServer(bundle, local);
    assert.deepEqual(
      changed.map((s) => [s.id, s.state, s.receivedAt, s.revision, s.queuedAt]),
      [
        ['lost-answer', 'synced', '2022-06-14T06:06:00.000Z', 1, 5],
        ['other-phone', 'synced', '2022-06-14T07:01:00.000Z', 1, Date.parse('2022-06-14T07:00:00.000Z')],
      ],
    );
  });

  it('makes UUID v4 sheet ids, also where the browser has no crypto.randomUUID (pages outside HTTPS)', () => {
    const V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    assert.match(newSheetId(), V4);
    const own = Object.getOwnPropertyDescriptor(globalThis.crypto, 'randomUUID');
    Object.defineProperty(globalThis.crypto, 'randomUUID', { value: undefined, configurable: true });
    try {
      const ids = new Set(Array.from({ length: 200 }, () => newSheetId()));
      assert.equal(ids.size, 200);
      for (const id of ids) assert.match(id, V4);
    } finally {
      if (own) Object.defineProperty(globalThis.crypto, 'randomUUID', own);
      else delete (globalThis.crypto as { randomUUID?: unknown }).randomUUID;
    }
    assert.match(newSheetId(), V4);
  });
});
