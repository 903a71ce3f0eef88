/**
 * The authorization matrix: every route the server serves × every kind of caller (each role by bearer token, each
 * role by cookie session with and without the CSRF header, a rater holding a ballot token, and nobody), checked
 * against the one policy table (src/http/route-policy.ts) — a route without an entry, or an entry without a route or
 * an OpenAPI operation without an entry, fails; then a unit viewer's scope through the API — only its own units,
 * only published results.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Role } from '../../src/app/policies/roles.js';
import { ERRORS } from '../../src/contracts/errors.js';
import { appendBallots } from '../../src/db/repositories/ballots.js';
import { createCampaign, updateCampaignStatus } from '../../src/db/repositories/campaigns.js';
import { ROUTE_POLICY, type Access } from '../../src/http/route-policy.js';
import { addViewer, buildTestApp, logInAs, type CookieSession, type TestApp } from '../helpers/app.js';
import { dialects, NOW, reportBallot, seedSmallCampaign } from '../helpers/db.js';

const ROLES: Role[] = ['admin', 'organiser', 'clerk', 'viewer'];
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

type Caller =
  | { label: string; via: 'none' }
  | { label: string; via: 'ballot-token' }
  | { label: string; via: 'bearer'; role: Role }
  | { label: string; via: 'cookie'; role: Role; csrf: boolean };

const CALLERS: Caller[] = [
  { label: 'anonymous', via: 'none' },
  // A one-time ballot token is not a login: it opens the rater routes (which check it) and nothing else.
  { label: 'token holder', via: 'ballot-token' },
  ...ROLES.map((role): Caller => ({ label: `${role} (bearer)`, via: 'bearer', role })),
  // Without CSRF first: on the logout route, the callers with it end their sessions.
  ...ROLES.map((role): Caller => ({ label: `${role} (cookie, no CSRF)`, via: 'cookie', role, csrf: false })),
  ...ROLES.map((role): Caller => ({ label: `${role} (cookie + CSRF)`, via: 'cookie', role, csrf: true })),
];

type Verdict = 'allowed' | 'unauthenticated' | 'forbidden' | 'csrf_failed';

/** What the declaration says should happen at the gate. */
function expected(access: Access, method: string, caller: Caller): Verdict {
  if (access === 'public' || access === 'rater') return 'allowed';
  if (caller.via === 'none' || caller.via === 'ballot-token') return 'unauthenticated';
  if (caller.via === 'cookie' && !caller.csrf && UNSAFE.has(method)) return 'csrf_failed';
  return access.includes(caller.role) ? 'allowed' : 'forbidden';
}

/** What the gate did: its refusals carry the generic messages; anything else got past it (to a 2xx/4xx of the route). */
function observed(res: LightMyRequestResponse): Verdict {
  if (res.statusCode !== 401 && res.statusCode !== 403) return 'allowed';
  const { code, message } = res.json().error as { code: string; message: { en: string } };
  if (code === 'csrf_failed') return 'csrf_failed';
  if (code === 'unauthenticated' && message.en === ERRORS.unauthenticated.en) return 'unauthenticated';
  if (code === 'forbidden' && message.en === ERRORS.forbidden.en) return 'forbidden';
  return 'allowed'; // a route's own refusal (a wrong screen key, a unit outside a viewer's scope)
}

/** Fills path parameters with ids that exist nowhere: access is decided before any lookup. */
function concrete(url: string): string {
  return url.replace(/:[A-Za-z]+/g, 'x1');
}

for (const kind of dialects()) {
  describe(`authorization (${kind})`, () => {
    let t: TestApp;
    let viewerC5: { token: string; session: CookieSession };
    const sessions = {} as Record<Role, CookieSession>;

    function send(caller: Caller, options: InjectOptions): Promise<LightMyRequestResponse> {
      const headers: Record<string, string> = { ...(options.headers as Record<string, string> | undefined) };
      if (caller.via === 'bearer') headers.authorization = `Bearer ${t.tokens[caller.role]}`;
      if (caller.via === 'cookie') {
        headers.cookie = sessions[caller.role].cookie;
        if (caller.csrf) headers['x-csrf-token'] = sessions[caller.role].csrfToken;
      }
      return t.app.inject({ ...options, headers });
    }

    before(async () => {
      t = await buildTestApp(kind, { app: { loginLimitPerMinute: 1000 } });
      await seedSmallCampaign(t.ctx.database);
      await appendBallots(t.ctx.database.db, [reportBallot('sheet-1', 0), reportBallot('sheet-2', 1), reportBallot('sheet-3', 1)]);
      await createCampaign(t.ctx.database.db, { id: 'c-2', name: '未发布的活动', rootUnitId: 'u-jincheng' }, NOW);
      await addViewer(t, 'u-c1');
      for (const role of ROLES) sessions[role] = await logInAs(t, t.usernames[role], t.passwords[role]);
      const tokenViewer = t.tokens.viewer;
      const passwordViewer = t.passwords.viewer;
      const usernameViewer = t.usernames.viewer;
      await addViewer(t, 'u-c5');
      viewerC5 = { token: t.tokens.viewer, session: await logInAs(t, t.usernames.viewer, t.passwords.viewer) };
      t.tokens.viewer = tokenViewer;
      t.passwords.viewer = passwordViewer;
      t.usernames.viewer = usernameViewer;
    });
    after(() => t.close());

    it('has one policy entry for every route served and every operation documented, and none for a route that is gone', () => {
      const served = new Set(t.app.accessTable.filter((r) => !/^\/api\/docs/.test(r.url)).map((r) => `${r.method} ${r.url}`));
      assert.deepEqual(t.app.accessTable.filter((r) => !r.inPolicy).map((r) => `${r.method} ${r.url}`), [], 'routes deciding their own access');
      assert.deepEqual(Object.keys(ROUTE_POLICY).filter((key) => !served.has(key)), [], 'entries without a route');
      const doc = t.app.swagger() as { paths: Record<string, Record<string, unknown>> };
      const documented = Object.entries(doc.paths).flatMap(([path, ops]) =>
        Object.keys(ops).filter((m) => m !== 'parameters').map((m) => `${m.toUpperCase()} ${path.replace(/\{([^}]+)\}/g, ':$1')}`),
      );
      assert.ok(documented.length >= 60, `only ${documented.length} documented operations`);
      assert.deepEqual(documented.filter((key) => !Object.hasOwn(ROUTE_POLICY, key)), [], 'documented operations without an entry');
    });

    it('gates every route for every caller exactly as the policy table says', async (ctx) => {
      // Logging out ends the session the later rows would use: it goes last.
      const routes = [...t.app.accessTable].sort((a, b) => Number(a.url === '/api/auth/logout') - Number(b.url === '/api/auth/logout'));
      assert.ok(routes.length >= 40, `only ${routes.length} routes`);
      const wrong: string[] = [];
      const tally: Record<Verdict, number> = { allowed: 0, unauthenticated: 0, forbidden: 0, csrf_failed: 0 };
      for (const route of routes) {
        for (const caller of CALLERS) {
          const payload = route.method === 'GET' ? undefined : caller.via === 'ballot-token' ? { token: 'AAAAAAAAAAAAAAAAAAAAAA' } : {};
          const res = await send(caller, { method: route.method as 'GET', url: concrete(route.url), payload });
          const want = expected(ROUTE_POLICY[`${route.method} ${route.url}`]!, route.method, caller);
          const got = observed(res);
          tally[want]++;
          if (got !== want || res.statusCode >= 500) wrong.push(`${caller.label} ${route.method} ${route.url}: want ${want}, got ${res.statusCode} ${got}`);
        }
      }
      ctx.diagnostic(`${routes.length} routes × ${CALLERS.length} callers = ${routes.length * CALLERS.length} checks: ${JSON.stringify(tally)}`);
      assert.deepEqual(wrong, []);
    });

    describe('a unit viewer sees only its own units, and only published results', () => {
      before(async () => {
        sessions.viewer = await logInAs(t, t.usernames.viewer, t.passwords.viewer); // the matrix logged out
      });
      type Who = 'bearer' | 'cookie';
      const asViewer = (who: Who, url: string, other = false) =>
        t.app.inject({
          method: 'GET',
          url,
          headers: who === 'bearer'
            ? { authorization: `Bearer ${other ? viewerC5.token : t.tokens.viewer}` }
            : { cookie: (other ? viewerC5.session : sessions.viewer).cookie },
        });
      const code = (res: LightMyRequestResponse) => (res.statusCode === 200 ? 200 : `${res.statusCode} ${res.json().error.code}`);

      it('refuses every result of an unpublished campaign, which the office reads', async () => {
        for (const who of ['bearer', 'cookie'] as const) {
          for (const url of ['/api/campaigns/c-1', '/api/campaigns/c-1/results', '/api/campaigns/c-1/results/r-county/units/u-c1/explanation', '/api/campaigns/c-1/instruments/i-report/subjects/s-u-c1/explanation']) {
            assert.equal(code(await asViewer(who, url)), '403 forbidden', `${who} ${url}`);
            assert.equal(code(await t.call('organiser', { method: 'GET', url })), 200, `organiser ${url}`);
          }
          assert.deepEqual((await asViewer(who, '/api/campaigns')).json(), []);
        }
      });

      it('after publication: its own rows and explanations, never another county’s', async () => {
        const db = t.ctx.database.db;
        assert.ok(await updateCampaignStatus(db, 'c-1', 'draft', 'active', NOW));
        assert.ok(await updateCampaignStatus(db, 'c-1', 'active', 'published', NOW));
        for (const who of ['bearer', 'cookie'] as const) {
          assert.deepEqual((await asViewer(who, '/api/campaigns')).json().map((c: { id: string }) => c.id), ['c-1']);
          const own = (await asViewer(who, '/api/campaigns/c-1')).json().definition;
          assert.deepEqual(own.units.map((u: { id: string }) => u.id), ['u-c1'], 'no other county’s units');
          assert.deepEqual(own.subjects.map((s: { id: string }) => s.id), ['s-u-c1']);
          assert.deepEqual(own.instruments.map((i: { subjectIds: string[] }) => i.subjectIds), [['s-u-c1'], []]);
          assert.equal(own.rankings.length, 1);
          const theirs = (await asViewer(who, '/api/campaigns/c-1', true)).json().definition;
          assert.deepEqual(theirs.units.map((u: { id: string }) => u.id).sort(), ['u-c5', 'u-t1']);
          assert.deepEqual(theirs.subjects.map((s: { id: string }) => s.id).sort(), ['s-site1', 's-u-c5']);
          assert.equal((await t.call('organiser', { method: 'GET', url: '/api/campaigns/c-1' })).json().definition.units.length, 8, 'the office sees the whole set-up');
          assert.equal(code(await asViewer(who, '/api/campaigns/c-2')), '403 forbidden', 'the other campaign is unpublished');
          assert.equal(code(await asViewer(who, '/api/campaigns/c-2/results')), '403 forbidden');

          const results = (await asViewer(who, '/api/campaigns/c-1/results')).json();
          assert.deepEqual(results.rankings.flatMap((r: { rows: { unitId: string }[] }) => r.rows.map((row) => row.unitId)), ['u-c1']);
          assert.deepEqual(results.instruments.flatMap((i: { subjects: { unitId: string }[] }) => i.subjects.map((s) => s.unitId)), ['u-c1']);
          assert.deepEqual(results.invalidBallots, []);
          const office = (await t.call('organiser', { method: 'GET', url: '/api/campaigns/c-1/results' })).json();
          assert.equal(office.rankings[0].rows.length, 6, 'the office sees every county');

          assert.equal(code(await asViewer(who, '/api/campaigns/c-1/results/r-county/units/u-c1/explanation')), 200);
          assert.equal(code(await asViewer(who, '/api/campaigns/c-1/instruments/i-report/subjects/s-u-c1/explanation')), 200);
          for (const other of ['u-c2', 'u-c5', 'u-jincheng', 'u-nowhere']) {
            assert.equal(code(await asViewer(who, `/api/campaigns/c-1/results/r-county/units/${other}/explanation`)), '403 forbidden', `${who} unit ${other}`);
          }
          for (const other of ['s-u-c2', 's-site1', 's-nowhere']) {
            for (const instrument of ['i-report', 'i-observe']) {
              assert.equal(code(await asViewer(who, `/api/campaigns/c-1/instruments/${instrument}/subjects/${other}/explanation`)), '403 forbidden', `${who} ${instrument} ${other}`);
            }
          }
          // The township-level county (泽州县) sees its observation site, which the first viewer may not.
          assert.equal(code(await asViewer(who, '/api/campaigns/c-1/instruments/i-observe/subjects/s-site1/explanation', true)), 200);
          assert.equal(code(await asViewer(who, '/api/campaigns/c-1/results/r-county/units/u-c5/explanation', true)), 200);
          assert.equal(code(await asViewer(who, '/api/campaigns/c-1/results/r-county/units/u-c1/explanation', true)), '403 forbidden');
        }
      });

      it('browses only its own subtree of units', async () => {
        for (const who of ['bearer', 'cookie'] as const) {
          const ids = async (url: string, other = false) => (await asViewer(who, url, other)).json().map((u: { id: string }) => u.id);
          assert.deepEqual(await ids('/api/units'), ['u-c1']);
          assert.deepEqual(await ids('/api/units?level=county'), ['u-c1']);
          assert.deepEqual(await ids('/api/units?parent=u-c5', true), ['u-t1']);
          assert.deepEqual(await ids('/api/units?level=township', true), ['u-t1']);
          assert.deepEqual(await ids('/api/units?level=township'), []);
          assert.equal(code(await asViewer(who, '/api/units/u-c1')), 200);
          assert.equal(code(await asViewer(who, '/api/units/u-t1', true)), 200);
          for (const url of ['/api/units/u-c2', '/api/units/u-jincheng', '/api/units/u-t1', '/api/units/u-nowhere', '/api/units?parent=u-jincheng', '/api/units?parent=u-c5']) {
            assert.equal(code(await asViewer(who, url)), '403 forbidden', `${who} ${url}`);
          }
        }
        assert.equal((await t.call('organiser', { method: 'GET', url: '/api/units?level=county' })).json().length, 6);
      });

      it('reaches no session, tally, export or account route', async () => {
        for (const who of ['bearer', 'cookie'] as const) {
          for (const url of ['/api/campaigns/c-1/sessions', '/api/sessions/sess-1', '/api/sessions/sess-1/tally-report', '/api/campaigns/c-1/export', '/api/campaigns/c-1/check', '/api/accounts', '/api/audit', '/api/audit.csv']) {
            assert.equal(code(await asViewer(who, url)), '403 forbidden', `${who} ${url}`);
          }
        }
      });
    });
  });
}
