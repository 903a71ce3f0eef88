/**
 * 单位查看范围: a unit viewer sees its own unit and the units below it, and only published results. Office roles are
 * not confined. A viewer bound to no unit sees nothing (fail closed).
 */
import { AppError } from '../../contracts/errors.js';
import { MESSAGES } from '../../contracts/messages.js';
import type { Db } from '../../db/database.js';
import { getUnit } from '../../db/repositories/units.js';
import type { Actor } from './roles.js';

/** The unit whose subtree `actor` is confined to, or null when not confined. */
export function viewerUnit(actor: Actor): string | null {
  if (actor.role !== 'viewer') return null;
  if (!actor.unitId) throw new AppError('forbidden');
  return actor.unitId;
}

export function outsideScope(): AppError {
  return new AppError('forbidden', { message: MESSAGES.unitOutsideScope });
}

export function notPublished(): AppError {
  return new AppError('forbidden', { message: MESSAGES.resultsNotPublished });
}

/** Is the stored unit `unitId` the unit `rootId` or below it? Walks up the stored tree (a handful of levels). */
export async function isStoredUnitWithin(db: Db, unitId: string, rootId: string): Promise<boolean> {
  let current: string | null = unitId;
  for (let guard = 0; current !== null && guard < 64; guard++) {
    if (current === rootId) return true;
    current = (await getUnit(db, current))?.parentId ?? null;
  }
  return false;
}
