import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GroupCommit, type Outcome } from '../../src/app/kernel/group-commit.js';

const ok = <T>(value: T): Outcome<T> => ({ ok: true, value });

describe('group commit (pure queueing)', () => {
  it('flushes a lone item at once, without waiting for company', async () => {
    const flushed: number[][] = [];
    const gc = new GroupCommit<number, number>({ flush: async (items) => { flushed.push([...items]); return items.map((i) => ok(i * 2)); } });
    assert.equal(await gc.submit(21), 42);
    assert.deepEqual(flushed, [[21]]);
  });

  it('gathers what arrives in one turn into one flush, and what arrives during a flush into the next', async () => {
    const flushed: number[][] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const gc = new GroupCommit<number, number>({
      flush: async (items) => {
        flushed.push([...items]);
        if (flushed.length === 1) await gate;
        return items.map(ok);
      },
    });
    const first = [1, 2, 3].map((i) => gc.submit(i));
    await new Promise((r) => setImmediate(r));
    const second = [4, 5].map((i) => gc.submit(i));
    assert.equal(gc.pending, 2);
    release();
    assert.deepEqual(await Promise.all([...first, ...second]), [1, 2, 3, 4, 5]);
    assert.deepEqual(flushed, [[1, 2, 3], [4, 5]]);
    assert.deepEqual(gc.stats, { flushes: 2, items: 5, largestFlush: 3 });
  });

  it('answers each item with its own outcome: one refusal does not fail its neighbours', async () => {
    const gc = new GroupCommit<number, number>({
      flush: async (items) => items.map((i) => (i === 2 ? { ok: false, error: new Error('bad 2') } : ok(i))),
    });
    const results = await Promise.allSettled([1, 2, 3].map((i) => gc.submit(i)));
    assert.deepEqual(results.map((r) => r.status), ['fulfilled', 'rejected', 'fulfilled']);
  });

  it('fails every item of a flush that throws, and keeps serving afterwards', async () => {
    let fail = true;
    const gc = new GroupCommit<number, number>({
      flush: async (items) => {
        if (fail) throw new Error('commit failed');
        return items.map(ok);
      },
    });
    const results = await Promise.allSettled([1, 2].map((i) => gc.submit(i)));
    assert.deepEqual(results.map((r) => r.status), ['rejected', 'rejected']);
    fail = false;
    assert.equal(await gc.submit(7), 7);
  });

  it('caps a flush at maxBatch and carries the rest to the next', async () => {
    const sizes: number[] = [];
    const gc = new GroupCommit<number, number>({ maxBatch: 4, flush: async (items) => { sizes.push(items.length); return items.map(ok); } });
    await Promise.all(Array.from({ length: 10 }, (_, i) => gc.submit(i)));
    assert.deepEqual(sizes, [4, 4, 2]);
    await gc.idle();
  });

  it('with concurrency 2, starts a second flush while the first is in flight, and a third waits for a free slot', async () => {
    const flushed: number[][] = [];
    const gates: (() => void)[] = [];
    const gc = new GroupCommit<number, number>({
      concurrency: 2,
      flush: async (items) => {
        flushed.push([...items]);
        await new Promise<void>((r) => gates.push(r));
        return items.map((i) => ok(i * 10));
      },
    });
    const turn = () => new Promise((r) => setImmediate(r));
    const first = [1, 2, 3].map((i) => gc.submit(i));
    await turn();
    const second = [4, 5].map((i) => gc.submit(i));
    await turn();
    assert.deepEqual(flushed, [[1, 2, 3], [4, 5]], 'two flushes in flight');
    const third = [6].map((i) => gc.submit(i));
    await turn();
    assert.equal(gc.pending, 1, 'no third slot');
    gates[1]!(); // the second finishes first: its items are answered, and the waiting item takes the slot
    assert.deepEqual(await Promise.all(second), [40, 50]);
    await turn();
    assert.deepEqual(flushed, [[1, 2, 3], [4, 5], [6]]);
    gates[0]!();
    gates[2]!();
    assert.deepEqual(await Promise.all([...first, ...third]), [10, 20, 30, 60]);
    await gc.idle();
    assert.deepEqual(gc.stats, { flushes: 3, items: 6, largestFlush: 3 });
  });
});
