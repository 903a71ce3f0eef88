/**
 * Every HTML page sends a Content-Security-Policy with frame-ancestors 'none', and nosniff (issue #17); pages whose
 * URL or body carries a secret also send no-referrer and no-store. Every GET route of the access table is requested
 * with real ids of the demo (Accept: text/html, as a browser would), so a new page without the headers fails here.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { loadDemo } from '../../src/app/demo/load-demo.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { dialects } from '../helpers/db.js';
import { CITY, COUNTIES, setup } from './fixtures.js';

const DEMO = 'jincheng-2022-06';
/** Pages that must answer 200 as HTML here: the walk below must really reach them. */
const PAGES = [
  '/',
  '/console',
  '/r',
  '/r/:token',
  '/c/:classId',
  '/o/:link',
  '/receipts/:sessionId',
  '/screen/:sessionId',
  '/notice/:campaignId',
  '/checkin-screen/:classId/:lessonId/:venueId/:key',
  '/api/sessions/:sessionId/tally-report.html',
  '/api/training/classes/:classId/roster.html',
];
/** Their URL carries a key or a token, or their body fresh secrets. */
const SECRET = new Set(['/r/:token', '/o/:link', '/screen/:sessionId', '/checkin-screen/:classId/:lessonId/:venueId/:key', '/api/training/classes/:classId/roster.html', 'token sheet']);

function checkPage(what: string, res: LightMyRequestResponse): void {
  const csp = String(res.headers['content-security-policy'] ?? '');
  assert.ok(csp, `${what}: no Content-Security-Policy`);
  assert.match(csp, /frame-ancestors 'none'/, `${what}: ${csp}`);
  assert.match(csp, /default-src 'none'/, `${what}: ${csp}`);
  const script = /script-src ([^;]*)/.exec(csp)?.[1] ?? '';
  assert.doesNotMatch(script, /unsafe-inline|unsafe-eval|\*/, `${what}: ${csp}`);
  assert.equal(res.headers['x-content-type-options'], 'nosniff', what);
  if (SECRET.has(what)) {
    assert.equal(res.headers['referrer-policy'], 'no-referrer', what);
    assert.equal(res.headers['cache-control'], 'no-store', what);
  }
}

for (const kind of dialects()) {
  describe(`headers of every HTML page (${kind})`, () => {
    let t: TestApp;
    const ids: Record<string, string> = {};
    before(async () => {
      t = await buildTestApp(kind);
      await loadDemo(t.ctx).catch(() => null);
      const published = await t.call('organiser', { method: 'POST', url: `/api/campaigns/${DEMO}/publish`, payload: { noticeDate: '2022-06-20', objectionDays: 5, issuer: '中共晋城市委组织部' } });
      assert.equal(published.statusCode, 201, published.body);
      const session = (await t.call('organiser', { method: 'GET', url: `/api/campaigns/${DEMO}/sessions` })).json()[0];
      const cls = (await t.call('organiser', { method: 'GET', url: '/api/training/classes' })).json()[0];
      const detail = (await t.call('organiser', { method: 'GET', url: `/api/training/classes/${cls.id}` })).json();
      const rankings = (await t.call('organiser', { method: 'GET', url: `/api/campaigns/${DEMO}/rankings` })).json().rankings;
      Object.assign(ids, {
        campaignId: DEMO,
        sessionId: session.id,
        classId: cls.id,
        lessonId: detail.agenda[0].id,
        venueId: detail.agenda[0].venueIds?.[0] ?? detail.venues[0].id,
        rankingId: rankings[0].rankingId,
        key: 'k'.repeat(32),
        token: 't'.repeat(22),
      });
    });
    after(() => t.close());

    it('sends the headers on every HTML answer of every GET route, and reaches every page', async () => {
      const seen = new Set<string>();
      for (const route of t.app.accessTable) {
        if (route.method !== 'GET' || route.url.endsWith('/events')) continue;
        const url = route.url.replace(/:(\w+)/g, (_m, name: string) => encodeURIComponent(ids[name] ?? 'x')).replace('*', 'sessions');
        const res = await t.call('admin', { method: 'GET', url, headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' } });
        if (!String(res.headers['content-type'] ?? '').startsWith('text/html')) continue;
        checkPage(route.url, res);
        if (res.statusCode === 200) seen.add(route.url);
      }
      for (const page of PAGES) assert.ok(seen.has(page), `${page} was not reached as a 200 page`);
    });

    it('sends them on the refusal page a browser gets', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/notice/nowhere', headers: { accept: 'text/html' } });
      assert.equal(res.statusCode, 404);
      checkPage('refusal page', res);
    });

    it('sends them on the API docs, with only its own scripts and sheets', async () => {
      for (const url of ['/api/docs', '/api/docs/static/index.html']) {
        const res = await t.app.inject({ method: 'GET', url });
        const page = res.statusCode === 302 ? await t.app.inject({ method: 'GET', url: `/api/docs/${String(res.headers.location).replace(/^\.?\/?(api\/docs\/)?/, '')}` }) : res;
        assert.equal(page.statusCode, 200, `${url}: ${page.statusCode}`);
        checkPage(url, page);
        assert.match(String(page.headers['content-security-policy']), /script-src 'self'/);
        assert.doesNotMatch(String(page.headers['content-security-policy']), /upgrade-insecure-requests/, 'a LAN server has no HTTPS');
      }
    });

    it('sends them, no-referrer and no-store on the token sheet that carries fresh secrets', async () => {
      assert.equal((await t.call('organiser', { method: 'POST', url: '/api/units', payload: { units: [CITY, ...COUNTIES] } })).statusCode, 201);
      assert.equal((await t.call('organiser', { method: 'POST', url: '/api/campaigns', payload: setup() })).statusCode, 201);
      const session = await t.call('organiser', { method: 'POST', url: '/api/campaigns/camp1/sessions', payload: { name: '会', instrumentIds: ['i-report'], expected: { 'g-office': 2 } } });
      assert.equal((await t.call('organiser', { method: 'POST', url: `/api/sessions/${session.json().id}/open` })).statusCode, 200);
      const res = await t.call('clerk', { method: 'POST', url: `/api/sessions/${session.json().id}/token-sheets`, payload: { raterGroupId: 'g-office', count: 2 } });
      assert.equal(res.statusCode, 201, res.body);
      checkPage('token sheet', res);
    });
  });
}
