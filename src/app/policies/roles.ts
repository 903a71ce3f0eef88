/**
 * Who may do what. 管理员 admin: everything incl. accounts; 组织者 organiser: the campaign office — set-up, sessions,
 * publication; 计票员 clerk: paper entry, token sheets, tallies; 单位查看 viewer: a county or township that sees only its own
 * units' published results.
 */
import { roleSchema, type Role } from '../../contracts/accounts.js';

export type { Role };

export const ROLES: readonly Role[] = roleSchema.options;

export interface Actor {
  id: string;
  name: string;
  role: Role;
  /** viewer only: the unit whose subtree this actor may see. */
  unitId: string | null;
}

/** Route access lists, named by what they allow. */
export const OFFICE: readonly Role[] = ['admin', 'organiser'];
export const COUNTING: readonly Role[] = ['admin', 'organiser', 'clerk'];
export const STAFF: readonly Role[] = ['admin', 'organiser', 'clerk', 'viewer'];
export const ADMIN: readonly Role[] = ['admin'];
/** The office and unit viewers (a township hands in its own 座谈会 report; a county reads its county's): not the clerk. */
export const OFFICE_AND_VIEWERS: readonly Role[] = ['admin', 'organiser', 'viewer'];
