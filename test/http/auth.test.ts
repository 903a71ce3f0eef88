import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import { FIRST_LOCK_MS, LOGIN_ABSOLUTE_MS, LOGIN_IDLE_MS, lockAfter } from '../../src/app/accounts/login-rules.js';
import { buildApp } from '../../src/http/app.js';
import { loadConfig } from '../../src/config/index.js';
import { insertUnits } from '../../src/db/repositories/units.js';
import { buildTestApp, logInAs, type CookieSession, type TestApp } from '../helpers/app.js';
import { dialects, jinchengUnits } from '../helpers/db.js';

function withCookie(s: CookieSession, csrf: 'right' | 'none' | 'wrong' = 'right'): Record<string, string> {
  return { cookie: s.cookie, ...(csrf === 'none' ? {} : { 'x-csrf-token': csrf === 'right' ? s.csrfToken : s.csrfToken.slice(1) + 'x' }) };
}

function advance(t: TestApp, ms: number): void {
  t.advanceClock(ms);
}

for (const kind of dialects()) {
  describe(`password login, sessions and CSRF (${kind})`, () => {
    let t: TestApp;
    before(async () => {
      t = await buildTestApp(kind, { app: { loginLimitPerMinute: 1000 } });
      await insertUnits(t.ctx.database.db, jinchengUnits());
    });
    after(() => t.close());

    const login = (username: string, password: string) => t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
    const audit = async (query: string) => (await t.call('admin', { method: 'GET', url: `/api/audit?${query}` })).json() as { action: string; actor: string; detail: Record<string, unknown> }[];

    it('logs in with a password: an HttpOnly, SameSite=Strict session cookie and the role, unit and CSRF token', async () => {
      const res = await login('organiser', t.passwords.organiser);
      assert.equal(res.statusCode, 200, res.body);
      const body = res.json();
      assert.equal(body.role, 'organiser');
      assert.equal(body.unitId, null);
      assert.equal(body.user.username, 'organiser');
      assert.match(body.csrfToken, /^[A-Za-z0-9_-]{20,}$/);
      const cookie = res.cookies.find((c) => c.name === 'leitai_session')!;
      assert.equal(cookie.httpOnly, true);
      assert.equal(cookie.sameSite, 'Strict');
      assert.equal(cookie.path, '/');
      assert.equal(cookie.secure, undefined, 'plain HTTP without LEITAI_COOKIE_SECURE: not Secure');
      assert.ok(!res.body.includes(cookie.value), 'the session secret is only in the cookie');
      const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: `leitai_session=${cookie.value}` } });
      assert.equal(me.statusCode, 200);
      assert.deepEqual(me.json(), body);
      assert.equal(body.authenticatedBy, 'session');
    });

    it('marks the cookie Secure when told to (behind a TLS proxy)', async () => {
      const secureApp = await buildApp(t.ctx, { logger: false, checkResponses: true, cookieSecure: true });
      try {
        const res = await secureApp.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'clerk', password: t.passwords.clerk } });
        assert.equal(res.cookies.find((c) => c.name === 'leitai_session')?.secure, true);
      } finally {
        await secureApp.close();
      }
    });

    it('answers an unknown username exactly as a wrong password, and audits both', async () => {
      const wrong = await login('clerk', 'not-the-password');
      const unknown = await login('nobody-here', 'not-the-password');
      assert.equal(wrong.statusCode, 401);
      assert.equal(wrong.body, unknown.body);
      assert.equal(wrong.json().error.code, 'login_failed');
      const failed = await audit('action=auth.login.failed');
      assert.deepEqual(failed.slice(-2).map((e) => [e.actor, e.detail.username, e.detail.reason]), [
        ['anonymous', 'clerk', 'wrong_password'],
        ['anonymous', 'nobody-here', 'unknown_username'],
      ]);
    });

    const from = (address: string, username: string, password: string) =>
      t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress: address });

    it('slows one address down on one username after 5 failures, the right password included there, and nowhere else', async () => {
      assert.equal((await login('clerk', t.passwords.clerk)).statusCode, 200, 'a success clears earlier failures');
      const guesser = '10.0.0.66';
      for (let i = 1; i <= 4; i++) assert.equal((await from(guesser, 'clerk', `wrong-${i}`)).json().error.code, 'login_failed', `attempt ${i}`);
      const fifth = await from(guesser, 'clerk', 'wrong-5');
      assert.equal(fifth.statusCode, 429);
      assert.equal(fifth.json().error.code, 'login_locked');
      assert.match(fifth.json().error.message.zh, /其他设备不受影响/);
      assert.equal((await from(guesser, 'clerk', t.passwords.clerk)).json().error.code, 'login_locked', 'locked here, right password included');
      assert.equal((await from('10.0.0.5', 'clerk', t.passwords.clerk)).statusCode, 200, 'the clerk at their own desk logs in');
      assert.equal((await from(guesser, 'organiser', t.passwords.organiser)).statusCode, 200, 'another username from the same address');
      assert.equal((await audit('action=auth.lockout')).at(-1)?.detail.username, 'clerk');
      assert.equal((await audit('action=auth.login.locked')).at(-1)?.detail.username, 'clerk');
      // Each further failure locks longer: 30 s, then 60 s …
      advance(t, FIRST_LOCK_MS + 1000);
      assert.equal((await from(guesser, 'clerk', 'wrong-6')).json().error.code, 'login_locked');
      advance(t, FIRST_LOCK_MS + 1000);
      assert.equal((await from(guesser, 'clerk', t.passwords.clerk)).json().error.code, 'login_locked', 'the sixth failure locked for 60 s');
      advance(t, FIRST_LOCK_MS);
      assert.equal((await from(guesser, 'clerk', t.passwords.clerk)).statusCode, 200);
    });

    it('locks an unknown username the same way, so a lock-out says nothing about existence', async () => {
      const codes = [];
      for (let i = 0; i < 6; i++) codes.push((await login('ghost', `wrong-${i}`)).json().error.code);
      assert.deepEqual(codes, ['login_failed', 'login_failed', 'login_failed', 'login_failed', 'login_locked', 'login_locked']);
    });

    it('lets the admin see the locked pairs and lift one, audited; no other role may', async () => {
      for (let i = 0; i < 5; i++) await from('10.0.0.77', 'organiser', `wrong-${i}`);
      assert.equal((await from('10.0.0.77', 'organiser', t.passwords.organiser)).statusCode, 429);
      const locks = (await t.call('admin', { method: 'GET', url: '/api/accounts/login-locks' })).json() as { username: string; address: string; locked: boolean }[];
      assert.ok(locks.some((l) => l.username === 'organiser' && l.address === '10.0.0.77' && l.locked), JSON.stringify(locks));
      for (const role of ['organiser', 'clerk'] as const) {
        assert.equal((await t.call(role, { method: 'GET', url: '/api/accounts/login-locks' })).statusCode, 403);
        assert.equal((await t.call(role, { method: 'POST', url: '/api/accounts/login-locks/lift', payload: { username: 'organiser' } })).statusCode, 403);
      }
      const lifted = await t.call('admin', { method: 'POST', url: '/api/accounts/login-locks/lift', payload: { username: 'Organiser ', address: '10.0.0.77' } });
      assert.equal(lifted.statusCode, 200, lifted.body);
      assert.equal(lifted.json().lifted, 1);
      assert.equal((await from('10.0.0.77', 'organiser', t.passwords.organiser)).statusCode, 200);
      assert.equal((await audit('action=auth.lock.lift')).at(-1)?.detail.username, 'organiser');
      assert.equal((await t.call('admin', { method: 'POST', url: '/api/accounts/login-locks/lift', payload: { username: '' } })).statusCode, 400);
    });

    it('counts the forwarded client behind a trusted proxy, and ignores a forged header without one', async () => {
      const behindProxy = await buildApp(t.ctx, { logger: false, checkResponses: true, trustProxy: '127.0.0.1' });
      try {
        const via = (client: string, password: string) =>
          behindProxy.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'clerk', password }, remoteAddress: '127.0.0.1', headers: { 'x-forwarded-for': client } });
        for (let i = 0; i < 5; i++) await via('203.0.113.9', `wrong-${i}`);
        assert.equal((await via('203.0.113.9', t.passwords.clerk)).statusCode, 429, 'the guesser behind the proxy is locked');
        assert.equal((await via('198.51.100.4', t.passwords.clerk)).statusCode, 200, 'another client behind the same proxy is not');
      } finally {
        await behindProxy.close();
      }
      // Without a trusted proxy the header is the client's word: it changes no address, so it unlocks nothing.
      for (let i = 0; i < 5; i++) await from('10.0.0.88', 'clerk', `wrong-${i}`);
      const forged = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'clerk', password: t.passwords.clerk }, remoteAddress: '10.0.0.88', headers: { 'x-forwarded-for': '198.51.100.77' } });
      assert.equal(forged.statusCode, 429);
      assert.equal(loadConfig({ LEITAI_TRUST_PROXY: '127.0.0.1, 10.0.0.0/8' }).trustProxy, '127.0.0.1,10.0.0.0/8');
      assert.equal(loadConfig({ LEITAI_TRUST_PROXY: '1' }).trustProxy, 1);
      assert.equal(loadConfig({}).trustProxy, null);
      assert.throws(() => loadConfig({ LEITAI_TRUST_PROXY: 'true' }), /LEITAI_TRUST_PROXY/);
    });

    it('grows each lock from 30 s to at most 15 minutes', () => {
      assert.deepEqual([1, 4, 5, 6, 7, 9, 10, 11, 40].map(lockAfter), [0, 0, 30_000, 60_000, 120_000, 480_000, 900_000, 900_000, 900_000]);
    });

    it('requires x-csrf-token on unsafe requests made with the cookie, not on bearer requests', async () => {
      const s = await logInAs(t, 'organiser', t.passwords.organiser);
      const body = { units: [{ id: 'u-new1', code: null, name: '新镇', level: 'township', parentId: 'u-c1' }] };
      for (const csrf of ['none', 'wrong'] as const) {
        const res = await t.app.inject({ method: 'POST', url: '/api/units', headers: withCookie(s, csrf), payload: body });
        assert.equal(res.statusCode, 403, csrf);
        assert.equal(res.json().error.code, 'csrf_failed');
        assert.match(res.json().error.message.zh, /防伪令牌/);
      }
      const ok = await t.app.inject({ method: 'POST', url: '/api/units', headers: withCookie(s), payload: body });
      assert.equal(ok.statusCode, 201, ok.body);
      const read = await t.app.inject({ method: 'GET', url: '/api/units/u-new1', headers: withCookie(s, 'none') });
      assert.equal(read.statusCode, 200, 'safe methods need no CSRF token');
      const bearer = await t.call('organiser', { method: 'POST', url: '/api/units', payload: { units: [{ ...body.units[0], id: 'u-new2' }] } });
      assert.equal(bearer.statusCode, 201);
      const [entry] = (await audit('action=units.add')).slice(-2);
      assert.match(entry!.actor, /^organiser:a_/);
    });

    it('logs out: the session ends and the cookie is cleared', async () => {
      const s = await logInAs(t, 'organiser', t.passwords.organiser);
      assert.equal((await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: withCookie(s, 'none') })).json().error.code, 'csrf_failed');
      const out = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: withCookie(s) });
      assert.equal(out.statusCode, 204);
      assert.equal(out.cookies.find((c) => c.name === 'leitai_session')?.value, '');
      assert.equal((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: withCookie(s) })).statusCode, 401);
    });

    it('ends a session after 12 hours idle, and after 7 days however active', async () => {
      const idle = await logInAs(t, 'organiser', t.passwords.organiser);
      advance(t, LOGIN_IDLE_MS - 60_000);
      assert.equal((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: withCookie(idle) })).statusCode, 200, 'activity refreshes the idle clock');
      advance(t, LOGIN_IDLE_MS - 60_000);
      assert.equal((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: withCookie(idle) })).statusCode, 200);
      advance(t, LOGIN_IDLE_MS + 1000);
      assert.equal((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: withCookie(idle) })).statusCode, 401);

      const busy = await logInAs(t, 'organiser', t.passwords.organiser);
      for (let spent = 0; spent < LOGIN_ABSOLUTE_MS; spent += LOGIN_IDLE_MS / 2) {
        assert.equal((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: withCookie(busy) })).statusCode, 200);
        advance(t, LOGIN_IDLE_MS / 2);
      }
      assert.equal((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: withCookie(busy) })).statusCode, 401);
    });

    it('changes one’s own password with the current one, ending the other sessions', async () => {
      const mine = await logInAs(t, 'clerk', t.passwords.clerk);
      const other = await logInAs(t, 'clerk', t.passwords.clerk);
      const change = (currentPassword: string, newPassword: string) =>
        t.app.inject({ method: 'POST', url: '/api/auth/password', headers: withCookie(mine), payload: { currentPassword, newPassword } });
      assert.equal((await change('wrong-current', 'a-new-password-1')).json().error.code, 'password_mismatch');
      const short = await change(t.passwords.clerk, 'short');
      assert.equal(short.statusCode, 400);
      assert.equal(short.json().error.details[0].path, 'body.newPassword');
      assert.equal((await change(t.passwords.clerk, 'a-new-password-1')).statusCode, 204);
      assert.equal((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: withCookie(mine) })).statusCode, 200, 'own session kept');
      assert.equal((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: withCookie(other) })).statusCode, 401, 'other session ended');
      assert.equal((await login('clerk', t.passwords.clerk)).statusCode, 401);
      assert.equal((await login('clerk', 'a-new-password-1')).statusCode, 200);
      t.passwords.clerk = 'a-new-password-1';
      assert.equal((await audit('action=auth.password.change')).length, 1);
    });

    it('keeps bearer tokens working beside sessions; /me says how the caller signed in', async () => {
      const me = await t.call('clerk', { method: 'GET', url: '/api/auth/me' });
      assert.equal(me.statusCode, 200);
      assert.equal(me.json().authenticatedBy, 'token');
      assert.equal(me.json().csrfToken, null);
      assert.equal(me.json().user.username, 'clerk');
    });

    it('lets the admin create accounts with a given or generated password, disable, enable, reset and bind viewers', async () => {
      const given = await t.call('admin', { method: 'POST', url: '/api/accounts', payload: { username: 'office2', displayName: '办公室二', role: 'organiser', password: 'given-password-1' } });
      assert.equal(given.statusCode, 201, given.body);
      assert.equal(given.json().password, undefined, 'a given password is not echoed');
      const generated = await t.call('admin', { method: 'POST', url: '/api/accounts', payload: { username: 'county1', displayName: '城区', role: 'viewer', unitId: 'u-c1' } });
      const viewer = generated.json();
      assert.match(viewer.password, /^[A-Za-z0-9]{16}$/);
      assert.equal((await t.call('admin', { method: 'POST', url: '/api/accounts', payload: { username: 'weak', displayName: 'x', role: 'clerk', password: 'short' } })).statusCode, 400);
      assert.equal((await t.call('admin', { method: 'POST', url: '/api/accounts', payload: { username: 'nounit', displayName: 'x', role: 'viewer' } })).statusCode, 400);
      assert.equal((await t.call('admin', { method: 'POST', url: '/api/accounts', payload: { username: 'badunit', displayName: 'x', role: 'viewer', unitId: 'u-none' } })).statusCode, 400);

      const s = await logInAs(t, 'county1', viewer.password);
      const patch = (payload: object) => t.call('admin', { method: 'PATCH', url: `/api/accounts/${viewer.accountId}`, payload });
      const disabled = await patch({ disabled: true });
      assert.equal(disabled.statusCode, 200, disabled.body);
      assert.equal(disabled.json().disabled, true);
      assert.equal((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: withCookie(s) })).statusCode, 401, 'its session ended');
      assert.equal((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { authorization: `Bearer ${viewer.accessToken}` } })).statusCode, 401, 'its token stops');
      assert.equal((await login('county1', viewer.password)).json().error.code, 'login_failed');
      assert.equal((await patch({ disabled: false })).json().disabled, false);
      assert.equal((await login('county1', viewer.password)).statusCode, 200);

      const rebound = await patch({ unitId: 'u-c2' });
      assert.equal(rebound.json().unitId, 'u-c2');
      assert.equal((await patch({ unitId: 'u-none' })).statusCode, 400);

      const reset = await t.call('admin', { method: 'POST', url: `/api/accounts/${viewer.accountId}/password`, payload: {} });
      assert.equal(reset.statusCode, 200);
      assert.equal((await login('county1', viewer.password)).statusCode, 401);
      assert.equal((await login('county1', reset.json().password)).statusCode, 200);

      const list = (await t.call('admin', { method: 'GET', url: '/api/accounts' })).json() as Record<string, unknown>[];
      const row = list.find((a) => a.username === 'county1')!;
      assert.deepEqual(Object.keys(row).sort(), ['createdAt', 'disabled', 'displayName', 'hasPassword', 'id', 'role', 'unitId', 'username']);
      const actions = (await audit('entity=account&entityId=' + viewer.accountId)).map((e) => e.action);
      assert.deepEqual(actions.filter((a) => a.startsWith('account.')), ['account.create', 'account.disable', 'account.enable', 'account.update', 'account.password.reset']);
    });

    it('refuses to disable the last active admin', async () => {
      const accounts = (await t.call('admin', { method: 'GET', url: '/api/accounts' })).json() as { id: string; role: string }[];
      const admin = accounts.find((a) => a.role === 'admin')!;
      const res = await t.call('admin', { method: 'PATCH', url: `/api/accounts/${admin.id}`, payload: { disabled: true } });
      assert.equal(res.statusCode, 409);
      assert.equal(res.json().error.code, 'account_state');
    });

    it('filters the audit log and exports it as CSV', async () => {
      const auth = await audit('action=auth.&limit=1000');
      assert.ok(auth.length > 5 && auth.every((e) => e.action.startsWith('auth.')));
      const res = await t.call('admin', { method: 'GET', url: '/api/audit.csv?action=auth.login.failed' });
      assert.equal(res.statusCode, 200);
      assert.match(String(res.headers['content-type']), /^text\/csv/);
      assert.ok(res.body.startsWith('\uFEFF'), 'BOM, so Excel reads UTF-8');
      const rows = parse(res.body, { bom: true, columns: true }) as Record<string, string>[];
      // Each row carries its link in the audit chain (decision 0019), so the export can be verified offline.
      assert.deepEqual(Object.keys(rows[0]!), ['id', 'at', 'actor', 'action', 'entity', 'entity_id', 'detail', 'prev_hash', 'hash']);
      assert.ok(rows.every((r) => /^[0-9a-f]{64}$/.test(r.hash!) && /^[0-9a-f]{64}$/.test(r.prev_hash!)));
      assert.ok(rows.length >= 10 && rows.every((r) => r.action === 'auth.login.failed'));
      assert.equal(JSON.parse(rows[0]!.detail!).username, 'clerk');
      const none = await t.call('admin', { method: 'GET', url: '/api/audit?from=2999-01-01' });
      assert.deepEqual(none.json(), []);
    });
  });
}

describe('login rate limit per address', () => {
  let t: TestApp;
  before(async () => {
    t = await buildTestApp(dialects()[0]!, { app: { loginLimitPerMinute: 3 } });
  });
  after(() => t.close());

  it('refuses the fourth login attempt in a minute from one address with 429', async () => {
    const codes = [];
    for (let i = 0; i < 4; i++) codes.push((await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: `u${i}`, password: 'whatever-123' } })).statusCode);
    assert.deepEqual(codes, [401, 401, 401, 429]);
  });
});
