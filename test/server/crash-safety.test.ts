/**
 * Nothing acknowledged is ever lost (issue #16 § 3): a real server process is killed with SIGKILL in the middle of a
 * burst of 2,000 ballots, on each database. After a restart on the same data, every ballot whose receipt had been
 * returned is there — a re-send of it answers its original receipt — and every sheet, re-sent, is stored exactly once.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { countBallots } from '../../src/db/repositories/ballots.js';
import { openDatabase } from '../../src/server/open-database.js';
import { dialects } from '../helpers/db.js';
import { prepareSession, serverData, startServer, type ServerData, type ServerProcess } from '../helpers/server-process.js';
import { ratings } from '../http/fixtures.js';

const SHEETS = 2000;
const IN_FLIGHT = 48;
/** Killed once this many receipts have come back: well inside the burst. */
const KILL_AFTER = 600;

type Answer = { status: number; receipt: string | null; duplicate: boolean } | { status: 'no answer' };

async function submit(url: string, token: string, good: number): Promise<Answer> {
  try {
    const res = await fetch(`${url}/api/ballots`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token, ballots: [{ instrumentId: 'i-report', ratings: ratings(good) }] }),
    });
    const body = (await res.json()) as { receipt?: string; duplicate?: boolean };
    return { status: res.status, receipt: body.receipt ?? null, duplicate: body.duplicate === true };
  } catch {
    return { status: 'no answer' };
  }
}

for (const kind of dialects()) {
  describe(`a server killed mid-burst loses nothing it acknowledged (${kind})`, () => {
    let data: ServerData;
    let tokens: string[] = [];
    let server: ServerProcess | null = null;
    before(async () => {
      data = await serverData(kind);
      tokens = (await prepareSession(data, SHEETS)).tokens;
    });
    after(async () => {
      await server?.stop();
      await data.remove();
    });

    it('answers every acknowledged sheet with its first receipt after a restart, and stores each sheet once', async (t) => {
      server = await startServer(data);
      const first = server;
      const acknowledged = new Map<string, string>();
      const good = (i: number) => i % 3; // 0, 1 or 2 of 7 好: all within the rule
      let next = 0;
      let killed = false;
      let killing: Promise<void> | null = null;
      const worker = async () => {
        while (next < SHEETS) {
          const i = next++;
          const answer = await submit(first.url, tokens[i]!, good(i));
          if (answer.status === 201 && answer.receipt) acknowledged.set(tokens[i]!, answer.receipt);
          else if (answer.status !== 'no answer' && !killed) assert.fail(`sheet ${i}: ${answer.status} before the kill`);
          if (!killed && acknowledged.size >= KILL_AFTER) {
            killed = true;
            killing = first.kill();
          }
          if (killed) return;
        }
      };
      await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
      await killing;
      assert.ok(killed, 'the server was killed during the burst');
      const sent = next;
      t.diagnostic(`${kind}: killed after ${acknowledged.size} receipts, ${sent} sheets sent`);

      server = await startServer(data);
      const again = server;
      // Every acknowledged sheet, re-sent: the receipt it was given before the kill.
      const lost: string[] = [];
      const entries = [...acknowledged];
      for (let i = 0; i < entries.length; i += IN_FLIGHT) {
        await Promise.all(entries.slice(i, i + IN_FLIGHT).map(async ([token, receipt]) => {
          const index = tokens.indexOf(token);
          const answer = await submit(again.url, token, good(index));
          if (answer.status !== 200 || !('receipt' in answer) || answer.receipt !== receipt || !answer.duplicate) lost.push(`${index}: ${JSON.stringify(answer)}`);
        }));
      }
      assert.deepEqual(lost, [], 'acknowledged sheets missing or changed after the kill');

      // The rest, sent (again) now: those stored before the kill without an answer come back as duplicates.
      let stored = 0;
      let recovered = 0;
      for (let i = 0; i < SHEETS; i += IN_FLIGHT) {
        await Promise.all(tokens.slice(i, i + IN_FLIGHT).map(async (token, k) => {
          if (acknowledged.has(token)) return;
          const answer = await submit(again.url, token, good(i + k));
          assert.ok(answer.status === 201 || answer.status === 200, `sheet ${i + k}: ${JSON.stringify(answer)}`);
          if (answer.status === 201) stored++;
          else recovered++;
        }));
      }
      t.diagnostic(`${kind}: after the restart ${stored} stored anew, ${recovered} had been stored before the kill without an answer`);
      assert.ok(recovered <= sent - acknowledged.size, 'only sheets sent before the kill can have been stored before it');

      await again.stop();
      server = null;
      const database = await openDatabase(data.database);
      try {
        assert.equal(await countBallots(database.db, { campaignId: 'camp1' }), SHEETS, 'each sheet stored exactly once');
      } finally {
        await database.close();
      }
    });
  });
}
