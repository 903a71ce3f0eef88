/**
 * A compact, lossless storage form of a ballot's ratings, kept beside the ratings as cast so that the tally does
 * not parse 80 MB of JSON for a province. Positions refer to the instrument's subject list and grade scale; a
 * fingerprint of both is stored with each packed ballot, and a ballot whose dictionary no longer matches is read
 * from its JSON instead. Only ratings that round-trip exactly are packed — {subjectId, grade}, {subjectId, score}
 * with a canonical decimal, {subjectId, abstain: true}; anything else (opinions, adjustments, criteria) stays JSON.
 */
import type { Instrument, Rating } from '../domain/types.js';

const VERSION = 1;
const KIND_GRADE = 1;
const KIND_SCORE = 2;
const ABSTAIN_GRADE = 255;
const HEADER = 6;

interface Dictionary {
  fingerprint: number;
  subjectIds: readonly string[];
  position: Map<string, number>;
  gradeKeys: readonly string[];
  gradeIndex: Map<string, number>;
  /**
   * Grade instruments: the few distinct ratings there can be (subject × grade, and abstain), made once and frozen,
   * so a province of 1.6M ratings allocates none — at [position × (grades + 1) + grade], abstain last.
   */
  shared: (Readonly<Rating> | undefined)[];
}

const dictionaries = new WeakMap<Instrument, Dictionary>();

/** FNV-1a over the UTF-16 code units: a cheap, stable fingerprint of the instrument's subjects and grades. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

// The last dictionary handed out: a tally decodes runs of ballots of one instrument (a WeakMap look-up saved each).
let lastInstrument: Instrument | null = null;
let lastDictionary: Dictionary | null = null;

function dictionaryOf(instrument: Instrument): Dictionary {
  if (instrument === lastInstrument) return lastDictionary!;
  let d = dictionaries.get(instrument);
  if (!d) d = makeDictionary(instrument);
  lastInstrument = instrument;
  lastDictionary = d;
  return d;
}

function makeDictionary(instrument: Instrument): Dictionary {
  const gradeKeys = instrument.kind === 'grade' ? instrument.grades.map((g) => g.key) : [];
  const d: Dictionary = {
    fingerprint: fnv1a(`${instrument.kind}\u0000${instrument.subjectIds.join('\u0001')}\u0000${gradeKeys.join('\u0001')}`),
    subjectIds: instrument.subjectIds,
    position: new Map(instrument.subjectIds.map((s, i) => [s, i])),
    gradeKeys,
    gradeIndex: new Map(gradeKeys.map((k, i) => [k, i])),
    shared: [],
  };
  dictionaries.set(instrument, d);
  return d;
}

/** Is `s` the string JavaScript itself prints for its number (so it can be stored as a double and printed back)? */
function canonicalScore(s: string): number | null {
  const x = Number(s);
  return Number.isFinite(x) && String(x) === s ? x : null;
}

/** The packed form, or null when these ratings cannot be packed without loss. */
export function packRatings(instrument: Instrument, ratings: readonly Rating[]): Uint8Array | null {
  if (instrument.kind === 'adjustments' || (instrument.kind === 'score' && (instrument.criteria || instrument.adjustments))) return null;
  const d = dictionaryOf(instrument);
  const grade = instrument.kind === 'grade';
  const width = grade ? 5 : 12;
  const out = new Uint8Array(HEADER + width * ratings.length);
  const view = new DataView(out.buffer);
  view.setUint8(0, VERSION);
  view.setUint32(1, d.fingerprint, true);
  view.setUint8(5, grade ? KIND_GRADE : KIND_SCORE);
  let at = HEADER;
  for (const r of ratings) {
    // {subjectId, X} in either order (the request schema lists fields sorted: grade, score and abstain come first).
    const keys = Object.keys(r);
    if (keys.length !== 2) return null;
    const other = keys[0] === 'subjectId' ? keys[1] : keys[1] === 'subjectId' ? keys[0] : undefined;
    const pos = d.position.get(r.subjectId);
    if (pos === undefined) return null;
    view.setUint32(at, pos, true);
    if (other === 'abstain' && r.abstain === true) {
      if (grade) view.setUint8(at + 4, ABSTAIN_GRADE);
      else view.setFloat64(at + 4, Number.NaN, true);
    } else if (grade && other === 'grade') {
      const g = d.gradeIndex.get(r.grade!);
      if (g === undefined || g >= ABSTAIN_GRADE) return null;
      view.setUint8(at + 4, g);
    } else if (!grade && other === 'score') {
      const x = canonicalScore(r.score!);
      if (x === null) return null;
      view.setFloat64(at + 4, x, true);
    } else return null;
    at += width;
  }
  return out;
}

function sharedGradeRating(d: Dictionary, position: number, grade: number): Readonly<Rating> | undefined {
  const slots = d.gradeKeys.length + 1;
  const at = position * slots + (grade === ABSTAIN_GRADE ? slots - 1 : grade);
  let rating = d.shared[at];
  if (rating) return rating;
  const subjectId = d.subjectIds[position];
  if (subjectId === undefined) return undefined;
  if (grade === ABSTAIN_GRADE) rating = Object.freeze({ subjectId, abstain: true as const });
  else {
    const key = d.gradeKeys[grade];
    if (key === undefined) return undefined;
    rating = Object.freeze({ subjectId, grade: key });
  }
  d.shared[at] = rating;
  return rating;
}

/**
 * The ratings exactly as they were packed, or null when the bytes do not match this instrument's dictionary.
 * Grade ratings are shared frozen objects (see Dictionary.shared): read them, never change them.
 */
export function unpackRatings(instrument: Instrument, bytes: Uint8Array): Rating[] | null {
  return unpackRatingsAt(instrument, new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength), 0, bytes.byteLength);
}

/** The same, for packed ratings at [offset, offset + length) of a larger buffer (a sealed segment). */
export function unpackRatingsAt(instrument: Instrument, view: DataView, offset: number, length: number): Rating[] | null {
  if (length < HEADER) return null;
  const d = dictionaryOf(instrument);
  if (view.getUint8(offset) !== VERSION || view.getUint32(offset + 1, true) !== d.fingerprint) return null;
  const grade = view.getUint8(offset + 5) === KIND_GRADE;
  if (grade !== (instrument.kind === 'grade')) return null;
  const width = grade ? 5 : 12;
  if ((length - HEADER) % width !== 0) return null;
  const n = (length - HEADER) / width;
  const ratings: Rating[] = new Array(n);
  for (let i = 0, at = offset + HEADER; i < n; i++, at += width) {
    const subjectId = d.subjectIds[view.getUint32(at, true)];
    if (subjectId === undefined) return null;
    if (grade) {
      const shared = sharedGradeRating(d, view.getUint32(at, true), view.getUint8(at + 4));
      if (shared === undefined) return null;
      ratings[i] = shared as Rating;
    } else {
      const x = view.getFloat64(at + 4, true);
      ratings[i] = Number.isNaN(x) ? { subjectId, abstain: true } : { subjectId, score: String(x) };
    }
  }
  return ratings;
}
