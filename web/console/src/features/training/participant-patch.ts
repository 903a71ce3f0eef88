/** What editing a trainee sends: only the fields that changed, so a fix never overwrites what it does not name. */
import type { Participant, ParticipantPatch } from '../../api/types.js';

export interface ParticipantValues {
  name: string;
  unitId: string;
  post: string;
  /** null: no phone. */
  phone: string | null;
}

/** The patch for `values` over `before`, or null when nothing changed. */
export function participantPatch(before: Participant, values: ParticipantValues): ParticipantPatch | null {
  const patch: ParticipantPatch = {};
  if (values.name !== before.name) patch.name = values.name;
  if (values.unitId !== before.unitId) patch.unitId = values.unitId;
  if (values.post !== before.post) patch.post = values.post;
  if (values.phone !== before.phone) patch.phone = values.phone;
  return Object.keys(patch).length === 0 ? null : patch;
}
