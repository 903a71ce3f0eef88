import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CampaignSetup } from '../../src/contracts/api.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { dialects } from '../helpers/db.js';
import { CITY, COUNTIES, ratings, setup } from './fixtures.js';

/** The fixture, its report shown only once every issued code has voted. */
function screenSetup(): CampaignSetup {
  const s = setup();
  s.instruments[0]!.visibility = 'after-all-voted';
  return s;
}

/** Reads server-sent `board` events from a streaming fetch. */
function boardReader(body: ReadableStream<Uint8Array>) {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  // biome-ignore lint/suspicious/noExplicitAny: a board event's JSON, checked field by field by the tests
  return async function next(timeoutMs: number): Promise<any> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const end = buffer.indexOf('\n\n');
      if (end >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = block.split('\n').find((l) => l.startsWith('data: '));
        if (block.includes('event: board') && data) return JSON.parse(data.slice(6));
        continue;
      }
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no board event within ${timeoutMs} ms`);
      const chunk = await Promise.race([reader.read(), new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no board event within ${timeoutMs} ms`)), left))]);
      if (chunk.done) throw new Error('stream ended');
      buffer += decoder.decode(chunk.value, { stream: true });
    }
  };
}

for (const kind of dialects()) {
  describe(`the live big screen (${kind})`, () => {
    let t: TestApp;
    let sessionId = '';
    let key = '';
    let tokens: { token: string }[] = [];
    const board = (k: string | null = key) => t.call(null, { method: 'GET', url: `/api/sessions/${sessionId}/screen${k === null ? '' : `?key=${k}`}` });
    const vote = (i: number, good: number) => t.call(null, { method: 'POST', url: '/api/ballots', payload: { token: tokens[i]!.token, ballots: [{ instrumentId: 'i-report', ratings: ratings(good) }] } });

    before(async () => {
      t = await buildTestApp(kind);
      assert.equal((await t.call('organiser', { method: 'POST', url: '/api/units', payload: { units: [CITY, ...COUNTIES] } })).statusCode, 201);
      assert.equal((await t.call('organiser', { method: 'POST', url: '/api/campaigns', payload: screenSetup() })).statusCode, 201);
      const session = await t.call('organiser', { method: 'POST', url: '/api/campaigns/camp1/sessions', payload: { name: '汇报点评会', instrumentIds: ['i-report'], expected: { 'g-office': 4 } } });
      sessionId = session.json().id;
      assert.equal((await t.call('organiser', { method: 'POST', url: `/api/sessions/${sessionId}/open` })).statusCode, 200);
      tokens = (await t.call('clerk', { method: 'POST', url: `/api/sessions/${sessionId}/tokens`, payload: { raterGroupId: 'g-office', count: 4 } })).json();
    });
    after(() => t.close());

    it('lets only the office issue a screen key, shown once with its page path', async () => {
      assert.equal((await t.call(null, { method: 'POST', url: `/api/sessions/${sessionId}/screen-keys` })).statusCode, 401);
      assert.equal((await t.call('clerk', { method: 'POST', url: `/api/sessions/${sessionId}/screen-keys` })).statusCode, 403);
      const res = await t.call('organiser', { method: 'POST', url: `/api/sessions/${sessionId}/screen-keys` });
      assert.equal(res.statusCode, 201, res.body);
      key = res.json().key;
      assert.match(key, /^[A-Za-z0-9_-]{22}$/);
      assert.equal(res.json().path, `/screen/${sessionId}?key=${key}`);
      const audit = (await t.call('admin', { method: 'GET', url: '/api/audit' })).body;
      assert.ok(!audit.includes(key), 'the key itself is never stored');
    });

    it('refuses the board without the key, with a wrong key, or for another session', async () => {
      assert.equal((await board(null)).statusCode, 401);
      const wrong = await board('AAAAAAAAAAAAAAAAAAAAAA');
      assert.equal(wrong.statusCode, 401);
      assert.match(wrong.json().error.message.zh, /大屏密钥无效/);
      assert.equal((await t.call(null, { method: 'GET', url: `/api/sessions/other/screen?key=${key}` })).statusCode, 401);
      assert.equal((await t.call(null, { method: 'GET', url: `/api/sessions/${sessionId}/screen/events?key=nope-nope-nope-nope` })).statusCode, 401);
    });

    it('shows participation while voting and keeps results back until every issued code has voted', async () => {
      const before = (await board()).json();
      assert.deepEqual(before.participation, { expected: 4, issued: 4, returned: 0, groups: [{ groupId: 'g-office', name: '办公室', expected: 4, issued: 4, returned: 0, hiddenForAnonymity: false }] });
      assert.equal(before.instruments[0].visible, false);
      assert.match(before.instruments[0].waiting.zh, /全部测评码提交后/);
      assert.deepEqual(before.rankings, []);
      assert.equal((await vote(0, 2)).statusCode, 201);
      const one = (await board()).json();
      assert.equal(one.participation.returned, 1);
      // A group with 1–2 sheets back shows no count.
      assert.equal(one.participation.groups[0].returned, null);
      assert.equal(one.participation.groups[0].hiddenForAnonymity, true);
      assert.deepEqual(one.instruments[0].subjects, []);
    });

    it('pushes a new board within a second of a ballot, over server-sent events', async () => {
      const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
      const controller = new AbortController();
      const res = await fetch(`${address}/api/sessions/${sessionId}/screen/events?key=${key}`, { signal: controller.signal });
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-type')!, /text\/event-stream/);
      const next = boardReader(res.body!);
      assert.equal((await next(1000)).participation.returned, 1);
      const started = Date.now();
      assert.equal((await vote(1, 1)).statusCode, 201);
      const pushed = await next(1000);
      assert.equal(pushed.participation.returned, 2);
      assert.ok(Date.now() - started < 1000);
      // A paper sheet entered by a clerk pushes too (once it is recorded as handed out, the count still adds up).
      assert.equal((await t.call('clerk', { method: 'PUT', url: `/api/sessions/${sessionId}/paper-issued`, payload: { paperIssued: { 'g-office': 1 } } })).statusCode, 200);
      const entered = await t.call('clerk', { method: 'POST', url: `/api/sessions/${sessionId}/paper-ballots`, payload: { sheetNumber: 'P-1', raterGroupId: 'g-office', ballots: [{ instrumentId: 'i-report', ratings: ratings(0) }] } });
      assert.equal(entered.statusCode, 201);
      // The 5 s refresh may push the board with the new issued count just before the sheet's own push.
      let pushedPaper = await next(1000);
      if (pushedPaper.participation.returned === 2) pushedPaper = await next(1000);
      assert.equal(pushedPaper.participation.returned, 3);
      controller.abort();
    });

    it('shows the subjects ranked and the ranking with tiers once all have voted, never per rater', async () => {
      assert.equal((await vote(2, 2)).statusCode, 201);
      assert.equal((await vote(3, 0)).statusCode, 201);
      const b = (await board()).json();
      assert.equal(b.participation.returned, 5);
      assert.equal(b.participation.groups[0].returned, 5);
      assert.equal(b.instruments[0].visible, true);
      const subjects = b.instruments[0].subjects;
      assert.equal(subjects.length, 7);
      assert.deepEqual(subjects.map((s: { rank: number }) => s.rank), [1, 2, 3, 3, 3, 3, 3]);
      assert.equal(subjects[0].name, '城区');
      const ranking = b.rankings[0];
      assert.equal(ranking.name, '县排名');
      assert.equal(ranking.rows[0].tierLabel, '好');
      const text = JSON.stringify(b);
      for (const forbidden of ['ballotId', 'raterName', 'receipt', 'sheetId', 'token']) assert.ok(!text.includes(forbidden), forbidden);
    });

    it('stops the key working once the office revokes it', async () => {
      assert.equal((await t.call('clerk', { method: 'DELETE', url: `/api/sessions/${sessionId}/screen-keys` })).statusCode, 403);
      assert.equal((await t.call('organiser', { method: 'DELETE', url: `/api/sessions/${sessionId}/screen-keys` })).statusCode, 204);
      assert.equal((await board()).statusCode, 401);
      const again = (await t.call('organiser', { method: 'POST', url: `/api/sessions/${sessionId}/screen-keys` })).json();
      assert.equal((await board(again.key)).statusCode, 200);
    });

    it('serves the screen page and its script without data', async () => {
      const page = await t.call(null, { method: 'GET', url: `/screen/${sessionId}` });
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /<html lang="zh-CN">/);
      assert.match(page.body, /\/office\/assets\/screen\.js/);
      const script = await t.call(null, { method: 'GET', url: '/office/assets/screen.js' });
      assert.equal(script.statusCode, 200);
      assert.match(script.headers['content-type'] as string, /javascript/);
      assert.equal((await t.call(null, { method: 'GET', url: '/office/assets/paper-entry.js' })).statusCode, 404);
      assert.equal((await t.call(null, { method: 'GET', url: '/office/assets/nope.js' })).statusCode, 404);
    });

    it('sends the old paper entry link to the console’s page, keeping its session', async () => {
      const withSession = await t.call(null, { method: 'GET', url: `/clerk/paper?session=${sessionId}` });
      assert.equal(withSession.statusCode, 302);
      assert.equal(withSession.headers.location, `/console/sessions/${sessionId}/paper`);
      const odd = await t.call(null, { method: 'GET', url: `/clerk/paper?session=${encodeURIComponent('a/b?c')}` });
      assert.equal(odd.headers.location, '/console/sessions/a%2Fb%3Fc/paper');
      const bare = await t.call(null, { method: 'GET', url: '/clerk/paper' });
      assert.equal(bare.statusCode, 302);
      assert.equal(bare.headers.location, '/console/paper');
    });
  });
}
