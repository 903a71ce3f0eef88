/**
 * SQLite's commit (fsync, synchronous=FULL) blocks the thread that runs it; on the server's main thread it stalls
 * every request for as long as the disk takes. This worker thread owns a second connection to the same file (WAL:
 * one writer, readers unaffected) and runs storeSheets there, so the main thread keeps parsing and checking the
 * next batch while this one is made durable. Same code, same answers as storing in-process.
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { createDb } from '../../db/create-db.js';
import type { Database } from '../../db/database.js';
import type { BallotRow } from '../../db/records.js';
import { storeSheets } from '../../db/repositories/store-sheets.js';
import { storeCheckinBatch, type CheckinKey, type CheckinRow, type DeviceRow } from '../../db/repositories/training.js';
import type { SheetToStore, StoreSheetResult } from '../../db/records.js';

/**
 * A batch as it crosses to the thread: flat arrays of strings and bytes, each ballot's ratings as JSON text.
 * postMessage clones its argument with the structured-clone algorithm, which pays per object and per key: a batch
 * of 24 sheets as objects (two ballots of 6 and 12 ratings each, ~40 objects a sheet) took ~570 µs to send, flat
 * with its JSON ~260 µs. (The ratings are stored as that JSON text anyway.)
 */
type WireBatch = { sheets: (string | null)[]; ballots: (string | Uint8Array | null)[]; counts: number[] };
const BALLOT_FIELDS = 14;

function toWire(sheets: readonly SheetToStore[]): WireBatch {
  const wire: WireBatch = { sheets: [], ballots: [], counts: [] };
  for (const s of sheets) {
    wire.sheets.push(s.sheetId, s.tokenId, s.requireOpenSession);
    wire.counts.push(s.ballots.length);
    for (const b of s.ballots) {
      wire.ballots.push(
        b.id, b.campaignId, b.sessionId, b.instrumentId, b.raterGroupId, b.raterName, b.boundUnitId, b.sheetId, b.channel,
        b.packed, b.ratingsJson ?? JSON.stringify(b.ratings), b.contentHash, b.receipt, b.enteredBy,
      );
    }
  }
  return wire;
}

function fromWire(wire: WireBatch): SheetToStore[] {
  const out: SheetToStore[] = [];
  let k = 0;
  wire.counts.forEach((count, i) => {
    const ballots: BallotRow[] = [];
    for (let j = 0; j < count; j++, k += BALLOT_FIELDS) {
      const f = wire.ballots;
      ballots.push({
        id: f[k] as string,
        campaignId: f[k + 1] as string,
        sessionId: f[k + 2] as string | null,
        instrumentId: f[k + 3] as string,
        raterGroupId: f[k + 4] as string,
        raterName: f[k + 5] as string | null,
        boundUnitId: f[k + 6] as string | null,
        sheetId: f[k + 7] as string,
        channel: f[k + 8] as BallotRow['channel'],
        packed: f[k + 9] as Uint8Array | null,
        ratings: [],
        ratingsJson: f[k + 10] as string,
        contentHash: f[k + 11] as string,
        receipt: f[k + 12] as string,
        enteredBy: f[k + 13] as string | null,
      });
    }
    out.push({ sheetId: wire.sheets[i * 3]!, tokenId: wire.sheets[i * 3 + 1] ?? null, requireOpenSession: wire.sheets[i * 3 + 2] ?? null, ballots });
  });
  return out;
}

type Reply = { id: number; ok: true; results: StoreSheetResult[] | string[] } | { id: number; ok: false; error: { message: string; code?: unknown } };
type Message = { id: number; batch: WireBatch } | { id: number; checkins: (string | null)[]; devices: string[] } | 'close';

/** Check-ins cross flat too: 9 fields a mark, 4 a device (structured clone pays per object). */
const CHECKIN_FIELDS = 9;

function checkinsToWire(rows: readonly CheckinRow[]): (string | null)[] {
  const out: (string | null)[] = [];
  for (const r of rows) out.push(r.class_id, r.lesson_id, r.participant_id, r.venue_id, r.status, r.at, r.method, r.reason, r.recorded_by);
  return out;
}

function checkinsFromWire(f: (string | null)[]): CheckinRow[] {
  const out: CheckinRow[] = [];
  for (let k = 0; k < f.length; k += CHECKIN_FIELDS) {
    out.push({
      class_id: f[k]!,
      lesson_id: f[k + 1]!,
      participant_id: f[k + 2]!,
      venue_id: f[k + 3] ?? null,
      status: f[k + 4] as CheckinRow['status'],
      at: f[k + 5]!,
      method: f[k + 6] as CheckinRow['method'],
      reason: f[k + 7] ?? null,
      recorded_by: f[k + 8] ?? null,
    });
  }
  return out;
}

function devicesFromWire(f: string[]): DeviceRow[] {
  const out: DeviceRow[] = [];
  for (let k = 0; k < f.length; k += 4) out.push({ hash: f[k]!, class_id: f[k + 1]!, participant_id: f[k + 2]!, created_at: f[k + 3]! });
  return out;
}

/** The main-thread side: `store` posts a batch and resolves with the worker's answers after its commit. */
export class SqliteBallotThread {
  readonly #worker: Worker;
  readonly #waiting = new Map<number, { resolve(r: StoreSheetResult[] | string[]): void; reject(e: unknown): void }>();
  #next = 0;

  constructor(file: string) {
    // The sources are TypeScript run through tsx (bin/leitai.js): a worker registers the loader itself, then loads us.
    const boot = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(import.meta.url)}); })`;
    this.#worker = new Worker(boot, { eval: true, workerData: { file } });
    this.#worker.unref();
    this.#worker.on('message', (reply: Reply) => {
      const waiting = this.#waiting.get(reply.id);
      if (!waiting) return;
      this.#waiting.delete(reply.id);
      if (reply.ok) waiting.resolve(reply.results);
      else waiting.reject(Object.assign(new Error(reply.error.message), { code: reply.error.code }));
    });
    this.#worker.on('error', (error) => this.#failAll(error));
    this.#worker.on('exit', (code) => this.#failAll(new Error(`the SQLite writer thread exited (${code})`)));
  }

  store(sheets: readonly SheetToStore[]): Promise<StoreSheetResult[]> {
    return this.#send((id) => ({ id, batch: toWire(sheets) })) as Promise<StoreSheetResult[]>;
  }

  /** A group commit of training check-ins (app/training/checkin-writer.ts), made durable on this thread too. */
  async storeCheckins(rows: readonly CheckinRow[], devices: readonly DeviceRow[]): Promise<CheckinKey[]> {
    const flatDevices = devices.flatMap((d) => [d.hash, d.class_id, d.participant_id, d.created_at]);
    const stored = (await this.#send((id) => ({ id, checkins: checkinsToWire(rows), devices: flatDevices }))) as string[];
    const keys: CheckinKey[] = [];
    for (let k = 0; k < stored.length; k += 3) keys.push({ class_id: stored[k]!, lesson_id: stored[k + 1]!, participant_id: stored[k + 2]! });
    return keys;
  }

  #send(message: (id: number) => Exclude<Message, 'close'>): Promise<StoreSheetResult[] | string[]> {
    const id = this.#next++;
    return new Promise<StoreSheetResult[] | string[]>((resolve, reject) => {
      this.#waiting.set(id, { resolve, reject });
      this.#worker.ref();
      this.#worker.postMessage(message(id));
    }).finally(() => {
      if (this.#waiting.size === 0) this.#worker.unref();
    });
  }

  async close(): Promise<void> {
    this.#worker.ref();
    this.#worker.postMessage('close');
    await new Promise((resolve) => this.#worker.once('exit', resolve));
  }

  #failAll(error: unknown): void {
    for (const w of this.#waiting.values()) w.reject(error);
    this.#waiting.clear();
  }
}

async function serve(): Promise<void> {
  const database: Database = await createDb({ kind: 'sqlite', file: (workerData as { file: string }).file });
  // One batch at a time, in arrival order (the writer sends the next only after this one answered anyway).
  let chain = Promise.resolve();
  parentPort!.on('message', (message: Message) => {
    chain = chain.then(async () => {
      if (message === 'close') {
        await database.close();
        process.exit(0);
      }
      let reply: Reply;
      try {
        const results =
          'batch' in message
            ? await storeSheets(database.db, fromWire(message.batch))
            : (await storeCheckinBatch(database.db, checkinsFromWire(message.checkins), devicesFromWire(message.devices))).flatMap((k) => [k.class_id, k.lesson_id, k.participant_id]);
        reply = { id: message.id, ok: true, results };
      } catch (error) {
        const e = error as { message?: unknown; code?: unknown };
        reply = { id: message.id, ok: false, error: { message: String(e?.message ?? error), code: e?.code } };
      }
      parentPort!.postMessage(reply);
    });
  });
}

if (!isMainThread && (workerData as { file?: unknown } | null)?.file) await serve();
