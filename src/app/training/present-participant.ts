/** A participant as the API shows them; a county viewer sees neither the phone nor the personal code. */
import type { Participant } from '../../contracts/training.js';
import type { ParticipantRow } from '../../db/repositories/training.js';
import type { ClassUnits } from './class-units.js';

export function presentParticipant(row: ParticipantRow, units: ClassUnits, confidential: boolean): Participant {
  return {
    id: row.id,
    name: row.name,
    unitId: row.unit_id,
    unitName: units.name(row.unit_id),
    unitPath: units.path(row.unit_id),
    post: row.post,
    phone: confidential ? row.phone : null,
    code: confidential ? row.code : null,
  };
}
