/** What a role may do on the training pages, as the API allows it (docs/training.md § API); the server checks again. */
import type { Role } from '../../api/types.js';

export interface TrainingRights {
  /** The office (admin, organiser): the class, its agenda and venues, imports, leave, venue screens. */
  edit: boolean;
  /** The office and clerks: roster fixes, 补签, the printable roster with personal codes. */
  counting: boolean;
  /** A county viewer: its own county only, and neither phones nor personal codes. */
  viewer: boolean;
}

export function rolesOf(role: Role | undefined): TrainingRights {
  const edit = role === 'admin' || role === 'organiser';
  return { edit, counting: edit || role === 'clerk', viewer: role === 'viewer' };
}
