/** A person who follows a link in a browser gets a refusal as a page; programs and the console get the JSON body. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { errorPageHtml } from '../../src/http/pages/error-page-html.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { dialects } from '../helpers/db.js';

const BROWSER = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

for (const kind of dialects()) {
  describe(`refusals as pages (${kind})`, () => {
    let t: TestApp;
    before(async () => {
      t = await buildTestApp(kind);
    });
    after(() => t.close());

    it('answers a browser with a bilingual page, never raw JSON: a notice that does not exist, a download without login', async () => {
      for (const url of ['/notice/no-such-campaign', '/api/campaigns/nowhere/report.pdf', '/api/no/such/route']) {
        const res = await t.app.inject({ method: 'GET', url, headers: { accept: BROWSER } });
        assert.ok(res.statusCode >= 400 && res.statusCode < 500, `${url}: ${res.statusCode}`);
        assert.match(String(res.headers['content-type']), /^text\/html/, url);
        assert.match(res.body, /<html lang="zh-CN">/, url);
        assert.match(res.body, /[\u4e00-\u9fff]/, `${url} speaks Chinese first`);
        assert.doesNotMatch(res.body, /^\s*\{/, url);
      }
    });

    it('keeps the JSON body for programs and the console', async () => {
      for (const accept of [undefined, 'application/json', 'application/json, text/plain, */*']) {
        const res = await t.app.inject({ method: 'GET', url: '/notice/no-such-campaign', headers: accept ? { accept } : {} });
        assert.equal(res.statusCode, 404);
        assert.equal(res.json().error.code, 'not_found', String(accept));
      }
      const post = await t.call('organiser', { method: 'POST', url: '/api/campaigns/check', headers: { accept: BROWSER, 'content-type': 'application/json' }, payload: '{' });
      assert.equal(post.json().error.code, 'malformed_json', 'a form post is answered as data');
    });

    it('names the missing thing in the page', async () => {
      const res = await t.call('organiser', { method: 'GET', url: '/api/units/u-nowhere', headers: { accept: BROWSER } });
      assert.equal(res.statusCode, 404);
      assert.match(res.body, /单位 u-nowhere 不存在/);
    });
  });
}

describe('the refusal page', () => {
  it('escapes every text it repeats', () => {
    const page = errorPageHtml({ error: { code: 'not_found', status: 404, message: { zh: '<script>x</script>', en: '"><img>' }, details: [{ message: { zh: '<b>', en: '&' } }] } });
    assert.doesNotMatch(page, /<script>x|<img>|<b>/);
    assert.match(page, /&lt;script&gt;x&lt;\/script&gt;/);
  });
});
