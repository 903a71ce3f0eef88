/** Set-up helpers: the national division data (browse, import), the 亮晒评 template and the check of an unsaved set-up. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CampaignSetup } from '../../src/contracts/api.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { dialects } from '../helpers/db.js';

type Division = { code: string; name: string; level: string; unitId: string | null };

for (const kind of dialects()) {
  describe(`campaign set-up helpers (${kind})`, () => {
    let t: TestApp;
    before(async () => {
      t = await buildTestApp(kind);
    });
    after(() => t.close());
    const get = (url: string) => t.call('organiser', { method: 'GET', url });
    const post = (url: string, payload: unknown) => t.call('organiser', { method: 'POST', url, payload: payload as object });

    it('browses the division data a level at a time, never below townships', async () => {
      const provinces = (await get('/api/divisions')).json().children as Division[];
      assert.ok(provinces.some((p) => p.code === '14' && p.name === '山西省' && p.unitId === null));
      const shanxi = (await get('/api/divisions?code=14')).json();
      assert.equal(shanxi.division.name, '山西省');
      assert.ok(shanxi.children.some((c: Division) => c.code === '1405' && c.name === '晋城市' && c.level === 'city'));
      const counties = (await get('/api/divisions?code=1405')).json().children as Division[];
      assert.deepEqual(counties.map((c) => c.name), ['城区', '沁水县', '阳城县', '陵川县', '泽州县', '高平市']);
      const townships = (await get('/api/divisions?code=140502')).json().children as Division[];
      assert.ok(townships.length > 0 && townships.every((c) => c.level === 'township'));
      assert.deepEqual((await get(`/api/divisions?code=${townships[0]!.code}`)).json().children, []);
      assert.equal((await get('/api/divisions?code=99')).statusCode, 404);
      assert.equal((await get('/api/divisions?code=abc')).statusCode, 400);
    });

    let added = 0;
    it('imports a city with its counties and townships once, audited; a county code is refused', async () => {
      const county = await post('/api/units/from-divisions', { code: '140502' });
      assert.equal(county.statusCode, 400, county.body);
      const res = await post('/api/units/from-divisions', { code: '1405' });
      assert.equal(res.statusCode, 201, res.body);
      added = res.json().added;
      assert.equal(res.json().rootUnitId, 'u1405');
      const counties = (await get('/api/units?parent=u1405')).json();
      assert.equal(counties.length, 6);
      assert.ok(added > 6 + 70, `added ${added}`);
      const again = (await post('/api/units/from-divisions', { code: '1405' })).json();
      assert.deepEqual([again.added, again.skipped], [0, added]);
      const browsed = (await get('/api/divisions?code=1405')).json();
      assert.equal(browsed.division.unitId, 'u1405');
      const audit = (await t.call('admin', { method: 'GET', url: '/api/audit?action=units.import-divisions' })).json();
      const entries = Array.isArray(audit) ? audit : audit.entries;
      assert.equal(entries.length, 1, JSON.stringify(audit));
      assert.equal((await t.call('clerk', { method: 'POST', url: '/api/units/from-divisions', payload: { code: '14' } })).statusCode, 403);
    });

    let setup: CampaignSetup;
    it('prefills the 亮晒评 template over the city: five forms, quotas, weights summing to 100, tiers', async () => {
      const res = await get('/api/templates/liangshaiping?rootUnitId=u1405');
      assert.equal(res.statusCode, 200, res.body);
      setup = res.json();
      assert.deepEqual(setup.instruments.map((i) => i.name), ['观摩评', '专班评', '汇报评', '交流评', '案例评', '加减分']);
      const report = setup.instruments.find((i) => i.name === '汇报评')!;
      assert.equal(report.subjectIds.length, 6);
      assert.deepEqual(report.kind === 'grade' && report.quotaRules.map((r) => [r.bound, r.numerator]), [['max', 40], ['min', 25]]);
      const exchange = setup.instruments.find((i) => i.name === '交流评')!;
      assert.deepEqual(exchange.kind === 'grade' && exchange.quotaRules.map((r) => [r.bound, r.numerator]), [['max', 10]]);
      assert.equal(exchange.subjectIds.length, added - 7);
      assert.deepEqual(setup.instruments.filter((i) => i.subjectIds.length === 0).map((i) => i.name), ['观摩评', '案例评']);
      for (const ranking of setup.rankings) assert.equal(ranking.components.reduce((s, c) => s + Number(c.weight), 0), 100);
      assert.ok(setup.rankings[0]!.components.some((c) => c.instrumentId === exchange.id), 'township results count for their county');
      assert.equal((await get('/api/templates/liangshaiping?rootUnitId=u-nowhere')).statusCode, 404);
      const township = setup.subjects.find((s) => s.unitId.length > 7)!.unitId;
      assert.equal((await get(`/api/templates/liangshaiping?rootUnitId=${township}`)).statusCode, 400);
    });

    it('checks the unsaved set-up with concrete counts, then stores it once sites and cases are added', async () => {
      const empty = await post('/api/campaigns/check', setup);
      assert.equal(empty.statusCode, 400, 'observation sites and cases must be added first');
      // Said in the words on the screen: the form by its name, never a field name or path.
      const said = (empty.json().error.details as { message: { zh: string; en: string } }[]).map((d) => d.message);
      assert.ok(said.some((m) => m.zh.startsWith('评价方式「观摩评」的测评对象：至少需要 1 项')), JSON.stringify(said));
      for (const m of said) assert.doesNotMatch(`${m.zh} ${m.en}`, /subjectIds|instruments\.|\[\d+\]/);
      const county = setup.subjects[0]!.unitId;
      setup.subjects.push({ id: 'site-1', kind: 'site', unitId: county, name: '北街社区实训点' }, { id: 'case-1', kind: 'case', unitId: county, name: '“红色物业”案例' });
      setup.instruments.find((i) => i.name === '观摩评')!.subjectIds = ['site-1'];
      setup.instruments.find((i) => i.name === '案例评')!.subjectIds = ['case-1'];
      const check = await post('/api/campaigns/check', setup);
      assert.equal(check.statusCode, 200, check.body);
      const body = check.json();
      assert.equal(body.ok, true, JSON.stringify(body.problems));
      const report = body.instruments.find((i: { name: string }) => i.name === '汇报评');
      assert.deepEqual(report.subjectCounts, [6, 5]);
      const six = report.limits.find((l: { n: number }) => l.n === 6);
      assert.deepEqual(six.rules.map((r: { allowed: number }) => r.allowed), [2, 2]);
      const caseCheck = body.instruments.find((i: { name: string }) => i.name === '案例评');
      assert.ok(caseCheck.findings.some((f: { code: string }) => f.code === 'rule_forbids_all'), '“好” ≤ 40% of one case allows no 好');

      const created = await post('/api/campaigns', setup);
      assert.equal(created.statusCode, 201, created.body);
      assert.equal((await get(`/api/campaigns/${setup.id}/check`)).json().ok, true);
    });
  });
}
