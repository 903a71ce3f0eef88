/**
 * A PATCH with nothing in it (`{}`) changes nothing and says so with a 400 (issue #17: the account PATCH answered 500,
 * an UPDATE with nothing to set). Every PATCH route of the API is tried, so a new one that forgets is caught.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { dialects } from '../helpers/db.js';
import { CITY, COUNTIES } from './fixtures.js';

for (const kind of dialects()) {
  describe(`an empty PATCH (${kind})`, () => {
    let t: TestApp;
    let accountId = '';
    let participantId = '';
    before(async () => {
      t = await buildTestApp(kind);
      assert.equal((await t.call('organiser', { method: 'POST', url: '/api/units', payload: { units: [CITY, ...COUNTIES] } })).statusCode, 201);
      accountId = (await t.call('admin', { method: 'GET', url: '/api/accounts' })).json().find((a: { username: string }) => a.username === 'clerk').id;
      const cls = await t.call('organiser', { method: 'POST', url: '/api/training/classes', payload: { id: 'tc1', name: '班', rootUnitId: 'c0', startsOn: '2026-06-15', endsOn: '2026-06-17' } });
      assert.equal(cls.statusCode, 201, cls.body);
      const p = await t.call('organiser', { method: 'POST', url: '/api/training/classes/tc1/participants', payload: { name: '张三', unitId: 'k1' } });
      assert.equal(p.statusCode, 201, p.body);
      participantId = p.json().id;
    });
    after(() => t.close());

    it('refuses {} on every PATCH route with a 400 that says nothing was given', async () => {
      const urls: Record<string, () => string> = {
        '/api/accounts/:accountId': () => `/api/accounts/${accountId}`,
        '/api/training/classes/:classId': () => '/api/training/classes/tc1',
        '/api/training/classes/:classId/participants/:participantId': () => `/api/training/classes/tc1/participants/${participantId}`,
        // An empty body is refused before anything is looked up: ids that exist nowhere do.
        '/api/training/classes/:classId/reflections/:reflectionId': () => '/api/training/classes/tc1/reflections/r-none',
        '/api/training/classes/:classId/groups/:groupId': () => '/api/training/classes/tc1/groups/g-none',
        '/api/tours/:tourId': () => '/api/tours/tour-none',
        '/api/tours/:tourId/observers/:observerId': () => '/api/tours/tour-none/observers/ob-none',
      };
      const patches = t.app.accessTable.filter((r) => r.method === 'PATCH');
      assert.ok(patches.length >= 3);
      for (const route of patches) {
        const url = urls[route.url];
        assert.ok(url, `${route.url}: add it to this test`);
        const res = await t.call('admin', { method: 'PATCH', url: url(), payload: {} });
        assert.equal(res.statusCode, 400, `${route.url}: ${res.body}`);
        const message = res.json().error.details[0].message as { zh: string; en: string };
        assert.match(message.zh, /没有.*修改/, route.url);
        assert.match(message.en, /nothing to change/i, route.url);
        assert.doesNotMatch(message.zh, /[a-z]{4}/, `${route.url}: zh is Chinese only`);
      }
    });

    it('still applies a PATCH that names one field', async () => {
      const res = await t.call('admin', { method: 'PATCH', url: `/api/accounts/${accountId}`, payload: { displayName: '录入员' } });
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().displayName, '录入员');
    });
  });
}
