/**
 * 座谈会 through the API on both engines: the ordered speakers set and reordered as a whole; report slots for every
 * township at once or one "as assigned"; the office's board (counts by status and county), reminders, accept and send
 * back; a township's own pending reports with the reminder; bad input refused with nothing changed.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createAccount } from '../../src/app/accounts/create-account.js';
import type { Unit } from '../../src/domain/types.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { dialects } from '../helpers/db.js';
import { makePdf, multipart } from '../helpers/files.js';
import { CITY, COUNTIES } from './fixtures.js';

const UNITS: Unit[] = [
  { id: 't1', code: '149901001', name: '南村镇', level: 'township', parentId: 'k1' },
  { id: 't2', code: '149902001', name: '东岭镇', level: 'township', parentId: 'k2' },
  { id: 't3', code: '149902002', name: '北岭乡', level: 'township', parentId: 'k2' },
  { id: 'v1', code: '149902002001', name: '北岭村', level: 'village', parentId: 't3' },
];
const SEMINAR = '/api/training/classes/tc1/seminar';

for (const kind of dialects()) {
  describe(`the 座谈会 (${kind})`, () => {
    let t: TestApp;
    let townToken = '';
    const board = async (query = '') => (await t.call('organiser', { method: 'GET', url: `${SEMINAR}/reports${query}` })).json();
    const reportOf = async (unitId: string) => (await board()).reports.find((r: { unitId: string }) => r.unitId === unitId);

    before(async () => {
      t = await buildTestApp(kind);
      assert.equal((await t.call('organiser', { method: 'POST', url: '/api/units', payload: { units: [CITY, ...COUNTIES, ...UNITS] } })).statusCode, 201);
      for (const id of ['tc1', 'tc2']) {
        const res = await t.call('organiser', { method: 'POST', url: '/api/training/classes', payload: { id, name: `班 ${id}`, rootUnitId: 'c0', startsOn: '2026-06-15', endsOn: '2026-06-17' } });
        assert.equal(res.statusCode, 201, res.body);
      }
      townToken = (await createAccount(t.ctx, 'system', { username: 'nancun', displayName: '南村镇', role: 'viewer', unitId: 't1' })).accessToken;
    });
    after(() => t.close());

    it('sets the speakers as one ordered list and reorders them', async () => {
      const speakers = [
        { name: '张三', unitId: 't1', post: '南村镇党委书记', topic: '集体经济' },
        { name: '李四', unitId: null, post: '北岭乡党委书记', topic: '网格治理' },
        { name: '王五', post: '东岭镇党委书记', topic: '物业党建' },
      ];
      const set = await t.call('organiser', { method: 'PUT', url: `${SEMINAR}/speakers`, payload: { speakers } });
      assert.equal(set.statusCode, 200, set.body);
      const listed = set.json();
      assert.deepEqual(listed.map((s: { position: number; name: string }) => [s.position, s.name]), [[1, '张三'], [2, '李四'], [3, '王五']]);
      assert.equal(listed[0].unitName, '南村镇');
      const reordered = [listed[2], listed[0], listed[1]].map(({ id, name, unitId, post, topic }) => ({ id, name, unitId, post, topic }));
      const again = await t.call('organiser', { method: 'PUT', url: `${SEMINAR}/speakers`, payload: { speakers: reordered } });
      assert.deepEqual(again.json().map((s: { id: string }) => s.id), [listed[2].id, listed[0].id, listed[1].id]);
      assert.deepEqual((await t.call('clerk', { method: 'GET', url: `${SEMINAR}/speakers` })).json().map((s: { name: string }) => s.name), ['王五', '张三', '李四']);
    });

    it('refuses bad speakers with a 4xx and keeps the list', async () => {
      const before = (await t.call('organiser', { method: 'GET', url: `${SEMINAR}/speakers` })).body;
      const bad = [
        { speakers: [{ name: '', post: '书记', topic: '题' }] },
        { speakers: [{ name: '甲', post: '书记', topic: '题', unitId: 'nowhere' }] },
        { speakers: [{ id: 'a', name: '甲', post: '书记', topic: '题' }, { id: 'a', name: '乙', post: '书记', topic: '题' }] },
        JSON.parse('{"speakers":[{"name":"甲","post":"书记","topic":"题","unitId":"__proto__"}]}'),
      ];
      for (const payload of bad) {
        const res = await t.call('organiser', { method: 'PUT', url: `${SEMINAR}/speakers`, payload });
        assert.ok(res.statusCode >= 400 && res.statusCode < 500, `${JSON.stringify(payload)} → ${res.statusCode} ${res.body}`);
        assert.ok(res.json().error.message.zh);
      }
      // A name every JavaScript object has is no id at all (docs/security.md): refused, nothing changed.
      const proto = await t.call('organiser', { method: 'PUT', url: `${SEMINAR}/speakers`, payload: { speakers: [{ id: '__proto__', name: '甲', post: '书记', topic: '题' }] } });
      assert.equal(proto.statusCode, 400, proto.body);
      assert.equal((await t.call('organiser', { method: 'GET', url: `${SEMINAR}/speakers` })).body, before);
      assert.equal((await t.call('viewer' as 'clerk', { method: 'PUT', url: `${SEMINAR}/speakers`, payload: { speakers: [] } })).statusCode, 401);
      assert.equal((await t.call('clerk', { method: 'PUT', url: `${SEMINAR}/speakers`, payload: { speakers: [] } })).statusCode, 403);
      assert.equal((await t.call('organiser', { method: 'GET', url: '/api/training/classes/nope/seminar/speakers' })).statusCode, 404);
    });

    it('creates one slot per township at once, and one more as assigned', async () => {
      const all = await t.call('organiser', { method: 'POST', url: `${SEMINAR}/reports`, payload: { title: '座谈会书面交流材料' } });
      assert.equal(all.statusCode, 201, all.body);
      assert.deepEqual(all.json(), { created: 3, skipped: 0 });
      assert.deepEqual((await t.call('organiser', { method: 'POST', url: `${SEMINAR}/reports`, payload: {} })).json(), { created: 0, skipped: 3 });
      const village = await t.call('organiser', { method: 'POST', url: `${SEMINAR}/reports`, payload: { unitIds: ['v1'], title: '村级材料' } });
      assert.deepEqual(village.json(), { created: 1, skipped: 0 });
      const twice = await t.call('organiser', { method: 'POST', url: `${SEMINAR}/reports`, payload: { unitIds: ['v1'] } });
      assert.equal(twice.statusCode, 409);
      assert.match(twice.json().error.message.zh, /北岭村/);
      for (const unitIds of [['k1'], ['nowhere'], ['__proto__'], []]) {
        const res = await t.call('organiser', { method: 'POST', url: `${SEMINAR}/reports`, payload: { unitIds } });
        assert.equal(res.statusCode, 400, `${unitIds}: ${res.body}`);
      }
      const b = await board();
      assert.deepEqual(b.counts, { total: 4, missing: 4, submitted: 0, accepted: 0 });
      assert.deepEqual(b.counties.map((c: { countyName: string; total: number }) => [c.countyName, c.total]), [['城区', 1], ['东县', 3]]);
      assert.equal((await reportOf('v1')).unitPath, '东县 / 北岭乡 / 北岭村');
    });

    it('follows a report from missing to submitted to accepted, and back with a note', async () => {
      const report = await reportOf('t1');
      const pdf = multipart('南村镇.pdf', await makePdf());
      const up = await t.app.inject({ method: 'POST', url: `${SEMINAR}/reports/${report.id}/documents`, payload: pdf.payload, headers: { ...pdf.headers, authorization: `Bearer ${townToken}` } });
      assert.equal(up.statusCode, 201, up.body);
      assert.equal(up.json().status, 'submitted');
      const second = multipart('附件.pdf', await makePdf('附件'));
      const more = await t.app.inject({ method: 'POST', url: `${SEMINAR}/reports/${report.id}/documents`, payload: second.payload, headers: { ...second.headers, authorization: `Bearer ${townToken}` } });
      assert.equal(more.json().documents.length, 2);
      assert.equal(more.json().submittedAt, up.json().submittedAt, 'the status follows the first upload');

      assert.deepEqual((await board()).counts, { total: 4, missing: 3, submitted: 1, accepted: 0 });
      assert.equal((await board('?status=submitted')).reports.length, 1);
      assert.equal((await board('?unitId=k2')).reports.length, 3);

      const missing = await reportOf('t2');
      assert.equal((await t.call('organiser', { method: 'POST', url: `${SEMINAR}/reports/${missing.id}/accept` })).statusCode, 409);
      assert.equal((await t.call('organiser', { method: 'POST', url: `${SEMINAR}/reports/${missing.id}/return`, payload: { note: '请补交' } })).statusCode, 409);
      const accepted = await t.call('organiser', { method: 'POST', url: `${SEMINAR}/reports/${report.id}/accept` });
      assert.equal(accepted.json().status, 'accepted');
      assert.equal((await t.call('organiser', { method: 'POST', url: `${SEMINAR}/reports/${report.id}/return`, payload: { note: '' } })).statusCode, 400);
      const back = await t.call('organiser', { method: 'POST', url: `${SEMINAR}/reports/${report.id}/return`, payload: { note: '请按模板重新提交' } });
      assert.equal(back.statusCode, 200, back.body);
      assert.equal(back.json().status, 'missing');
      assert.equal(back.json().note, '请按模板重新提交');
      assert.equal(back.json().documents.length, 0);
      // A report id of another class is not found there.
      assert.equal((await t.call('organiser', { method: 'POST', url: `/api/training/classes/tc2/seminar/reports/${report.id}/accept` })).statusCode, 404);
    });

    it('records reminders on the missing reports, and a township sees its own with them', async () => {
      const t2 = await reportOf('t2');
      const chosen = await t.call('organiser', { method: 'POST', url: `${SEMINAR}/reports/remind`, payload: { reportIds: [t2.id] } });
      assert.equal(chosen.json().reminded, 1);
      const all = await t.call('organiser', { method: 'POST', url: `${SEMINAR}/reports/remind`, payload: {} });
      assert.equal(all.json().reminded, 4);
      assert.equal((await reportOf('t2')).reminders, 2);
      assert.equal((await reportOf('t1')).reminders, 1);
      assert.equal((await t.call('clerk', { method: 'POST', url: `${SEMINAR}/reports/remind`, payload: {} })).statusCode, 403);
      const audit = await t.ctx.database.db.selectFrom('audit_log').select('action').where('action', '=', 'seminar.reports.remind').execute();
      assert.equal(audit.length, 2);

      const mine = await t.app.inject({ method: 'GET', url: '/api/seminar/my-reports', headers: { authorization: `Bearer ${townToken}` } });
      assert.equal(mine.statusCode, 200);
      const list = mine.json();
      assert.equal(list.length, 1);
      assert.equal(list[0].unitName, '南村镇');
      assert.equal(list[0].className, '班 tc1');
      assert.equal(list[0].reminders, 1);
      assert.equal(list[0].note, '请按模板重新提交');
      assert.deepEqual((await t.call('organiser', { method: 'GET', url: '/api/seminar/my-reports' })).json(), []);
    });

    it('withdraws a slot assigned in error, only while nothing was handed in', async () => {
      const village = await reportOf('v1');
      const t3 = await reportOf('t3');
      const pdf = multipart('北岭乡.pdf', await makePdf());
      assert.equal((await t.call('organiser', { method: 'POST', url: `${SEMINAR}/reports/${t3.id}/documents`, payload: pdf.payload, headers: pdf.headers })).statusCode, 201);
      const refused = await t.call('organiser', { method: 'DELETE', url: `${SEMINAR}/reports/${t3.id}` });
      assert.equal(refused.statusCode, 409);
      assert.match(refused.json().error.message.zh, /请先退回/);
      assert.equal((await t.call('clerk', { method: 'DELETE', url: `${SEMINAR}/reports/${village.id}` })).statusCode, 403);
      assert.equal((await t.call('organiser', { method: 'DELETE', url: `/api/training/classes/tc2/seminar/reports/${village.id}` })).statusCode, 404);
      assert.equal((await t.call('organiser', { method: 'DELETE', url: `${SEMINAR}/reports/${village.id}` })).statusCode, 204);
      assert.equal(await reportOf('v1'), undefined);
      assert.equal((await board()).counts.total, 3);
    });
  });
}
