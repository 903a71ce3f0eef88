/**
 * 学员: add one to the roster, or fix one (name, unit, post, phone) — the office and clerks. The unit must lie within
 * the class's city, and a unit cannot hold two people of the same name (the phone's name picker could not tell them
 * apart). A new participant gets a personal code no one else in the class has.
 */
import { AppError } from '../../contracts/errors.js';
import { MESSAGES, notFound } from '../../contracts/messages.js';
import type { Participant, ParticipantInput, ParticipantPatch } from '../../contracts/training.js';
import type { Db } from '../../db/database.js';
import { inTransaction } from '../../db/repositories/shared.js';
import { getUnit } from '../../db/repositories/units.js';
import { getParticipantRow, insertParticipants, listParticipantRows, listParticipantsInUnit, updateParticipantRow, type ParticipantRow } from '../../db/repositories/training.js';
import type { AppContext } from '../context.js';
import { recordAudit } from '../kernel/record-audit.js';
import type { Actor } from '../policies/roles.js';
import { ClassUnits } from './class-units.js';
import { newPersonalCode, newTrainingId } from './new-ids.js';
import { presentParticipant } from './present-participant.js';
import { invalidField } from './refusals.js';
import { requireClass } from './require-class.js';

async function checkPlace(db: Db, units: ClassUnits, classId: string, name: string, unitId: string, except: string | null): Promise<void> {
  if (!units.has(unitId)) {
    const outside = await getUnit(db, unitId);
    if (!outside) throw notFound('unit', unitId);
    throw invalidField('unitId', MESSAGES.unitOutsideClass(outside.name));
  }
  const namesake = (await listParticipantsInUnit(db, classId, unitId)).find((p) => p.name === name && p.id !== except);
  if (namesake) throw new AppError('duplicate_id', { message: MESSAGES.participantExists(name, units.path(unitId)) });
}

/** A personal code not yet used in the class. */
export function freshCode(taken: Set<string>): string {
  for (;;) {
    const code = newPersonalCode();
    if (!taken.has(code)) {
      taken.add(code);
      return code;
    }
  }
}

export async function addParticipant(ctx: AppContext, actor: Actor, classId: string, input: ParticipantInput): Promise<Participant> {
  return inTransaction(ctx.database.db, async (trx) => {
    const bundle = await requireClass(trx, classId);
    const units = await ClassUnits.load(trx, bundle.row.root_unit_id);
    await checkPlace(trx, units, classId, input.name, input.unitId, null);
    const taken = new Set((await listParticipantRows(trx, classId)).map((p) => p.code));
    const row: ParticipantRow = { class_id: classId, id: newTrainingId('p'), name: input.name, unit_id: input.unitId, post: input.post, phone: input.phone || null, code: freshCode(taken), created_at: ctx.clock().toISOString() };
    await insertParticipants(trx, [row]);
    await recordAudit(trx, ctx, actor, 'training.participant.add', 'training_participant', `${classId}/${row.id}`, { name: row.name, unitId: row.unit_id });
    return presentParticipant(row, units, true);
  });
}

export async function updateParticipant(ctx: AppContext, actor: Actor, classId: string, participantId: string, patch: ParticipantPatch): Promise<Participant> {
  return inTransaction(ctx.database.db, async (trx) => {
    const bundle = await requireClass(trx, classId);
    const before = await getParticipantRow(trx, classId, participantId);
    if (!before) throw notFound('participant', participantId);
    const units = await ClassUnits.load(trx, bundle.row.root_unit_id);
    const after: ParticipantRow = {
      ...before,
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.unitId !== undefined ? { unit_id: patch.unitId } : {}),
      ...(patch.post !== undefined ? { post: patch.post } : {}),
      ...(patch.phone !== undefined ? { phone: patch.phone || null } : {}),
    };
    if (after.name !== before.name || after.unit_id !== before.unit_id) await checkPlace(trx, units, classId, after.name, after.unit_id, participantId);
    await updateParticipantRow(trx, classId, participantId, { name: after.name, unit_id: after.unit_id, post: after.post, phone: after.phone });
    await recordAudit(trx, ctx, actor, 'training.participant.update', 'training_participant', `${classId}/${participantId}`, {
      from: { name: before.name, unitId: before.unit_id, post: before.post, phone: before.phone },
      to: { name: after.name, unitId: after.unit_id, post: after.post, phone: after.phone },
    });
    return presentParticipant(after, units, true);
  });
}
