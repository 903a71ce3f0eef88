/** Campaigns of an office's own, from the 亮晒评 template, in a database that already holds the Jincheng demo. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { loadDemo } from '../../src/app/demo/load-demo.js';
import type { CampaignSetup } from '../../src/contracts/api.js';
import { JINCHENG_CITY_ID } from '../../src/demo/jincheng.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { dialects } from '../helpers/db.js';

for (const kind of dialects()) {
  describe(`campaigns from the template beside the demo (${kind})`, () => {
    let t: TestApp;
    before(async () => {
      t = await buildTestApp(kind);
      // The demo's own accounts clash with the test app's (same usernames); its campaign is stored before them.
      await loadDemo(t.ctx).catch(() => null);
      assert.equal((await t.call('organiser', { method: 'GET', url: '/api/campaigns' })).json().length, 1);
    });
    after(() => t.close());

    /** The template over Jincheng, with one observation site and one case added as the console adds them. */
    async function templateWithSites(): Promise<CampaignSetup> {
      const res = await t.call('organiser', { method: 'GET', url: `/api/templates/liangshaiping?rootUnitId=${JINCHENG_CITY_ID}` });
      assert.equal(res.statusCode, 200, res.body);
      const setup = res.json() as CampaignSetup;
      const county = setup.subjects[0]!.unitId;
      setup.subjects.push({ id: 'site-1', kind: 'site', unitId: county, name: '北街社区实训点' }, { id: 'case-1', kind: 'case', unitId: county, name: '“红色物业”案例' });
      setup.instruments.find((i) => i.name === '观摩评')!.subjectIds = ['site-1'];
      setup.instruments.find((i) => i.name === '案例评')!.subjectIds = ['case-1'];
      return setup;
    }

    it('saves a campaign whose groups, instruments and rankings carry the same ids as the demo’s', async () => {
      const setup = await templateWithSites();
      assert.ok(setup.raterGroups.some((g) => g.id === 'g-office') && setup.instruments.some((i) => i.id === 'i-report'));
      const created = await t.call('organiser', { method: 'POST', url: '/api/campaigns', payload: setup });
      assert.equal(created.statusCode, 201, created.body);
    });

    it('saves a second one the same month under a fresh id, and both read back whole', async () => {
      const first = (await t.call('organiser', { method: 'GET', url: '/api/campaigns' })).json() as { id: string }[];
      const second = await templateWithSites();
      assert.ok(!first.some((c) => c.id === second.id), `the template offers an unused id, not ${second.id}`);
      const created = await t.call('organiser', { method: 'POST', url: '/api/campaigns', payload: second });
      assert.equal(created.statusCode, 201, created.body);
      const campaigns = (await t.call('organiser', { method: 'GET', url: '/api/campaigns' })).json() as { id: string }[];
      assert.equal(campaigns.length, 3);
      for (const c of campaigns) {
        const check = await t.call('organiser', { method: 'GET', url: `/api/campaigns/${c.id}/check` });
        assert.equal(check.statusCode, 200, check.body);
        assert.equal(check.json().ok, true, `${c.id}: ${check.body}`);
      }
    });
  });
}
