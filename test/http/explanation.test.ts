import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { listBallotsAsCast } from '../../src/db/repositories/ballots.js';
import { loadDemo } from '../../src/app/demo/load-demo.js';
import type { PresentedExplanation } from '../../src/contracts/results.js';
import { dialects } from '../helpers/db.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';

const DEMO = 'jincheng-2022-06';

function* walk(n: PresentedExplanation): Generator<PresentedExplanation> {
  yield n;
  for (const c of n.children) yield* walk(c);
}

for (const kind of dialects()) {
  describe(`a unit's explanation down to the ballots (${kind})`, () => {
    let t: TestApp;
    let bundle: { ballots: { id: string; instrumentId: string; channel: 'online' | 'paper'; sessionId: string | null; sheetId: string; ratings: { subjectId: string; adjustments?: { reason: string }[] }[] }[] };
    let tree: PresentedExplanation;
    before(async () => {
      t = await buildTestApp(kind);
      await loadDemo(t.ctx).catch(() => null);
      // The ballots as stored, under the ids the explanation names (an export names them afresh: export-bundle.ts).
      bundle = { ballots: await listBallotsAsCast(t.ctx.database.db, DEMO) };
      const res = await t.call('organiser', { method: 'GET', url: `/api/campaigns/${DEMO}/results/r-county/units/u140581/explanation` });
      assert.equal(res.statusCode, 200, res.body);
      tree = res.json();
    });
    after(() => t.close());

    it('shows each observation ballot’s adjustments with their reasons, as cast', () => {
      const observation = tree.children.find((c) => c.id === 'i-observation')!;
      const leaves = [...walk(observation)].filter((n) => n.kind === 'ballot');
      const withAdjustments = leaves.filter((l) => l.adjustments.length > 0);
      assert.ok(withAdjustments.length > 0, 'the demo’s observers gave 高平市’s sites bonuses and deductions');
      for (const leaf of withAdjustments) {
        const cast = bundle.ballots.find((b) => b.id === leaf.id)!;
        const reasons = cast.ratings.flatMap((r) => (r.adjustments ?? []).map((a) => a.reason));
        for (const a of leaf.adjustments) {
          assert.ok(reasons.includes(a.reason), a.reason);
          assert.ok(['bonus', 'deduction'].includes(a.direction));
          assert.match(a.points, /^\d+(\.\d+)?$/);
          assert.ok(a.item.length > 0 && !a.item.startsWith('adj-'), `an item's label, not its id: ${a.item}`);
        }
      }
    });

    it('names ballots as the office knows them, never by internal id or person: a paper sheet by its number, else #n', () => {
      const leaves = [...walk(tree)].filter((n) => n.kind === 'ballot');
      assert.ok(leaves.length > 0);
      for (const leaf of leaves) {
        const cast = bundle.ballots.find((b) => b.id === leaf.id)!;
        assert.notEqual(leaf.label, leaf.id, `${leaf.id} is shown by its id`);
        if (cast.channel === 'paper' && cast.sheetId.startsWith('paper:')) assert.equal(`paper:${cast.sessionId}:${leaf.label}`, cast.sheetId);
        else assert.match(leaf.label, /^#\d+$/);
      }
    });

    it('shows the campaign adjustment’s reason on its subject, though its one ballot stays hidden', () => {
      const adjustments = tree.children.find((c) => c.kind === 'adjustments' && c.id === 'adjustments')!;
      const subject = [...walk(adjustments)].find((n) => n.kind === 'subject')!;
      assert.equal(subject.value?.display, '1.00');
      assert.deepEqual(subject.adjustments, [
        { item: '经验被省级以上推广', direction: 'bonus', points: '1', reason: '高平市“领题破题”经验被省委组织部专刊推广' },
      ]);
      const group = subject.children[0]!;
      assert.equal(group.hiddenForAnonymity, true, 'one ballot: the group breakdown is not shown');
      assert.deepEqual(group.children, []);
    });

    it('marks the values the trimmed mean dropped, one lowest and one highest per group, at weight 0', () => {
      const observation = tree.children.find((c) => c.id === 'i-observation')!;
      for (const group of [...walk(observation)].filter((n) => n.kind === 'group' && !n.hiddenForAnonymity)) {
        const dropped = group.children.filter((l) => l.dropped !== null);
        assert.deepEqual(dropped.map((l) => l.dropped), ['lowest', 'highest'], group.label);
        for (const l of dropped) {
          assert.equal(l.weight.exact, '0');
          assert.match(l.note!.zh, /去掉最高、最低分.*不计入/);
        }
        assert.ok(group.children.filter((l) => l.dropped === null).every((l) => l.note === null && l.weight.exact !== '0'));
      }
    });

    it('carries neither on a grade ballot', () => {
      const report = tree.children.find((c) => c.id === 'i-report')!;
      for (const leaf of [...walk(report)].filter((n) => n.kind === 'ballot')) {
        assert.deepEqual([leaf.adjustments, leaf.dropped], [[], null]);
      }
    });

    it('gives a subject’s own explanation the same adjustments', async () => {
      const site = tree.children.find((c) => c.id === 'i-observation')!.children[0]!.children[0]!;
      const res = await t.call('organiser', { method: 'GET', url: `/api/campaigns/${DEMO}/instruments/i-observation/subjects/${site.id}/explanation` });
      assert.equal(res.statusCode, 200, res.body);
      const own = [...walk(res.json() as PresentedExplanation)].filter((n) => n.kind === 'ballot');
      const inTree = [...walk(site)].filter((n) => n.kind === 'ballot');
      assert.deepEqual(own.map((l) => [l.id, l.adjustments, l.dropped]), inTree.map((l) => [l.id, l.adjustments, l.dropped]));
    });
  });
}
