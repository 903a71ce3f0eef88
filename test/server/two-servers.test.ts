/**
 * Two servers on one PostgreSQL (issue #16 § 1), as an operator runs them behind a load balancer: real processes,
 * plain HTTP. A ballot submitted on A reaches B's big-screen stream and B's results within a second; closing the
 * session on A makes B refuse the next ballot; publishing on A shows the notice on B; and killing A with SIGKILL leaves
 * B serving, with every ballot A acknowledged counted. PostgreSQL only: SQLite is one server by design.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { dialects } from '../helpers/db.js';
import { prepareSession, serverData, startServer, type ServerData, type ServerProcess } from '../helpers/server-process.js';
import { ratings } from '../http/fixtures.js';

interface Board {
  participation: { returned: number } | null;
  session: { status: string };
}

/** Reads a server-sent event stream, keeping the latest `board` event. */
async function watchBoard(url: string): Promise<{ latest(): Board | null; waitFor(test: (b: Board) => boolean, ms: number): Promise<number>; close(): void }> {
  const controller = new AbortController();
  const res = await fetch(url, { signal: controller.signal, headers: { accept: 'text/event-stream' } });
  assert.equal(res.status, 200);
  let latest: Board | null = null;
  const waiters = new Set<() => void>();
  void (async () => {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const event = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = event.split('\n').filter((l) => l.startsWith('data:')).map((l) => l.slice(5).trim()).join('\n');
          if (/^event: ?board/m.test(event) && data) {
            latest = JSON.parse(data) as Board;
            for (const w of waiters) w();
          }
        }
      }
    } catch {
      // aborted
    }
  })();
  return {
    latest: () => latest,
    waitFor: (test, ms) => {
      const started = Date.now();
      return new Promise((resolve, reject) => {
        const check = () => {
          if (latest && test(latest)) {
            waiters.delete(check);
            clearTimeout(timer);
            resolve(Date.now() - started);
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`not seen within ${ms} ms; latest ${JSON.stringify(latest)}`));
        }, ms);
        waiters.add(check);
        check();
      });
    },
    close: () => controller.abort(),
  };
}

async function json<T>(url: string, init: RequestInit = {}): Promise<{ status: number; body: T }> {
  const res = await fetch(url, init);
  return { status: res.status, body: (await res.json()) as T };
}

if (dialects().includes('postgres')) {
  describe('two servers on one PostgreSQL', () => {
    let data: ServerData;
    let a: ServerProcess;
    let b: ServerProcess;
    let tokens: string[] = [];
    let sessionId = '';
    let bearer = '';
    const auth = () => ({ authorization: `Bearer ${bearer}` });
    const ballot = (url: string, token: string) =>
      json<{ receipt?: string; error?: { code: string } }>(`${url}/api/ballots`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ token, ballots: [{ instrumentId: 'i-report', ratings: ratings(1) }] }),
      });
    const returnedOn = async (url: string) => {
      const res = await json<{ sessions: { sessionId: string; returned: number }[] }>(`${url}/api/campaigns/camp1/results`, { headers: auth() });
      assert.equal(res.status, 200);
      return res.body.sessions.find((s) => s.sessionId === sessionId)?.returned ?? 0;
    };

    before(async () => {
      data = await serverData('postgres');
      ({ tokens, sessionId, bearer } = await prepareSession(data, 60));
      [a, b] = await Promise.all([startServer(data), startServer(data)]);
    });
    after(async () => {
      await Promise.all([a?.stop(), b?.stop()]);
      await data.remove();
    });

    it('shows a ballot submitted on A on B’s big screen and in B’s results within a second', async (t) => {
      const key = await json<{ key: string }>(`${b.url}/api/sessions/${sessionId}/screen-keys`, { method: 'POST', headers: auth() });
      assert.equal(key.status, 201);
      const screen = await watchBoard(`${b.url}/api/sessions/${sessionId}/screen/events?key=${encodeURIComponent(key.body.key)}`);
      try {
        await screen.waitFor((board) => board.participation?.returned === 0, 5000);
        assert.equal(await returnedOn(b.url), 0, 'B computes (and keeps) its results before the ballots');
        for (const token of tokens.slice(0, 20)) assert.equal((await ballot(a.url, token)).status, 201);
        const sent = Date.now();
        const onScreen = await screen.waitFor((board) => board.participation?.returned === 20, 1000);
        let inResults = -1;
        while (Date.now() - sent < 1000) {
          if ((await returnedOn(b.url)) === 20) {
            inResults = Date.now() - sent;
            break;
          }
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        t.diagnostic(`B's screen showed 20 after ${onScreen} ms, B's results after ${inResults} ms`);
        assert.ok(inResults >= 0, 'B’s results show the 20 ballots within 1 s');
      } finally {
        screen.close();
      }
    });

    it('listens again after its listening connection is cut, and hears the next ballots', async (t) => {
      const admin = new pg.Client({ connectionString: data.env.DATABASE_URL });
      await admin.connect();
      try {
        const cut = await admin.query(`select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'leitai-listener' and datname = current_database()`);
        assert.equal(cut.rowCount, 2, 'each server holds one listening connection');
        const started = Date.now();
        let listening = 0;
        while (Date.now() - started < 5000) {
          listening = Number((await admin.query(`select count(*) as n from pg_stat_activity where application_name = 'leitai-listener' and datname = current_database()`)).rows[0].n);
          if (listening === 2) break;
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        assert.equal(listening, 2, 'both servers listen again');
        t.diagnostic(`both listening again after ${Date.now() - started} ms`);
      } finally {
        await admin.end();
      }
      for (const token of tokens.slice(20, 25)) assert.equal((await ballot(a.url, token)).status, 201);
      const sent = Date.now();
      while ((await returnedOn(b.url)) !== 25) {
        assert.ok(Date.now() - sent < 1000, 'B’s results show the new ballots within 1 s');
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    });

    it('makes B refuse the next ballot once A closed the session', async () => {
      const closed = await json(`${a.url}/api/sessions/${sessionId}/close`, { method: 'POST', headers: auth() });
      assert.equal(closed.status, 200, JSON.stringify(closed.body));
      const refused = await ballot(b.url, tokens[30]!);
      assert.equal(refused.status, 409);
      assert.equal(refused.body.error?.code, 'session_not_open');
    });

    it('shows on B the notice published on A', async () => {
      assert.equal((await fetch(`${b.url}/api/notices/camp1`)).status, 404);
      const published = await json(`${a.url}/api/campaigns/camp1/publish`, {
        method: 'POST',
        headers: { ...auth(), 'content-type': 'application/json' },
        body: JSON.stringify({ noticeDate: '2026-06-20', objectionDays: 5, issuer: '测试市委组织部' }),
      });
      assert.equal(published.status, 201, JSON.stringify(published.body));
      const notice = await json<{ resultsHash: string }>(`${b.url}/api/notices/camp1`);
      assert.equal(notice.status, 200);
      assert.equal(notice.body.resultsHash, (published.body as { resultsHash?: string }).resultsHash ?? notice.body.resultsHash);
      assert.equal((await fetch(`${b.url}/notice/camp1`)).status, 200);
    });

    it('keeps B serving after A is killed, with everything A acknowledged', async () => {
      await a.kill();
      assert.equal(await returnedOn(b.url), 25);
      assert.equal((await fetch(`${b.url}/healthz`)).status, 200);
    });
  });
}
