/**
 * `leitai backup` while the server takes ballots, and `leitai restore` (issue #16 § 4), on the embedded database: the
 * copy is one committed state (every stored ballot's token is used in it, and every receipt returned before the
 * backup began is in it); restore refuses while a server runs; the restored database has the backup's digest; and a
 * server started on it goes on taking ballots.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { checkSqliteFile, readSqliteFile } from '../../src/db/dialect/sqlite-backup.js';
import { databaseDigest } from '../../src/db/repositories/digest.js';
import { prepareSession, runCli, serverData, startServer, type ServerData, type ServerProcess } from '../helpers/server-process.js';
import { ratings } from '../http/fixtures.js';

const SHEETS = 1200;
const BURST = 1000;

async function submit(url: string, token: string): Promise<{ status: number; receipt: string | null }> {
  const res = await fetch(`${url}/api/ballots`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token, ballots: [{ instrumentId: 'i-report', ratings: ratings(1) }] }),
  });
  const body = (await res.json()) as { receipt?: string };
  return { status: res.status, receipt: body.receipt ?? null };
}

describe('backup while serving, and restore (sqlite)', () => {
  let data: ServerData;
  let tokens: string[] = [];
  let server: ServerProcess | null = null;
  const backupFile = () => join(data.dir, 'backup.sqlite');

  before(async () => {
    data = await serverData('sqlite');
    tokens = (await prepareSession(data, SHEETS)).tokens;
  });
  after(async () => {
    await server?.stop();
    await data.remove();
  });

  it('copies one committed state while ballots keep arriving', async (t) => {
    server = await startServer(data);
    const url = server.url;
    const receipts: string[] = [];
    let beforeBackup: string[] | null = null;
    let backup: Promise<{ code: number; stdout: string; stderr: string }> | null = null;
    let next = 0;
    const worker = async () => {
      while (next < BURST) {
        const i = next++;
        const answer = await submit(url, tokens[i]!);
        assert.equal(answer.status, 201);
        receipts.push(answer.receipt!);
        if (!backup && receipts.length >= 200) {
          beforeBackup = [...receipts];
          backup = runCli(data, ['backup', backupFile()]);
        }
      }
    };
    await Promise.all(Array.from({ length: 16 }, worker));
    const done = await backup!;
    assert.equal(done.code, 0, done.stderr);
    t.diagnostic(done.stdout.trim());

    assert.equal(checkSqliteFile(backupFile()).ok, true);
    await readSqliteFile(backupFile(), async (db) => {
      const stored = (await sql<{ receipt: string }>`select receipt from ballot_contents`.execute(db)).rows.map((r) => r.receipt);
      const used = (await sql<{ n: number }>`select count(*) as n from tokens where status = 'used'`.execute(db)).rows[0]!.n;
      t.diagnostic(`the backup holds ${stored.length} of ${BURST} ballots`);
      assert.equal(used, stored.length, 'every stored ballot’s token is used, and no other: one committed state');
      const have = new Set(stored);
      assert.deepEqual(beforeBackup!.filter((r) => !have.has(r)), [], 'receipts returned before the backup began are in it');
    });
  });

  it('refuses to restore under a running server, and leaves its database serving', async () => {
    const refused = await runCli(data, ['restore', backupFile()]);
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /stop it before restoring/);
    assert.equal((await submit(server!.url, tokens[BURST]!)).status, 201);
  });

  it('restores the backup’s exact rows once the server stopped, and a server on it takes ballots', async () => {
    await server!.stop();
    server = null;
    const wanted = await readSqliteFile(backupFile(), (db) => databaseDigest(db, 'sqlite'));
    const restored = await runCli(data, ['restore', backupFile()]);
    assert.equal(restored.code, 0, restored.stderr);
    assert.match(restored.stdout, new RegExp(wanted.sha256));
    assert.match(restored.stdout, /previous database was moved to/);

    server = await startServer(data);
    const fresh = tokens.slice(BURST + 1, BURST + 21);
    for (const token of fresh) assert.equal((await submit(server.url, token)).status, 201);
    await server.stop();
    server = null;
    const now = await readSqliteFile(join(data.dir, 'leitai.sqlite'), (db) => databaseDigest(db, 'sqlite'));
    assert.equal(now.rows.ballots, wanted.rows.ballots! + fresh.length);
  });
});
