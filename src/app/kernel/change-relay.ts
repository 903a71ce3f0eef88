/**
 * 跨服务器变更通知: several servers on one PostgreSQL see each other's changes. What this server commits (ballots,
 * check-ins) is announced on the `leitai_changes` channel; what the others announce is fired on this server's own
 * feeds, so the results cache, the big screen and the attendance streams react as to a local change. Payloads carry
 * ids only (which sessions, which ballots, which lessons), never content: change-announcement.ts writes and reads them.
 * With the ids of the ballots stored, another server reads exactly those rows instead of counting the session to
 * find them.
 *
 * A burst of ballots is announced in coalesced notifications (one window per FLUSH_MS, split only where its ids do
 * not fit in one payload), so 10,000 sheets a second (20,000 ballot ids) cost about a hundred NOTIFYs, not 10,000.
 * The notification is sent after the commit: if a server dies in between, the others hear of those ballots with the
 * next change (the results cache still counts a session now and then: results-cache.ts), a listener's reconnect, or
 * the live streams' periodic refresh —
 * and every cached tally is checked against a fresh read of the set-up, so nothing stale is ever published (the
 * publication is computed from the ballots in the database).
 *
 * After the listening connection was lost and came back, notifications sent meanwhile are gone: the relay drops every
 * cached tally and definition and asks every live stream to refresh.
 */
import { randomBytes } from 'node:crypto';
import type { Db } from '../../db/database.js';
import { notify, NOTIFY_PAYLOAD_MAX, PgListener, type ListenerState } from '../../db/dialect/index.js';
import type { BallotFeed, BallotsStored } from './ballot-feed.js';
import { readAnnouncement, writeAnnouncement, type SessionChange } from './change-announcement.js';
import type { CheckinFeed } from './checkin-feed.js';

export const CHANGES_CHANNEL = 'leitai_changes';
const FLUSH_MS = 20;
/** More sessions than this in one window: announced as "every session". */
const MAX_SESSIONS = 200;
/**
 * More ballots than this in one window: announced by session only (the others count them). ~19 bytes an id: at most
 * ~10 payloads a window, 100,000 ballots a second and more before ids are left out.
 */
const MAX_IDS = 4000;

export interface ChangeRelayOptions {
  db: Db;
  /** The direct (not transaction-pooled) address the listening connection uses. */
  listenUrl: string;
  ballotFeed: BallotFeed;
  checkinFeed: CheckinFeed;
  /** Drops every cache (after a reconnect). */
  refreshAll(): void;
  log: { warn(obj: object, msg: string): void };
}

export class ChangeRelay {
  readonly origin = randomBytes(8).toString('base64url');
  readonly #options: ChangeRelayOptions;
  readonly #listener: PgListener;
  /** Sessions whose ballots changed in this window, with the ids stored (null: not all known); 'every': all of them. */
  #sessions: Map<string, { ids: string[] | null; revised: boolean }> | 'every' = new Map();
  #ids = 0;
  readonly #lessons = new Map<string, [string, string]>();
  #timer: NodeJS.Timeout | null = null;
  #flushing: Promise<void> = Promise.resolve();
  readonly #unsubscribe: (() => void)[] = [];

  constructor(options: ChangeRelayOptions) {
    this.#options = options;
    this.#listener = new PgListener({
      url: options.listenUrl,
      channel: CHANGES_CHANNEL,
      onMessage: (payload) => this.#receive(payload),
      onReconnect: () => {
        options.log.warn({}, 'change listener reconnected: refreshing every cache');
        options.refreshAll();
        options.ballotFeed.emit({ sessionId: null, remote: true });
      },
      onProblem: (error) => options.log.warn({ err: error }, 'change listener problem'),
    });
  }

  get state(): ListenerState {
    return this.#listener.state;
  }

  async start(): Promise<void> {
    await this.#listener.start();
    this.#unsubscribe.push(
      this.#options.ballotFeed.on((e) => {
        if (e.remote) return;
        this.#collect(e.sessionId, e.revised === true, e.ballots?.map((b) => b.id) ?? null);
        this.#schedule();
      }),
      this.#options.checkinFeed.on((e) => {
        if (e.remote) return;
        this.#lessons.set(`${e.classId}\n${e.lessonId}`, [e.classId, e.lessonId]);
        this.#schedule();
      }),
    );
  }

  /** Sends what is pending, then stops listening. */
  async close(): Promise<void> {
    for (const off of this.#unsubscribe.splice(0)) off();
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    await this.#flush();
    await this.#listener.close();
  }

  #schedule(): void {
    this.#timer ??= setTimeout(() => {
      this.#timer = null;
      void this.#flush();
    }, FLUSH_MS);
  }

  #collect(sessionId: string | null, revised: boolean, ids: string[] | null): void {
    const sessions = this.#sessions;
    if (sessions === 'every') return;
    if (sessionId === null || (!sessions.has(sessionId) && sessions.size >= MAX_SESSIONS)) {
      this.#sessions = 'every';
      return;
    }
    let change = sessions.get(sessionId);
    if (!change) sessions.set(sessionId, (change = { ids: [], revised: false }));
    change.revised ||= revised;
    if (ids === null || change.ids === null || revised) change.ids = null;
    else {
      for (const id of ids) change.ids.push(id);
      this.#ids += ids.length;
    }
    if (this.#ids > MAX_IDS) for (const c of sessions.values()) c.ids = null;
  }

  #flush(): Promise<void> {
    const sessions = this.#sessions;
    const lessons = [...this.#lessons.values()];
    this.#sessions = new Map();
    this.#ids = 0;
    this.#lessons.clear();
    if (sessions !== 'every' && sessions.size === 0 && lessons.length === 0) return this.#flushing;
    const payloads = writeAnnouncement(this.origin, { ballots: sessions, lessons }, NOTIFY_PAYLOAD_MAX);
    this.#flushing = this.#flushing.then(async () => {
      for (const payload of payloads) {
        await notify(this.#options.db, CHANGES_CHANNEL, payload).catch((error: unknown) => this.#options.log.warn({ err: error }, 'could not announce a change'));
      }
    });
    return this.#flushing;
  }

  #receive(text: string): void {
    const heard = readAnnouncement(text);
    if (heard === null || heard.origin === this.origin) return;
    const feed = this.#options.ballotFeed;
    if (heard.ballots === 'every') feed.emit({ sessionId: null, remote: true });
    else for (const [sessionId, change] of heard.ballots) feed.emit(remoteEvent(sessionId, change));
    for (const [classId, lessonId] of heard.lessons) this.#options.checkinFeed.emit({ classId, lessonId, remote: true });
  }
}

function remoteEvent(sessionId: string, change: SessionChange): BallotsStored {
  if (change.revised) return { sessionId, remote: true, revised: true };
  return change.ids === null ? { sessionId, remote: true } : { sessionId, remote: true, ballotIds: change.ids };
}
