import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { loadDemo } from '../../src/app/demo/load-demo.js';
import { resultsHash } from '../../src/app/kernel/results-hash.js';
import { getPublication } from '../../src/db/repositories/publications.js';
import { dialects } from '../helpers/db.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { CITY, COUNTIES, setup } from './fixtures.js';

const DEMO = 'jincheng-2022-06';

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
      const clerk = await t.call('clerk', { method: 'POST', url: `/api/campaigns/${DEMO}/publish`, payload: { noticeDate: '2022-06-20', objectionDays: 5 } });
      assert.equal(clerk.statusCode, 403);
    });

    let notice: { resultsHash: string; objectionEndDate: string; rankings: { rankingId: string; rows: { name: string; total: string; tierLabel: string | null }[] }[] };

    it('publishes a closed campaign: status published, snapshot of the results with its hash, end date computed', async () => {
      const results = (await t.call('organiser', { method: 'GET', url: `/api/campaigns/${DEMO}/results` })).json();
      const res = await t.call('organiser', { method: 'POST', url: `/api/campaigns/${DEMO}/publish`, payload: { noticeDate: '2022-06-20', objectionDays: 5, contact: '市委组织部 0356-1234567' } });
      assert.equal(res.statusCode, 201, res.body);
      notice = res.json();
      assert.equal(notice.objectionEndDate, '2022-06-24');
      assert.equal(notice.resultsHash, resultsHash(results));
      const stored = await getPublication(t.ctx.database.db, DEMO);
      assert.deepEqual(JSON.parse(stored!.snapshot), results);
      const campaign = (await t.call('organiser', { method: 'GET', url: `/api/campaigns/${DEMO}` })).json().campaign;
      assert.equal(campaign.status, 'published');
      assert.ok(campaign.publishedAt);
      assert.deepEqual(notice.rankings.map((r) => r.rankingId), ['r-county', 'r-township']);
      const county = results.rankings[0].rows.map((r: { name: string; total: { display: string } }) => [r.name, r.total.display]);
      assert.deepEqual(notice.rankings[0]!.rows.map((r) => [r.name, r.total]), county);
    });

    it('refuses to publish twice', async () => {
      const res = await t.call('organiser', { method: 'POST', url: `/api/campaigns/${DEMO}/publish`, payload: { noticeDate: '2022-06-21', objectionEndDate: '2022-06-30' } });
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
      assert.ok(page.body.includes('leitai tally'));
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
      const res = await t.call('organiser', { method: 'POST', url: '/api/campaigns/camp1/publish', payload: { noticeDate: '2022-06-20', objectionDays: 5 } });
      assert.equal(res.statusCode, 409, res.body);
      assert.equal(res.json().error.code, 'campaign_state');
      assert.match(res.json().error.message.zh, /汇报点评会/);
      assert.equal(res.json().error.details[0].code, 'session_not_closed');
    });

    it('shows no notice while unpublished', async () => {
      assert.equal((await t.call(null, { method: 'GET', url: '/api/notices/camp1' })).statusCode, 404);
    });
  });
}
