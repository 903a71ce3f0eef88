/** Canonical JSON (object keys sorted) and its hash: identical content always hashes the same. */
import { sha256Hex } from './secrets.js';

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = canonical(v);
    }
    return out;
  }
  return value;
}

const NOT_PLAIN = Symbol('not plain JSON');

/**
 * JSON.stringify(canonical(value)) in one pass, without the sorted copies (per ballot on the submit path), for plain
 * JSON data: strings, finite or not numbers, booleans, null, arrays and plain objects. Anything else (a toJSON, a
 * function, a bigint, a key that starts with a digit or is __proto__…) answers NOT_PLAIN and the caller takes the reference path,
 * so the text never differs.
 */
function canonicalText(value: unknown): string | typeof NOT_PLAIN {
  switch (typeof value) {
    case 'string':
    case 'number':
    case 'boolean':
      return JSON.stringify(value);
    case 'object': {
      if (value === null) return 'null';
      if (Array.isArray(value)) {
        let s = '[';
        for (let i = 0; i < value.length; i++) {
          const v: unknown = value[i];
          const t = v === undefined ? 'null' : canonicalText(v);
          if (t === NOT_PLAIN) return NOT_PLAIN;
          s += i === 0 ? t : ',' + t;
        }
        return s + ']';
      }
      const proto: unknown = Object.getPrototypeOf(value);
      if ((proto !== Object.prototype && proto !== null) || typeof (value as { toJSON?: unknown }).toJSON === 'function') return NOT_PLAIN;
      const keys = Object.keys(value).sort();
      let s = '{';
      let first = true;
      for (const key of keys) {
        // An integer-like key goes first in the sorted copy's own key order (JS objects list those first): leave it to the reference.
        const c = key.charCodeAt(0);
        if ((c >= 48 && c <= 57) || key === '__proto__') return NOT_PLAIN;
        const v = (value as Record<string, unknown>)[key];
        if (v === undefined) continue;
        const t = canonicalText(v);
        if (t === NOT_PLAIN) return NOT_PLAIN;
        s += (first ? '' : ',') + JSON.stringify(key) + ':' + t;
        first = false;
      }
      return s + '}';
    }
    default:
      return NOT_PLAIN;
  }
}

/**
 * Whether JSON.stringify alone writes the canonical text: plain JSON data whose every object already lists its keys
 * in sorted order (as the request schemas build them: contracts/definition.ts, ratingSchema), none of them
 * integer-like (JSON.stringify would put those first) or __proto__. A walk with no allocation, then the native
 * writer: a ballot's 18 ratings cost ~2.5 µs instead of ~9 µs. Anything else answers false.
 */
function alreadyCanonical(value: unknown, depth: number): boolean {
  switch (typeof value) {
    case 'string':
    case 'number':
    case 'boolean':
    case 'undefined':
      return true;
    case 'object': {
      if (value === null) return true;
      if (depth > 64) return false;
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) if (!alreadyCanonical(value[i], depth + 1)) return false;
        return true;
      }
      const proto: unknown = Object.getPrototypeOf(value);
      if ((proto !== Object.prototype && proto !== null) || typeof (value as { toJSON?: unknown }).toJSON === 'function') return false;
      let previous: string | null = null;
      for (const key in value) {
        if (!Object.hasOwn(value, key)) return false;
        const c = key.charCodeAt(0);
        if ((c >= 48 && c <= 57) || key === '__proto__' || (previous !== null && !(previous < key))) return false;
        previous = key;
        if (!alreadyCanonical((value as Record<string, unknown>)[key], depth + 1)) return false;
      }
      return true;
    }
    default:
      return false;
  }
}

/** The canonical JSON text that contentHash hashes. */
export function canonicalJson(value: unknown): string {
  if (alreadyCanonical(value, 0)) return JSON.stringify(value);
  const text = canonicalText(value);
  return text === NOT_PLAIN ? JSON.stringify(canonical(value)) : text;
}

export function contentHash(value: unknown): string {
  return sha256Hex(canonicalJson(value));
}
