import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { BallotWriter, createBallotWriter } from '../../src/app/kernel/ballot-writer.js';
import type { Database } from '../../src/db/database.js';
import { countBallots, findBallotsBySheets } from '../../src/db/repositories/ballots.js';
import { updateSessionStatus } from '../../src/db/repositories/sessions.js';
import { storeSheets } from '../../src/db/repositories/store-sheets.js';
import type { SheetToStore } from '../../src/db/records.js';
import { listTokens, revokeToken } from '../../src/db/repositories/tokens.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { createTestDb, dialects, issueSmallCampaignTokens, NOW, reportBallot, seedSmallCampaign } from '../helpers/db.js';
import { CITY, COUNTIES, ratings, setup } from '../http/fixtures.js';

let seq = 0;
/** A one-ballot sheet on the small campaign; `variant` changes its content, `receipt` its receipt. */
function sheet(sheetId: string, variant = 0, options: { tokenId?: string | null; receipt?: string; session?: string | null } = {}): SheetToStore {
  const ballot = { ...reportBallot(sheetId, variant), receipt: options.receipt ?? `R${++seq}` };
  return { sheetId, ballots: [ballot], tokenId: options.tokenId ?? null, requireOpenSession: options.session === undefined ? 'sess-1' : options.session };
}

for (const kind of dialects()) {
  describe(`ballot writer: group commit (${kind})`, () => {
    let database: Database;
    const stored = () => countBallots(database.db, { campaignId: 'c-1' });

    before(async () => {
      database = await createTestDb(kind);
      await seedSmallCampaign(database);
      assert.ok(await updateSessionStatus(database.db, 'sess-1', 'draft', 'open', NOW));
      await issueSmallCampaignTokens(database, 10);
    });
    after(() => database.close());

    it('stores concurrent sheets in one transaction and acknowledges each', async () => {
      const writer = new BallotWriter(database.db);
      const before = await stored();
      const results = await Promise.all(Array.from({ length: 30 }, (_, i) => writer.submit(sheet(`batch-${i}`))));
      assert.ok(results.every((r) => r.status === 'stored'));
      assert.equal(await stored(), before + 30);
      assert.equal(writer.stats!.flushes, 1);
      assert.equal(writer.stats!.largestFlush, 30);
    });

    it('gives the ballots of one commit ids under one random key, and the next commit another key', async () => {
      const writer = new BallotWriter(database.db);
      const together = ['key-a', 'key-b', 'key-c'];
      await Promise.all(together.map((id) => writer.submit(sheet(id))));
      await writer.submit(sheet('key-later'));
      const stored = await findBallotsBySheets(database.db, [...together, 'key-later']);
      const ids = [...together, 'key-later'].map((id) => stored.get(id)![0]!.id);
      for (const id of ids) assert.match(id, /^b_[0-9a-f]{24}$/);
      const key = (id: string) => id.slice(2, 10);
      assert.deepEqual(new Set(ids.slice(0, 3).map(key)).size, 1, 'one key for the three sheets of one commit');
      assert.notEqual(key(ids[3]!), key(ids[0]!), 'a new key for the next commit');
      assert.equal(new Set(ids).size, 4, 'each ballot its own id');
    });

    it('stores two identical sheets of one batch once (the second gets the first receipt) and refuses a different third', async () => {
      const writer = new BallotWriter(database.db);
      const before = await stored();
      const [a, b, c] = await Promise.all([
        writer.submit(sheet('same', 0, { receipt: 'FIRST' })),
        writer.submit(sheet('same', 0, { receipt: 'SECOND' })),
        writer.submit(sheet('same', 1, { receipt: 'THIRD' })),
      ]);
      assert.deepEqual(a, { status: 'stored', receipt: 'FIRST' });
      assert.deepEqual(b, { status: 'duplicate', receipt: 'FIRST' });
      assert.deepEqual(c, { status: 'conflict' });
      assert.equal(writer.stats!.flushes, 1);
      assert.equal(await stored(), before + 1);
      // A later re-send answers like the batch did.
      assert.deepEqual(await writer.submit(sheet('same', 0, { receipt: 'LATER' })), { status: 'duplicate', receipt: 'FIRST' });
    });

    it('lets one token be claimed once in a batch, marking it used with the stored receipt', async () => {
      const writer = new BallotWriter(database.db);
      const results = await Promise.all([
        writer.submit(sheet('claim-a', 0, { tokenId: 'tok-1', receipt: 'CLAIM-A' })),
        writer.submit(sheet('claim-b', 0, { tokenId: 'tok-1', receipt: 'CLAIM-B' })),
      ]);
      assert.deepEqual(results, [{ status: 'stored', receipt: 'CLAIM-A' }, { status: 'refused', reason: 'token_used' }]);
      const token = (await listTokens(database.db, 'sess-1')).find((t) => t.id === 'tok-1')!;
      assert.equal(token.status, 'used');
      assert.equal(token.receipt, 'CLAIM-A');
    });

    it('decides a batch of token sheets with different fates as it would decide each alone', async () => {
      // On PostgreSQL such a batch (every sheet with its own token) is stored by one statement and the rest decided
      // after it; on SQLite in one transaction. The answers are the same.
      const writer = new BallotWriter(database.db);
      assert.equal((await writer.submit(sheet('fate-resent', 0, { tokenId: 'tok-2', receipt: 'FATE-FIRST' }))).status, 'stored');
      assert.ok(await revokeToken(database.db, 'tok-8'));
      const before = await stored();
      const results = await Promise.all([
        writer.submit(sheet('fate-new', 0, { tokenId: 'tok-3', receipt: 'FATE-NEW' })),
        writer.submit(sheet('fate-resent', 0, { tokenId: 'tok-2', receipt: 'FATE-AGAIN' })),
        writer.submit(sheet('fate-closed', 0, { tokenId: 'tok-4', session: 'no-such-session' })),
        writer.submit(sheet('fate-revoked', 0, { tokenId: 'tok-8' })),
        writer.submit(sheet('fate-new-2', 1, { tokenId: 'tok-9', receipt: 'FATE-NEW-2' })),
      ]);
      assert.equal(writer.stats!.largestFlush, 5, 'one batch');
      assert.deepEqual(results, [
        { status: 'stored', receipt: 'FATE-NEW' },
        { status: 'duplicate', receipt: 'FATE-FIRST' },
        { status: 'refused', reason: 'session_not_open' },
        { status: 'refused', reason: 'token_used' },
        { status: 'stored', receipt: 'FATE-NEW-2' },
      ]);
      assert.equal(await stored(), before + 2);
      const tokens = new Map((await listTokens(database.db, 'sess-1')).map((t) => [t.id, t]));
      assert.deepEqual([tokens.get('tok-3')!.status, tokens.get('tok-3')!.receipt], ['used', 'FATE-NEW']);
      assert.deepEqual([tokens.get('tok-4')!.status, tokens.get('tok-4')!.receipt], ['issued', null]);
      assert.equal(tokens.get('tok-8')!.status, 'revoked');
      // What was stored is the sheet as sent, contents included.
      const back = (await findBallotsBySheets(database.db, ['fate-new-2'])).get('fate-new-2')![0]!;
      const sent = sheet('fate-new-2', 1).ballots[0]!;
      assert.deepEqual(back.ratings, sent.ratings);
      assert.equal(back.contentHash, sent.contentHash);
      assert.deepEqual(back.packed && [...back.packed], sent.packed && [...sent.packed]);
    });

    it('stores a sheet once when two batches carrying it run at the same time', async () => {
      // Two transactions (PostgreSQL: two statements on two connections) claim one token: one stores, the other
      // waits for its lock and answers like a re-send.
      const before = await stored();
      const both = await Promise.all([
        storeSheets(database.db, [sheet('race', 0, { tokenId: 'tok-0', receipt: 'RACE-A' })]),
        storeSheets(database.db, [sheet('race', 0, { tokenId: 'tok-0', receipt: 'RACE-B' })]),
      ]);
      const answers = both.map((r) => r[0]!).sort((x, y) => x.status.localeCompare(y.status));
      assert.deepEqual(answers.map((a) => a.status), ['duplicate', 'stored']);
      assert.equal((answers[0] as { receipt: string }).receipt, (answers[1] as { receipt: string }).receipt);
      assert.equal(await stored(), before + 1);
    });

    it('decides a sheet whose first copy in the batch was refused on its own merits', async () => {
      const writer = new BallotWriter(database.db);
      // The first copy claims a token already used above; the second copy carries no token and is stored.
      const results = await Promise.all([writer.submit(sheet('retry', 0, { tokenId: 'tok-1' })), writer.submit(sheet('retry', 0, { receipt: 'RETRY-2' }))]);
      assert.deepEqual(results, [{ status: 'refused', reason: 'token_used' }, { status: 'stored', receipt: 'RETRY-2' }]);
    });

    it('refuses new sheets of a session that is not open, in the storing transaction', async () => {
      const writer = new BallotWriter(database.db);
      const result = await writer.submit(sheet('closed', 0, { session: 'no-such-session' }));
      assert.deepEqual(result, { status: 'refused', reason: 'session_not_open' });
    });

    it('does not let a failing sheet take down the rest of its batch', async () => {
      const writer = new BallotWriter(database.db);
      const before = await stored();
      const good = Array.from({ length: 5 }, (_, i) => sheet(`survivor-${i}`));
      const bad = sheet('names-no-instrument');
      bad.ballots[0]!.instrumentId = 'no-such-instrument'; // a foreign key the database refuses: the batch's insert fails
      const settled = await Promise.allSettled([good[0], bad, ...good.slice(1)].map((s) => writer.submit(s!)));
      assert.deepEqual(settled.map((s) => s.status), ['fulfilled', 'rejected', 'fulfilled', 'fulfilled', 'fulfilled', 'fulfilled']);
      assert.equal(await stored(), before + 5);
    });

    if (kind === 'sqlite') {
      it('gives the same answers when batches are committed on a thread of their own', async () => {
        const writer = createBallotWriter(database);
        try {
          const before = await stored();
          const results = await Promise.all([
            ...Array.from({ length: 20 }, (_, i) => writer.submit(sheet(`thread-${i}`))),
            writer.submit(sheet('thread-0', 0, { receipt: 'COPY' })),
            writer.submit(sheet('thread-1', 1)),
            writer.submit(sheet('thread-x', 0, { tokenId: 'tok-1' })),
          ]);
          assert.ok(results.slice(0, 20).every((r) => r.status === 'stored'));
          assert.deepEqual(results.slice(20), [{ status: 'duplicate', receipt: (results[0] as { receipt: string }).receipt }, { status: 'conflict' }, { status: 'refused', reason: 'token_used' }]);
          assert.equal(await stored(), before + 20);
          // What crossed to the thread as flat text is stored as it was cast: ratings, hash, receipt, packed bytes.
          const sent = sheet('thread-5').ballots[0]!;
          const back = (await findBallotsBySheets(database.db, ['thread-5'])).get('thread-5')![0]!;
          assert.deepEqual(back.ratings, sent.ratings);
          assert.equal(back.contentHash, sent.contentHash);
          assert.equal(back.receipt, (results[5] as { receipt: string }).receipt);
          assert.deepEqual(back.packed && [...back.packed], sent.packed && [...sent.packed]);
          // A sheet that fails in the thread fails alone, with the database's error.
          const bad = sheet('thread-bad');
          bad.ballots[0]!.instrumentId = 'no-such-instrument';
          const [ok, failed] = await Promise.allSettled([writer.submit(sheet('thread-good')), writer.submit(bad)]);
          assert.equal(ok.status === 'fulfilled' && ok.value.status, 'stored');
          assert.equal(failed.status, 'rejected');
        } finally {
          await writer.close();
        }
      });
    }

    if (kind === 'postgres') {
      it('with two transactions in flight, stores a sheet once and lets a token be claimed once', async () => {
        // The first batch holds its transaction open until the second has started and run into it.
        let first = true;
        let overlapped = false;
        const writer: BallotWriter = createBallotWriter(database, {
          concurrency: 2,
          beforeCommit: async () => {
            if (!first) return;
            first = false;
            await new Promise((r) => setTimeout(r, 150));
            overlapped = writer.stats!.flushes === 2;
          },
        });
        const turn = () => new Promise((r) => setImmediate(r));
        const before = await stored();
        const a = [writer.submit(sheet('pair-same', 0, { receipt: 'PAIR-1' })), writer.submit(sheet('pair-tok-a', 0, { tokenId: 'tok-7' }))];
        await turn();
        const b = [writer.submit(sheet('pair-same', 0, { receipt: 'PAIR-2' })), writer.submit(sheet('pair-tok-b', 0, { tokenId: 'tok-7' }))];
        const [sameA, tokA, sameB, tokB] = await Promise.all([...a, ...b]);
        assert.equal(writer.stats!.flushes, 2, 'two batches');
        assert.ok(overlapped, 'the second batch started before the first committed');
        // Whichever committed first stored; the other got the answer of a re-send.
        const same = [sameA!, sameB!].sort((x, y) => x.status.localeCompare(y.status));
        assert.deepEqual(same.map((r) => r.status), ['duplicate', 'stored']);
        assert.equal((same[0] as { receipt: string }).receipt, (same[1] as { receipt: string }).receipt);
        assert.deepEqual([tokA!.status, tokB!.status].sort(), ['refused', 'stored']);
        assert.equal(await stored(), before + 2);
        await writer.close();
      });
    }

    it('acknowledges nothing when the commit fails, and stores nothing', async () => {
      const writer = new BallotWriter(database.db, {
        beforeCommit: async () => {
          throw new Error('disk full');
        },
      });
      const before = await stored();
      const settled = await Promise.allSettled([
        writer.submit(sheet('lost-1', 0, { tokenId: 'tok-5' })),
        writer.submit(sheet('lost-2', 0, { tokenId: 'tok-6' })),
      ]);
      assert.deepEqual(settled.map((s) => s.status), ['rejected', 'rejected']);
      assert.equal(await stored(), before);
      const tokens = await listTokens(database.db, 'sess-1');
      assert.deepEqual(tokens.filter((t) => t.id === 'tok-5' || t.id === 'tok-6').map((t) => t.status), ['issued', 'issued']);
    });

    it('retries the sheets of a failed commit one by one, acknowledging each after its own commit', async () => {
      let commits = 0;
      let failures = 1;
      const writer = new BallotWriter(database.db, {
        beforeCommit: async () => {
          if (failures-- > 0) throw new Error('transient');
          commits++;
        },
      });
      const acks: number[] = [];
      await Promise.all([0, 1, 2].map((i) => writer.submit(sheet(`again-${i}`)).then(() => acks.push(commits))));
      // The batch failed once; the retries committed one sheet each, and no acknowledgement came before them.
      assert.equal(commits, 3);
      assert.deepEqual(acks, [3, 3, 3]);
      assert.deepEqual(writer.stats, { flushes: 1, items: 3, largestFlush: 3 });
    });
  });

  describe(`concurrent submissions over the API (${kind})`, () => {
    let t: TestApp;
    let tokens: { token: string }[] = [];
    const count = () => countBallots(t.ctx.database.db, { campaignId: 'camp1' });
    const post = (token: string, good: number) =>
      t.call(null, { method: 'POST', url: '/api/ballots', payload: { token, ballots: [{ instrumentId: 'i-report', ratings: ratings(good) }] } });

    before(async () => {
      t = await buildTestApp(kind);
      assert.equal((await t.call('organiser', { method: 'POST', url: '/api/units', payload: { units: [CITY, ...COUNTIES] } })).statusCode, 201);
      assert.equal((await t.call('organiser', { method: 'POST', url: '/api/campaigns', payload: setup() })).statusCode, 201);
      const session = await t.call('organiser', { method: 'POST', url: '/api/campaigns/camp1/sessions', payload: { name: '汇报点评会', instrumentIds: ['i-report'], expected: { 'g-office': 40 } } });
      assert.equal((await t.call('organiser', { method: 'POST', url: `/api/sessions/${session.json().id}/open` })).statusCode, 200);
      tokens = (await t.call('clerk', { method: 'POST', url: `/api/sessions/${session.json().id}/tokens`, payload: { raterGroupId: 'g-office', count: 40 } })).json();
    });
    after(() => t.close());
    let counted = 0;
    beforeEach(async () => void (counted = await count()));

    it('stores concurrent identical submissions once, all answered with the first receipt', async () => {
      const answers = await Promise.all(Array.from({ length: 8 }, () => post(tokens[0]!.token, 2)));
      assert.deepEqual(answers.map((a) => a.statusCode).sort(), [200, 200, 200, 200, 200, 200, 200, 201]);
      assert.equal(new Set(answers.map((a) => a.json().receipt)).size, 1);
      assert.equal(await count(), counted + 1);
    });

    it('stores exactly one of different contents sent concurrently on one token; the others are token_used', async () => {
      const answers = await Promise.all([0, 1, 2, 0, 1, 2].map((good) => post(tokens[1]!.token, good)));
      const created = answers.filter((a) => a.statusCode === 201);
      assert.equal(created.length, 1);
      for (const a of answers.filter((x) => x.statusCode !== 201)) {
        // A copy of the stored content is a re-send (200, same receipt); any other content is refused.
        if (a.statusCode === 200) assert.equal(a.json().receipt, created[0]!.json().receipt);
        else assert.equal(a.json().error.code, 'token_used', a.body);
      }
      assert.equal(await count(), counted + 1);
    });

    it('acknowledges many raters at once with one receipt each, every acknowledged ballot stored', async () => {
      const answers = await Promise.all(tokens.slice(2).map((tk) => post(tk.token, 1)));
      assert.ok(answers.every((a) => a.statusCode === 201));
      assert.equal(new Set(answers.map((a) => a.json().receipt)).size, answers.length);
      assert.equal(await count(), counted + answers.length);
      const stats = t.ctx.ballotWriter.stats!;
      assert.ok(stats.largestFlush > 1, `expected shared commits, got ${JSON.stringify(stats)}`);
    });
  });
}
