import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { dialects } from '../helpers/db.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';

const kind = dialects()[0]!;

/** Fills path parameters with ids that exist nowhere: access is decided before any lookup. */
function concrete(url: string): string {
  return url.replace(/:[A-Za-z]+/g, 'x1');
}

describe(`every route checks access (${kind})`, () => {
  let t: TestApp;
  before(async () => {
    t = await buildTestApp(kind);
  });
  after(() => t.close());

  it('decides every route’s access from the policy table', () => {
    assert.ok(t.app.accessTable.length >= 20, `only ${t.app.accessTable.length} routes`);
    assert.deepEqual(t.app.accessTable.filter((r) => !r.inPolicy).map((r) => r.url), []);
  });

  it('refuses callers without a token on every staff route with 401', async () => {
    for (const route of t.app.accessTable) {
      if (route.access === 'public' || route.access === 'rater') continue;
      const res = await t.call(null, { method: route.method as 'GET', url: concrete(route.url), payload: route.method === 'GET' ? undefined : {} });
      assert.equal(res.statusCode, 401, `${route.method} ${route.url} → ${res.statusCode}`);
      assert.equal(res.json().error.code, 'unauthenticated');
    }
  });

  it('refuses a role not listed with 403 and lets a listed one past the gate', async () => {
    for (const route of t.app.accessTable) {
      if (route.access === 'public' || route.access === 'rater') continue;
      for (const role of ['admin', 'organiser', 'clerk'] as const) {
        const res = await t.call(role, { method: route.method as 'GET', url: concrete(route.url), payload: route.method === 'GET' ? undefined : {} });
        if (route.access.includes(role)) assert.notEqual(res.statusCode, 403, `${role} ${route.method} ${route.url}`);
        else assert.equal(res.statusCode, 403, `${role} ${route.method} ${route.url} → ${res.statusCode}`);
        assert.ok(res.statusCode < 500, `${role} ${route.method} ${route.url} → ${res.statusCode} ${res.body}`);
      }
    }
  });

  it('refuses a forged bearer token', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/campaigns', headers: { authorization: 'Bearer AAAAAAAAAAAAAAAAAAAAAA' } });
    assert.equal(res.statusCode, 401);
  });
});
