/**
 * 典型案例库 search on both engines: a two-character word inside a summary is found, so is a one-character query;
 * title ranks over tags over summary over body, with highlighted snippets; drafts stay with the office. And a property:
 * for any query, each engine finds exactly the cases a plain substring scan finds.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import type { Unit } from '../../src/domain/types.js';
import { normaliseText, queryTerms } from '../../src/domain/cases/grams.js';
import { addViewer, buildTestApp, type TestApp } from '../helpers/app.js';
import { dialects } from '../helpers/db.js';
import { CITY, COUNTIES } from './fixtures.js';

const TOWN: Unit = { id: 't1', code: '149901001', name: '南村镇', level: 'township', parentId: 'k1' };
const ALPHABET = ['南', '村', '治', '理', '网', '格', '乡', '振', 'a', 'B', ' '];

interface Hit { id: string; match: { field: string; snippet: { text: string; hit: boolean }[] } | null }

for (const kind of dialects()) {
  describe(`the case library (${kind})`, () => {
    let t: TestApp;
    const add = async (body: object) => {
      const res = await t.call('organiser', { method: 'POST', url: '/api/cases', payload: { unitId: 't1', year: 2022, published: true, ...body } });
      assert.equal(res.statusCode, 201, res.body);
      return res.json().id as string;
    };
    const search = async (q: string, role: 'organiser' | 'viewer' | 'clerk' = 'organiser') => {
      const res = await t.call(role, { method: 'GET', url: `/api/cases?pageSize=200&q=${encodeURIComponent(q)}` });
      assert.equal(res.statusCode, 200, res.body);
      return res.json().items as Hit[];
    };

    before(async () => {
      t = await buildTestApp(kind);
      assert.equal((await t.call('organiser', { method: 'POST', url: '/api/units', payload: { units: [CITY, ...COUNTIES, TOWN] } })).statusCode, 201);
      await addViewer(t, 'k1');
    });
    after(() => t.close());

    it('finds a word inside a summary and a single character, ranked title over tags over summary over body', async () => {
      const body = await add({ id: 'c-body', title: '便民服务', body: '推行网格化管理，网格员每日走访' });
      const summary = await add({ id: 'c-summary', title: '村级议事', summary: '以网格为单元开展议事协商' });
      const tags = await add({ id: 'c-tags', title: '矛盾调解', tags: ['网格', '调解'] });
      const title = await add({ id: 'c-title', title: '网格党建引领基层治理', summary: '南村镇的做法' });
      assert.deepEqual((await search('网格')).map((h) => h.id), [title, tags, summary, body]);
      const inSummary = (await search('单元')).map((h) => h.id);
      assert.deepEqual(inSummary, [summary]);
      assert.deepEqual((await search('议')).map((h) => h.id), [summary]);
      const snippet = (await search('单元'))[0]!.match!;
      assert.equal(snippet.field, 'summary');
      assert.deepEqual(snippet.snippet.filter((s) => s.hit).map((s) => s.text), ['单元']);
      assert.deepEqual((await search('网格 南村')).map((h) => h.id), [title], 'every term must occur');
      assert.deepEqual(await search('不存在的词'), []);
      // Pages: the total is the same on every page, also past the last one.
      const second = (await t.call('organiser', { method: 'GET', url: `/api/cases?q=${encodeURIComponent('网格')}&pageSize=3&page=2` })).json();
      assert.deepEqual([second.total, second.items.map((h: Hit) => h.id)], [4, [body]]);
      const past = (await t.call('organiser', { method: 'GET', url: `/api/cases?q=${encodeURIComponent('网格')}&pageSize=3&page=9` })).json();
      assert.deepEqual([past.total, past.items], [4, []]);
    });

    it('keeps drafts with the office; published cases are read by every logged-in role', async () => {
      await add({ id: 'c-draft', title: '草稿案例：网格', published: false });
      assert.ok((await search('草稿')).some((h) => h.id === 'c-draft'));
      assert.deepEqual(await search('草稿', 'viewer'), []);
      assert.deepEqual(await search('草稿', 'clerk'), []);
      assert.equal((await t.call('viewer', { method: 'GET', url: '/api/cases/c-draft' })).statusCode, 404);
      assert.equal((await t.call('viewer', { method: 'GET', url: '/api/cases/c-title' })).statusCode, 200);
      assert.equal((await t.call('viewer', { method: 'POST', url: '/api/cases', payload: { unitId: 't1', title: 'x', year: 2022 } })).statusCode, 403);
      const changed = await t.call('organiser', { method: 'PUT', url: '/api/cases/c-draft', payload: { unitId: 't1', title: '已发布：乡村振兴', year: 2022, published: true } });
      assert.equal(changed.statusCode, 200, changed.body);
      assert.deepEqual((await search('草稿', 'viewer')).map((h) => h.id), [], 'the old title is gone from the index');
      assert.deepEqual((await search('振兴', 'viewer')).map((h) => h.id), ['c-draft']);
    });

    it('finds exactly what a substring scan finds, for any query', async () => {
      const texts = fc.sample(fc.array(fc.constantFrom(...ALPHABET), { minLength: 0, maxLength: 14 }).map((cs) => cs.join('')), { numRuns: 4 * 30, seed: 20221 });
      const corpus: { id: string; title: string; summary: string; body: string; tags: string[] }[] = [];
      for (let i = 0; i < 30; i++) {
        const c = { id: `p-${i}`, title: texts[i * 4]!.trim() || '题', summary: texts[i * 4 + 1]!, body: texts[i * 4 + 2]!, tags: texts[i * 4 + 3]!.split(' ').map((s) => s.trim()).filter((s) => s !== '').slice(0, 5) };
        corpus.push(c);
        await add(c);
      }
      const scan = (q: string) => {
        const terms = queryTerms(q);
        return corpus.filter((c) => terms.length > 0 && terms.every((term) => [c.title, c.tags.join(' '), c.summary, c.body].some((f) => normaliseText(f).includes(term)))).map((c) => c.id).sort();
      };
      await fc.assert(
        // (A query of spaces only is no search: it lists the library, as an empty one does.)
        fc.asyncProperty(fc.array(fc.constantFrom(...ALPHABET), { minLength: 1, maxLength: 4 }).map((cs) => cs.join('')).filter((q) => q.trim() !== ''), async (q) => {
          const found = (await search(q)).map((h) => h.id).filter((id) => id.startsWith('p-')).sort();
          assert.deepEqual(found, scan(q), `query ${JSON.stringify(q)}`);
        }),
        { numRuns: 80, seed: 42 },
      );
    });
  });
}
