/**
 * 签到成批写入: concurrent check-ins share one transaction and each learns whether it stored the mark — a double tap
 * in one batch and a retry after it store one mark — in this thread and, on a SQLite file, on the writer thread.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createBallotWriter } from '../../src/app/kernel/ballot-writer.js';
import { CheckinWriter, type CheckinWrite } from '../../src/app/training/checkin-writer.js';
import type { Database } from '../../src/db/database.js';
import { insertClass, insertParticipants, listCheckinRows } from '../../src/db/repositories/training.js';
import { insertUnits } from '../../src/db/repositories/units.js';
import { createTestDb, dialects } from '../helpers/db.js';

const AT = '2026-06-15T01:00:00.000Z';

function write(participant: string, lesson: string, device: string | null = null): CheckinWrite {
  return {
    checkin: { class_id: 'tc', lesson_id: lesson, participant_id: participant, venue_id: 'v', status: 'on_time', at: AT, method: 'scan', reason: null, recorded_by: null },
    device: device ? { hash: device, class_id: 'tc', participant_id: participant, created_at: AT } : null,
  };
}

for (const kind of dialects()) {
  describe(`the check-in writer (${kind})`, () => {
    let database: Database;
    before(async () => {
      database = await createTestDb(kind);
      await insertUnits(database.db, [{ id: 'c', code: null, name: '市', level: 'city', parentId: null }]);
      await insertClass(database.db, { id: 'tc', name: '班', campaign_id: null, root_unit_id: 'c', reflections_close_at: null, starts_on: '2026-06-15', ends_on: '2026-06-15', grace_minutes: 10, late_share_percent: 50, secret: 'x', created_at: AT, updated_at: AT });
      await insertParticipants(database.db, Array.from({ length: 40 }, (_, i) => ({ class_id: 'tc', id: `p${i}`, name: `学员${i}`, unit_id: 'c', post: '', phone: null, code: `C${i}`, created_at: AT })));
    });
    after(() => database.close());

    const round = async (writer: CheckinWriter, lesson: string) => {
      const answers = await Promise.all([
        ...Array.from({ length: 30 }, (_, i) => writer.write(write(`p${i}`, lesson, `${lesson}-dev-${i}`))),
        writer.write(write('p0', lesson)),
        writer.write(write('p1', lesson)),
      ]);
      assert.deepEqual(answers.slice(0, 30), Array(30).fill(true));
      assert.deepEqual(answers.slice(30), [false, false], 'a double tap stores one mark');
      assert.deepEqual(await Promise.all([writer.write(write('p2', lesson)), writer.write(write('p35', lesson))]), [false, true], 'a retry after the commit');
      assert.equal((await listCheckinRows(database.db, 'tc', lesson)).length, 31);
    };

    it('stores each mark once and tells each caller whether it was theirs', async () => {
      await round(new CheckinWriter(database.db), 'l1');
    });

    if (kind === 'sqlite') {
      it('gives the same answers when it commits on the SQLite writer thread', async () => {
        const ballots = createBallotWriter(database);
        try {
          assert.ok(ballots.thread, 'a file database has a writer thread');
          const thread = ballots.thread;
          await round(new CheckinWriter(database.db, (rows, devices) => thread.storeCheckins(rows, devices)), 'l2');
        } finally {
          await ballots.close();
        }
      });
    }
  });
}
