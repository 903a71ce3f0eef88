/**
 * 实时推送: server-sent events keyed by what they show — a session's big-screen board, a lesson's counts for one
 * scope, a venue screen's counts. Each stream is recomputed shortly after a change announced for its topic (within a
 * second of a ballot or a check-in), at most one computation at a time, and only a changed answer is sent; a slow
 * fallback refresh catches what no announcement carries (a session opened or closed, a lesson's window opening,
 * another server's writes until issue #16 announces them through the database).
 */
import type { ServerResponse } from 'node:http';

/** Coalesces a burst into one recomputation; well inside the one-second promise. */
const DEBOUNCE_MS = 100;
const FALLBACK_REFRESH_MS = 5000;
const HEARTBEAT_MS = 15000;

interface Stream {
  topic: string;
  compute: () => Promise<unknown>;
  clients: Set<ServerResponse>;
  last: string;
  timer: NodeJS.Timeout | null;
  running: boolean;
  again: boolean;
}

export class LiveHub {
  private readonly streams = new Map<string, Stream>();
  private readonly refresh: NodeJS.Timeout;
  private readonly heartbeat: NodeJS.Timeout;

  constructor(private readonly event: string, private readonly onError: (error: unknown) => void) {
    this.refresh = setInterval(() => { for (const key of this.streams.keys()) this.schedule(key); }, FALLBACK_REFRESH_MS).unref();
    this.heartbeat = setInterval(() => { for (const s of this.streams.values()) for (const c of s.clients) c.write(': ping\n\n'); }, HEARTBEAT_MS).unref();
  }

  /**
   * Starts a stream on a raw response with its first answer already computed (so errors were answered normally).
   * `topic` is what announcements name (e.g. class/lesson); `key` tells streams of one topic apart (e.g. by scope).
   */
  attach(topic: string, key: string, res: ServerResponse, first: unknown, compute: () => Promise<unknown>): void {
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive', 'x-accel-buffering': 'no' });
    const data = JSON.stringify(first);
    res.write(`retry: 2000\nevent: ${this.event}\ndata: ${data}\n\n`);
    const id = `${topic}\u0000${key}`;
    let stream = this.streams.get(id);
    if (!stream) {
      stream = { topic, compute, clients: new Set(), last: data, timer: null, running: false, again: false };
      this.streams.set(id, stream);
    }
    stream.clients.add(res);
    res.on('close', () => {
      stream.clients.delete(res);
      if (stream.clients.size === 0 && this.streams.get(id) === stream) {
        if (stream.timer) clearTimeout(stream.timer);
        this.streams.delete(id);
      }
    });
  }

  /** Something under `topic` changed: recompute its streams soon. */
  announce(topic: string): void {
    for (const [id, stream] of this.streams) if (stream.topic === topic) this.schedule(id);
  }

  /** Something changed whose topic is not known: recompute every stream soon. */
  announceAll(): void {
    for (const id of this.streams.keys()) this.schedule(id);
  }

  private schedule(id: string): void {
    const stream = this.streams.get(id);
    if (!stream || stream.timer) return;
    stream.timer = setTimeout(() => {
      stream.timer = null;
      void this.push(stream);
    }, DEBOUNCE_MS);
  }

  private async push(stream: Stream): Promise<void> {
    if (stream.running) {
      stream.again = true;
      return;
    }
    stream.running = true;
    try {
      const data = JSON.stringify(await stream.compute());
      if (data !== stream.last) {
        stream.last = data;
        for (const c of stream.clients) c.write(`event: ${this.event}\ndata: ${data}\n\n`);
      }
    } catch (error) {
      this.onError(error);
    } finally {
      stream.running = false;
      if (stream.again) {
        stream.again = false;
        stream.timer = setTimeout(() => {
          stream.timer = null;
          void this.push(stream);
        }, DEBOUNCE_MS);
      }
    }
  }

  close(): void {
    clearInterval(this.refresh);
    clearInterval(this.heartbeat);
    for (const stream of this.streams.values()) {
      if (stream.timer) clearTimeout(stream.timer);
      for (const c of stream.clients) c.end();
    }
    this.streams.clear();
  }
}
