/**
 * Oversize bodies over a real socket (issue #17): a client that sends its whole body before it reads — as Python's
 * http.client, many scripts and some phones' stacks do — must read a 413 with a message, not a reset connection.
 * And each route family has its own, deliberate limit (src/http/body-limits.ts).
 */
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { BODY_LIMITS } from '../../src/http/body-limits.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { dialects } from '../helpers/db.js';

interface RawAnswer {
  status: number;
  head: string;
  body: string;
}

/** Writes the request head and the whole body, and only then reads: a send-everything-first client. */
function sendWholeThenRead(port: number, path: string, body: Buffer, options: { chunked?: boolean; contentType?: string } = {}): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.pause();
    const head = [
      `POST ${path} HTTP/1.1`,
      'Host: 127.0.0.1',
      `Content-Type: ${options.contentType ?? 'application/json'}`,
      options.chunked ? 'Transfer-Encoding: chunked' : `Content-Length: ${body.length}`,
      'Connection: close',
      '',
      '',
    ].join('\r\n');
    const chunks: Buffer[] = [];
    socket.on('error', reject);
    socket.on('data', (d) => chunks.push(d));
    socket.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const [headPart = '', ...rest] = text.split('\r\n\r\n');
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(headPart)?.[1] ?? 0);
      let answer = rest.join('\r\n\r\n');
      if (/transfer-encoding: chunked/i.test(headPart)) answer = answer.replace(/^[0-9a-f]+\r\n/i, '').replace(/\r\n0\r\n\r\n$/, '');
      resolve({ status, head: headPart, body: answer });
    });
    socket.write(head);
    const piece = 256 * 1024;
    for (let i = 0; i < body.length; i += piece) {
      const part = body.subarray(i, i + piece);
      socket.write(options.chunked ? Buffer.concat([Buffer.from(`${part.length.toString(16)}\r\n`), part, Buffer.from('\r\n')]) : part);
    }
    socket.write(options.chunked ? '0\r\n\r\n' : '', () => socket.resume());
  });
}

function jsonOf(size: number): Buffer {
  const body = Buffer.alloc(size, 0x61);
  body.write('{"token":"');
  body.write('"}', size - 2);
  return body;
}

for (const kind of dialects()) {
  describe(`body limits over a real socket (${kind})`, () => {
    let t: TestApp;
    let port = 0;
    before(async () => {
      t = await buildTestApp(kind);
      await t.app.listen({ host: '127.0.0.1', port: 0 });
      port = (t.app.server.address() as { port: number }).port;
    });
    after(() => t.close());

    for (const chunked of [false, true]) {
      it(`answers a 21 MB ballot sent whole before reading with a readable 413 (${chunked ? 'chunked' : 'Content-Length'})`, async () => {
        const res = await sendWholeThenRead(port, '/api/ballots', jsonOf(21_000_000), { chunked });
        assert.equal(res.status, 413, res.head);
        const body = JSON.parse(res.body) as { error: { code: string; message: { zh: string; en: string } } };
        assert.equal(body.error.code, 'payload_too_large');
        assert.match(body.error.message.zh, /过大/);
        assert.match(body.error.message.en, /too large/);
      });
    }

    it('answers fetch with a 413 too, and keeps serving', async () => {
      const res = await fetch(`http://127.0.0.1:${port}/api/ballots`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: new Uint8Array(jsonOf(21_000_000)) });
      assert.equal(res.status, 413);
      assert.equal(((await res.json()) as { error: { code: string } }).error.code, 'payload_too_large');
      assert.equal((await fetch(`http://127.0.0.1:${port}/healthz`)).status, 200);
    });

    it('refuses a ballot above the ballot limit and reads one below it as a ballot', async () => {
      const over = await sendWholeThenRead(port, '/api/ballots', jsonOf(BODY_LIMITS.ballot + 1));
      assert.equal(over.status, 413);
      const under = await sendWholeThenRead(port, '/api/ballots', jsonOf(BODY_LIMITS.ballot - 1024));
      assert.equal(under.status, 400, under.body.slice(0, 200));
    });

    it('holds office JSON to the office limit, not 20 MB', async () => {
      const res = await t.call('organiser', { method: 'POST', url: '/api/campaigns', body: jsonOf(BODY_LIMITS.officeJson + 1), headers: { 'content-type': 'application/json' } });
      assert.equal(res.statusCode, 413);
      const small = await t.call('organiser', { method: 'POST', url: '/api/campaigns', body: jsonOf(BODY_LIMITS.officeJson - 1024), headers: { 'content-type': 'application/json' } });
      assert.equal(small.statusCode, 400);
    });

    it('holds the phone routes that carry a token to the phone limit', async () => {
      for (const url of ['/api/ballot-form', '/api/checkin', '/api/checkin/grants']) {
        const res = await t.app.inject({ method: 'POST', url, body: jsonOf(BODY_LIMITS.phone + 1), headers: { 'content-type': 'application/json' } });
        assert.equal(res.statusCode, 413, url);
      }
    });
  });
}
