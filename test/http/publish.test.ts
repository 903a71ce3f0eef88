import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { loadDemo } from '../../src/app/demo/load-demo.js';
import { resultsHash } from '../../src/app/kernel/results-hash.js';
import { getPublication } from '../../src/db/repositories/publications.js';
import { dialects } from '../helpers/db.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { CITY, COUNTIES, setup } from './fixtures.js';

const DEMO = 'jincheng-2022-06';
const ISSUER = '中共晋城市委组织部';

for (const kind of dialects()) {
  describe(`publication and the public notice (${kind})`, () => {
    let t: TestApp;
    before(async () => {
      t = await buildTestApp(kind);
      // The demo also creates accounts whose names the test app already took: its campaign is loaded first.
      await loadDemo(t.ctx).catch(() => null);
    });
    after(() => t.close());

    it('shows no notice for a campaign that is not published', async () => {
      assert.equal((await t.call(null, { method: 'GET', url: `/api/notices/${DEMO}` })).statusCode, 404);
      assert.equal((await t.call(null, { method: 'GET', url: `/notice/${DEMO}` })).statusCode, 404);
    });

    it('refuses a notice without an objection period, and a clerk', async () => {
      const bad = await t.call('organiser', { method: 'POST', url: `/api/campaigns/${DEMO}/publish`, payload: { noticeDate: '2022-06-20' } });
      assert.equal(bad.statusCode, 400, bad.body);
      const badDate = await t.call('organiser', { method: 'POST', url: `/api/campaigns/${DEMO}/publish`, payload: { noticeDate: '2022-02-30', objectionDays: 5 } });
      assert.equal(badDate.statusCode, 400, badDate.body);
      const clerk = await t.call('clerk', { method: 'POST', url: `/api/campaigns/${DEMO}/publish`, payload: { noticeDate: '2022-06-20', objectionDays: 5, issuer: ISSUER } });
      assert.equal(clerk.statusCode, 403);
    });

    it('refuses a notice without its issuing organ (落款), or with a blank one', async () => {
      for (const payload of [{ noticeDate: '2022-06-20', objectionDays: 5 }, { noticeDate: '2022-06-20', objectionDays: 5, issuer: '   ' }]) {
        const res = await t.call('organiser', { method: 'POST', url: `/api/campaigns/${DEMO}/publish`, payload });
        assert.equal(res.statusCode, 400, res.body);
        assert.match(res.body, /issuer/);
      }
      assert.equal((await getPublication(t.ctx.database.db, DEMO)), null);
    });

    let notice: {
      resultsHash: string;
      objectionEndDate: string;
      issuer: string | null;
      verification: { zh: string; en: string };
      rankings: { rankingId: string; notes: { zh: string; en: string }[]; rows: { rank: number; name: string; total: string; tierLabel: string | null; equalShownTotal: string | null }[] }[];
    };

    it('publishes a closed campaign: status published, snapshot of the results with its hash, end date computed', async () => {
      const results = (await t.call('organiser', { method: 'GET', url: `/api/campaigns/${DEMO}/results` })).json();
      const res = await t.call('organiser', { method: 'POST', url: `/api/campaigns/${DEMO}/publish`, payload: { noticeDate: '2022-06-20', objectionDays: 5, contact: '市委组织部 0356-1234567', issuer: `  ${ISSUER} ` } });
      assert.equal(res.statusCode, 201, res.body);
      notice = res.json();
      assert.equal(notice.objectionEndDate, '2022-06-24');
      assert.equal(notice.issuer, ISSUER, 'stored trimmed');
      assert.equal(notice.resultsHash, resultsHash(results));
      const stored = await getPublication(t.ctx.database.db, DEMO);
      assert.deepEqual(JSON.parse(stored!.snapshot), results);
      assert.equal(stored!.issuer, ISSUER);
      const campaign = (await t.call('organiser', { method: 'GET', url: `/api/campaigns/${DEMO}` })).json().campaign;
      assert.equal(campaign.status, 'published');
      assert.ok(campaign.publishedAt);
      assert.deepEqual(notice.rankings.map((r) => r.rankingId), ['r-county', 'r-township']);
      const county = results.rankings[0].rows.map((r: { name: string; total: { display: string } }) => [r.name, r.total.display]);
      assert.deepEqual(notice.rankings[0]!.rows.map((r) => [r.name, r.total]), county);
    });

    it('refuses to publish twice', async () => {
      const res = await t.call('organiser', { method: 'POST', url: `/api/campaigns/${DEMO}/publish`, payload: { noticeDate: '2022-06-21', objectionEndDate: '2022-06-30', issuer: ISSUER } });
      assert.equal(res.statusCode, 409);
    });

    it('serves the notice to anyone, as JSON and as a printable zh-CN page with the hash and the period', async () => {
      const json = await t.call(null, { method: 'GET', url: `/api/notices/${DEMO}` });
      assert.equal(json.statusCode, 200);
      assert.deepEqual(json.json(), notice);
      const page = await t.call(null, { method: 'GET', url: `/notice/${DEMO}` });
      assert.equal(page.statusCode, 200);
      assert.match(page.headers['content-type'] as string, /text\/html/);
      assert.match(page.body, /lang="zh-CN"/);
      assert.match(page.body, /2022年6月20日 至 2022年6月24日/);
      assert.ok(page.body.includes(notice.resultsHash));
      assert.ok(page.body.includes('0356-1234567'));
      for (const row of notice.rankings[0]!.rows) assert.ok(page.body.includes(row.name), row.name);
      assert.match(page.body, new RegExp(`<div class="sign">${ISSUER}<br>2022年6月20日</div>`));
    });

    it('tells the public how to check it in plain words, with no command to type', async () => {
      for (const text of [notice.verification.zh, notice.verification.en]) {
        assert.ok(text.includes(notice.resultsHash));
        assert.doesNotMatch(text, /leitai|--verify|\.json|tally/i);
      }
      assert.match(notice.verification.zh, /原始选票/);
      assert.match(notice.verification.zh, /重新计票/);
      assert.match(notice.verification.zh, /校验码一致/);
      const page = (await t.call(null, { method: 'GET', url: `/notice/${DEMO}` })).body;
      assert.doesNotMatch(page, /leitai tally|--verify/);
      assert.ok(page.includes(`<span class="hash">${notice.resultsHash}</span>`));
    });

    it('says under a table why equal shown totals have different ranks', async () => {
      // The demo's 神农镇 and 石末乡 both show 84.59 and rank 6 and 7: their unrounded totals differ.
      const townships = notice.rankings[1]!;
      const flagged = townships.rows.filter((r) => r.equalShownTotal !== null);
      assert.deepEqual(flagged.map((r) => [r.rank, r.name, r.total, r.equalShownTotal]), [
        [6, '神农镇', '84.59', 'unrounded'],
        [7, '石末乡', '84.59', 'unrounded'],
      ]);
      assert.equal(townships.notes.length, 1);
      assert.match(townships.notes[0]!.zh, /显示相同但名次不同/);
      assert.match(townships.notes[0]!.zh, /未经四舍五入/);
      assert.match(townships.notes[0]!.en, /unrounded/);
      assert.deepEqual(notice.rankings[0]!.notes, [], 'the counties show no equal totals');
      const page = (await t.call(null, { method: 'GET', url: `/notice/${DEMO}` })).body;
      assert.equal(page.match(/84\.59<sup class="mark">\*<\/sup>/g)?.length, 2);
      assert.ok(page.includes(`<p class="note">${townships.notes[0]!.zh}</p>`));
    });

    it('carries the 落款 and the notice dates into the workbook, as Chinese dates', async () => {
      const res = await t.call('organiser', { method: 'GET', url: `/api/campaigns/${DEMO}/export.xlsx` });
      assert.equal(res.statusCode, 200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const about = new Map<string, ExcelJS.Cell>();
      wb.getWorksheet('说明')!.eachRow((row) => void about.set(String(row.getCell(1).value), row.getCell(2)));
      assert.equal(about.get('落款')?.value, ISSUER);
      assert.equal(about.get('公示校验码')?.value, notice.resultsHash);
      for (const [label, day] of [['公示日期', 20], ['公示截止', 24]] as const) {
        const cell = about.get(label)!;
        assert.ok(cell.value instanceof Date, label);
        assert.deepEqual([cell.value.getUTCFullYear(), cell.value.getUTCMonth() + 1, cell.value.getUTCDate()], [2022, 6, day]);
        assert.equal(cell.numFmt, 'yyyy"年"m"月"d"日"');
      }
    });

    it('prints the 落款 and the objection period on the PDF report’s cover', async () => {
      const res = await t.call('organiser', { method: 'GET', url: `/api/campaigns/${DEMO}/report.pdf` });
      assert.equal(res.statusCode, 200);
      const doc = await getDocument({ data: new Uint8Array(res.rawPayload), isEvalSupported: false, verbosity: 0 }).promise;
      const cover = (await (await doc.getPage(1)).getTextContent()).items.map((i) => ('str' in i ? i.str : '')).join('').replace(/\s+/g, '');
      await doc.destroy();
      assert.ok(cover.includes(`发布单位：${ISSUER}`), cover);
      assert.ok(cover.includes('公示期：2022年6月20日至2022年6月24日（共5天）'), cover);
      assert.ok(cover.includes(notice.resultsHash));
    });

    it('keeps the publication append-only: the stored notice cannot be changed', async () => {
      await assert.rejects(t.ctx.database.db.updateTable('publications').set({ title: 'x' }).where('campaign_id', '=', DEMO).execute());
      await assert.rejects(t.ctx.database.db.deleteFrom('publications').where('campaign_id', '=', DEMO).execute());
    });
  });

  describe(`publication waits for every session (${kind})`, () => {
    let t: TestApp;
    before(async () => {
      t = await buildTestApp(kind);
      const units = await t.call('organiser', { method: 'POST', url: '/api/units', payload: { units: [CITY, ...COUNTIES] } });
      assert.equal(units.statusCode, 201, units.body);
      const created = await t.call('organiser', { method: 'POST', url: '/api/campaigns', payload: setup() });
      assert.equal(created.statusCode, 201, created.body);
      const session = await t.call('organiser', { method: 'POST', url: '/api/campaigns/camp1/sessions', payload: { name: '汇报点评会', instrumentIds: ['i-report'], expected: { 'g-office': 4 } } });
      assert.equal((await t.call('organiser', { method: 'POST', url: `/api/sessions/${session.json().id}/open` })).statusCode, 200);
    });
    after(() => t.close());

    it('refuses to publish while a session is open, naming it, with 409', async () => {
      const res = await t.call('organiser', { method: 'POST', url: '/api/campaigns/camp1/publish', payload: { noticeDate: '2022-06-20', objectionDays: 5, issuer: ISSUER } });
      assert.equal(res.statusCode, 409, res.body);
      assert.equal(res.json().error.code, 'campaign_state');
      assert.match(res.json().error.message.zh, /汇报点评会/);
      assert.equal(res.json().error.details[0].code, 'session_not_closed');
    });

    it('shows no notice while unpublished', async () => {
      assert.equal((await t.call(null, { method: 'GET', url: '/api/notices/camp1' })).statusCode, 404);
    });
  });

  describe(`a notice published before the issuing organ was asked for (${kind})`, () => {
    let t: TestApp;
    before(async () => {
      // A publication as a release before 0008 stored it: no issuer, which migration 0008 leaves null (and before
      // 0014, no ballot chains). Written on the current schema: today's code writes the audit chain of 0014, so it
      // cannot run on the old schema itself; the row is the same.
      t = await buildTestApp(kind);
      await loadDemo(t.ctx, { trainingClass: false }).catch(() => null);
      const results = (await t.call('organiser', { method: 'GET', url: `/api/campaigns/${DEMO}/results` })).json();
      await t.ctx.database.db
        .insertInto('publications')
        .values({
          id: 'pub-old',
          campaign_id: DEMO,
          title: '旧公示',
          notice_date: '2022-06-20',
          objection_end_date: '2022-06-24',
          objection_days: 5,
          contact: null,
          snapshot: JSON.stringify(results),
          results_hash: resultsHash(results),
          published_by: 'organiser:x',
          published_at: '2022-06-19T08:00:00.000Z',
        })
        .execute();
    });
    after(() => t.close());

    it('still renders, signed as before, with the issuer null in the JSON', async () => {
      const json = await t.call(null, { method: 'GET', url: `/api/notices/${DEMO}` });
      assert.equal(json.statusCode, 200, json.body);
      assert.equal(json.json().issuer, null);
      assert.deepEqual(json.json().ballotChains, [], 'published before ballot chains were stored');
      const page = await t.call(null, { method: 'GET', url: `/notice/${DEMO}` });
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /<div class="sign">专项行动办公室<br>2022年6月20日<\/div>/);
      assert.doesNotMatch(page.body, /选票链头/);
    });
  });
}
