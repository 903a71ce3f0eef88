/**
 * 公开地址: QR slips and screen links point where phones can reach — the address the office stores (shared by every
 * server through the database), else LEITAI_PUBLIC_URL, else the browser's own address, with a plain warning whenever
 * no phone could ever open it.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import QRCode from 'qrcode';
import { createAppContext } from '../../src/app/context.js';
import { loadConfig } from '../../src/config/index.js';
import { buildApp } from '../../src/http/app.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { dialects } from '../helpers/db.js';
import { CITY, COUNTIES, setup } from './fixtures.js';

const ADDRESS = '/api/settings/public-address';

describe('LEITAI_PUBLIC_URL', () => {
  it('is read once, as an origin, and refused at start when it is no http(s) address', () => {
    assert.equal(loadConfig({}).publicUrl, null);
    assert.equal(loadConfig({ LEITAI_PUBLIC_URL: '' }).publicUrl, null);
    assert.equal(loadConfig({ LEITAI_PUBLIC_URL: 'https://leitai.example.cn/' }).publicUrl, 'https://leitai.example.cn');
    assert.throws(() => loadConfig({ LEITAI_PUBLIC_URL: 'leitai.example.cn' }), /LEITAI_PUBLIC_URL/);
    assert.throws(() => loadConfig({ LEITAI_PUBLIC_URL: 'https://leitai.example.cn/leitai' }), /without a path/);
  });
});

for (const kind of dialects()) {
  describe(`the public address for phones (${kind})`, () => {
    let t: TestApp;
    let sessionId = '';

    const slipLinks = async (payload: object, headers: Record<string, string> = {}) => {
      const res = await t.call('clerk', { method: 'POST', url: `/api/sessions/${sessionId}/token-sheets`, payload: { raterGroupId: 'g-office', count: 2, ...payload }, headers });
      assert.equal(res.statusCode, 201, res.body);
      return [...res.body.matchAll(/<a class="qr" href="([^"]+)">/g)].map((m) => m[1]!);
    };

    before(async () => {
      t = await buildTestApp(kind);
      assert.equal((await t.call('organiser', { method: 'POST', url: '/api/units', payload: { units: [CITY, ...COUNTIES] } })).statusCode, 201);
      assert.equal((await t.call('organiser', { method: 'POST', url: '/api/campaigns', payload: setup() })).statusCode, 201);
      const created = await t.call('organiser', { method: 'POST', url: '/api/campaigns/camp1/sessions', payload: { name: '汇报点评会', instrumentIds: ['i-report'], expected: { 'g-office': 6 } } });
      sessionId = created.json().id;
    });
    after(() => t.close());

    it('with nothing set, uses the browser’s address and says plainly that phones cannot open localhost', async () => {
      const res = await t.call('clerk', { method: 'GET', url: ADDRESS, headers: { host: 'localhost:3000' } });
      assert.equal(res.statusCode, 200, res.body);
      const a = res.json();
      assert.equal(a.url, 'http://localhost:3000');
      assert.equal(a.source, 'request');
      assert.equal(a.stored, null);
      assert.equal(a.environment, null);
      assert.equal(a.phoneReachable, false);
      assert.match(a.warning.zh, /手机扫码后打不开 http:\/\/localhost:3000/);
      assert.match(a.warning.en, /Phones cannot open/);
      assert.equal(a.test.url, 'http://localhost:3000/r');
      assert.equal(a.test.qrSvg.trim(), (await QRCode.toString('http://localhost:3000/r', { type: 'svg', errorCorrectionLevel: 'M', margin: 1 })).trim());
      const lan = (await t.call('clerk', { method: 'GET', url: ADDRESS, headers: { host: '192.168.1.20:3000' } })).json();
      assert.deepEqual([lan.url, lan.phoneReachable, lan.warning], ['http://192.168.1.20:3000', true, null]);
    });

    it('lets only the office change it, and no one unsigned read it', async () => {
      assert.equal((await t.call(null, { method: 'GET', url: ADDRESS })).statusCode, 401);
      assert.equal((await t.call('clerk', { method: 'PUT', url: ADDRESS, payload: { url: 'https://leitai.example.cn' } })).statusCode, 403);
      assert.equal((await t.call(null, { method: 'PUT', url: ADDRESS, payload: { url: 'https://leitai.example.cn' } })).statusCode, 401);
      assert.equal((await t.call('clerk', { method: 'GET', url: ADDRESS })).json().source, 'request');
    });

    it('refuses what is no http(s) origin, saying why, and stores nothing', async () => {
      for (const [url, words] of [
        ['leitai.example.cn', /不是有效的网址/],
        ['ftp://leitai.example.cn', /须以 http:\/\/ 或 https:\/\/ 开头/],
        ['https://leitai.example.cn/leitai', /不带路径/],
        ['https://admin:pw@leitai.example.cn', /用户名或密码/],
        [`https://${'a'.repeat(300)}.cn`, /最多 300 个字符/],
      ] as const) {
        const res = await t.call('organiser', { method: 'PUT', url: ADDRESS, payload: { url } });
        assert.equal(res.statusCode, 400, url);
        assert.match(JSON.stringify(res.json().error), words, url);
      }
      assert.equal((await t.call('organiser', { method: 'PUT', url: ADDRESS, payload: { address: 'x' } })).statusCode, 400);
      assert.equal((await t.call('organiser', { method: 'GET', url: ADDRESS })).json().stored, null);
    });

    it('stores an address the office sets, audited; slips and screen links use it whatever host the browser used', async () => {
      const res = await t.call('organiser', { method: 'PUT', url: ADDRESS, payload: { url: ' https://leitai.example.cn/ ' } });
      assert.equal(res.statusCode, 200, res.body);
      const a = res.json();
      assert.equal(a.url, 'https://leitai.example.cn');
      assert.equal(a.source, 'setting');
      assert.equal(a.stored.url, 'https://leitai.example.cn');
      assert.equal(a.phoneReachable, true);
      assert.equal(a.test.url, 'https://leitai.example.cn/r');
      const audit = (await t.call('admin', { method: 'GET', url: '/api/audit?action=settings.public-url' })).json();
      assert.deepEqual(audit.at(-1).detail, { from: null, to: 'https://leitai.example.cn' });

      assert.equal((await t.call('organiser', { method: 'POST', url: `/api/sessions/${sessionId}/open` })).statusCode, 200);
      const links = await slipLinks({}, { host: 'localhost:3000' });
      assert.equal(links.length, 2);
      for (const link of links) assert.match(link, /^https:\/\/leitai\.example\.cn\/r\/[A-Za-z0-9_-]{22}$/);
      // A script may still name the origin for one sheet.
      assert.match((await slipLinks({ origin: 'http://10.0.0.8:3000' }))[0]!, /^http:\/\/10\.0\.0\.8:3000\/r\//);
      const key = (await t.call('organiser', { method: 'POST', url: `/api/sessions/${sessionId}/screen-keys`, headers: { host: 'localhost:3000' } })).json();
      assert.equal(key.url, `https://leitai.example.cn/screen/${sessionId}?key=${key.key}`);
    });

    it('is one value for every server on the database', async () => {
      const other = createAppContext(t.ctx.database);
      const second = await buildApp(other, { logger: false, checkResponses: true });
      try {
        const seen = await second.inject({ method: 'GET', url: ADDRESS, headers: { authorization: `Bearer ${t.tokens.clerk}` } });
        assert.equal(seen.json().url, 'https://leitai.example.cn');
        assert.equal((await t.call('organiser', { method: 'PUT', url: ADDRESS, payload: { url: 'http://192.168.1.20:3000' } })).statusCode, 200);
        const changed = await second.inject({ method: 'GET', url: ADDRESS, headers: { authorization: `Bearer ${t.tokens.clerk}` } });
        assert.equal(changed.json().url, 'http://192.168.1.20:3000');
      } finally {
        await second.close();
        await other.ballotWriter.close();
      }
    });

    it('stores a loopback address for a rehearsal, with the warning; clearing it falls back', async () => {
      const loop = (await t.call('organiser', { method: 'PUT', url: ADDRESS, payload: { url: 'http://127.0.0.1:3000' } })).json();
      assert.equal(loop.source, 'setting');
      assert.equal(loop.phoneReachable, false);
      assert.match(loop.warning.zh, /回环地址/);
      const cleared = await t.call('organiser', { method: 'PUT', url: ADDRESS, payload: { url: null }, headers: { host: '192.168.1.30:3000' } });
      assert.equal(cleared.statusCode, 200);
      assert.deepEqual([cleared.json().source, cleared.json().url, cleared.json().stored], ['request', 'http://192.168.1.30:3000', null]);
      const links = await slipLinks({}, { host: '192.168.1.30:3000' });
      assert.match(links[0]!, /^http:\/\/192\.168\.1\.30:3000\/r\//);
    });
  });

  describe(`LEITAI_PUBLIC_URL, overridden by the console (${kind})`, () => {
    let t: TestApp;
    before(async () => {
      t = await buildTestApp(kind, { publicUrl: 'https://env.example.cn' });
    });
    after(() => t.close());

    it('fills the address when nothing is stored, and a stored one overrides it', async () => {
      const env = (await t.call('clerk', { method: 'GET', url: ADDRESS, headers: { host: 'localhost:3000' } })).json();
      assert.deepEqual([env.url, env.source, env.environment, env.phoneReachable], ['https://env.example.cn', 'environment', 'https://env.example.cn', true]);
      const set = (await t.call('admin', { method: 'PUT', url: ADDRESS, payload: { url: 'https://leitai.example.cn' } })).json();
      assert.deepEqual([set.url, set.source, set.environment], ['https://leitai.example.cn', 'setting', 'https://env.example.cn']);
      const cleared = (await t.call('admin', { method: 'PUT', url: ADDRESS, payload: { url: '' } })).json();
      assert.deepEqual([cleared.url, cleared.source], ['https://env.example.cn', 'environment']);
    });
  });
}
