/**
 * Issue #17 § 4: the published ballot chains let `leitai tally --verify` name every changed, removed or inserted
 * ballot of an export, by session and ballot id — on a real export of a published campaign, on both engines.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { exportBundle } from '../../src/app/bundle/export-bundle.js';
import { createAppContext, type AppContext } from '../../src/app/context.js';
import { loadDemo } from '../../src/app/demo/load-demo.js';
import { chainHead } from '../../src/app/kernel/ballot-chain.js';
import type { Actor } from '../../src/app/policies/roles.js';
import { getNotice } from '../../src/app/results/get-notice.js';
import { publishResults } from '../../src/app/results/publish-results.js';
import { renderNotice } from '../../src/http/pages/notice-html.js';
import type { ExportedBundle } from '../../src/contracts/bundle.js';
import { getPublication, listPublicationChains } from '../../src/db/repositories/publications.js';
import { createTestDb, dialects } from '../helpers/db.js';

const run = promisify(execFile);
const BIN = new URL('../../bin/leitai.js', import.meta.url).pathname;
const DEMO = 'jincheng-2022-06';
const office: Actor = { id: 'a-1', name: '办公室', role: 'organiser', unitId: null };

type Failure = { code?: number; stderr?: string };

for (const kind of dialects()) {
  describe(`leitai tally --verify names every changed, removed or inserted ballot (${kind})`, () => {
    let ctx: AppContext;
    let dir = '';
    let bundle: ExportedBundle;
    before(async () => {
      ctx = createAppContext(await createTestDb(kind), { clock: () => new Date('2026-12-04T08:00:00Z') });
      await loadDemo(ctx);
      await publishResults(ctx, office, DEMO, { noticeDate: '2022-06-20', objectionDays: 5, issuer: '中共晋城市委组织部' });
      bundle = JSON.parse(JSON.stringify(await exportBundle(ctx, DEMO))) as ExportedBundle;
      dir = await mkdtemp(join(tmpdir(), 'leitai-verify-'));
    });
    after(async () => {
      await ctx.database.close();
      await rm(dir, { recursive: true, force: true });
    });

    const write = async (name: string, content: unknown): Promise<string> => {
      const file = join(dir, name);
      await writeFile(file, JSON.stringify(content));
      return file;
    };

    it('stores each session’s chain head with the publication and exports that board', async () => {
      const publication = (await getPublication(ctx.database.db, DEMO))!;
      const chains = await listPublicationChains(ctx.database.db, publication.id);
      assert.ok(chains.length >= 2);
      assert.equal(chains.reduce((n, c) => n + c.ballotCount, 0), bundle.ballots.length);
      for (const c of chains) assert.equal(c.head, chainHead(c.sessionId, c.board.map(([, h]) => h)));
      assert.equal(bundle.board.publication?.id, publication.id);
      assert.deepEqual(
        bundle.board.sessions.map((s) => s.head).sort(),
        chains.map((c) => c.head).sort(),
      );
      // The notice shows the same heads, by session name, for anyone to compare with a verifier's output.
      const notice = await getNotice(ctx, DEMO);
      assert.deepEqual(
        notice.ballotChains.map((c) => [c.head, c.ballotCount]).sort(),
        chains.map((c) => [c.head, c.ballotCount]).sort(),
      );
      assert.ok(notice.ballotChains.some((c) => c.name === '县（市、区）委书记汇报点评会'));
      const html = renderNotice(notice);
      for (const c of chains) assert.ok(html.includes(c.head), 'the printed notice carries every head');
      // Stored append-only, like the publication itself.
      await assert.rejects(sql`DELETE FROM publication_chains`.execute(ctx.database.db), /append-only/);
      await assert.rejects(sql`UPDATE publication_chains SET head = 'x'`.execute(ctx.database.db), /append-only/);
    });

    it('verifies the export as it is, printing the heads to compare with the notice', async () => {
      const { stderr } = await run(process.execPath, [BIN, 'tally', await write('as-is.json', bundle), '--format', 'json', '--verify']);
      assert.match(stderr, new RegExp(`${bundle.ballots.length} 张选票与选票公告板`));
      assert.match(stderr, /完全一致/);
      for (const s of bundle.board.sessions) assert.ok(stderr.includes(s.head), `head of ${s.sessionId} printed`);
    });

    it('names one edited, one removed and one inserted ballot, by session and ballot id', async () => {
      const tampered = structuredClone(bundle);
      const ballots = tampered.ballots;
      // Edit a valid online 汇报评 ballot: one grade changed.
      const edited = ballots.find((b) => b.channel === 'online' && b.ratings.some((r) => r.grade !== undefined && r.grade !== 'good'))!;
      const rating = edited.ratings.find((r) => r.grade !== undefined && r.grade !== 'good')!;
      rating.grade = 'good';
      // Remove another.
      const removedAt = ballots.findIndex((b) => b.id !== edited.id && b.sessionId !== null);
      const [removed] = ballots.splice(removedAt, 1);
      // Insert a copy of a third under a new id.
      const source = ballots.find((b) => b.id !== edited.id)!;
      const inserted = { ...structuredClone(source), id: `${source.id}-x`, sheetId: `${source.sheetId}-x` };
      ballots.push(inserted);

      const file = await write('tampered.json', tampered);
      await assert.rejects(run(process.execPath, [BIN, 'tally', file, '--format', 'json', '--verify']), (e: Failure) => {
        assert.equal(e.code, 2);
        const err = e.stderr ?? '';
        const sessionName = (id: string | null) => bundle.definition.sessions.find((s) => s.id === id)!.name;
        assert.match(err, new RegExp(`测评会「${sessionName(edited.sessionId)}」（${edited.sessionId}）的选票 ${edited.id} 被修改`));
        assert.match(err, new RegExp(`ballot ${edited.id} changed`));
        assert.match(err, new RegExp(`测评会「${sessionName(removed!.sessionId)}」（${removed!.sessionId}）的选票 ${removed!.id} 被删除`));
        assert.match(err, new RegExp(`ballot ${removed!.id} removed`));
        assert.match(err, new RegExp(`的选票 ${inserted.id} 被插入`));
        assert.match(err, new RegExp(`ballot ${inserted.id} inserted`));
        assert.match(err, /3 张选票有变动/);
        return true;
      });
    });

    it('catches a board edited to hide a change: its head no longer matches', async () => {
      const tampered = structuredClone(bundle);
      const session = tampered.board.sessions[0]!;
      const victim = tampered.ballots.find((b) => b.id === session.ballots[0]!.id)!;
      victim.ratings = victim.ratings.map((r) => (r.abstain ? r : { ...r }));
      session.ballots[0] = { ...session.ballots[0]!, hash: 'f'.repeat(64) };
      await assert.rejects(run(process.execPath, [BIN, 'tally', await write('board.json', tampered), '--verify']), (e: Failure) => {
        assert.equal(e.code, 2);
        assert.match(e.stderr ?? '', /公告板上的(选票哈希与链头不符|选票未按链的顺序排列)/);
        return true;
      });
    });
  });
}
