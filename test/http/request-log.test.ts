/**
 * The request log never carries a secret: a QR token is in the path of the phone page (/r/<token>) and a screen key
 * in the query of the big screen, and a log line with either plus its time would tie a token to a moment.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildTestApp, type TestApp } from '../helpers/app.js';

describe('request log (sqlite)', () => {
  let t: TestApp;
  const lines: string[] = [];

  before(async () => {
    t = await buildTestApp('sqlite', { app: { logger: { level: 'info', stream: { write: (line: string) => void lines.push(line) } } } });
  });
  after(() => t.close());

  it('logs the phone page, the screen and the short-code page without the token or the key', async () => {
    const token = 'Qm9ndXNUb2tlblNlY3JldDEyMw';
    const key = 'c2NyZWVuS2V5U2VjcmV0NDU2';
    await t.app.inject({ method: 'GET', url: `/r/${token}` });
    await t.app.inject({ method: 'GET', url: `/r/${token}?lang=en` });
    await t.app.inject({ method: 'GET', url: `/screen/s-1?key=${key}` });
    await t.app.inject({ method: 'GET', url: `/api/sessions/s-1/screen?lang=zh&key=${key}` });
    await t.app.inject({ method: 'GET', url: `/api/sessions/s-1/screen/events?key=${key}` });
    await t.app.inject({ method: 'GET', url: `/r/${token}/mistyped` }); // no such route: a 404, logged like the rest
    const log = lines.join('');
    assert.ok(lines.length >= 10, 'each request is logged (incoming and completed)');
    assert.ok(!log.includes(token), 'no QR token in the log');
    assert.ok(!log.includes(key), 'no screen key in the log');
    // What is logged still says which page was asked for.
    const urls = lines.map((l) => JSON.parse(l) as { req?: { url?: string } }).flatMap((l) => (l.req?.url ? [l.req.url] : []));
    assert.deepEqual(urls, ['/r/…', '/r/…?lang=en', '/screen/s-1?key=…', '/api/sessions/s-1/screen?lang=zh&key=…', '/api/sessions/s-1/screen/events?key=…', '/r/…']);
  });
});
