import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { countBallots } from '../../src/db/repositories/ballots.js';
import { dialects } from '../helpers/db.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { CITY, COUNTIES, ratings, setup } from './fixtures.js';

for (const kind of dialects()) {
  describe(`malformed input never gets a 5xx and changes nothing (${kind})`, () => {
    let t: TestApp;
    let sessionId = '';
    let token = '';
    before(async () => {
      t = await buildTestApp(kind);
      await t.call('organiser', { method: 'POST', url: '/api/units', payload: { units: [CITY, ...COUNTIES] } });
      await t.call('organiser', { method: 'POST', url: '/api/campaigns', payload: setup() });
      sessionId = (await t.call('organiser', { method: 'POST', url: '/api/campaigns/camp1/sessions', payload: { name: 's', instrumentIds: ['i-report'], expected: { 'g-office': 2 } } })).json().id;
      await t.call('organiser', { method: 'POST', url: `/api/sessions/${sessionId}/open` });
      token = (await t.call('clerk', { method: 'POST', url: `/api/sessions/${sessionId}/tokens`, payload: { raterGroupId: 'g-office', count: 1 } })).json()[0].token;
    });
    after(() => t.close());

    const ballot = (r: unknown) => ({ token, ballots: [{ instrumentId: 'i-report', ratings: r }] });
    const corpus: { name: string; role: 'organiser' | 'clerk' | null; method: 'POST' | 'GET' | 'PUT'; url: () => string; payload?: unknown; raw?: string; contentType?: string }[] = [
      { name: 'broken JSON', role: null, method: 'POST', url: () => '/api/ballots', raw: '{"token": "x",', contentType: 'application/json' },
      { name: 'empty JSON body', role: null, method: 'POST', url: () => '/api/ballots', raw: '', contentType: 'application/json' },
      { name: 'text body', role: null, method: 'POST', url: () => '/api/ballots', raw: 'hello', contentType: 'text/plain' },
      { name: 'array body', role: null, method: 'POST', url: () => '/api/ballots', payload: [1, 2] },
      { name: 'null body', role: null, method: 'POST', url: () => '/api/ballots', raw: 'null', contentType: 'application/json' },
      { name: 'no token nor code', role: null, method: 'POST', url: () => '/api/ballots', payload: { ballots: [] } },
      { name: 'both token and code', role: null, method: 'POST', url: () => '/api/ballots', payload: { token: 'a'.repeat(22), code: 'ABCDE-FGHJK', ballots: [{ instrumentId: 'i-report', ratings: [] }] } },
      { name: 'unknown token', role: null, method: 'POST', url: () => '/api/ballots', payload: { token: 'Z'.repeat(22), ballots: [{ instrumentId: 'i-report', ratings: ratings(1) }] } },
      { name: 'nonsense code', role: null, method: 'POST', url: () => '/api/ballots', payload: { code: '!!!!', ballots: [{ instrumentId: 'i-report', ratings: ratings(1) }] } },
      { name: 'grade unknown', role: null, method: 'POST', url: () => '/api/ballots', payload: ballot(ratings(1).map((r) => ({ ...r, grade: '特好' }))) },
      { name: 'grade as number', role: null, method: 'POST', url: () => '/api/ballots', payload: ballot(ratings(1).map((r) => ({ ...r, grade: 5 }))) },
      { name: 'duplicate subject', role: null, method: 'POST', url: () => '/api/ballots', payload: ballot([...ratings(1), ratings(1)[0]]) },
      { name: 'missing subjects', role: null, method: 'POST', url: () => '/api/ballots', payload: ballot(ratings(1).slice(0, 3)) },
      { name: 'score on a grade instrument', role: null, method: 'POST', url: () => '/api/ballots', payload: ballot(ratings(1).map((r) => ({ subjectId: r.subjectId, score: 90 }))) },
      { name: 'huge score number', role: null, method: 'POST', url: () => '/api/ballots', payload: ballot(ratings(1).map((r) => ({ subjectId: r.subjectId, score: 1e308 }))) },
      { name: 'ratings not an array', role: null, method: 'POST', url: () => '/api/ballots', payload: ballot('all good') },
      { name: 'wrong instrument', role: null, method: 'POST', url: () => '/api/ballots', payload: { token, ballots: [{ instrumentId: 'i-nope', ratings: ratings(1) }] } },
      { name: 'prototype pollution keys', role: null, method: 'POST', url: () => '/api/ballots', raw: `{"token":"${'b'.repeat(22)}","__proto__":{"x":1},"ballots":[{"instrumentId":"i-report","ratings":[]}]}`, contentType: 'application/json' },
      { name: 'paper ballot with bad group', role: 'clerk', method: 'POST', url: () => `/api/sessions/${sessionId}/paper-ballots`, payload: { sheetNumber: '1', raterGroupId: 'g-nope', ballots: [{ instrumentId: 'i-report', ratings: ratings(1) }] } },
      { name: 'paper ballot for unknown session', role: 'clerk', method: 'POST', url: () => '/api/sessions/s-nope/paper-ballots', payload: { sheetNumber: '1', raterGroupId: 'g-office', ballots: [{ instrumentId: 'i-report', ratings: ratings(1) }] } },
      { name: 'path id with slash-like junk', role: 'clerk', method: 'GET', url: () => '/api/sessions/%E4%BD%A0%00x' },
      { name: 'tokens count zero', role: 'clerk', method: 'POST', url: () => `/api/sessions/${sessionId}/tokens`, payload: { raterGroupId: 'g-office', count: 0 } },
      { name: 'tokens count huge', role: 'clerk', method: 'POST', url: () => `/api/sessions/${sessionId}/tokens`, payload: { raterGroupId: 'g-office', count: 10_000_000 } },
      { name: 'named group tokens without names', role: 'clerk', method: 'POST', url: () => `/api/sessions/${sessionId}/tokens`, payload: { raterGroupId: 'g-tf', count: 2 } },
      { name: 'campaign weights not 100', role: 'organiser', method: 'POST', url: () => '/api/campaigns', payload: { ...setup(), id: 'camp2', rankings: setup().rankings.map((r) => ({ ...r, components: [{ instrumentId: 'i-report', weight: '99.99' }] })) } },
      { name: 'campaign with unknown root', role: 'organiser', method: 'POST', url: () => '/api/campaigns', payload: { ...setup(), id: 'camp3', rootUnitId: 'nowhere' } },
      { name: 'campaign duplicate id', role: 'organiser', method: 'POST', url: () => '/api/campaigns', payload: setup() },
      { name: 'quota rule with denominator 0', role: 'organiser', method: 'POST', url: () => '/api/campaigns', payload: { ...setup(), id: 'camp4', instruments: setup().instruments.map((i) => ({ ...i, quotaRules: [{ id: 'q', label: 'q', grades: ['good'], bound: 'max', numerator: 1, denominator: 0 }] })) } },
      { name: 'session with unknown instrument', role: 'organiser', method: 'POST', url: () => '/api/campaigns/camp1/sessions', payload: { name: 'x', instrumentIds: ['i-nope'], expected: {} } },
      { name: 'units with unknown parent', role: 'organiser', method: 'POST', url: () => '/api/units', payload: { units: [{ id: 'zz', name: '某镇', level: 'township', parentId: 'nowhere' }] } },
      { name: 'units import without a file', role: 'organiser', method: 'POST', url: () => '/api/units/import', raw: '', contentType: 'text/csv' },
      { name: 'units import of garbage xlsx', role: 'organiser', method: 'POST', url: () => '/api/units/import?filename=u.xlsx', raw: 'PK\u0003\u0004garbage', contentType: 'application/octet-stream' },
      { name: 'explanation of unknown unit', role: 'organiser', method: 'GET', url: () => '/api/campaigns/camp1/results/rank-county/units/nowhere/explanation' },
      { name: 'open a session twice', role: 'organiser', method: 'POST', url: () => `/api/sessions/${sessionId}/open` },
    ];

    it('answers every request of the corpus with a 4xx and a bilingual error body', async () => {
      const before = await countBallots(t.ctx.database.db, { campaignId: 'camp1' });
      for (const c of corpus) {
        const res = await t.call(c.role, {
          method: c.method,
          url: c.url(),
          ...(c.raw !== undefined ? { body: c.raw, headers: { 'content-type': c.contentType ?? 'application/json' } } : c.payload !== undefined ? { payload: c.payload as object } : {}),
        });
        assert.ok(res.statusCode >= 400 && res.statusCode < 500, `${c.name}: ${res.statusCode} ${res.body}`);
        const body = res.json();
        assert.equal(typeof body.error.code, 'string', c.name);
        assert.ok(body.error.message.zh && body.error.message.en, c.name);
      }
      assert.equal(await countBallots(t.ctx.database.db, { campaignId: 'camp1' }), before);
    });
  });
}
