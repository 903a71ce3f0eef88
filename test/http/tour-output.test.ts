/**
 * What a tour prints: the itinerary on A4 (PDF, day by day, with the team, and what the plan still lacks), its
 * workbook (xlsx, read back), and a county's review meeting as minutes.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { ITINERARY_HEADER, ITINERARY_SHEETS } from '../../src/http/pages/tour-itinerary-xlsx.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { dialects } from '../helpers/db.js';
import { pageText, pdfPages } from '../helpers/pdf-text.js';
import { json, planTour, seedTourCampaign, TOUR_SITES } from '../helpers/tours.js';

for (const kind of dialects()) {
  describe(`tour printouts (${kind})`, () => {
    let t: TestApp;
    let plan: Awaited<ReturnType<typeof planTour>>;
    before(async () => {
      t = await buildTestApp(kind);
      await seedTourCampaign(t.ctx.database);
      plan = await planTour(t, 2);
    });
    after(() => t.close());

    it('prints the itinerary on A4, day by day, with the team, and what the plan lacks', async () => {
      const res = await t.call('clerk', { method: 'GET', url: `/api/tours/${plan.tourId}/itinerary.pdf` });
      assert.equal(res.statusCode, 200);
      assert.equal(res.headers['content-type'], 'application/pdf');
      assert.match(String(res.headers['content-disposition']), /filename\*=UTF-8''%E7%8E%B0/);
      const pages = await pdfPages(res.rawPayload);
      assert.ok(Math.abs(pages[0]!.width - 595.28) < 1, 'A4');
      const text = pages.map(pageText).join('');
      assert.match(text, /现场观摩观摩行程安排/);
      assert.match(text, /共6天·22个观摩点·6个县（市、区）/);
      assert.match(text, /6月6日（星期一）·第一天·第1天/);
      assert.match(text, /观摩团成员01（市委组织部副部长）/);
      for (const site of TOUR_SITES) assert.ok(text.includes(site.name), site.name);
      assert.ok(!text.includes('行程尚待完善'));
      assert.match(text, /第1页\/共\d+页/);

      // Drop a county's day: the printout says what is missing.
      const view = json<{ days: { id: string; date: string; stops: { id: string; subjectId: string; plannedTime: string | null }[] }[] }>(await t.call('organiser', { method: 'GET', url: `/api/tours/${plan.tourId}` }), 200);
      const fewer = view.days.slice(0, 5).map((d) => ({ id: d.id, date: d.date, stops: d.stops.map((s) => ({ id: s.id, subjectId: s.subjectId, plannedTime: s.plannedTime })) }));
      json(await t.call('organiser', { method: 'PUT', url: `/api/tours/${plan.tourId}/itinerary`, payload: { days: fewer } }), 200);
      const lacking = (await pdfPages((await t.call('clerk', { method: 'GET', url: `/api/tours/${plan.tourId}/itinerary.pdf` })).rawPayload)).map(pageText).join('');
      assert.match(lacking, /行程尚待完善/);
      assert.match(lacking, /高平市没有安排任何观摩点/);
      // Planned again: the dropped day and its stops come back as new ones.
      const again = [...fewer, { date: view.days[5]!.date, stops: view.days[5]!.stops.map((s, i) => ({ subjectId: s.subjectId, plannedTime: `${String(8 + i).padStart(2, '0')}:30` })) }];
      json(await t.call('organiser', { method: 'PUT', url: `/api/tours/${plan.tourId}/itinerary`, payload: { days: again } }), 200);
    });

    it('exports the itinerary as a workbook: a row per stop, the team, the notes', async () => {
      const res = await t.call('organiser', { method: 'GET', url: `/api/tours/${plan.tourId}/itinerary.xlsx` });
      assert.equal(res.statusCode, 200);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      assert.deepEqual(book.worksheets.map((s) => s.name), Object.values(ITINERARY_SHEETS));
      const stops = book.getWorksheet(ITINERARY_SHEETS.stops)!;
      assert.deepEqual((stops.getRow(1).values as unknown[]).slice(1), ITINERARY_HEADER);
      assert.equal(stops.rowCount, 23);
      const second = (stops.getRow(2).values as unknown[]).slice(1);
      assert.equal((second[0] as Date).toISOString().slice(0, 10), '2022-06-06');
      assert.deepEqual(second.slice(2, 6), [1, '08:30', '城区', '城区实训点1']);
      const team = book.getWorksheet(ITINERARY_SHEETS.team)!;
      assert.deepEqual((team.getRow(3).values as unknown[]).slice(1), [2, '观摩团成员02', '市委组织部副部长']);
    });

    it('prints a county’s review meeting as minutes, and refuses a county the tour does not visit', async () => {
      const notYet = (await pdfPages((await t.call('clerk', { method: 'GET', url: `/api/tours/${plan.tourId}/reviews/u-k2.pdf` })).rawPayload)).map(pageText).join('');
      assert.match(notYet, /沁水县调度点评会纪要.*尚未记录/);
      json(await t.call('organiser', {
        method: 'PUT',
        url: `/api/tours/${plan.tourId}/reviews/u-k2`,
        payload: { heldOn: '2022-06-07', place: '沁水县委党校', attendees: ['市委组织部副部长', '沁水县委书记'], siteComments: [{ subjectId: 'site-2-1', comment: '党建引领有力，群众参与度高' }], remarks: '推进有力，台账需规范', score: '88.5' },
      }), 200);
      const res = await t.call('clerk', { method: 'GET', url: `/api/tours/${plan.tourId}/reviews/u-k2.pdf` });
      assert.equal(res.statusCode, 200);
      const text = (await pdfPages(res.rawPayload)).map(pageText).join('');
      for (const part of ['沁水县调度点评会纪要', '2022年6月7日', '沁水县委党校', '市委组织部副部长、沁水县委书记', '沁水县实训点1', '党建引领有力，群众参与度高', '沁水县实训点2', '（未作点评）', '推进有力，台账需规范', '88.5分（仅记录，不计入观摩评）']) {
        assert.ok(text.includes(part), part);
      }
      assert.equal(json<{ error: { code: string } }>(await t.call('clerk', { method: 'GET', url: `/api/tours/${plan.tourId}/reviews/u-city.pdf` }), 404).error.code, 'not_found');
    });
  });
}
