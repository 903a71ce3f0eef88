/**
 * The answers issue #17 found to be 500s: a date that does not exist, a prototype key as a unit level or an asset
 * name, and an oversize body on the phone's check-in. Each gets a clear 4xx and changes nothing.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { dialects } from '../helpers/db.js';
import { CITY, COUNTIES, setup } from './fixtures.js';

const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty'];

for (const kind of dialects()) {
  describe(`hostile basics (${kind})`, () => {
    let t: TestApp;
    before(async () => {
      t = await buildTestApp(kind);
      assert.equal((await t.call('organiser', { method: 'POST', url: '/api/units', payload: { units: [CITY, ...COUNTIES] } })).statusCode, 201);
      assert.equal((await t.call('organiser', { method: 'POST', url: '/api/campaigns', payload: setup() })).statusCode, 201);
    });
    after(() => t.close());

    it('refuses a notice date that does not exist with a 400, never a 500', async () => {
      for (const noticeDate of ['2026-13-01', '2026-02-31', '0000-00-00', '99999-01-01', 'abcd', '2026-00-10']) {
        const res = await t.call('organiser', { method: 'POST', url: '/api/campaigns/camp1/publish', payload: { noticeDate, objectionDays: 5, issuer: '中共测试市委组织部' } });
        assert.equal(res.statusCode, 400, `${noticeDate}: ${res.body}`);
        const end = await t.call('organiser', { method: 'POST', url: '/api/campaigns/camp1/publish', payload: { noticeDate: '2026-06-20', objectionEndDate: noticeDate, issuer: '中共测试市委组织部' } });
        assert.equal(end.statusCode, 400, `end ${noticeDate}: ${end.body}`);
      }
    });

    it('reads a unit level or header of __proto__ or constructor as no level, and stores nothing', async () => {
      for (const level of PROTOTYPE_KEYS) {
        const csv = Buffer.from(`代码,名称,层级,上级代码\n149999,恶意单位,${level},149900\n`);
        const res = await t.call('organiser', { method: 'POST', url: '/api/units/import?filename=units.csv', payload: csv, headers: { 'content-type': 'text/csv' } });
        assert.ok(res.statusCode >= 400 && res.statusCode < 500, `${level}: ${res.statusCode} ${res.body}`);
      }
      const header = Buffer.from('代码,名称,__proto__,constructor\n149999,恶意单位,县,149900\n');
      const res = await t.call('organiser', { method: 'POST', url: '/api/units/import?filename=units.csv', payload: header, headers: { 'content-type': 'text/csv' } });
      assert.ok(res.statusCode >= 400 && res.statusCode < 500, res.body);
      const stored = (await t.call('organiser', { method: 'GET', url: '/api/units?parent=c0' })).json() as { id: string }[];
      assert.ok(!stored.some((u) => u.id === 'u149999'), 'nothing stored');
    });

    it('names a prototype key in a refused body without reading Object.prototype', async () => {
      for (const key of PROTOTYPE_KEYS.slice(1)) {
        const res = await t.call('organiser', { method: 'POST', url: '/api/campaigns/camp1/sessions', payload: { name: '会', instrumentIds: ['i-report'], expected: { [key]: -1 } } });
        assert.equal(res.statusCode, 400, `${key}: ${res.body}`);
        assert.equal(typeof res.json().error.details[0].message.zh, 'string');
      }
    });

    it('answers a prototype key as an asset name with a 404', async () => {
      for (const name of PROTOTYPE_KEYS) {
        const res = await t.app.inject({ method: 'GET', url: `/office/assets/${name}` });
        assert.equal(res.statusCode, 404, `${name}: ${res.statusCode}`);
      }
    });

    it('answers an oversize check-in with a 413 that says so', async () => {
      const res = await t.app.inject({ method: 'POST', url: '/api/checkin', payload: `{"grant":"${'x'.repeat(3_000_000)}"}`, headers: { 'content-type': 'application/json' } });
      assert.equal(res.statusCode, 413, res.body.slice(0, 200));
      assert.match(res.json().error.message.zh, /过大/);
    });
  });
}
