/**
 * How large a request body each route family may send, in one place (docs/security.md). A body above its limit is
 * answered 413 with a message; the rest of it is read and thrown away first (up to LINGER), so that a client which
 * sends its whole body before it reads the answer gets the 413 instead of a reset connection.
 */
import type { IncomingMessage } from 'node:http';
import type { FastifyInstance } from 'fastify';

const KiB = 1024;
const MiB = 1024 * KiB;

export const BODY_LIMITS = {
  /** What a phone sends besides a sheet (a token for the ballot form, a check-in, a grant): a few hundred bytes. */
  phone: 16 * KiB,
  /**
   * A phone's sheet (POST /api/ballots). The largest sheet the Shanxi fixture allows — one rater group rating every
   * subject of every instrument of the province on one sheet (专班评: 1,458 subjects with criteria) — is 286 KB as
   * JSON; this leaves room for opinions.
   */
  ballot: 1 * MiB,
  /**
   * An observer's tour sheet (POST /api/tour-phone/sheets): one stop's rating, whose 加分/减分 reasons and opinion
   * may run to 2,000 characters each; a handful of them in Chinese is some 30 KB.
   */
  tourSheet: 64 * KiB,
  /** The office's JSON (set-ups, sessions, paper ballots, tokens with names): a province's set-up is 213 KB. */
  officeJson: 4 * MiB,
  /** POST /api/units: up to 100,000 units (a country's townships) at ~100 bytes each. */
  unitsJson: 16 * MiB,
  /** A units spreadsheet (CSV or xlsx) for /api/units/import. */
  unitsFile: 50 * MiB,
  /** A class's roster spreadsheet: a province's class is a few MB at most. */
  rosterFile: 10 * MiB,
} as const;

/** The most of a refused body read and thrown away before the answer (as nginx's lingering close). */
export const LINGER = { bytes: 64 * MiB, ms: 30_000 } as const;

/**
 * Fastify answers a body error (too large, bad length) at once, marked `Connection: close`, and Node closes the socket
 * right after: with the client still sending, the kernel resets the connection, and a client that reads only after
 * sending (Python's http.client, many scripts) never sees the answer. So the rest of the body is read and thrown away
 * first — at most LINGER — and only then is the answer sent and the connection closed.
 */
export function installLingeringClose(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    const raw = request.raw;
    if (raw.complete || raw.readableEnded || raw.destroyed || reply.statusCode < 400 || reply.getHeader('connection') !== 'close') return payload;
    if (Number(request.headers['content-length']) > LINGER.bytes) return payload;
    await discardRest(raw);
    return payload;
  });
}

function discardRest(raw: IncomingMessage): Promise<void> {
  return new Promise((resolve) => {
    let read = 0;
    const done = (): void => {
      clearTimeout(timer);
      raw.removeListener('data', count);
      raw.removeListener('end', done);
      raw.removeListener('close', done);
      raw.removeListener('error', done);
      resolve();
    };
    const count = (chunk: Buffer): void => {
      read += chunk.length;
      if (read > LINGER.bytes) done();
    };
    const timer = setTimeout(done, LINGER.ms);
    raw.on('data', count);
    raw.once('end', done);
    raw.once('close', done);
    raw.once('error', done);
    raw.resume();
  });
}
