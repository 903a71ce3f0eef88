/** contentHash's one-pass canonical text must equal the reference JSON.stringify(sorted copy) byte for byte: stored hashes of ballots compare with those of re-sends. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { canonicalJson } from '../../src/app/kernel/canonical.js';
import { newReceipt } from '../../src/app/kernel/secrets.js';

function reference(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reference);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = reference(v);
    }
    return out;
  }
  return value;
}

test('canonical text equals JSON.stringify of the sorted copy, for JSON and for odd values', () => {
  fc.assert(fc.property(fc.jsonValue(), (v) => canonicalJson(v) === JSON.stringify(reference(v))), { numRuns: 5000 });
  fc.assert(
    fc.property(fc.anything({ withNullPrototype: true, withDate: true, withMap: true, withSet: true, withBoxedValues: true, withSparseArray: true, withObjectString: true }), (v) => {
      let expected: string | undefined;
      try {
        expected = JSON.stringify(reference(v));
      } catch {
        return true;
      }
      return canonicalJson(v) === expected;
    }),
    { numRuns: 5000 },
  );
  const ballot = { instrumentId: 'i', raterGroupId: 'g', raterName: null, boundUnitId: undefined, ratings: [{ subjectId: 's1', grade: 'good' }, { subjectId: 's2', abstain: true, opinion: '很"好\u2028' }, { subjectId: 's3', score: '87.5' }] };
  assert.equal(canonicalJson(ballot), JSON.stringify(reference(ballot)));
});

test('data whose keys are already sorted (the native writer’s path) gives the same text as the reference', () => {
  // reference() is a sorted copy; its integer-like keys still come first in JS order, which the fast path must notice.
  fc.assert(fc.property(fc.jsonValue(), (v) => canonicalJson(reference(v)) === JSON.stringify(reference(v))), { numRuns: 5000 });
  const sorted = { a: 1, b: [{ c: 'x', d: undefined, e: null }], f: { g: true } };
  assert.equal(canonicalJson(sorted), JSON.stringify(reference(sorted)));
  assert.equal(canonicalJson({ b: 1, a: 2 }), '{"a":2,"b":1}');
  // Integer-like keys come first, in numeric order, in any JS object — the reference's sorted copy too.
  assert.equal(canonicalJson({ a: 1, '10': 2, '9': 3 }), '{"9":3,"10":2,"a":1}');
  assert.equal(canonicalJson(Object.assign(Object.create({ inherited: 1 }) as object, { a: 1 })), JSON.stringify(reference(Object.assign(Object.create({ inherited: 1 }) as object, { a: 1 }))));
});

test('receipts: 8 Crockford characters, all 32 used at every position', () => {
  const seen = Array.from({ length: 8 }, () => new Set<string>());
  for (let i = 0; i < 3000; i++) {
    const r = newReceipt();
    assert.match(r, /^[0-9A-HJKMNP-TV-Z]{8}$/);
    [...r].forEach((c, k) => { seen[k]!.add(c); });
  }
  for (const s of seen) assert.equal(s.size, 32);
});
