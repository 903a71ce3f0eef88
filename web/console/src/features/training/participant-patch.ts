/** What editing a trainee sends: the fields that changed — and always the phone. */
import type { Participant, ParticipantPatch } from '../../api/types.js';

export interface ParticipantValues {
  name: string;
  unitId: string;
  post: string;
  /** null: no phone. */
  phone: string | null;
}

/**
 * The patch for `values` over `before`, or null when nothing changed. The phone goes along with any change: the
 * patch schema reads a missing phone as null (its default) and the server would erase it (reported on #13).
 */
export function participantPatch(before: Participant, values: ParticipantValues): ParticipantPatch | null {
  const patch: ParticipantPatch = {};
  if (values.name !== before.name) patch.name = values.name;
  if (values.unitId !== before.unitId) patch.unitId = values.unitId;
  if (values.post !== before.post) patch.post = values.post;
  if (values.phone !== before.phone) patch.phone = values.phone;
  return Object.keys(patch).length === 0 ? null : { ...patch, phone: values.phone };
}
