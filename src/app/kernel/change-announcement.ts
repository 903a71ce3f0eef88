/**
 * 变更通知的内容: what one server tells the others on the change channel (change-relay.ts), written and read here
 * without any connection, so that every payload stays under PostgreSQL's limit and a payload that is not ours is
 * refused whole.
 *
 * On the wire (JSON, ids only):
 *  - `o`: the announcing server;
 *  - `b`: sessions whose ballots changed (null: every session);
 *  - `v`: of those, the sessions where ballots replaced an earlier revision (counted again, not added);
 *  - `i`: the ids of the ballots stored, as [session, commit prefix, [the rest of each id]]: the ballots of one commit
 *    share their first COMMIT_PREFIX_LENGTH characters (decision 0009), so an id costs ~19 bytes. A session in `b`
 *    with no `i` of its own in the same payload was announced without ids: the receiver counts it in the database;
 *  - `c`: [classId, lessonId] pairs whose check-ins changed.
 * A server that predates `i` reads `b` alone, and counts.
 */
import { COMMIT_PREFIX_LENGTH } from './secrets.js';

/** One window's changes, as the relay collected them. */
export interface Announcement {
  /** Sessions whose ballots changed, or every session. */
  ballots: 'every' | ReadonlyMap<string, SessionChange>;
  lessons: readonly (readonly [string, string])[];
}

export interface SessionChange {
  /** The ids of the ballots stored, or null when they are not all known (the receiver counts the session). */
  ids: readonly string[] | null;
  revised: boolean;
}

export interface HeardAnnouncement extends Announcement {
  origin: string;
}

interface Wire {
  o: string;
  b?: string[] | null;
  v?: string[];
  i?: [string, string, string[]][];
  c?: [string, string][];
}

/** Bytes a JSON string of ASCII text takes, with its quotes and the comma after it. */
const cost = (text: string) => JSON.stringify(text).length + 1;

/**
 * The announcement as JSON payloads of at most `max` bytes each. A session's ids may be spread over several payloads;
 * each names the session in `b` beside the ids it carries.
 */
export function writeAnnouncement(origin: string, announcement: Announcement, max: number): string[] {
  const out: string[] = [];
  const empty = JSON.stringify({ o: origin, b: [], v: [], i: [], c: [] }).length;
  let wire: Wire = { o: origin };
  let size = empty;
  /** Makes room for `more` bytes: in this payload, or else in a new one. */
  const room = (more: number) => {
    if (size + more <= max) return;
    if (wire.b !== undefined || wire.c) out.push(JSON.stringify(wire));
    wire = { o: origin };
    size = empty;
    if (size + more > max) throw new Error('an id longer than a whole announcement');
  };
  const name = (sessionId: string) => {
    if (wire.b?.includes(sessionId)) return;
    (wire.b ??= []).push(sessionId);
    size += cost(sessionId);
  };

  if (announcement.ballots === 'every') wire.b = null;
  else {
    for (const [sessionId, change] of announcement.ballots) {
      // No ids (not known, or none given) is announced as the session alone: the receiver counts it.
      if (change.ids === null || change.ids.length === 0 || change.revised) {
        room(cost(sessionId) * 2);
        name(sessionId);
        if (change.revised) {
          (wire.v ??= []).push(sessionId);
          size += cost(sessionId);
        }
        continue;
      }
      for (const [prefix, rests] of byCommit(change.ids)) {
        const header = JSON.stringify([sessionId, prefix, []]).length + 1;
        let group: string[] | null = null;
        for (const rest of rests) {
          if (group === null || size + cost(rest) > max) {
            room(cost(sessionId) + header + cost(rest));
            name(sessionId);
            group = [];
            (wire.i ??= []).push([sessionId, prefix, group]);
            size += header;
          }
          group.push(rest);
          size += cost(rest);
        }
      }
    }
  }
  for (const [classId, lessonId] of announcement.lessons) {
    const more = JSON.stringify([classId, lessonId]).length + 1;
    room(more);
    (wire.c ??= []).push([classId, lessonId]);
    size += more;
  }
  if (wire.b !== undefined || wire.c) out.push(JSON.stringify(wire));
  return out;
}

/** Ids grouped by their commit prefix, in the order first seen. */
function byCommit(ids: readonly string[]): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const id of ids) {
    const prefix = id.slice(0, COMMIT_PREFIX_LENGTH);
    let rests = groups.get(prefix);
    if (!rests) groups.set(prefix, (rests = []));
    rests.push(id.slice(COMMIT_PREFIX_LENGTH));
  }
  return groups;
}

const isString = (x: unknown): x is string => typeof x === 'string';
const isStrings = (x: unknown): x is string[] => Array.isArray(x) && x.every(isString);

/** A payload read back; null when it is not an announcement (not JSON, or not of this shape). */
export function readAnnouncement(text: string): HeardAnnouncement | null {
  let wire: unknown;
  try {
    wire = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof wire !== 'object' || wire === null || Array.isArray(wire)) return null;
  const { o, b, v, i, c } = wire as Record<string, unknown>;
  if (!isString(o)) return null;
  if (b !== undefined && b !== null && !isStrings(b)) return null;
  if (v !== undefined && !isStrings(v)) return null;
  if (i !== undefined && !(Array.isArray(i) && i.every((g) => Array.isArray(g) && g.length === 3 && isString(g[0]) && isString(g[1]) && isStrings(g[2])))) return null;
  if (c !== undefined && !(Array.isArray(c) && c.every((p) => isStrings(p) && p.length === 2))) return null;

  const lessons = ((c ?? []) as [string, string][]).map(([classId, lessonId]) => [classId, lessonId] as const);
  if (b === null) return { origin: o, ballots: 'every', lessons };
  const revised = new Set(v ?? []);
  const ids = new Map<string, string[]>();
  for (const [sessionId, prefix, rests] of (i ?? []) as [string, string, string[]][]) {
    let list = ids.get(sessionId);
    if (!list) ids.set(sessionId, (list = []));
    for (const rest of rests) list.push(prefix + rest);
  }
  const ballots = new Map<string, SessionChange>();
  for (const sessionId of b ?? []) {
    const isRevised = revised.has(sessionId);
    ballots.set(sessionId, { ids: isRevised ? null : (ids.get(sessionId) ?? null), revised: isRevised });
  }
  return { origin: o, ballots, lessons };
}
