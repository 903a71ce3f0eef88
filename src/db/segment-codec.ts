/**
 * The storage form of a sealed session segment (tables/ballot-segments.ts): the lean ballot rows of one session in
 * two values instead of 9 cells × hundreds of rows. Strings are a JSON array [dictionary, ids]; header fields are
 * dictionary codes in the body, followed by each ballot's packed ratings (ballot-codec.ts), concatenated.
 *
 * body, little-endian: u32 version, u32 count, then per ballot 7 × u32 —
 * instrument, group, rater name, bound unit, sheet, channel (dictionary codes; NONE for null), packed length
 * (NONE when the ballot has no packed form) — then the packed bytes in ballot order.
 */
import type { Ballot } from '../domain/types.js';

const VERSION = 1;
const FIELDS = 7;
const NONE = 0xffffffff;

/** A ballot row as the tally reads it (the ballots table minus campaign_id and session_id). */
export interface SegmentRow {
  id: string;
  instrumentId: string;
  raterGroupId: string;
  raterName: string | null;
  boundUnitId: string | null;
  sheetId: string;
  channel: Ballot['channel'];
  packed: Uint8Array | null;
}

export interface EncodedSegment {
  strings: string;
  body: Uint8Array;
}

/** Encodes rows (ordered by id, so the segment says nothing about casting order). */
export function encodeSegment(rows: readonly SegmentRow[]): EncodedSegment {
  const dictionary: string[] = [];
  const codes = new Map<string, number>();
  const code = (s: string | null): number => {
    if (s === null) return NONE;
    let c = codes.get(s);
    if (c === undefined) {
      c = dictionary.length;
      dictionary.push(s);
      codes.set(s, c);
    }
    return c;
  };
  let packedBytes = 0;
  for (const r of rows) packedBytes += r.packed?.byteLength ?? 0;
  const headerBytes = 8 + rows.length * FIELDS * 4;
  const body = new Uint8Array(headerBytes + packedBytes);
  const view = new DataView(body.buffer);
  view.setUint32(0, VERSION, true);
  view.setUint32(4, rows.length, true);
  let at = 8;
  let data = headerBytes;
  for (const r of rows) {
    for (const c of [code(r.instrumentId), code(r.raterGroupId), code(r.raterName), code(r.boundUnitId), code(r.sheetId), code(r.channel)]) {
      view.setUint32(at, c, true);
      at += 4;
    }
    view.setUint32(at, r.packed === null ? NONE : r.packed.byteLength, true);
    at += 4;
    if (r.packed !== null) {
      body.set(r.packed, data);
      data += r.packed.byteLength;
    }
  }
  return { strings: JSON.stringify([dictionary, rows.map((r) => r.id)]), body };
}

/** What decoding hands over per ballot: the header as domain values, and where its packed ratings are (or null). */
export interface SegmentSink {
  ballot(
    id: string,
    instrumentId: string,
    raterGroupId: string,
    raterName: string | null,
    boundUnitId: string | null,
    sheetId: string,
    channel: Ballot['channel'],
    packed: DataView,
    packedOffset: number,
    packedLength: number,
  ): void;
}

/**
 * Decodes a segment of `expected` ballots into `sink`; throws, before handing out anything, when the segment is
 * malformed or holds another number of ballots (it is then not used at all).
 */
export function decodeSegment(segment: EncodedSegment, expected: number, sink: SegmentSink): number {
  const parsed: unknown = JSON.parse(segment.strings);
  if (!Array.isArray(parsed) || !Array.isArray(parsed[0]) || !Array.isArray(parsed[1])) throw new Error('segment strings malformed');
  const dictionary = parsed[0] as string[];
  const ids = parsed[1] as string[];
  const body = segment.body;
  const view = new DataView(body.buffer, body.byteOffset, body.byteLength);
  if (body.byteLength < 8 || view.getUint32(0, true) !== VERSION) throw new Error('segment version unknown');
  const count = view.getUint32(4, true);
  const headerBytes = 8 + count * FIELDS * 4;
  if (count !== expected || count !== ids.length || headerBytes > body.byteLength) throw new Error('segment count mismatch');
  // Check everything before handing out anything: a malformed segment is refused whole.
  checkBody(view, count, headerBytes, dictionary, ids);
  emit(view, count, headerBytes, dictionary, ids, sink);
  return count;
}

// Two functions, not two loops in one: optimised mid-call in the first loop, a single function reached the second
// with no type feedback and was deoptimised on most of a province's 362 segments.
function checkBody(view: DataView, count: number, headerBytes: number, dictionary: unknown[], ids: unknown[]): void {
  for (let i = 0; i < dictionary.length; i++) if (typeof dictionary[i] !== 'string') throw new Error('segment dictionary malformed');
  for (let i = 0; i < ids.length; i++) if (typeof ids[i] !== 'string') throw new Error('segment ids malformed');
  let data = headerBytes;
  for (let i = 0, at = 8; i < count; i++, at += FIELDS * 4) {
    for (let f = 0; f < 6; f++) {
      const c = view.getUint32(at + f * 4, true);
      const nullAllowed = f === 2 || f === 3;
      if (c >= dictionary.length && !(nullAllowed && c === NONE)) throw new Error('segment code out of range');
    }
    const channel = dictionary[view.getUint32(at + 20, true)];
    if (channel !== 'online' && channel !== 'paper') throw new Error('segment channel unknown');
    const length = view.getUint32(at + 24, true);
    if (length !== NONE) data += length;
  }
  if (data !== view.byteLength) throw new Error('segment body length mismatch');
}

function emit(view: DataView, count: number, headerBytes: number, dictionary: string[], ids: string[], sink: SegmentSink): void {
  let data = headerBytes;
  for (let i = 0, at = 8; i < count; i++, at += FIELDS * 4) {
    const length = view.getUint32(at + 24, true);
    const rater = view.getUint32(at + 8, true);
    const bound = view.getUint32(at + 12, true);
    sink.ballot(
      ids[i]!,
      dictionary[view.getUint32(at, true)]!,
      dictionary[view.getUint32(at + 4, true)]!,
      rater === NONE ? null : dictionary[rater]!,
      bound === NONE ? null : dictionary[bound]!,
      dictionary[view.getUint32(at + 16, true)]!,
      dictionary[view.getUint32(at + 20, true)] as Ballot['channel'],
      view,
      length === NONE ? -1 : data,
      length === NONE ? 0 : length,
    );
    if (length !== NONE) data += length;
  }
}
