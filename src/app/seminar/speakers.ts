/** 座谈会发言人: read the ordered list, or replace it as a whole (the office's order is the speaking order). */
import { randomBytes } from 'node:crypto';
import { AppError } from '../../contracts/errors.js';
import { MESSAGES } from '../../contracts/messages.js';
import type { SeminarSpeaker, SpeakersInput } from '../../contracts/seminar.js';
import { listSpeakerRows, replaceSpeakerRows, type SpeakerRow } from '../../db/repositories/seminar.js';
import { inTransaction } from '../../db/repositories/shared.js';
import { getUnit } from '../../db/repositories/units.js';
import type { AppContext } from '../context.js';
import { recordAudit } from '../kernel/record-audit.js';
import type { Actor } from '../policies/roles.js';
import { ClassUnits } from '../training/class-units.js';
import { requireClass } from '../training/require-class.js';

function present(rows: readonly SpeakerRow[], units: ClassUnits): SeminarSpeaker[] {
  return rows.map((r) => ({ id: r.id, position: r.position, name: r.name, unitId: r.unit_id, unitName: r.unit_id ? units.name(r.unit_id) : null, post: r.post, topic: r.topic }));
}

export async function listSpeakers(ctx: AppContext, classId: string): Promise<SeminarSpeaker[]> {
  const db = ctx.database.db;
  const { row } = await requireClass(db, classId);
  return present(await listSpeakerRows(db, classId), await ClassUnits.load(db, row.root_unit_id));
}

export async function setSpeakers(ctx: AppContext, actor: Actor, classId: string, input: SpeakersInput): Promise<SeminarSpeaker[]> {
  return inTransaction(ctx.database.db, async (trx) => {
    const { row } = await requireClass(trx, classId);
    const units = await ClassUnits.load(trx, row.root_unit_id);
    const ids = new Set<string>();
    const rows: SpeakerRow[] = [];
    for (const [i, s] of input.speakers.entries()) {
      const id = s.id ?? `sp-${randomBytes(5).toString('hex')}`;
      if (ids.has(id)) throw new AppError('invalid_request', { message: MESSAGES.speakerRepeated, details: [{ path: `body.speakers.${i}.id`, message: MESSAGES.speakerRepeated }] });
      ids.add(id);
      if (s.unitId !== null && !units.has(s.unitId)) {
        const message = MESSAGES.unitOutsideClass((await getUnit(trx, s.unitId))?.name ?? MESSAGES.chosenUnit.zh);
        throw new AppError('invalid_request', { message, details: [{ path: `body.speakers.${i}.unitId`, message }] });
      }
      rows.push({ class_id: classId, id, position: i + 1, name: s.name, unit_id: s.unitId, post: s.post, topic: s.topic });
    }
    await replaceSpeakerRows(trx, classId, rows);
    await recordAudit(trx, ctx, actor, 'seminar.speakers.set', 'training_class', classId, { speakers: rows.map((r) => r.name) });
    return present(rows, units);
  });
}
