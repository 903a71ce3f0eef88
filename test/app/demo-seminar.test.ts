/**
 * The Jincheng demo's 座谈会: the 12 speakers of the report in order, 65 written reports for the 65 townships that do
 * not speak, some accepted and some submitted — each of those with a real PDF in the file store naming its township —
 * and the rest missing with a reminder. The same on both engines.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createAppContext, type AppContext } from '../../src/app/context.js';
import { loadDemo } from '../../src/app/demo/load-demo.js';
import { openDocument } from '../../src/app/documents/open-document.js';
import type { Actor } from '../../src/app/policies/roles.js';
import { listReports } from '../../src/app/seminar/list-reports.js';
import { listSpeakers } from '../../src/app/seminar/speakers.js';
import { JINCHENG_CLASS_ID } from '../../src/demo/jincheng.js';
import { createTestDb, dialects } from '../helpers/db.js';
import { pdfPages } from '../helpers/pdf-text.js';

const office: Actor = { id: 'a-1', name: '办公室', role: 'organiser', unitId: null };

for (const kind of dialects()) {
  describe(`the Jincheng demo's 座谈会 (${kind})`, () => {
    let ctx: AppContext;
    let filesDir: string;
    before(async () => {
      filesDir = await mkdtemp(join(tmpdir(), 'leitai-demo-files-'));
      ctx = createAppContext(await createTestDb(kind), { clock: () => new Date('2026-12-04T08:00:00Z'), filesDir });
      assert.ok(await loadDemo(ctx));
    });
    after(async () => {
      await ctx.database.close();
      await rm(filesDir, { recursive: true, force: true });
    });

    it('has the 12 speakers of the report, in order, named by post', async () => {
      const speakers = await listSpeakers(ctx, JINCHENG_CLASS_ID);
      assert.equal(speakers.length, 12);
      assert.deepEqual(speakers.map((s) => s.position), [...Array(12).keys()].map((i) => i + 1));
      assert.equal(speakers[0]!.name, '城区北街街道党工委书记');
      assert.equal(speakers[0]!.unitName, '北街街道');
      assert.ok(speakers.every((s) => s.unitId !== null && s.topic.length > 0));
    });

    it('has 65 reports, some accepted and submitted with their PDFs, the rest missing and reminded', async () => {
      const board = await listReports(ctx, office, JINCHENG_CLASS_ID, {});
      assert.deepEqual(board.counts, { total: 65, missing: 47, submitted: 7, accepted: 11 });
      assert.equal(board.counties.reduce((n, c) => n + c.total, 0), 65);
      const speakers = new Set((await listSpeakers(ctx, JINCHENG_CLASS_ID)).map((s) => s.unitId));
      assert.ok(board.reports.every((r) => !speakers.has(r.unitId)), 'a township that speaks hands in no written report');
      for (const r of board.reports) {
        assert.equal(r.documents.length, r.status === 'missing' ? 0 : 1, r.unitName);
        if (r.status === 'missing') assert.ok(r.reminders >= 1 && r.remindedAt);
      }
      const accepted = board.reports.find((r) => r.status === 'accepted')!;
      const { row, bytes } = await openDocument(ctx, office, accepted.documents[0]!.id);
      assert.equal(row.media_type, 'application/pdf');
      const pdf = Buffer.concat((await bytes.toArray()) as Buffer[]);
      assert.equal(pdf.length, accepted.documents[0]!.size);
      const pages = await pdfPages(pdf);
      const words = pages[0]!.items.map((i) => i.str).join('');
      assert.ok(words.includes(accepted.unitName), `${accepted.unitName} in ${words.slice(0, 80)}`);
      assert.ok(words.includes('座谈会书面交流材料'));
    });
  });
}
