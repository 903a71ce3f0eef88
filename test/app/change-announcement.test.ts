/**
 * What one server tells the others (kernel/change-announcement.ts): whatever a window holds, every payload stays under
 * the limit, and reading them all back gives the same sessions, ids, revisions and lessons. A payload that is not of
 * this shape is refused whole.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { readAnnouncement, writeAnnouncement, type SessionChange } from '../../src/app/kernel/change-announcement.js';
import { NOTIFY_PAYLOAD_MAX } from '../../src/db/dialect/index.js';

const hex = (n: number) => fc.stringMatching(new RegExp(`^[0-9a-f]{${n}}$`));
/** Ballot ids as the writer makes them: `b_` + an 8-hex commit key + 16 hex of their own. */
const commitIds = fc.tuple(hex(8), fc.array(hex(16), { minLength: 1, maxLength: 300 })).map(([key, rests]) => rests.map((r) => `b_${key}${r}`));
const sessionChange: fc.Arbitrary<SessionChange> = fc.oneof(
  fc.array(commitIds, { maxLength: 4 }).map((commits) => ({ ids: commits.flat(), revised: false })),
  fc.constant({ ids: null, revised: false }),
  fc.constant({ ids: null, revised: true }),
);
const sessionId = fc.stringMatching(/^ses_[A-Za-z0-9_-]{10,22}$/);

/** Every payload read back, merged: per session the ids (null if any payload named it without ids) and whether revised. */
function readAll(payloads: string[]) {
  const sessions = new Map<string, { ids: string[] | null; revised: boolean }>();
  const lessons: string[][] = [];
  let every = false;
  for (const payload of payloads) {
    const heard = readAnnouncement(payload);
    assert.ok(heard, payload);
    assert.equal(heard.origin, 'server-a');
    lessons.push(...heard.lessons.map((l) => [...l]));
    if (heard.ballots === 'every') {
      every = true;
      continue;
    }
    for (const [id, change] of heard.ballots) {
      const merged = sessions.get(id) ?? { ids: [], revised: false };
      merged.revised ||= change.revised;
      merged.ids = merged.ids === null || change.ids === null ? null : [...merged.ids, ...change.ids];
      sessions.set(id, merged);
    }
  }
  return { every, sessions, lessons };
}

describe('change announcements', () => {
  it('stay under the limit and read back as written, however many sessions and ids a window holds', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.tuple(sessionId, sessionChange), { selector: ([id]) => id, maxLength: 12 }),
        fc.array(fc.tuple(sessionId, sessionId), { maxLength: 5 }),
        fc.constantFrom(600, 2000, NOTIFY_PAYLOAD_MAX),
        (sessions, lessons, max) => {
          const payloads = writeAnnouncement('server-a', { ballots: new Map(sessions), lessons }, max);
          for (const p of payloads) assert.ok(Buffer.byteLength(p) <= max, `${Buffer.byteLength(p)} > ${max}`);
          const back = readAll(payloads);
          assert.equal(back.every, false);
          assert.deepEqual(back.lessons, lessons);
          assert.deepEqual(new Set(back.sessions.keys()), new Set(sessions.map(([id]) => id)));
          for (const [id, change] of sessions) {
            const got = back.sessions.get(id)!;
            assert.equal(got.revised, change.revised);
            if (change.ids === null || change.ids.length === 0 || change.revised) assert.equal(got.ids, null);
            else assert.deepEqual([...got.ids!].sort(), [...change.ids].sort());
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('says "every session" in one field, and an empty window says nothing', () => {
    const payloads = writeAnnouncement('server-a', { ballots: 'every', lessons: [['class-1', 'lesson-1']] }, NOTIFY_PAYLOAD_MAX);
    assert.equal(payloads.length, 1);
    assert.deepEqual(readAnnouncement(payloads[0]!), { origin: 'server-a', ballots: 'every', lessons: [['class-1', 'lesson-1']] });
    assert.deepEqual(writeAnnouncement('server-a', { ballots: new Map(), lessons: [] }, NOTIFY_PAYLOAD_MAX), []);
  });

  it('is read by a server that predates ids as the sessions it names', () => {
    const ids = ['b_0123456789abcdef01234567', 'b_0123456789abcdef89abcdef'];
    const [payload] = writeAnnouncement('server-a', { ballots: new Map([['ses_1', { ids, revised: false }]]), lessons: [] }, NOTIFY_PAYLOAD_MAX);
    const wire = JSON.parse(payload!) as { b: string[]; i: [string, string, string[]][] };
    assert.deepEqual(wire.b, ['ses_1']);
    assert.deepEqual(wire.i, [['ses_1', 'b_01234567', ['89abcdef01234567', '89abcdef89abcdef']]]);
  });

  it('refuses a payload that is not an announcement, whole', () => {
    for (const text of [
      'not json',
      'null',
      '[]',
      '{"b":["ses_1"]}',
      '{"o":1}',
      '{"o":"x","b":[1]}',
      '{"o":"x","b":"ses_1"}',
      '{"o":"x","b":["ses_1"],"v":[null]}',
      '{"o":"x","b":["ses_1"],"i":[["ses_1","b_01234567"]]}',
      '{"o":"x","b":["ses_1"],"i":[["ses_1","b_01234567",[7]]]}',
      '{"o":"x","c":[["class-1"]]}',
    ]) {
      assert.equal(readAnnouncement(text), null, text);
    }
  });

  it('keeps __proto__ as a plain session id and ignores ids named for a session not in the payload', () => {
    const heard = readAnnouncement('{"o":"x","b":["__proto__"],"i":[["__proto__","b_01234567",["89abcdef01234567"]],["ses_2","b_01234567",["0"]]]}');
    assert.ok(heard && heard.ballots !== 'every');
    assert.deepEqual([...heard.ballots.keys()], ['__proto__']);
    assert.deepEqual(heard.ballots.get('__proto__'), { ids: ['b_0123456789abcdef01234567'], revised: false });
  });
});
