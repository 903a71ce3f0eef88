/**
 * 案例库 ↔ 案例评 on both engines: the office links a library case to an item of a campaign's 案例评 (only one of its
 * own unit or a unit above), unlinks it, or makes a new item from a case while the set-up is a draft; each side reads
 * the links; other roles see them only within what they may see; wrong instruments, unknown items, units that do not
 * fit and second links are refused with nothing stored.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CampaignSetup } from '../../src/contracts/api.js';
import { updateCampaignStatus } from '../../src/db/repositories/campaigns.js';
import type { Unit } from '../../src/domain/types.js';
import { addViewer, buildTestApp, type TestApp } from '../helpers/app.js';
import { dialects } from '../helpers/db.js';
import { CITY, COUNTIES, setup } from './fixtures.js';

const TOWNS: Unit[] = [
  { id: 't1', code: '149901001', name: '南村镇', level: 'township', parentId: 'k1' },
  { id: 't2', code: '149902001', name: '东关镇', level: 'township', parentId: 'k2' },
];
/** A unit outside the campaign's city. */
const OTHER: Unit = { id: 'o1', code: '149800', name: '外市', level: 'city', parentId: null };

/** The fixture's campaign with a 案例评 over two county cases (k1, k2), and its id. */
function withCaseRating(id: string): CampaignSetup {
  const s = setup();
  s.id = id;
  s.subjects.push({ id: 'case-1', kind: 'case', unitId: 'k1', name: '城区案例' }, { id: 'case-2', kind: 'case', unitId: 'k2', name: '东县案例' });
  const rating = structuredClone(s.instruments[0]!);
  if (rating.kind === 'grade') rating.quotaRules = [];
  s.instruments.push({ ...rating, id: 'i-case', name: '案例评', subjectIds: ['case-1', 'case-2'] });
  return s;
}

interface Link { campaignName: string; instrumentName: string; itemId: string; itemName: string; caseId: string; caseTitle: string; result: unknown }

for (const kind of dialects()) {
  describe(`library cases as 案例评 items (${kind})`, () => {
    let t: TestApp;
    const CAMP = 'camp-links';
    const url = `/api/campaigns/${CAMP}/case-links`;
    const link = (payload: object, role: 'organiser' | 'clerk' | 'viewer' | 'admin' = 'organiser') => t.call(role, { method: 'POST', url, payload });
    const addCase = async (id: string, unitId: string, title: string, published = true) => {
      const res = await t.call('organiser', { method: 'POST', url: '/api/cases', payload: { id, unitId, title, year: 2022, published } });
      assert.equal(res.statusCode, 201, res.body);
    };
    const linksOf = async (caseId: string, role: 'organiser' | 'viewer' | 'clerk' = 'organiser') => {
      const res = await t.call(role, { method: 'GET', url: `/api/cases/${caseId}` });
      assert.equal(res.statusCode, 200, res.body);
      return res.json().links as Link[];
    };
    const campaignLinks = async (campaignId = CAMP, role: 'organiser' | 'viewer' | 'clerk' = 'organiser') => {
      const res = await t.call(role, { method: 'GET', url: `/api/campaigns/${campaignId}/case-links` });
      assert.equal(res.statusCode, 200, res.body);
      return res.json() as Link[];
    };
    const refusal = (res: { statusCode: number; body: string; json(): { error: { code: string; message: { zh: string; en: string } } } }, status: number, code: string) => {
      assert.equal(res.statusCode, status, res.body);
      assert.equal(res.json().error.code, code);
      assert.ok(res.json().error.message.zh && res.json().error.message.en);
      return res.json().error.message;
    };

    before(async () => {
      t = await buildTestApp(kind);
      assert.equal((await t.call('organiser', { method: 'POST', url: '/api/units', payload: { units: [CITY, ...COUNTIES, ...TOWNS, OTHER] } })).statusCode, 201);
      const created = await t.call('organiser', { method: 'POST', url: '/api/campaigns', payload: withCaseRating(CAMP) });
      assert.equal(created.statusCode, 201, created.body);
      await addCase('c-town', 't1', '南村镇“网格积分”');
      await addCase('c-east', 't2', '东关镇物业联建');
      await addCase('c-city', 'c0', '全市统一指挥中心');
      await addCase('c-draft', 't1', '南村镇草稿案例', false);
      await addViewer(t, 'k1');
    });
    after(() => t.close());

    it('links a township case to its county’s 案例评 item; both sides show it, and the audit log has it', async () => {
      const res = await link({ instrumentId: 'i-case', itemId: 'case-1', caseId: 'c-town' });
      assert.equal(res.statusCode, 201, res.body);
      const view = res.json();
      assert.equal(view.campaignName, '测试活动');
      assert.equal(view.instrumentName, '案例评');
      assert.equal(view.itemName, '城区案例');
      assert.equal(view.itemUnitName, '城区');
      assert.equal(view.caseTitle, '南村镇“网格积分”');
      assert.equal(view.caseUnitName, '南村镇');
      assert.equal(view.result, null, 'no result before publication');
      assert.deepEqual((await linksOf('c-town')).map((l) => [l.campaignName, l.instrumentName, l.itemName]), [['测试活动', '案例评', '城区案例']]);
      assert.deepEqual((await campaignLinks()).map((l) => [l.itemId, l.caseId, l.caseTitle]), [['case-1', 'c-town', '南村镇“网格积分”']]);
      const audit = (await t.call('admin', { method: 'GET', url: '/api/audit?action=case.link' })).json() as { entityId: string; detail: { itemId: string } }[];
      assert.deepEqual(audit.map((a) => [a.entityId, a.detail.itemId]), [['c-town', 'case-1']], 'audited');
    });

    it('refuses a second case for the same item, with the linked case named; nothing changes', async () => {
      const msg = refusal(await link({ instrumentId: 'i-case', itemId: 'case-1', caseId: 'c-town' }), 409, 'duplicate_id');
      assert.match(msg.zh, /南村镇“网格积分”/);
      refusal(await link({ instrumentId: 'i-case', itemId: 'case-1', caseId: 'c-east' }), 409, 'duplicate_id');
      assert.equal((await campaignLinks()).length, 1);
      assert.deepEqual(await linksOf('c-east'), []);
    });

    it('refuses a case outside the item’s unit: another county’s township, or the city above it', async () => {
      assert.match(refusal(await link({ instrumentId: 'i-case', itemId: 'case-1', caseId: 'c-east' }), 409, 'duplicate_id').en, /already linked/);
      const other = refusal(await link({ instrumentId: 'i-case', itemId: 'case-2', caseId: 'c-town' }), 422, 'case_link_refused');
      assert.match(other.zh, /南村镇/);
      assert.match(other.zh, /东县/);
      refusal(await link({ instrumentId: 'i-case', itemId: 'case-2', caseId: 'c-city' }), 422, 'case_link_refused');
      assert.deepEqual(await linksOf('c-city'), []);
    });

    it('refuses a wrong instrument, an unknown item or instrument, an item of another instrument, an unknown case', async () => {
      refusal(await link({ instrumentId: 'i-report', itemId: 'case-2', caseId: 'c-east' }), 422, 'case_link_refused');
      refusal(await link({ instrumentId: 'i-case', itemId: 's-k2', caseId: 'c-east' }), 422, 'case_link_refused');
      refusal(await link({ instrumentId: 'i-nope', itemId: 'case-2', caseId: 'c-east' }), 404, 'not_found');
      refusal(await link({ instrumentId: 'i-case', itemId: 'case-9', caseId: 'c-east' }), 404, 'not_found');
      // A name every JavaScript object has is no id at all (docs/security.md).
      refusal(await link({ instrumentId: 'i-case', itemId: '__proto__', caseId: 'c-east' }), 400, 'invalid_request');
      refusal(await link({ instrumentId: 'i-case', itemId: 'case-2', caseId: 'c-nope' }), 404, 'not_found');
      refusal(await t.call('organiser', { method: 'POST', url: '/api/campaigns/nope/case-links', payload: { instrumentId: 'i-case', itemId: 'case-2', caseId: 'c-east' } }), 404, 'not_found');
      refusal(await link({ instrumentId: 'i-case', itemId: 'case-2' }), 400, 'invalid_request');
      refusal(await link({ instrumentId: 'i-case', itemId: 'case 2', caseId: 'c-east' }), 400, 'invalid_request');
      const proto = await t.call('organiser', { method: 'POST', url, payload: '{"__proto__":{"caseId":"c-east"},"instrumentId":"i-case","itemId":"case-2","caseId":"c-east"}', headers: { 'content-type': 'application/json' } });
      assert.equal(proto.statusCode, 400, proto.body);
      const huge = await t.call('organiser', { method: 'POST', url, payload: { instrumentId: 'i-case', itemId: 'case-2', caseId: 'c-east', padding: 'x'.repeat(3_000_000) } });
      assert.equal(huge.statusCode, 413, huge.body);
      const text = await t.call('organiser', { method: 'POST', url, payload: 'instrumentId=i-case', headers: { 'content-type': 'text/plain' } });
      assert.ok(text.statusCode === 415 || text.statusCode === 400, `${text.statusCode}`);
      assert.deepEqual(await linksOf('c-east'), []);
    });

    it('lets only the office link and unlink', async () => {
      for (const role of ['clerk', 'viewer'] as const) {
        assert.equal((await link({ instrumentId: 'i-case', itemId: 'case-2', caseId: 'c-east' }, role)).statusCode, 403);
        assert.equal((await t.call(role, { method: 'DELETE', url: `${url}/case-1` })).statusCode, 403);
      }
      assert.equal((await link({ instrumentId: 'i-case', itemId: 'case-2', caseId: 'c-east' }, 'admin')).statusCode, 201);
      assert.equal((await campaignLinks()).length, 2);
    });

    it('shows a viewer no link of a campaign not yet published; a clerk every link', async () => {
      refusal(await t.call('viewer', { method: 'GET', url }), 403, 'forbidden');
      assert.deepEqual(await linksOf('c-town', 'viewer'), []);
      assert.equal((await linksOf('c-east', 'clerk')).length, 1, 'a clerk is not confined to a unit');
      assert.equal((await t.call('viewer', { method: 'GET', url: '/api/cases/c-draft' })).statusCode, 404);
    });

    it('unlinks, once; then the item takes another case', async () => {
      assert.equal((await t.call('organiser', { method: 'DELETE', url: `${url}/case-2` })).statusCode, 204);
      refusal(await t.call('organiser', { method: 'DELETE', url: `${url}/case-2` }), 404, 'not_found');
      assert.deepEqual(await linksOf('c-east'), []);
      assert.deepEqual((await campaignLinks()).map((l) => l.itemId), ['case-1']);
      const audit = (await t.call('admin', { method: 'GET', url: '/api/audit?action=case.unlink' })).json() as { entityId: string }[];
      assert.deepEqual(audit.map((a) => a.entityId), ['c-east'], 'audited');
    });

    it('makes a new 案例评 item from a case while the set-up is a draft: named as the case, owned by its county', async () => {
      const res = await t.call('organiser', { method: 'POST', url: `/api/campaigns/${CAMP}/case-items`, payload: { instrumentId: 'i-case', caseId: 'c-east' } });
      assert.equal(res.statusCode, 201, res.body);
      const view = res.json();
      assert.equal(view.itemName, '东关镇物业联建');
      assert.equal(view.itemUnitName, '东县');
      const setupNow = (await t.call('organiser', { method: 'GET', url: `/api/campaigns/${CAMP}` })).json() as { definition: CampaignSetup };
      const item = setupNow.definition.subjects.find((s) => s.id === view.itemId)!;
      assert.deepEqual([item.kind, item.unitId, item.name], ['case', 'k2', '东关镇物业联建']);
      assert.ok(setupNow.definition.instruments.find((i) => i.id === 'i-case')!.subjectIds.includes(view.itemId));
      assert.equal((await linksOf('c-east'))[0]!.itemId, view.itemId);
      // The same case twice, a case outside the campaign, a wrong instrument: refused, nothing added.
      refusal(await t.call('organiser', { method: 'POST', url: `/api/campaigns/${CAMP}/case-items`, payload: { instrumentId: 'i-case', caseId: 'c-east' } }), 409, 'duplicate_id');
      await addCase('c-other', 'o1', '外市案例');
      refusal(await t.call('organiser', { method: 'POST', url: `/api/campaigns/${CAMP}/case-items`, payload: { instrumentId: 'i-case', caseId: 'c-other' } }), 422, 'case_link_refused');
      refusal(await t.call('organiser', { method: 'POST', url: `/api/campaigns/${CAMP}/case-items`, payload: { instrumentId: 'i-report', caseId: 'c-town' } }), 422, 'case_link_refused');
      refusal(await t.call('clerk', { method: 'POST', url: `/api/campaigns/${CAMP}/case-items`, payload: { instrumentId: 'i-case', caseId: 'c-town' } }), 403, 'forbidden');
      const after = (await t.call('organiser', { method: 'GET', url: `/api/campaigns/${CAMP}` })).json() as { definition: CampaignSetup };
      assert.equal(after.definition.subjects.filter((s) => s.kind === 'case').length, 3);
    });

    it('adds items only to a draft set-up, and keeps links fixed once the results are published', async () => {
      await updateCampaignStatus(t.ctx.database.db, CAMP, 'draft', 'active', new Date());
      refusal(await t.call('organiser', { method: 'POST', url: `/api/campaigns/${CAMP}/case-items`, payload: { instrumentId: 'i-case', caseId: 'c-town' } }), 409, 'campaign_state');
      // An active campaign still takes link changes (a link never changes a score).
      assert.equal((await t.call('organiser', { method: 'DELETE', url: `${url}/case-1` })).statusCode, 204);
      assert.equal((await link({ instrumentId: 'i-case', itemId: 'case-1', caseId: 'c-town' })).statusCode, 201);
      await updateCampaignStatus(t.ctx.database.db, CAMP, 'active', 'published', new Date());
      refusal(await link({ instrumentId: 'i-case', itemId: 'case-2', caseId: 'c-east' }), 409, 'campaign_state');
      refusal(await t.call('organiser', { method: 'DELETE', url: `${url}/case-1` }), 409, 'campaign_state');
      assert.equal((await campaignLinks()).length, 2);
      // Published: the viewer of 城区 (k1) sees its own county's item and its township's case, not 东县's.
      assert.deepEqual((await campaignLinks(CAMP, 'viewer')).map((l) => l.itemId), ['case-1']);
      assert.equal((await linksOf('c-town', 'viewer')).length, 1);
      assert.deepEqual(await linksOf('c-east', 'viewer'), []);
    });
  });
}
