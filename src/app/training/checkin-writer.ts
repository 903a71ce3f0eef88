/**
 * 签到成批写入: in a burst (2,100 trainees in a few minutes), concurrent check-ins share one transaction — a
 * multi-row insert of the marks that skips a person already marked, and one of the new devices — and each is
 * answered after that commit (kernel/group-commit.ts). Whether this check-in stored the mark is read back from the
 * rows the insert returned; a double tap in one batch stores the first.
 */
import { storeCheckinBatch, type CheckinKey, type CheckinRow, type DeviceRow } from '../../db/repositories/training.js';
import type { Db } from '../../db/database.js';
import { GroupCommit } from '../kernel/group-commit.js';

/** Stores one batch and answers the keys of the marks it stored: in this thread, or on SQLite's writer thread. */
export type CheckinStore = (rows: readonly CheckinRow[], devices: readonly DeviceRow[]) => Promise<CheckinKey[]>;

export interface CheckinWrite {
  checkin: CheckinRow;
  device: DeviceRow | null;
}

const key = (c: Pick<CheckinRow, 'class_id' | 'lesson_id' | 'participant_id'>) => `${c.class_id}\u0000${c.lesson_id}\u0000${c.participant_id}`;

export class CheckinWriter {
  private readonly batcher: GroupCommit<CheckinWrite, boolean>;

  constructor(db: Db, store: CheckinStore = (rows, devices) => storeCheckinBatch(db, rows, devices)) {
    this.batcher = new GroupCommit<CheckinWrite, boolean>({
      maxBatch: 500,
      flush: async (items) => {
        const first = new Map<string, number>();
        items.forEach((w, i) => {
          if (!first.has(key(w.checkin))) first.set(key(w.checkin), i);
        });
        const rows = items.filter((w, i) => first.get(key(w.checkin)) === i).map((w) => w.checkin);
        const stored = new Set((await store(rows, items.flatMap((w) => (w.device ? [w.device] : [])))).map(key));
        return items.map((w, i) => ({ ok: true as const, value: first.get(key(w.checkin)) === i && stored.has(key(w.checkin)) }));
      },
    });
  }

  /** True when this call stored the mark; false when the person already had one for the lesson. */
  write(item: CheckinWrite): Promise<boolean> {
    return this.batcher.submit(item);
  }

  idle(): Promise<void> {
    return this.batcher.idle();
  }
}
