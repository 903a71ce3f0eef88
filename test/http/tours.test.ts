/**
 * The office's tours (观摩): creating one on a session, planning the itinerary as a whole (reorder, move a stop to
 * another day, an incomplete plan saved with what it lacks), the refusals of a plan (a site twice or not of the
 * instrument, ids of another tour, a stop with sheets removed or moved to another site), the team and its links, and
 * what sheets protect (a renamed seat, a removed observer, a deleted tour).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { dialects } from '../helpers/db.js';
import { countRows, json, planTour, seedTourCampaign, sendSheet, sheet, TOUR_CAMPAIGN, TOUR_SESSION, TOUR_SITES } from '../helpers/tours.js';

interface View {
  id: string;
  session: { status: string };
  instrument: { id: string };
  raterGroup: { id: string };
  reviewGroup: { id: string; counts: boolean } | null;
  days: { id: string; date: string; stops: { id: string; subjectId: string; siteName: string; unitName: string; plannedTime: string | null }[] }[];
  sites: { subjectId: string }[];
  check: { code: string; subjectId?: string; unitId?: string }[];
  sheets: number;
}
type ErrorBody = { error: { code: string; message: { zh: string; en: string }; details: { path?: string }[] } };

for (const kind of dialects()) {
  describe(`tours in the office (${kind})`, () => {
    let t: TestApp;
    before(async () => {
      t = await buildTestApp(kind);
      await seedTourCampaign(t.ctx.database, { reviewWeight: '0.5' });
    });
    after(() => t.close());

    const put = (tourId: string, days: unknown) => t.call('organiser', { method: 'PUT', url: `/api/tours/${tourId}/itinerary`, payload: { days } });

    it('creates a tour on the session’s only instrument of sites and its only named group, and lists it', async () => {
      const view = json<View>(await t.call('organiser', { method: 'POST', url: `/api/campaigns/${TOUR_CAMPAIGN}/tours`, payload: { name: '晋城市基层治理现场观摩', sessionId: TOUR_SESSION, reviewGroupId: 'g-review' } }), 201);
      assert.equal(view.instrument.id, 'i-observation');
      // Two named groups weigh the instrument (观摩团 and 调度点评会): the one that is not the review meetings' signs.
      assert.equal(view.raterGroup.id, 'g-observers');
      assert.deepEqual(view.reviewGroup, { id: 'g-review', name: '调度点评会', counts: true });
      assert.equal(view.sites.length, 22);
      assert.equal(view.check.filter((c) => c.code === 'site_missing').length, 22);
      assert.equal(view.check.filter((c) => c.code === 'county_uncovered').length, 6);
      const list = json<{ tours: { id: string; status: string; stops: number }[] }>(await t.call('clerk', { method: 'GET', url: `/api/campaigns/${TOUR_CAMPAIGN}/tours` }), 200);
      assert.deepEqual(list.tours.map((x) => [x.id, x.status, x.stops]), [[view.id, 'open', 0]]);
    });

    it('refuses a tour on an unknown session, and a review group that is the observers’ own or unknown', async () => {
      const post = (payload: object) => t.call('organiser', { method: 'POST', url: `/api/campaigns/${TOUR_CAMPAIGN}/tours`, payload: { name: '观摩', sessionId: TOUR_SESSION, ...payload } });
      assert.equal(json<ErrorBody>(await post({ sessionId: 'sess-nowhere' }), 404).error.code, 'not_found');
      assert.equal(json<ErrorBody>(await post({ raterGroupId: 'g-observers', reviewGroupId: 'g-observers' }), 400).error.code, 'invalid_request');
      // Without a review group, two named groups weigh the instrument: which one signs must be said.
      assert.match(json<ErrorBody>(await post({}), 400).error.message.zh, /有多个署名的测评组/);
      assert.equal(json<ErrorBody>(await post({ reviewGroupId: 'g-nowhere' }), 400).error.code, 'invalid_request');
      assert.equal(json<ErrorBody>(await post({ raterGroupId: 'g-office' }), 400).error.code, 'invalid_request');
      assert.equal(json<ErrorBody>(await post({ instrumentId: 'i-nowhere' }), 400).error.code, 'invalid_request');
    });

    it('saves an incomplete plan and says what it lacks; reorders and moves a stop to another day, keeping its id', async () => {
      const tourId = json<{ tours: { id: string }[] }>(await t.call('organiser', { method: 'GET', url: `/api/campaigns/${TOUR_CAMPAIGN}/tours` }), 200).tours[0]!.id;
      const [a, b, c] = TOUR_SITES;
      const first = json<View>(await put(tourId, [
        { date: '2022-06-06', label: '第一天', stops: [{ subjectId: a!.id, theme: '主题', address: '城区某村', plannedTime: '09:00' }, { subjectId: b!.id, theme: '', address: '', plannedTime: '08:00' }] },
        { date: '2022-06-06', stops: [] },
      ]), 200);
      assert.deepEqual(first.check.filter((p) => p.code !== 'site_missing' && p.code !== 'county_uncovered').map((p) => p.code).sort(), ['day_dates_out_of_order', 'day_empty', 'times_out_of_order']);
      assert.equal(first.check.filter((p) => p.code === 'site_missing').length, 20);
      const [d1, d2] = first.days;
      const [s1, s2] = d1!.stops;
      const moved = json<View>(await put(tourId, [
        { id: d1!.id, date: '2022-06-06', label: '第一天', stops: [{ id: s2!.id, subjectId: b!.id, plannedTime: '08:00' }, { subjectId: c!.id }] },
        { id: d2!.id, date: '2022-06-07', label: '第二天', stops: [{ id: s1!.id, subjectId: a!.id, plannedTime: '09:00' }] },
      ]), 200);
      assert.deepEqual(moved.days.map((d) => d.id), [d1!.id, d2!.id]);
      assert.deepEqual(moved.days.map((d) => d.stops.map((s) => s.id)), [[s2!.id, moved.days[0]!.stops[1]!.id], [s1!.id]]);
      assert.equal(moved.days[0]!.stops[0]!.siteName, b!.name);
      assert.equal(moved.days[1]!.stops[0]!.unitName, '城区');
      assert.deepEqual(moved.check.filter((p) => !['site_missing', 'county_uncovered'].includes(p.code)), []);
    });

    it('refuses a plan with a site twice, a site not of the instrument, or ids of another tour, changing nothing', async () => {
      const tourId = json<{ tours: { id: string }[] }>(await t.call('organiser', { method: 'GET', url: `/api/campaigns/${TOUR_CAMPAIGN}/tours` }), 200).tours[0]!.id;
      const other = await planTour(t, 1);
      const before = json<View>(await t.call('organiser', { method: 'GET', url: `/api/tours/${tourId}` }), 200);
      const rows = await countRows(t.ctx.database, 'tour_stops');
      const site = TOUR_SITES[5]!.id;
      const cases: [string, unknown, string][] = [
        ['a site twice', [{ date: '2022-06-06', stops: [{ subjectId: site }, { subjectId: site }] }], 'days.0.stops.1.subjectId'],
        ['a site twice over two days', [{ date: '2022-06-06', stops: [{ subjectId: site }] }, { date: '2022-06-07', stops: [{ subjectId: site }] }], 'days.1.stops.0.subjectId'],
        ['a county, not a site', [{ date: '2022-06-06', stops: [{ subjectId: 's-u-k1' }] }], 'days.0.stops.0.subjectId'],
        ['a stop of another tour', [{ date: '2022-06-06', stops: [{ id: other.stops[0]!.id, subjectId: site }] }], 'days.0.stops.0.id'],
        ['a day that does not exist', [{ id: 'day_nowhere', date: '2022-06-06', stops: [] }], 'days.0.id'],
      ];
      for (const [name, days, path] of cases) {
        const error = json<ErrorBody>(await put(tourId, days), 400).error;
        assert.equal(error.code, 'invalid_request', name);
        assert.equal(error.details[0]!.path, path, name);
        assert.ok(error.message.zh && error.message.en, name);
      }
      for (const [name, days] of [
        ['an impossible date', [{ date: '2022-02-30', stops: [] }]],
        ['a time that is not one', [{ date: '2022-06-06', stops: [{ subjectId: site, plannedTime: '24:00' }] }]],
        ['__proto__ as a site', [{ date: '2022-06-06', stops: [{ subjectId: '__proto__' }] }]],
        ['days not a list', { length: 1 }],
      ] as const) {
        assert.equal(json<ErrorBody>(await put(tourId, days), 400).error.code, 'invalid_request', name);
      }
      assert.equal(await countRows(t.ctx.database, 'tour_stops'), rows);
      assert.deepEqual(json<View>(await t.call('organiser', { method: 'GET', url: `/api/tours/${tourId}` }), 200).days, before.days);
    });

    it('keeps what sheets are about: a stop with sheets stays on its site, a seat that signed keeps its name, the observer and the tour stay', async () => {
      const plan = await planTour(t, 2);
      const scored = plan.stops[0]!;
      json(await sendSheet(t, plan.links[0]!, sheet(scored)), 201);
      const view = json<View>(await t.call('organiser', { method: 'GET', url: `/api/tours/${plan.tourId}` }), 200);
      assert.equal(view.sheets, 1);
      const without = view.days.map((d) => ({ id: d.id, date: d.date, stops: d.stops.filter((s) => s.id !== scored.id).map((s) => ({ id: s.id, subjectId: s.subjectId })) }));
      const removed = json<ErrorBody>(await put(plan.tourId, without), 409);
      assert.equal(removed.error.code, 'tour_state');
      assert.match(removed.error.message.zh, /已收到 1 份评分，不能从行程中删除/);
      const other = TOUR_SITES.find((s) => !plan.stops.some((p) => p.subjectId === s.id)) ?? null;
      assert.equal(other, null); // every site is on the plan
      const swapped = view.days.map((d) => ({ id: d.id, date: d.date, stops: d.stops.map((s) => ({ id: s.id, subjectId: s.id === scored.id ? plan.stops[1]!.subjectId : s.id === plan.stops[1]!.id ? scored.subjectId : s.subjectId })) }));
      assert.equal(json<ErrorBody>(await put(plan.tourId, swapped), 409).error.code, 'tour_state');
      // Moving it to another day is fine.
      const movedDays = view.days.map((d, i) => ({ id: d.id, date: d.date, stops: [...(i === 1 ? [{ id: scored.id, subjectId: scored.subjectId }] : []), ...d.stops.filter((s) => s.id !== scored.id).map((s) => ({ id: s.id, subjectId: s.subjectId }))] }));
      const moved = json<View>(await put(plan.tourId, movedDays), 200);
      assert.equal(moved.days[1]!.stops[0]!.id, scored.id);

      const rename = await t.call('organiser', { method: 'PATCH', url: `/api/tours/${plan.tourId}/observers/${plan.observerIds[0]}`, payload: { name: '观摩团成员99' } });
      assert.equal(json<ErrorBody>(rename, 409).error.code, 'tour_state');
      json(await t.call('organiser', { method: 'PATCH', url: `/api/tours/${plan.tourId}/observers/${plan.observerIds[0]}`, payload: { roleName: '市委组织部部务委员' } }), 200);
      const taken = await t.call('organiser', { method: 'PATCH', url: `/api/tours/${plan.tourId}/observers/${plan.observerIds[1]}`, payload: { name: '观摩团成员01' } });
      assert.equal(json<ErrorBody>(taken, 409).error.code, 'duplicate_id');
      assert.equal(json<ErrorBody>(await t.call('organiser', { method: 'DELETE', url: `/api/tours/${plan.tourId}/observers/${plan.observerIds[0]}` }), 409).error.code, 'tour_state');
      assert.equal((await t.call('organiser', { method: 'DELETE', url: `/api/tours/${plan.tourId}/observers/${plan.observerIds[1]}` })).statusCode, 204);
      assert.equal(json<ErrorBody>(await t.call('organiser', { method: 'DELETE', url: `/api/tours/${plan.tourId}` }), 409).error.code, 'tour_state');
    });

    it('deletes a tour with no sheet, with its plan and team', async () => {
      const plan = await planTour(t, 2);
      const before = { stops: await countRows(t.ctx.database, 'tour_stops'), observers: await countRows(t.ctx.database, 'tour_observers') };
      assert.equal((await t.call('organiser', { method: 'DELETE', url: `/api/tours/${plan.tourId}` })).statusCode, 204);
      assert.equal(await countRows(t.ctx.database, 'tour_stops'), before.stops - 22);
      assert.equal(await countRows(t.ctx.database, 'tour_observers'), before.observers - 2);
      assert.equal(json<ErrorBody>(await t.call('organiser', { method: 'GET', url: `/api/tours/${plan.tourId}` }), 404).error.code, 'not_found');
    });

    it('adds an observer with a link shown once, refuses a seat name twice, and the clerk reads but does not plan', async () => {
      const tourId = json<{ tours: { id: string }[] }>(await t.call('organiser', { method: 'GET', url: `/api/campaigns/${TOUR_CAMPAIGN}/tours` }), 200).tours[0]!.id;
      const made = await t.call('organiser', { method: 'POST', url: `/api/tours/${tourId}/observers`, payload: { name: '观摩团成员01', roleName: '市委组织部副部长' } });
      const body = json<{ observer: { id: string }; link: string }>(made, 201);
      assert.equal(made.headers['cache-control'], 'no-store');
      assert.match(body.link, new RegExp(`^/o/${body.observer.id}\\.[A-Za-z0-9_-]{22}$`));
      const again = await t.call('organiser', { method: 'POST', url: `/api/tours/${tourId}/observers`, payload: { name: '观摩团成员01', roleName: '秘书长' } });
      assert.equal(json<ErrorBody>(again, 409).error.code, 'duplicate_id');
      assert.equal((await t.call('clerk', { method: 'POST', url: `/api/tours/${tourId}/observers`, payload: { name: '观摩团成员02', roleName: '秘书长' } })).statusCode, 403);
      const view = json<{ observers: { name: string }[] }>(await t.call('clerk', { method: 'GET', url: `/api/tours/${tourId}` }), 200);
      assert.deepEqual(view.observers.map((o) => o.name), ['观摩团成员01']);
      // No secret or hash of a link ever leaves the server again.
      assert.ok(!JSON.stringify(view).includes(body.link.split('.')[1]!));
    });
  });
}
