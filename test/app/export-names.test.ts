/**
 * An export does not tell which anonymous ballots were committed together (issue #17 § 3): stored ballot ids carry
 * their commit's key (decision 0009), so each export names ballots and online sheets afresh under a key of its own,
 * and lists them by content. Within one export the names agree — with the board, and sheet by sheet — so the export
 * still verifies; two exports share no name.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { exportBundle } from '../../src/app/bundle/export-bundle.js';
import { parseBundle } from '../../src/app/bundle/parse-bundle.js';
import { buildResultsExport } from '../../src/app/results/build-results-export.js';
import { tallyBundle } from '../../src/app/bundle/tally-bundle.js';
import { verifyBundle } from '../../src/app/bundle/verify-bundle.js';
import { canonicalJson } from '../../src/app/kernel/canonical.js';
import { createAppContext, type AppContext } from '../../src/app/context.js';
import { loadDemo } from '../../src/app/demo/load-demo.js';
import type { ExportedBundle } from '../../src/contracts/bundle.js';
import { listBallotsAsCast } from '../../src/db/repositories/ballots.js';
import { createTestDb, dialects } from '../helpers/db.js';

const DEMO = 'jincheng-2022-06';

for (const kind of dialects()) {
  describe(`an export names ballots for itself (${kind})`, () => {
    let ctx: AppContext;
    let first: ExportedBundle;
    let second: ExportedBundle;
    before(async () => {
      ctx = createAppContext(await createTestDb(kind), { clock: () => new Date('2026-12-04T08:00:00Z') });
      assert.ok(await loadDemo(ctx));
      first = JSON.parse(JSON.stringify(await exportBundle(ctx, DEMO)));
      second = JSON.parse(JSON.stringify(await exportBundle(ctx, DEMO)));
    });
    after(() => ctx.database.close());

    it('shares no ballot or online sheet name with the database or with another export', async () => {
      const stored = await listBallotsAsCast(ctx.database.db, DEMO);
      const storedIds = new Set(stored.map((b) => b.id));
      const ids = (b: ExportedBundle) => new Set(b.ballots.map((x) => x.id));
      assert.equal(first.ballots.length, stored.length);
      assert.ok([...ids(first)].every((id) => !storedIds.has(id) && !ids(second).has(id)));
      const onlineSheets = (list: readonly { channel: string; sheetId: string }[]) => new Set(list.filter((b) => b.channel === 'online').map((b) => b.sheetId));
      const storedSheets = onlineSheets(stored);
      assert.ok(storedSheets.size > 0);
      assert.ok([...onlineSheets(first.ballots)].every((s) => !storedSheets.has(s) && !onlineSheets(second.ballots).has(s)));
      const paper = (list: readonly { channel: string; sheetId: string }[]) => list.filter((b) => b.channel === 'paper').map((b) => b.sheetId).sort();
      assert.deepEqual(paper(first.ballots), paper(stored), 'paper sheets keep their printed numbers');
      assert.equal(onlineSheets(first.ballots).size, storedSheets.size, 'one name per sheet: returned sheets count the same');
    });

    it('names the workbook’s ballots for itself too', async () => {
      const stored = new Set((await listBallotsAsCast(ctx.database.db, DEMO)).map((b) => b.id));
      const workbook = await buildResultsExport(ctx, DEMO);
      const named = [...[...workbook.rawRows()].map((r) => r.ballotId), ...[...workbook.adjustmentRows()].map((r) => r.ballotId)];
      assert.ok(named.length > 0 && named.every((id) => /^b_[0-9a-f]{24}$/.test(id) && !stored.has(id)));
    });

    it('lists the ballots by their content, not by any id', () => {
      const order = first.ballots.map((b) => canonicalJson({ ...b, id: undefined, sheetId: undefined }));
      assert.deepEqual(order, [...order].sort());
    });

    it('verifies: every ballot on the board under its new name, the same results recomputed offline', () => {
      for (const bundle of [first, second]) {
        const parsed = parseBundle(bundle);
        const verdict = verifyBundle(parsed, tallyBundle(parsed));
        assert.equal(verdict.ok, true, verdict.lines.join('\n'));
      }
      assert.deepEqual(first.board?.sessions.map((s) => s.head), second.board?.sessions.map((s) => s.head), 'the heads do not depend on names');
    });
  });
}
