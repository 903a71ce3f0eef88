import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { decodeSegment, encodeSegment, type SegmentRow, type SegmentSink } from '../../src/db/segment-codec.js';

function decodeAll(segment: { strings: string; body: Uint8Array }, expected: number): SegmentRow[] {
  const out: SegmentRow[] = [];
  const sink: SegmentSink = {
    ballot(id, instrumentId, raterGroupId, raterName, boundUnitId, sheetId, channel, packed, offset, length) {
      const bytes = offset < 0 ? null : new Uint8Array(packed.buffer, packed.byteOffset + offset, length).slice();
      out.push({ id, instrumentId, raterGroupId, raterName, boundUnitId, sheetId, channel, packed: bytes });
    },
  };
  decodeSegment(segment, expected, sink);
  return out;
}

const text = fc.string({ maxLength: 6 });
const row = fc.record({
  id: text,
  instrumentId: text,
  raterGroupId: text,
  raterName: fc.option(text, { nil: null }),
  boundUnitId: fc.option(text, { nil: null }),
  sheetId: text,
  channel: fc.constantFrom('online' as const, 'paper' as const),
  packed: fc.option(fc.uint8Array({ maxLength: 20 }), { nil: null }),
});

describe('segment codec', () => {
  it('gives back exactly the rows it sealed (property)', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 30 }), (rows) => {
        const plain = rows.map((r) => ({ ...r }));
        assert.deepEqual(decodeAll(encodeSegment(plain), plain.length), plain);
      }),
    );
  });

  it('refuses, before handing out any ballot, a segment that is truncated, miscounted or out of its dictionary', () => {
    const rows: SegmentRow[] = [
      { id: 'b1', instrumentId: 'i', raterGroupId: 'g', raterName: null, boundUnitId: null, sheetId: 's1', channel: 'online', packed: new Uint8Array([1, 2, 3]) },
      { id: 'b2', instrumentId: 'i', raterGroupId: 'g', raterName: '专班成员', boundUnitId: 'u', sheetId: 's2', channel: 'paper', packed: null },
    ];
    const good = encodeSegment(rows);
    let handed = 0;
    const sink: SegmentSink = { ballot: () => void handed++ };
    assert.throws(() => decodeSegment(good, 3, sink), /count/);
    assert.throws(() => decodeSegment({ strings: good.strings, body: good.body.subarray(0, good.body.length - 1) }, 2, sink), /length/);
    const body = good.body.slice();
    new DataView(body.buffer).setUint32(8, 99, true);
    assert.throws(() => decodeSegment({ strings: good.strings, body }, 2, sink), /code/);
    assert.throws(() => decodeSegment({ strings: '{}', body: good.body }, 2, sink), /strings/);
    assert.equal(handed, 0);
    assert.equal(decodeSegment(good, 2, sink), 2);
  });
});
