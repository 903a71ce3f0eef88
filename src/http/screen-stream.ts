/**
 * 大屏推送: server-sent events for the live screens. One hub per app: each session with screens watching gets its
 * board recomputed shortly after ballots are committed (BallotFeed), at most one computation at a time per session,
 * and only a changed board is sent. A slow fallback refresh catches what the feed does not carry (open, close).
 */
import type { ServerResponse } from 'node:http';
import type { AppContext } from '../app/context.js';
import { screenBoard } from '../app/sessions/get-screen-board.js';
import type { ScreenBoard } from '../contracts/screen.js';

/** Coalesces a burst of ballots into one recomputation; well inside the one-second promise. */
const DEBOUNCE_MS = 100;
const FALLBACK_REFRESH_MS = 5000;
const HEARTBEAT_MS = 15000;

interface Watched {
  clients: Set<ServerResponse>;
  last: string;
  timer: NodeJS.Timeout | null;
  running: boolean;
  again: boolean;
}

export class ScreenHub {
  private readonly sessions = new Map<string, Watched>();
  private readonly unsubscribe: () => void;
  private readonly refresh: NodeJS.Timeout;
  private readonly heartbeat: NodeJS.Timeout;

  constructor(private readonly ctx: AppContext, private readonly onError: (error: unknown) => void) {
    this.unsubscribe = ctx.ballotFeed.on((event) => {
      if (event.sessionId === null) for (const id of this.sessions.keys()) this.schedule(id);
      else if (this.sessions.has(event.sessionId)) this.schedule(event.sessionId);
    });
    this.refresh = setInterval(() => { for (const id of this.sessions.keys()) this.schedule(id); }, FALLBACK_REFRESH_MS).unref();
    this.heartbeat = setInterval(() => { for (const w of this.sessions.values()) for (const c of w.clients) c.write(': ping\n\n'); }, HEARTBEAT_MS).unref();
  }

  /** Starts the stream on a raw response with the board already computed (so errors were answered normally). */
  attach(sessionId: string, res: ServerResponse, board: ScreenBoard): void {
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    const data = JSON.stringify(board);
    res.write(`retry: 2000\nevent: board\ndata: ${data}\n\n`);
    let watched = this.sessions.get(sessionId);
    if (!watched) {
      watched = { clients: new Set(), last: data, timer: null, running: false, again: false };
      this.sessions.set(sessionId, watched);
    }
    watched.clients.add(res);
    res.on('close', () => {
      watched.clients.delete(res);
      if (watched.clients.size === 0 && this.sessions.get(sessionId) === watched) {
        if (watched.timer) clearTimeout(watched.timer);
        this.sessions.delete(sessionId);
      }
    });
  }

  private schedule(sessionId: string): void {
    const watched = this.sessions.get(sessionId);
    if (!watched || watched.timer) return;
    watched.timer = setTimeout(() => {
      watched.timer = null;
      void this.push(sessionId, watched);
    }, DEBOUNCE_MS);
  }

  private async push(sessionId: string, watched: Watched): Promise<void> {
    if (watched.running) {
      watched.again = true;
      return;
    }
    watched.running = true;
    try {
      const data = JSON.stringify(await screenBoard(this.ctx, sessionId));
      if (data !== watched.last) {
        watched.last = data;
        for (const c of watched.clients) c.write(`event: board\ndata: ${data}\n\n`);
      }
    } catch (error) {
      this.onError(error);
    } finally {
      watched.running = false;
      if (watched.again) {
        watched.again = false;
        this.schedule(sessionId);
      }
    }
  }

  /** Ends every stream: the server is closing. */
  close(): void {
    this.unsubscribe();
    clearInterval(this.refresh);
    clearInterval(this.heartbeat);
    for (const watched of this.sessions.values()) {
      if (watched.timer) clearTimeout(watched.timer);
      for (const c of watched.clients) c.end();
    }
    this.sessions.clear();
  }
}
