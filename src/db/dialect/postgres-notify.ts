/**
 * PostgreSQL LISTEN/NOTIFY for several servers on one database (docs/deploy.md). Each server holds ONE dedicated
 * connection that listens — never through a transaction-pooling pgbouncer, which would hand it to other clients
 * (LEITAI_LISTEN_URL names a direct address when DATABASE_URL goes through one). Notifications are sent on the
 * ordinary pool.
 *
 * A listening connection can die without an error event (a NAT or a proxy drops it silently), so it is pinged with
 * `SELECT 1` under a timeout. When a ping fails or the connection ends, it is replaced, with a growing pause between
 * attempts; notifications sent meanwhile are lost, so each reconnect is reported and the caller refreshes everything
 * it keeps.
 */
import { sql, type Kysely } from 'kysely';
import pg from 'pg';

/** Payloads are ids only; PostgreSQL refuses a NOTIFY payload of 8,000 bytes or more. */
export const NOTIFY_PAYLOAD_MAX = 7900;

export interface ListenerOptions {
  url: string;
  channel: string;
  onMessage(payload: string): void;
  /** After a reconnect (not the first connect): notifications may have been missed. */
  onReconnect(): void;
  /** A failed ping, a lost connection, a failed attempt: for the log. */
  onProblem(error: unknown): void;
  /** Default 10 s. */
  pingEveryMs?: number;
  /** Default 5 s. */
  pingTimeoutMs?: number;
}

export type ListenerState = 'connecting' | 'listening' | 'reconnecting' | 'closed';

export class PgListener {
  #client: pg.Client | null = null;
  #state: ListenerState = 'connecting';
  #timer: NodeJS.Timeout | null = null;
  #connectedOnce = false;
  #attempt = 0;
  readonly #options: Required<ListenerOptions>;

  constructor(options: ListenerOptions) {
    this.#options = { pingEveryMs: 10_000, pingTimeoutMs: 5_000, ...options };
  }

  get state(): ListenerState {
    return this.#state;
  }

  /** Resolves once listening for the first time (or rejects: the server should not start without it). */
  async start(): Promise<void> {
    await this.#connect();
    this.#schedulePing();
  }

  async close(): Promise<void> {
    this.#state = 'closed';
    if (this.#timer) clearTimeout(this.#timer);
    const client = this.#client;
    this.#client = null;
    await client?.end().catch(() => {});
  }

  async #connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.#options.url, application_name: 'leitai-listener' });
    client.on('error', (error) => this.#lost(client, error));
    client.on('end', () => this.#lost(client, new Error('the listening connection ended')));
    client.on('notification', (n) => {
      if (n.channel === this.#options.channel && n.payload !== undefined) this.#options.onMessage(n.payload);
    });
    await client.connect();
    await client.query(`LISTEN ${pg.escapeIdentifier(this.#options.channel)}`);
    if (this.#state === 'closed') {
      await client.end().catch(() => {});
      return;
    }
    this.#client = client;
    this.#state = 'listening';
    this.#attempt = 0;
    if (this.#connectedOnce) this.#options.onReconnect();
    this.#connectedOnce = true;
  }

  #schedulePing(): void {
    if (this.#state === 'closed') return;
    this.#timer = setTimeout(() => void this.#ping(), this.#options.pingEveryMs);
    this.#timer.unref();
  }

  async #ping(): Promise<void> {
    const client = this.#client;
    if (!client || this.#state !== 'listening') return this.#schedulePing();
    let timeout: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        client.query('SELECT 1'),
        new Promise((_, reject) => {
          timeout = setTimeout(() => reject(new Error(`no answer to a ping in ${this.#options.pingTimeoutMs} ms`)), this.#options.pingTimeoutMs);
        }),
      ]);
      this.#schedulePing();
    } catch (error) {
      this.#lost(client, error);
    } finally {
      clearTimeout(timeout);
    }
  }

  #lost(client: pg.Client, error: unknown): void {
    if (this.#client !== client || this.#state === 'closed') return;
    this.#client = null;
    this.#state = 'reconnecting';
    if (this.#timer) clearTimeout(this.#timer);
    this.#options.onProblem(error);
    client.end().catch(() => {});
    void this.#retry();
  }

  async #retry(): Promise<void> {
    while (this.#state === 'reconnecting') {
      const pause = Math.min(10_000, 250 * 2 ** this.#attempt++);
      await new Promise((resolve) => setTimeout(resolve, pause).unref());
      if (this.#state !== 'reconnecting') return;
      try {
        await this.#connect();
        this.#schedulePing();
        return;
      } catch (error) {
        this.#options.onProblem(error);
      }
    }
  }
}

/** Sends one notification on the ordinary pool. */
// biome-ignore lint/suspicious/noExplicitAny: any schema: the app's Kysely or a transaction of it
export async function notify(db: Kysely<any>, channel: string, payload: string): Promise<void> {
  await sql`select pg_notify(${channel}, ${payload})`.execute(db);
}
