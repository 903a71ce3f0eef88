/**
 * The demo's observation tour: the 22 sites over three days, two counties a day, a complete plan; addresses from the
 * division data where a site names a place, the county seat's otherwise; 12 observers by seat and post, all counted by
 * their ballots (已评（选票）), so the session's counts and every result stay as the ballots made them; the six review
 * meetings recorded without a score.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { loadDemo } from '../../src/app/demo/load-demo.js';
import { jinchengTour, JINCHENG_TOUR_ID } from '../../src/demo/jincheng-tour.js';
import { buildJinchengDemo, SESSION_IDS } from '../../src/demo/jincheng.js';
import { loadVillages } from '../../src/divisions/china-villages.js';
import { presentTally } from '../../src/domain/present.js';
import { tallyCampaign } from '../../src/domain/tally.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { dialects } from '../helpers/db.js';
import { json } from '../helpers/tours.js';

const DEMO = 'jincheng-2022-06';

describe('the demo tour as data', () => {
  const { definition } = buildJinchengDemo();
  const tour = jinchengTour(definition.units, loadVillages('1405'));
  const stops = tour.days.flatMap((d) => d.stops);

  it('visits the 22 sites once each, over 3 days of 2 counties each, times running forward', () => {
    const observation = definition.instruments.find((i) => i.id === 'i-observation')!;
    assert.deepEqual(stops.map((s) => s.subjectId).sort(), [...observation.subjectIds].sort());
    assert.deepEqual(tour.days.map((d) => [d.date, d.label]), [['2022-06-06', '城区、泽州县'], ['2022-06-07', '高平市、陵川县'], ['2022-06-08', '阳城县、沁水县']]);
    for (const d of tour.days) assert.deepEqual(d.stops.map((s) => s.plannedTime), [...d.stops.map((s) => s.plannedTime)].sort());
  });

  it('places a site naming a village or township where the division data has it, the others at their county seat', () => {
    const at = (subjectId: string) => stops.find((s) => s.subjectId === subjectId)!.address;
    assert.equal(at('site-140502-1'), '山西省晋城市城区开发区街道东圣社区');
    assert.equal(at('site-140525-1'), '山西省晋城市城区北石店镇刘家川村');
    assert.equal(at('site-140581-1'), '山西省晋城市高平市东城街道沟北村');
    assert.equal(at('site-140522-1'), '山西省晋城市阳城县北留镇皇城村');
    assert.equal(at('site-140524-1'), '山西省晋城市陵川县附城镇丈河村');
    assert.equal(at('site-140521-1'), '山西省晋城市沁水县郑村镇侯村');
    assert.equal(at('site-140521-2'), '山西省晋城市沁水县郑庄镇');
    assert.equal(at('site-140502-3'), '山西省晋城市城区东街街道');
    assert.equal(at('site-140525-4'), '山西省晋城市泽州县南村镇');
    assert.ok(stops.every((s) => s.theme.length > 0));
  });

  it('has a team of 12 by seat and post, and a review meeting per county with a comment per site and no score', () => {
    assert.deepEqual(tour.observers.map((o) => o.name), Array.from({ length: 12 }, (_, i) => `观摩团成员${String(i + 1).padStart(2, '0')}`));
    assert.equal(tour.observers[0]!.roleName, '市委组织部副部长');
    assert.equal(tour.reviews.length, 6);
    for (const r of tour.reviews) {
      const sites = stops.filter((s) => s.subjectId.startsWith(`site-${r.unitId.slice(1)}-`));
      assert.deepEqual(Object.keys(r.siteComments).sort(), sites.map((s) => s.subjectId).sort());
      assert.ok(r.attendees.length >= 3 && r.remarks.length > 0);
    }
  });
});

for (const kind of dialects()) {
  describe(`the demo tour as loaded (${kind})`, () => {
    let t: TestApp;
    before(async () => {
      t = await buildTestApp(kind);
      await loadDemo(t.ctx).catch(() => null);
    });
    after(() => t.close());

    it('is a complete plan on the closed 观摩评 session', async () => {
      const list = json<{ tours: { id: string; name: string; sessionId: string; status: string; days: number; stops: number; observers: number; sheets: number }[] }>(await t.call('clerk', { method: 'GET', url: `/api/campaigns/${DEMO}/tours` }), 200);
      assert.deepEqual(list.tours, [{ id: JINCHENG_TOUR_ID, name: '晋城市基层治理现场观摩', sessionId: SESSION_IDS.tour, sessionName: '现场观摩及调度点评会', status: 'closed', days: 3, stops: 22, observers: 12, sheets: 0 }]);
      const view = json<{ check: unknown[]; days: { stops: unknown[] }[] }>(await t.call('clerk', { method: 'GET', url: `/api/tours/${JINCHENG_TOUR_ID}` }), 200);
      assert.deepEqual(view.check, []);
      assert.deepEqual(view.days.map((d) => d.stops.length), [8, 7, 7]);
    });

    it('counts every observer by their ballot: nothing missing, every stop visited', async () => {
      const progress = json<{ observers: { viaBallot: boolean }[]; stops: { received: number; expected: number; visited: boolean }[]; missing: unknown[]; counties: { reviewHeld: boolean; sitesScored: number; stops: number }[] }>(
        await t.call('organiser', { method: 'GET', url: `/api/tours/${JINCHENG_TOUR_ID}/progress` }),
        200,
      );
      assert.ok(progress.observers.every((o) => o.viaBallot));
      assert.deepEqual(progress.missing, []);
      assert.ok(progress.stops.every((s) => s.visited && s.received === 12 && s.expected === 12));
      assert.ok(progress.counties.every((c) => c.reviewHeld && c.sitesScored === c.stops));
    });

    it('records the six review meetings without a score', async () => {
      const { reviews } = json<{ reviews: { held: boolean; score: string | null; counts: boolean; siteComments: { comment: string }[] }[] }>(await t.call('clerk', { method: 'GET', url: `/api/tours/${JINCHENG_TOUR_ID}/reviews` }), 200);
      assert.equal(reviews.length, 6);
      assert.ok(reviews.every((r) => r.held && r.score === null && !r.counts && r.siteComments.every((c) => c.comment.length > 0)));
    });

    it('leaves the results exactly as the ballots make them', async () => {
      const { definition, ballots } = buildJinchengDemo();
      const expected = JSON.parse(JSON.stringify(presentTally(definition, tallyCampaign(definition, ballots))));
      const served = json<{ rankings: unknown; instruments: unknown; sessions: { sessionId: string; issued: number; returned: number }[] }>(await t.call('organiser', { method: 'GET', url: `/api/campaigns/${DEMO}/results` }), 200);
      assert.deepEqual(served.rankings, expected.rankings);
      assert.deepEqual(served.instruments, expected.instruments);
      const bySession = (list: { sessionId: string }[]) => [...list].sort((a, b) => a.sessionId.localeCompare(b.sessionId));
      assert.deepEqual(bySession(served.sessions), bySession(expected.sessions));
    });
  });
}
