/**
 * The hostile corpus (issue #17): well over 200 requests generated from tables — every write route × every body
 * attack, every route with a path × every prototype name, ballots that break quotas or name wrong grades and
 * subjects, forged, replayed and cross-session tokens, impossible dates, and cookie writes from the wrong origin —
 * against the small campaign of the http fixtures, on both engines. Each must be a 4xx of its expected kind, none a
 * 5xx, and the database digest (every row of every table) must be the same after as before.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { InjectOptions } from 'fastify';
import { BODY_LIMITS } from '../../src/http/body-limits.js';
import { buildTestApp, logInAs, type CookieSession, type TestApp } from '../helpers/app.js';
import { dialects } from '../helpers/db.js';
import { databaseDigest, type DatabaseDigest } from '../helpers/digest.js';
import { CITY, COUNTIES, ratings, setup } from './fixtures.js';

/** Counters of refused guesses: changing them is what a refusal is for. */
const COUNTERS = ['login_failures', 'training_attempts', 'guess_counters', 'login_sessions'];
/**
 * Login sessions are compared apart: a request made with the office's cookie refreshes its last-seen time (the test
 * clock moves a second per read), which is no change an attacker made; any other column of any login session is.
 */
async function loginSessions(t: TestApp): Promise<string> {
  const rows = await t.ctx.database.db.selectFrom('login_sessions').select(['id', 'account_id', 'secret_hash', 'csrf_token', 'created_at', 'expires_at', 'revoked_at']).orderBy('id').execute();
  return JSON.stringify(rows);
}
const PROTOTYPE_NAMES = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty'];
/** Routes that take no body: only attacks refused while the body is read are sent to them. */
const BODYLESS = /\/(open|reopen|close|logout|screen-keys|accept|link)$/;
/** Routes that read one uploaded file (multipart/form-data): anything else is 415 there, a form without a file 400. */
const UPLOADS = /\/documents$/;

interface Case {
  name: string;
  request: InjectOptions;
  /** The statuses this case may answer (4xx; 200 only for the few reads that show a state). */
  expect: readonly number[];
}

const json = (text: string | Buffer): Pick<InjectOptions, 'body' | 'headers'> => ({ body: text, headers: { 'content-type': 'application/json' } });

/** Attacks refused while the body is read: before any handler, on any route. */
function bodyAttacks(limit: number | null): { name: string; body: Pick<InjectOptions, 'body' | 'headers'>; expect: readonly number[] }[] {
  const attacks = [
    // 20 KB and 60 KB: above a phone route's limit, so 413 there.
    { name: '10,000-deep array', body: json(`${'['.repeat(10_000)}${']'.repeat(10_000)}`), expect: [400, 413] },
    { name: '10,000-deep object', body: json(`${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`), expect: [400, 413] },
    { name: 'invalid UTF-8', body: json(Buffer.concat([Buffer.from('{"name":"'), Buffer.from([0xc3, 0x28, 0xff, 0xfe]), Buffer.from('"}')])), expect: [400] },
    { name: '__proto__ key', body: json('{"__proto__":{"polluted":true},"name":"x"}'), expect: [400] },
    { name: 'constructor.prototype key', body: json('{"constructor":{"prototype":{"polluted":true}}}'), expect: [400] },
    { name: 'NUL in a text', body: json('{"name":"a\\u0000b","displayName":"a\\u0000b"}'), expect: [400] },
    { name: 'right-to-left override in a text', body: json('{"name":"\u202E县东"}'), expect: [400] },
    { name: 'lone surrogate in a text', body: json('{"name":"\\ud800x"}'), expect: [400] },
    { name: 'broken JSON', body: json('{"name": "x",'), expect: [400] },
  ];
  if (limit !== null) attacks.push({ name: 'one byte over the limit', body: json(Buffer.concat([Buffer.from('{"x":"'), Buffer.alloc(limit, 0x61), Buffer.from('"}')])), expect: [413] });
  return attacks;
}

/** Attacks on the shape of the body: sent only to routes that read one. */
const SHAPE_ATTACKS: { name: string; body: Pick<InjectOptions, 'body' | 'headers'>; expect: readonly number[] }[] = [
  { name: 'JSON null', body: json('null'), expect: [400] },
  { name: 'a number', body: json('42'), expect: [400] },
  { name: 'an array', body: json('[{"name":"x"}]'), expect: [400] },
  { name: 'text/plain', body: { body: '{"name":"x"}', headers: { 'content-type': 'text/plain' } }, expect: [400, 415] },
  { name: 'form-encoded', body: { body: 'name=x&id=y', headers: { 'content-type': 'application/x-www-form-urlencoded' } }, expect: [415] },
  { name: 'multipart', body: { body: '--b\r\nContent-Disposition: form-data; name="name"\r\n\r\nx\r\n--b--\r\n', headers: { 'content-type': 'multipart/form-data; boundary=b' } }, expect: [415] },
];

function limitOf(url: string): number | null {
  if (url.endsWith('/import')) return null; // uploads of tens of MB: their limit is tested in body-limits.test.ts
  if (url === '/api/ballots') return BODY_LIMITS.ballot;
  if (url === '/api/ballot-form' || url.startsWith('/api/checkin') || url === '/api/tour-phone/open') return BODY_LIMITS.phone;
  if (url === '/api/tour-phone/sheets') return BODY_LIMITS.tourSheet;
  if (url === '/api/units') return BODY_LIMITS.unitsJson;
  return BODY_LIMITS.officeJson;
}

const IMPOSSIBLE_DATES = ['2026-13-01', '2026-02-31', '0000-00-00', '99999-01-01', 'abcd', '2026-00-10', '2026-6-1', ''];

for (const kind of dialects()) {
  describe(`the hostile corpus (${kind})`, () => {
    let t: TestApp;
    let login: CookieSession;
    const ids: Record<string, string> = {};
    const tokens: Record<string, string> = {};
    let before_: DatabaseDigest;
    let sessionsBefore = '';

    const session = async (body: object, open: boolean): Promise<string> => {
      const res = await t.call('organiser', { method: 'POST', url: '/api/campaigns/camp1/sessions', payload: body });
      assert.equal(res.statusCode, 201, res.body);
      if (open) assert.equal((await t.call('organiser', { method: 'POST', url: `/api/sessions/${res.json().id}/open` })).statusCode, 200);
      return res.json().id;
    };
    const issue = async (sessionId: string, count: number): Promise<string[]> => {
      const res = await t.call('clerk', { method: 'POST', url: `/api/sessions/${sessionId}/tokens`, payload: { raterGroupId: 'g-office', count } });
      assert.equal(res.statusCode, 201, res.body);
      return res.json().map((x: { token: string }) => x.token);
    };

    before(async () => {
      t = await buildTestApp(kind, { app: { loginLimitPerMinute: 1_000_000, redeemLimitPerMinute: 1_000_000 } });
      assert.equal((await t.call('organiser', { method: 'POST', url: '/api/units', payload: { units: [CITY, ...COUNTIES] } })).statusCode, 201);
      assert.equal((await t.call('organiser', { method: 'POST', url: '/api/campaigns', payload: setup() })).statusCode, 201);
      ids.s1 = await session({ name: '第一场', instrumentIds: ['i-report'], expected: { 'g-office': 3 } }, true);
      ids.s2 = await session({ name: '第二场（两县）', instrumentIds: ['i-report'], agenda: ['s-k1', 's-k2'], expected: { 'g-office': 1 } }, true);
      ids.s3 = await session({ name: '已结束的一场', instrumentIds: ['i-report'], expected: { 'g-office': 1 } }, true);
      ids.s4 = await session({ name: '未开始的一场', instrumentIds: ['i-report'], expected: { 'g-office': 1 } }, false);
      [tokens.used, tokens.fresh] = await issue(ids.s1, 2) as [string, string];
      [tokens.otherSession] = await issue(ids.s2, 1) as [string];
      [tokens.closed] = await issue(ids.s3, 1) as [string];
      assert.equal((await t.call('organiser', { method: 'POST', url: `/api/sessions/${ids.s3}/close` })).statusCode, 200);
      const sent = await t.app.inject({ method: 'POST', url: '/api/ballots', payload: { token: tokens.used, ballots: [{ instrumentId: 'i-report', ratings: ratings(2) }] } });
      assert.equal(sent.statusCode, 201, sent.body);
      const cls = await t.call('organiser', { method: 'POST', url: '/api/training/classes', payload: { id: 'tc1', name: '培训班', rootUnitId: 'c0', startsOn: '2026-06-15', endsOn: '2026-06-17' } });
      assert.equal(cls.statusCode, 201, cls.body);
      ids.account = (await t.call('admin', { method: 'GET', url: '/api/accounts' })).json().find((a: { username: string }) => a.username === 'clerk').id;
      login = await logInAs(t, t.usernames.admin, t.passwords.admin);
      before_ = await databaseDigest(t.ctx.database, COUNTERS);
      sessionsBefore = await loginSessions(t);
    });
    after(() => t.close());

    const fill = (url: string, value?: string): string =>
      url.replace(/:(\w+)/g, (_m, name: string) =>
        encodeURIComponent(value ?? { campaignId: 'camp1', sessionId: ids.s1!, accountId: ids.account!, classId: 'tc1' }[name] ?? 'x1'));

    function corpus(): Case[] {
      const cases: Case[] = [];
      const admin = { authorization: `Bearer ${t.tokens.admin}` };
      const writes = t.app.accessTable.filter((r) => r.method !== 'GET');

      // Every write route × every attack on how the body is read, and on its shape where it reads one.
      for (const route of writes) {
        const attacks = [...bodyAttacks(limitOf(route.url)), ...(BODYLESS.test(route.url) || route.method === 'DELETE' ? [] : SHAPE_ATTACKS)];
        const upload = route.method === 'POST' && UPLOADS.test(route.url);
        for (const a of attacks) {
          const expect = upload ? (a.name === 'multipart' ? [400] : [...new Set([...a.expect, 415])]) : a.expect;
          cases.push({ name: `${route.method} ${route.url}: ${a.name}`, request: { method: route.method as 'POST', url: fill(route.url), ...a.body, headers: { ...a.body.headers, ...admin } }, expect });
        }
      }

      // Every route with a path parameter × every prototype name in each of its parameters.
      for (const route of t.app.accessTable) {
        if (route.url.endsWith('/events') || !route.url.includes(':')) continue;
        for (const name of PROTOTYPE_NAMES) {
          const body = BODYLESS.test(route.url) || route.method === 'GET' ? {} : { payload: {} };
          // A phone page's shell is the same page for any link (it shows the API's refusal in words): 200 there.
          const shell = route.method === 'GET' && /^\/(r|c|o|checkin-screen)\//.test(route.url);
          cases.push({ name: `${route.method} ${route.url} with ${name}`, request: { method: route.method as 'GET', url: fill(route.url, name), headers: admin, ...body }, expect: shell ? [200] : [400, 404, 405] });
        }
      }

      // Ballots: quota breaks, wrong grades, unknown, duplicate and missing subjects, wrong instruments.
      const sheet = (r: unknown, instrumentId = 'i-report') => ({ token: tokens.fresh, ballots: [{ instrumentId, ratings: r }] });
      const ballot = (name: string, payload: unknown, expect: readonly number[] = [400, 409, 422]) =>
        cases.push({ name: `ballot: ${name}`, request: { method: 'POST', url: '/api/ballots', payload: payload as object }, expect });
      for (let good = 3; good <= 7; good++) ballot(`${good} of 7 rated 好 (quota 40%)`, sheet(ratings(good)));
      for (const grade of ['特好', 'GOOD', 'good ', '', '__proto__', 'constructor', 'prototype', 'toString', 5, null, true, {}, []]) {
        ballot(`grade ${JSON.stringify(grade)}`, sheet(ratings(1).map((r, i) => (i === 0 ? { ...r, grade } : r))));
      }
      for (const subjectId of ['s-nope', '__proto__', 'constructor', 'prototype', 'hasOwnProperty', '../s-k1', 'S-K1', 's-k1 ', '', 'x'.repeat(65)]) {
        ballot(`subject ${JSON.stringify(subjectId)}`, sheet(ratings(1).map((r, i) => (i === 0 ? { ...r, subjectId } : r))));
      }
      for (let i = 0; i < COUNTIES.length; i++) {
        ballot(`subject ${i + 1} twice`, sheet([...ratings(1), ratings(1)[i]]));
        ballot(`subject ${i + 1} rated twice instead of another`, sheet(ratings(1).map((r, j) => (j === (i + 1) % 7 ? ratings(1)[i] : r))));
      }
      for (const instrumentId of ['i-nope', '__proto__', 'constructor', 'prototype']) ballot(`instrument ${instrumentId}`, sheet(ratings(1), instrumentId));
      ballot('the instrument twice', { token: tokens.fresh, ballots: [{ instrumentId: 'i-report', ratings: ratings(1) }, { instrumentId: 'i-report', ratings: ratings(1) }] });
      ballot('a score on a grade instrument', sheet(ratings(1).map((r) => ({ subjectId: r.subjectId, score: '90' }))));
      ballot('criteria keyed by prototype names', sheet(ratings(1).map((r) => ({ ...r, criteria: { constructor: '1', toString: '2' } }))));

      // Tokens: forged, malformed, replayed with other content, of another session, of a closed one.
      for (let i = 0; i < 8; i++) ballot(`forged token ${i}`, { token: `${'AbCdEfGh'.repeat(3).slice(i, i + 22)}`, ballots: [{ instrumentId: 'i-report', ratings: ratings(1) }] }, [400, 401, 403, 404]);
      for (const code of ['ABCDE-FGHJK', '00000-00000', '__proto__', "' OR 1=1 --", 'AAAA', '😀😀😀😀😀']) ballot(`forged code ${code}`, { code, ballots: [{ instrumentId: 'i-report', ratings: ratings(1) }] }, [400, 401, 403, 404, 429]);
      for (const token of ['short', 'has space in it 0123456789', `${'a'.repeat(65)}`, '../../../../etc/passwd']) ballot(`malformed token ${token.slice(0, 20)}`, { token, ballots: [{ instrumentId: 'i-report', ratings: ratings(1) }] }, [400]);
      ballot('a used token replayed with other content', { token: tokens.used, ballots: [{ instrumentId: 'i-report', ratings: ratings(1) }] }, [409]);
      // A phone that re-sends after a lost answer gets its first receipt; nothing is stored twice (the digest shows it).
      ballot('a used token replayed with its own content', { token: tokens.used, ballots: [{ instrumentId: 'i-report', ratings: ratings(2) }] }, [200]);
      ballot('a token of another session, rating this one\'s subjects', { token: tokens.otherSession, ballots: [{ instrumentId: 'i-report', ratings: ratings(1) }] });
      ballot('a token of a closed session', { token: tokens.closed, ballots: [{ instrumentId: 'i-report', ratings: ratings(1) }] }, [400, 403, 409, 410, 422]);
      // The form of a closed session's token is shown (the phone says the session has closed); a forged one is not.
      cases.push({ name: 'ballot form for a closed session', request: { method: 'POST', url: '/api/ballot-form', payload: { token: tokens.closed } }, expect: [200] });
      cases.push({ name: 'ballot form for a forged token', request: { method: 'POST', url: '/api/ballot-form', payload: { token: 'Z'.repeat(22) } }, expect: [400, 401, 403, 404] });

      // Impossible dates: the notice, its objection period's end, a class's days.
      for (const date of IMPOSSIBLE_DATES) {
        cases.push({ name: `notice date ${date}`, request: { method: 'POST', url: '/api/campaigns/camp1/publish', headers: admin, payload: { noticeDate: date, objectionDays: 5, issuer: '中共测试市委组织部' } }, expect: [400] });
        cases.push({ name: `objection end ${date}`, request: { method: 'POST', url: '/api/campaigns/camp1/publish', headers: admin, payload: { noticeDate: '2026-06-20', objectionEndDate: date, issuer: '中共测试市委组织部' } }, expect: [400] });
        cases.push({ name: `class starting ${date}`, request: { method: 'POST', url: '/api/training/classes', headers: admin, payload: { id: 'tc-bad', name: '班', rootUnitId: 'c0', startsOn: date, endsOn: '2026-06-17' } }, expect: [400] });
        cases.push({ name: `class moved to end ${date}`, request: { method: 'PATCH', url: '/api/training/classes/tc1', headers: admin, payload: { endsOn: date } }, expect: [400] });
      }

      // Text fields of the main write routes: what no text may hold, and what no field is long enough for.
      const texts: [string, string, (v: string) => object][] = [
        ['POST', '/api/units', (v) => ({ units: [{ id: 'k99', code: '149999', name: v, level: 'county', parentId: 'c0' }] })],
        ['POST', '/api/campaigns', (v) => ({ ...setup(), id: 'camp-x', name: v })],
        ['POST', '/api/campaigns/camp1/sessions', (v) => ({ name: v, instrumentIds: ['i-report'], expected: { 'g-office': 1 } })],
        ['POST', '/api/accounts', (v) => ({ username: 'someone', displayName: v, role: 'clerk' })],
        ['PATCH', `/api/accounts/${ids.account}`, (v) => ({ displayName: v })],
        ['POST', '/api/training/classes', (v) => ({ id: 'tc-x', name: v, rootUnitId: 'c0', startsOn: '2026-06-15', endsOn: '2026-06-17' })],
        ['POST', '/api/campaigns/camp1/publish', (v) => ({ noticeDate: '2026-06-20', objectionDays: 5, issuer: v })],
        ['POST', `/api/sessions/${ids.s1}/paper-ballots`, (v) => ({ sheetNumber: v, raterGroupId: 'g-office', ballots: [{ instrumentId: 'i-report', ratings: ratings(1) }] })],
        ['POST', '/api/ballots', (v) => ({ token: tokens.fresh, ballots: [{ instrumentId: 'i-report', ratings: ratings(1).map((r) => ({ ...r, opinion: v })) }] })],
      ];
      const bad = { NUL: 'a\u0000b', 'bell character': 'a\u0007b', 'RTL override': '\u202E县东', 'lone surrogate': 'x\ud800', 'very long (100,000)': '擂'.repeat(100_000) };
      for (const [method, url, body] of texts) {
        for (const [what, value] of Object.entries(bad)) {
          cases.push({ name: `${method} ${url}: ${what}`, request: { method: method as 'POST', url, headers: admin, payload: body(value) }, expect: url === '/api/ballots' && what.startsWith('very') ? [400, 413] : [400] });
        }
      }
      // The same in spreadsheets: a units file and a class's roster whose names hold what no text may (a file holds
      // no lone surrogate: written as UTF-8 it becomes U+FFFD, a character like any other).
      for (const [what, value] of Object.entries(bad).filter(([w]) => !w.startsWith('very') && w !== 'lone surrogate')) {
        const units = Buffer.from(`代码,名称,层级,上级代码\n149997,${value},县,149900\n`);
        cases.push({ name: `units file with ${what} in a name`, request: { method: 'POST', url: '/api/units/import?filename=units.csv', headers: { ...admin, 'content-type': 'text/csv' }, body: units }, expect: [400, 422] });
        const roster = Buffer.from(`姓名,单位,职务\n${value},东县,书记\n`);
        cases.push({ name: `roster with ${what} in a name`, request: { method: 'POST', url: '/api/training/classes/tc1/participants/import?filename=roster.csv&dryRun=false', headers: { ...admin, 'content-type': 'text/csv' }, body: roster }, expect: [400, 422] });
      }
      // Ids that are prototype names, in the bodies that create things.
      for (const name of PROTOTYPE_NAMES) {
        cases.push({ name: `unit id ${name}`, request: { method: 'POST', url: '/api/units', headers: admin, payload: { units: [{ id: name, code: '149998', name: '某县', level: 'county', parentId: 'c0' }] } }, expect: [400] });
        cases.push({ name: `campaign id ${name}`, request: { method: 'POST', url: '/api/campaigns', headers: admin, payload: { ...setup(), id: name } }, expect: [400] });
        cases.push({ name: `session id ${name}`, request: { method: 'POST', url: '/api/campaigns/camp1/sessions', headers: admin, payload: { id: name, name: '会', instrumentIds: ['i-report'], expected: { 'g-office': 1 } } }, expect: [400] });
        cases.push({ name: `class id ${name}`, request: { method: 'POST', url: '/api/training/classes', headers: admin, payload: { id: name, name: '班', rootUnitId: 'c0', startsOn: '2026-06-15', endsOn: '2026-06-17' } }, expect: [400] });
        cases.push({ name: `group ${name} in expected counts`, request: { method: 'POST', url: '/api/campaigns/camp1/sessions', headers: admin, payload: { name: '会', instrumentIds: ['i-report'], expected: { [name]: 1 } } }, expect: [400] });
      }

      // Cookie writes that would succeed from the console, sent without the right origin or token.
      const cookieWrites: [string, string, object][] = [
        ['POST', '/api/units', { units: [{ id: 'k98', code: '149998', name: '某县', level: 'county', parentId: 'c0' }] }],
        ['POST', '/api/accounts', { username: 'intruder', displayName: '入侵者', role: 'admin' }],
        ['PATCH', `/api/accounts/${ids.account}`, { disabled: true }],
        ['POST', `/api/sessions/${ids.s4}/open`, {}],
        ['POST', `/api/sessions/${ids.s1}/tokens`, { raterGroupId: 'g-office', count: 5 }],
        ['PUT', '/api/settings/public-address', { url: 'https://evil.example' }],
        ['POST', '/api/training/classes', { id: 'tc-csrf', name: '班', rootUnitId: 'c0', startsOn: '2026-06-15', endsOn: '2026-06-17' }],
        ['POST', '/api/auth/logout', {}],
      ];
      const forgeries: [string, Record<string, string>][] = [
        ['no CSRF token', {}],
        ['a wrong CSRF token', { 'x-csrf-token': 'w'.repeat(login.csrfToken.length) }],
        ['a foreign Origin', { 'x-csrf-token': login.csrfToken, origin: 'https://evil.example' }],
        ['Origin null', { 'x-csrf-token': login.csrfToken, origin: 'null' }],
        ['Sec-Fetch-Site cross-site', { 'x-csrf-token': login.csrfToken, 'sec-fetch-site': 'cross-site' }],
      ];
      for (const [method, url, payload] of cookieWrites) {
        for (const [what, headers] of forgeries) {
          cases.push({ name: `cookie ${method} ${url} with ${what}`, request: { method: method as 'POST', url, payload, headers: { cookie: login.cookie, ...headers } }, expect: [403] });
        }
      }
      cases.push({ name: 'a password login from a foreign page', request: { method: 'POST', url: '/api/auth/login', payload: { username: t.usernames.admin, password: t.passwords.admin }, headers: { origin: 'https://evil.example' } }, expect: [403] });
      return cases;
    }

    it('answers every request of the corpus with its expected 4xx, none with a 5xx, and changes nothing', async () => {
      const cases = corpus();
      assert.ok(cases.length >= 200, `${cases.length} cases`);
      const wrong: string[] = [];
      for (const c of cases) {
        const res = await t.app.inject(c.request);
        if (!c.expect.includes(res.statusCode)) wrong.push(`${c.name}: ${res.statusCode} (expected ${c.expect.join('/')}) ${res.body.slice(0, 160)}`);
        else if (res.statusCode >= 500) wrong.push(`${c.name}: ${res.statusCode}`);
        else if (res.statusCode >= 400 && String(res.headers['content-type']).startsWith('application/json') && !(res.json().error?.message?.zh && res.json().error?.message?.en)) {
          wrong.push(`${c.name}: no bilingual refusal`);
        }
      }
      assert.deepEqual(wrong, [], `${wrong.length} of ${cases.length} wrong`);
      assert.equal(({} as Record<string, unknown>).polluted, undefined, 'Object.prototype untouched');
      const after_ = await databaseDigest(t.ctx.database, COUNTERS);
      const changed = Object.keys({ ...before_.tables, ...after_.tables }).filter((k) => before_.tables[k] !== after_.tables[k]);
      assert.deepEqual(changed, [], 'tables changed');
      assert.equal(after_.digest, before_.digest);
      assert.equal(await loginSessions(t), sessionsBefore, 'login sessions unchanged');
    });

    it('still serves the real requests afterwards: the fresh token submits, the cookie login still writes', async () => {
      const res = await t.app.inject({ method: 'POST', url: '/api/ballots', payload: { token: tokens.fresh, ballots: [{ instrumentId: 'i-report', ratings: ratings(2) }] } });
      assert.equal(res.statusCode, 201, res.body);
      const write = await t.app.inject({ method: 'PATCH', url: `/api/accounts/${ids.account}`, payload: { displayName: '录入员' }, headers: { cookie: login.cookie, 'x-csrf-token': login.csrfToken, origin: 'http://localhost:80' } });
      assert.equal(write.statusCode, 200, write.body);
      const changed = await databaseDigest(t.ctx.database, COUNTERS);
      assert.notEqual(changed.digest, before_.digest, 'the digest sees a change');
    });
  });
}
