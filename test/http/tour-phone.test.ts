/**
 * The observer's phone API (观摩评分): opening the tour for offline use, and syncing sheets exactly once — duplicates
 * answered with the first receipt, a second sheet for a stop kept as a new revision that replaces the first in the
 * results, and every refusal of issue #15's "Bad input" list answered with its 4xx, storing nothing.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { appendBallots } from '../../src/db/repositories/ballots.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { dialects } from '../helpers/db.js';
import { countRows, json, planTour, seedTourCampaign, sendSheet, sheet, TOUR_CAMPAIGN, TOUR_SESSION } from '../helpers/tours.js';

interface Receipt {
  id: string;
  status: 'stored' | 'duplicate';
  receivedAt: string;
  revision: number;
}

for (const kind of dialects()) {
  describe(`observer phone (${kind})`, () => {
    let t: TestApp;
    let plan: Awaited<ReturnType<typeof planTour>>;
    let other: Awaited<ReturnType<typeof planTour>>;

    before(async () => {
      t = await buildTestApp(kind);
      await seedTourCampaign(t.ctx.database);
      plan = await planTour(t, 3);
      // A second tour of the same session: its stops and its observers are foreign to the first.
      other = await planTour(t, 1);
    });
    after(() => t.close());

    const siteScore = async (subjectId: string): Promise<string | null> => {
      const results = json<{ instruments: { subjects: { subjectId: string; score: { exact: string } | null }[] }[] }>(
        await t.call('organiser', { method: 'GET', url: `/api/campaigns/${TOUR_CAMPAIGN}/results` }),
        200,
      );
      return results.instruments[0]!.subjects.find((s) => s.subjectId === subjectId)!.score?.exact ?? null;
    };

    it('opens the tour for the phone: itinerary, rules and caps, own sheets; records when it was seen', async () => {
      const res = await t.app.inject({ method: 'POST', url: '/api/tour-phone/open', payload: { link: plan.links[0] } });
      const bundle = json<{
        tour: { id: string; open: boolean; closesNote: { zh: string } };
        observer: { name: string; roleName: string };
        instrument: { min: string; max: string; step: string; adjustments: { items: { id: string; maxPoints: string }[]; maxTotalBonus: string; capReading: string } };
        days: { stops: { id: string; siteName: string; unitName: string; theme: string }[] }[];
        sheets: unknown[];
      }>(res, 200);
      assert.equal(res.headers['cache-control'], 'no-store');
      assert.equal(bundle.tour.id, plan.tourId);
      assert.equal(bundle.tour.open, true);
      assert.match(bundle.tour.closesNote.zh, /现场观摩/);
      assert.deepEqual(bundle.observer, { id: plan.observerIds[0], name: '观摩团成员01', roleName: '市委组织部副部长' });
      assert.deepEqual([bundle.instrument.min, bundle.instrument.max, bundle.instrument.step], ['0', '100', '0.5']);
      assert.equal(bundle.instrument.adjustments.maxTotalBonus, '5');
      assert.equal(bundle.instrument.adjustments.capReading, 'ceiling');
      assert.equal(bundle.days.length, 6);
      assert.equal(bundle.days.flatMap((d) => d.stops).length, 22);
      assert.equal(bundle.days[0]!.stops[0]!.unitName, '城区');
      assert.deepEqual(bundle.sheets, []);
      // The link without its /o/ prefix is the same link.
      json(await t.app.inject({ method: 'POST', url: '/api/tour-phone/open', payload: { link: plan.links[0]!.slice(3) } }), 200);
      const tour = json<{ observers: { lastSeenAt: string | null }[] }>(await t.call('clerk', { method: 'GET', url: `/api/tours/${plan.tourId}` }), 200);
      assert.ok(tour.observers[0]!.lastSeenAt);
      assert.equal(tour.observers[1]!.lastSeenAt, null);
    });

    it('refuses an unknown, forged or renewed link with 404 tour_link_invalid', async () => {
      const [observerId] = plan.links[1]!.slice(3).split('.');
      for (const link of [`/o/${observerId}.${'A'.repeat(22)}`, `/o/ob_nobody.${'A'.repeat(22)}`]) {
        const res = await t.app.inject({ method: 'POST', url: '/api/tour-phone/open', payload: { link } });
        assert.equal(json<{ error: { code: string } }>(res, 404).error.code, 'tour_link_invalid');
      }
      const renewed = json<{ link: string }>(await t.call('organiser', { method: 'POST', url: `/api/tours/${plan.tourId}/observers/${plan.observerIds[2]}/link` }), 200);
      const old = await t.app.inject({ method: 'POST', url: '/api/tour-phone/open', payload: { link: plan.links[2] } });
      assert.equal(json<{ error: { code: string } }>(old, 404).error.code, 'tour_link_invalid');
      json(await t.app.inject({ method: 'POST', url: '/api/tour-phone/open', payload: { link: renewed.link } }), 200);
      plan.links[2] = renewed.link;
    });

    it('stores a sheet once: the same sheet again answers the first receipt and stores nothing', async () => {
      const s = sheet(plan.stops[0]!, '88', [{ itemId: 'adj-brand', points: '1.5', reason: '特色品牌鲜明' }]);
      const first = json<Receipt>(await sendSheet(t, plan.links[0]!, s), 201);
      assert.deepEqual([first.status, first.revision, first.id], ['stored', 1, s.id]);
      const rows = await countRows(t.ctx.database, 'tour_sheets');
      const again = json<Receipt>(await sendSheet(t, plan.links[0]!, s), 200);
      assert.deepEqual(again, { ...first, status: 'duplicate' });
      // Numbers and strings of the same decimal are the same sheet.
      const asNumber = json<Receipt>(await sendSheet(t, plan.links[0]!, { ...s, rating: { ...s.rating, score: 88 } }), 200);
      assert.equal(asNumber.status, 'duplicate');
      assert.equal(await countRows(t.ctx.database, 'tour_sheets'), rows);
      const tour = json<{ observers: { lastSyncedAt: string | null }[] }>(await t.call('organiser', { method: 'GET', url: `/api/tours/${plan.tourId}` }), 200);
      assert.ok(tour.observers[0]!.lastSyncedAt);
    });

    it('keeps a second sheet for the same stop as a new revision, and the latest counts in the results', async () => {
      const stop = plan.stops[1]!;
      json(await sendSheet(t, plan.links[0]!, sheet(stop, '80')), 201);
      json(await sendSheet(t, plan.links[1]!, sheet(stop, '90')), 201);
      assert.equal(await siteScore(stop.subjectId), '85');
      const second = json<Receipt>(await sendSheet(t, plan.links[0]!, sheet(stop, '70')), 201);
      assert.equal(second.revision, 2);
      assert.equal(await siteScore(stop.subjectId), '80');
      const sheets = json<{ sheets: { revision: number; counts: boolean; rating: { score: string } }[] }>(
        await t.call('clerk', { method: 'GET', url: `/api/tours/${plan.tourId}/sheets?observerId=${plan.observerIds[0]}&stopId=${stop.id}` }),
        200,
      );
      assert.deepEqual(sheets.sheets.map((s) => [s.revision, s.counts, s.rating.score]), [[1, false, '80'], [2, true, '70']]);
      const bundle = json<{ sheets: { stopId: string; revision: number }[] }>(await t.app.inject({ method: 'POST', url: '/api/tour-phone/open', payload: { link: plan.links[0] } }), 200);
      assert.deepEqual(bundle.sheets.filter((s) => s.stopId === stop.id).map((s) => s.revision), [1, 2]);
    });

    describe('refuses bad input with a 4xx and stores nothing', () => {
      const refusals: { name: string; status: number; code?: string; send: () => Promise<{ statusCode: number; body: string; json(): unknown }> }[] = [];
      const add = (name: string, status: number, code: string | undefined, send: () => Promise<{ statusCode: number; body: string; json(): unknown }>) => refusals.push({ name, status, code, send });
      const raw = (payload: string, contentType = 'application/json') => t.app.inject({ method: 'POST', url: '/api/tour-phone/sheets', body: payload, headers: { 'content-type': contentType } });

      add('a stop of another tour', 404, 'not_found', () => sendSheet(t, plan.links[0]!, sheet(other.stops[0]!)));
      add('a stop that does not exist', 404, 'not_found', () => sendSheet(t, plan.links[0]!, { ...sheet(plan.stops[2]!), stopId: 'stop_nowhere' }));
      add('an observer of another tour scoring this tour’s stop', 404, 'not_found', () => sendSheet(t, other.links[0]!, sheet(plan.stops[2]!)));
      add('an observer not on the team (forged link)', 404, 'tour_link_invalid', () => sendSheet(t, `/o/ob_nobody.${'A'.repeat(22)}`, sheet(plan.stops[2]!)));
      add('points over an item’s cap', 422, 'ballot_refused', () => sendSheet(t, plan.links[0]!, sheet(plan.stops[2]!, '85', [{ itemId: 'adj-brand', points: '2.5', reason: '亮点突出' }])));
      add('a missing reason', 422, 'ballot_refused', () => sendSheet(t, plan.links[0]!, sheet(plan.stops[2]!, '85', [{ itemId: 'adj-records', points: '1', reason: '  ' }])));
      add('an unknown adjustment item', 422, 'ballot_refused', () => sendSheet(t, plan.links[0]!, sheet(plan.stops[2]!, '85', [{ itemId: 'adj-nope', points: '1', reason: '理由' }])));
      add('a score off the step', 422, 'ballot_refused', () => sendSheet(t, plan.links[0]!, sheet(plan.stops[2]!, '85.25')));
      add('a score out of range', 422, 'ballot_refused', () => sendSheet(t, plan.links[0]!, sheet(plan.stops[2]!, '101')));
      add('a rating of another site than the stop’s', 422, 'ballot_refused', () => sendSheet(t, plan.links[0]!, { ...sheet(plan.stops[2]!), rating: { subjectId: plan.stops[3]!.subjectId, score: '85' } }));
      add('a forged sheet id (not a UUID v4)', 400, 'invalid_request', () => sendSheet(t, plan.links[0]!, { ...sheet(plan.stops[2]!), id: 'sheet-1' }));
      add('a UUID of another version', 400, 'invalid_request', () => sendSheet(t, plan.links[0]!, { ...sheet(plan.stops[2]!), id: '6ba7b810-9dad-11d1-80b4-00c04fd430c8' }));
      add('another observer’s sheet id (foreign)', 409, 'tour_sheet_conflict', async () => {
        const theirs = sheet(plan.stops[4]!);
        json(await sendSheet(t, plan.links[1]!, theirs), 201);
        return sendSheet(t, plan.links[0]!, theirs);
      });
      add('a sheet id reused with different content', 409, 'tour_sheet_conflict', async () => {
        const mine = sheet(plan.stops[5]!, '81');
        json(await sendSheet(t, plan.links[0]!, mine), 201);
        return sendSheet(t, plan.links[0]!, { ...mine, rating: { ...mine.rating, score: '82' } });
      });
      add('a queue entry without its rating', 400, 'invalid_request', () => sendSheet(t, plan.links[0]!, { id: randomUUID(), stopId: plan.stops[2]!.id, scoredAt: '2022-06-06T02:05:00Z' }));
      add('a queue entry without a link', 400, 'invalid_request', () => t.app.inject({ method: 'POST', url: '/api/tour-phone/sheets', payload: { sheet: sheet(plan.stops[2]!) } }));
      add('a score of the wrong type', 400, 'invalid_request', () => sendSheet(t, plan.links[0]!, { ...sheet(plan.stops[2]!), rating: { subjectId: plan.stops[2]!.subjectId, score: { v: 85 } } }));
      add('adjustments not a list', 400, 'invalid_request', () => sendSheet(t, plan.links[0]!, { ...sheet(plan.stops[2]!), rating: { subjectId: plan.stops[2]!.subjectId, score: '85', adjustments: 'none' } }));
      add('a time that is not one', 400, 'invalid_request', () => sendSheet(t, plan.links[0]!, { ...sheet(plan.stops[2]!), scoredAt: '2022-02-30T25:00:00Z' }));
      add('the sheet as a list', 400, 'invalid_request', () => sendSheet(t, plan.links[0]!, [sheet(plan.stops[2]!)]));
      add('__proto__ as a key of the sheet', 400, undefined, () => raw(`{"link":"${plan.links[0]}","sheet":{"__proto__":{"id":"x"},"id":"${randomUUID()}","stopId":"${plan.stops[2]!.id}","scoredAt":"2022-06-06T02:05:00Z","rating":{"subjectId":"${plan.stops[2]!.subjectId}","score":"85"}}}`));
      add('__proto__ as a stop id', 400, 'invalid_request', () => sendSheet(t, plan.links[0]!, { ...sheet(plan.stops[2]!), stopId: '__proto__' }));
      add('__proto__ as a criterion key', 400, undefined, () => raw(`{"link":"${plan.links[0]}","sheet":{"id":"${randomUUID()}","stopId":"${plan.stops[2]!.id}","scoredAt":"2022-06-06T02:05:00Z","rating":{"subjectId":"${plan.stops[2]!.subjectId}","criteria":{"__proto__":"5"}}}}`));
      add('broken JSON', 400, 'malformed_json', () => raw('{"link":'));
      add('a form post instead of JSON', 415, 'unsupported_media_type', () => raw('link=x', 'application/x-www-form-urlencoded'));
      add('an oversize body', 413, 'payload_too_large', () => sendSheet(t, plan.links[0]!, { ...sheet(plan.stops[2]!), rating: { subjectId: plan.stops[2]!.subjectId, score: '85', opinion: '很'.repeat(70_000) } }));

      it('answers each with its status and code, and the sheets stay as they were', async () => {
        for (const r of refusals) {
          const before = await countRows(t.ctx.database, 'tour_sheets');
          const res = await r.send();
          // The two setups of the conflict cases store their first sheet before the refused one.
          const setup = r.name.includes('foreign') || r.name.includes('reused') ? 1 : 0;
          assert.equal(res.statusCode, r.status, `${r.name}: ${res.statusCode} ${res.body}`);
          const body = res.json() as { error: { code: string; message: { zh: string; en: string } } };
          if (r.code) assert.equal(body.error.code, r.code, r.name);
          assert.ok(body.error.message.zh && body.error.message.en, r.name);
          assert.equal(await countRows(t.ctx.database, 'tour_sheets'), before + setup, r.name);
        }
      });

      it('names the broken rule of a refused rating, as a ballot refusal does', async () => {
        const res = await sendSheet(t, plan.links[0]!, sheet(plan.stops[2]!, '85', [{ itemId: 'adj-brand', points: '2.5', reason: '亮点突出' }]));
        const details = json<{ error: { details: { code: string; message: { zh: string } }[] } }>(res, 422).error.details;
        assert.deepEqual(details.map((d) => d.code), ['adjustment_out_of_range']);
        assert.match(details[0]!.message.zh, /「特色品牌亮点」的分值 2.5 须大于 0 且不超过 2/);
        const wrongSite = await sendSheet(t, plan.links[0]!, { ...sheet(plan.stops[2]!), rating: { subjectId: plan.stops[3]!.subjectId, score: '85' } });
        assert.deepEqual(json<{ error: { details: { code: string }[] } }>(wrongSite, 422).error.details.map((d) => d.code).sort(), ['missing_subject', 'subject_not_in_scope']);
      });
    });

    it('refuses sheets from an observer whose seat signs a ballot in the session (409), storing nothing', async () => {
      const seat = json<{ link: string }>(await t.call('organiser', { method: 'POST', url: `/api/tours/${plan.tourId}/observers`, payload: { name: '观摩团成员09', roleName: '市纪委监委副主任' } }), 201);
      await appendBallots(t.ctx.database.db, [
        {
          id: 'b-seat-09',
          campaignId: TOUR_CAMPAIGN,
          sessionId: TOUR_SESSION,
          instrumentId: 'i-observation',
          raterGroupId: 'g-observers',
          raterName: '观摩团成员09',
          boundUnitId: null,
          sheetId: 'paper-09',
          channel: 'paper',
          ratings: plan.stops.map((s) => ({ subjectId: s.subjectId, score: '80', adjustments: [] })),
          contentHash: 'h-09',
          receipt: 'R09',
          enteredBy: null,
          packed: null,
        },
      ]);
      const before = await countRows(t.ctx.database, 'tour_sheets');
      const res = await sendSheet(t, seat.link, sheet(plan.stops[0]!));
      assert.equal(json<{ error: { code: string } }>(res, 409).error.code, 'tour_observer_has_ballot');
      assert.equal(await countRows(t.ctx.database, 'tour_sheets'), before);
    });

    it('refuses a sheet after the close (409 tour_closed, said so), and the results keep the last one taken', async () => {
      const stop = plan.stops[1]!;
      const kept = await siteScore(stop.subjectId);
      // The office's head count: the session counts (a quorum of the 12 expected).
      json(await t.call('organiser', { method: 'PUT', url: `/api/sessions/${TOUR_SESSION}/present`, payload: { present: 12 } }), 200);
      json(await t.call('organiser', { method: 'POST', url: `/api/sessions/${TOUR_SESSION}/close` }), 200);
      const before = await countRows(t.ctx.database, 'tour_sheets');
      const late = await sendSheet(t, plan.links[1]!, sheet(stop, '60'));
      const error = json<{ error: { code: string; message: { zh: string } } }>(late, 409).error;
      assert.equal(error.code, 'tour_closed');
      assert.equal(error.message.zh, '观摩评已结束，此评分未被接收，仍保存在手机上');
      assert.equal(await countRows(t.ctx.database, 'tour_sheets'), before);
      assert.equal(await siteScore(stop.subjectId), kept);
      const bundle = json<{ tour: { open: boolean } }>(await t.app.inject({ method: 'POST', url: '/api/tour-phone/open', payload: { link: plan.links[1] } }), 200);
      assert.equal(bundle.tour.open, false);
    });
  });
}
