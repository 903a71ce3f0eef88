/**
 * Cookie-authenticated writes check where they come from (issue #17), besides the CSRF token: a foreign or `null`
 * Origin, or a Sec-Fetch-Site of cross-site (or same-site from another origin), is refused 403 with a clear message.
 * Bearer tokens (the CLI), non-browsers that send no Origin, and the phone routes (no cookie) keep working.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildTestApp, logInAs, type CookieSession, type TestApp } from '../helpers/app.js';
import { dialects } from '../helpers/db.js';

const PUBLIC = 'https://leitai.example.gov.cn';

for (const kind of dialects()) {
  describe(`origin of cookie-authenticated writes (${kind})`, () => {
    let t: TestApp;
    let login: CookieSession;
    let clerkId = '';
    before(async () => {
      t = await buildTestApp(kind, { publicUrl: PUBLIC });
      login = await logInAs(t, t.usernames.admin, t.passwords.admin);
      clerkId = (await t.call('admin', { method: 'GET', url: '/api/accounts' })).json().find((a: { username: string }) => a.username === 'clerk').id;
    });
    after(() => t.close());

    const write = (headers: Record<string, string>, viaCookie = true) =>
      t.app.inject({
        method: 'PATCH',
        url: `/api/accounts/${clerkId}`,
        payload: { displayName: '录入员' },
        headers: viaCookie ? { cookie: login.cookie, 'x-csrf-token': login.csrfToken, ...headers } : { authorization: `Bearer ${t.tokens.admin}`, ...headers },
      });

    const refused: [string, Record<string, string>][] = [
      ['a foreign Origin', { origin: 'https://evil.example' }],
      ['Origin null (a sandboxed frame, a data: page)', { origin: 'null' }],
      ['a look-alike host on another port', { origin: 'http://localhost:8080' }],
      ['a look-alike suffix', { origin: 'http://localhost:80.evil.example' }],
      ['Sec-Fetch-Site cross-site without Origin', { 'sec-fetch-site': 'cross-site' }],
      ['Sec-Fetch-Site cross-site with our own Origin', { 'sec-fetch-site': 'cross-site', origin: 'http://localhost:80' }],
      ['Sec-Fetch-Site same-site from a sibling host', { 'sec-fetch-site': 'same-site', origin: 'http://other.localhost' }],
      ['an Origin that is no URL', { origin: 'javascript:alert(1)' }],
    ];
    for (const [name, headers] of refused) {
      it(`refuses a cookie write with ${name}: 403, says why, changes nothing`, async () => {
        const res = await write(headers);
        assert.equal(res.statusCode, 403, res.body);
        const error = res.json().error;
        assert.equal(error.code, 'csrf_failed');
        assert.match(error.message.zh, /其他网站/);
        assert.match(error.message.en, /another site/);
      });
    }

    const accepted: [string, Record<string, string>][] = [
      ['its own Origin', { origin: 'http://localhost:80' }],
      ['its own Origin without the default port', { origin: 'http://localhost' }],
      ['the configured public address', { origin: PUBLIC, 'sec-fetch-site': 'same-site' }],
      ['Sec-Fetch-Site same-origin', { 'sec-fetch-site': 'same-origin', origin: 'http://localhost:80' }],
      ['Sec-Fetch-Site none (typed by the user)', { 'sec-fetch-site': 'none' }],
      ['no Origin nor Sec-Fetch-Site (a program with the cookie)', {}],
    ];
    for (const [name, headers] of accepted) {
      it(`accepts a cookie write with ${name}`, async () => {
        const res = await write(headers);
        assert.equal(res.statusCode, 200, res.body);
      });
    }

    it('still wants the CSRF token from its own origin', async () => {
      const res = await t.app.inject({ method: 'PATCH', url: `/api/accounts/${clerkId}`, payload: { displayName: 'x' }, headers: { cookie: login.cookie, origin: 'http://localhost:80' } });
      assert.equal(res.statusCode, 403);
    });

    it('leaves bearer-token writes alone, whatever their Origin', async () => {
      assert.equal((await write({ origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' }, false)).statusCode, 200);
    });

    it('refuses a password login posted from another site (login CSRF), and takes one from its own page', async () => {
      const foreign = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: t.usernames.admin, password: t.passwords.admin }, headers: { origin: 'https://evil.example' } });
      assert.equal(foreign.statusCode, 403, foreign.body);
      assert.equal(foreign.cookies.length, 0);
      const own = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: t.usernames.admin, password: t.passwords.admin }, headers: { origin: 'http://localhost:80', 'sec-fetch-site': 'same-origin' } });
      assert.equal(own.statusCode, 200, own.body);
    });

    it('does not look at the Origin of phone routes, which carry no cookie', async () => {
      const headers = { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' };
      for (const url of ['/api/ballot-form', '/api/ballots', '/api/checkin', '/api/checkin/grants']) {
        const res = await t.app.inject({ method: 'POST', url, payload: { token: 'Z'.repeat(22), code: 'ABCDE', ballots: [] }, headers });
        assert.notEqual(res.statusCode, 403, `${url}: ${res.body}`);
        assert.ok(res.statusCode >= 400 && res.statusCode < 500, url);
      }
    });

    it('lets reads through from anywhere (they change nothing; the cookie is SameSite=Strict)', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: login.cookie, origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' } });
      assert.equal(res.statusCode, 200);
    });
  });
}
