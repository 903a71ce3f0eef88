/**
 * 跨服务器变更通知: several servers on one PostgreSQL see each other's changes. What this server commits (ballots,
 * check-ins) is announced on the `leitai_changes` channel; what the others announce is fired on this server's own
 * feeds, so the results cache, the big screen and the attendance streams react as to a local change. Payloads carry
 * ids only (which sessions, which lessons), never content.
 *
 * A burst of ballots is announced in coalesced notifications (at most one per FLUSH_MS), so 10,000 sheets a second
 * cost a few dozen NOTIFYs, not 10,000. The notification is sent after the commit: if a server dies in between, the
 * others hear of those ballots with the next change, a listener's reconnect, or the live streams' periodic refresh —
 * and every cached tally is checked against a fresh read of the set-up, so nothing stale is ever published (the
 * publication is computed from the ballots in the database).
 *
 * After the listening connection was lost and came back, notifications sent meanwhile are gone: the relay drops every
 * cached tally and definition and asks every live stream to refresh.
 */
import { randomBytes } from 'node:crypto';
import type { Db } from '../../db/database.js';
import { notify, NOTIFY_PAYLOAD_MAX, PgListener, type ListenerState } from '../../db/dialect/index.js';
import type { BallotFeed } from './ballot-feed.js';
import type { CheckinFeed } from './checkin-feed.js';

export const CHANGES_CHANNEL = 'leitai_changes';
const FLUSH_MS = 20;
/** More sessions than this in one window: announced as "every session". */
const MAX_IDS = 200;

interface Payload {
  /** The announcing server, so it ignores its own. */
  o: string;
  /** Sessions whose ballots changed; null: every session. */
  b?: (string | null)[] | null;
  /** Of those, the sessions where ballots replaced an earlier revision (not a pure append: counted again). */
  v?: string[];
  /** [classId, lessonId] pairs whose check-ins changed. */
  c?: [string, string][];
}

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
  readonly #sessions = new Set<string | null>();
  readonly #revised = new Set<string>();
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
        if (this.#sessions.size >= MAX_IDS) {
          this.#sessions.clear();
          this.#sessions.add(null);
        } else if (!this.#sessions.has(null)) this.#sessions.add(e.sessionId);
        if (e.revised && e.sessionId !== null && !this.#sessions.has(null)) this.#revised.add(e.sessionId);
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

  #flush(): Promise<void> {
    const sessions = [...this.#sessions];
    const revised = this.#sessions.has(null) ? new Set<string>() : new Set(this.#revised);
    const lessons = [...this.#lessons.values()];
    this.#sessions.clear();
    this.#revised.clear();
    this.#lessons.clear();
    if (sessions.length === 0 && lessons.length === 0) return this.#flushing;
    const payloads = this.#payloads(sessions, revised, lessons);
    this.#flushing = this.#flushing.then(async () => {
      for (const payload of payloads) {
        await notify(this.#options.db, CHANGES_CHANNEL, payload).catch((error: unknown) => this.#options.log.warn({ err: error }, 'could not announce a change'));
      }
    });
    return this.#flushing;
  }

  /** JSON payloads under PostgreSQL's limit: ids are split over several when they do not fit in one. */
  #payloads(sessions: (string | null)[], revised: ReadonlySet<string>, lessons: [string, string][]): string[] {
    const out: string[] = [];
    let current: Payload = { o: this.origin };
    const push = () => {
      if (current.b !== undefined || current.c) out.push(JSON.stringify(current));
      current = { o: this.origin };
    };
    const every = sessions.includes(null);
    if (every) current.b = null;
    for (const id of every ? [] : sessions) {
      if (id === null) continue;
      const next: Payload = { ...current, b: [...(current.b ?? []), id] };
      if (revised.has(id)) next.v = [...(current.v ?? []), id];
      if (JSON.stringify(next).length > NOTIFY_PAYLOAD_MAX) {
        push();
        current.b = [id];
        if (revised.has(id)) current.v = [id];
      } else current = next;
    }
    for (const pair of lessons) {
      const next = { ...current, c: [...(current.c ?? []), pair] };
      if (JSON.stringify(next).length > NOTIFY_PAYLOAD_MAX) {
        push();
        current.c = [pair];
      } else current = next;
    }
    push();
    return out;
  }

  #receive(text: string): void {
    let payload: Payload;
    try {
      payload = JSON.parse(text) as Payload;
    } catch {
      return;
    }
    if (typeof payload !== 'object' || payload === null || payload.o === this.origin) return;
    if (payload.b === null) this.#options.ballotFeed.emit({ sessionId: null, remote: true });
    else if (Array.isArray(payload.b)) {
      const revised = new Set(Array.isArray(payload.v) ? payload.v : []);
      for (const id of payload.b) {
        if (typeof id === 'string') this.#options.ballotFeed.emit(revised.has(id) ? { sessionId: id, remote: true, revised: true } : { sessionId: id, remote: true });
      }
    }
    if (Array.isArray(payload.c)) {
      for (const pair of payload.c) {
        if (Array.isArray(pair) && typeof pair[0] === 'string' && typeof pair[1] === 'string') this.#options.checkinFeed.emit({ classId: pair[0], lessonId: pair[1], remote: true });
      }
    }
  }
}
