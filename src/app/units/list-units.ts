/** 单位列表: roots, children of a unit, or a level; a viewer sees only its own subtree. */
import { findUnits } from '../../db/repositories/unit-search.js';
import { listUnitSubtree } from '../../db/repositories/units.js';
import type { Unit, UnitLevel } from '../../domain/types.js';
import type { AppContext } from '../context.js';
import type { Actor } from '../policies/roles.js';
import { isStoredUnitWithin, outsideScope, viewerUnit } from '../policies/unit-scope.js';
import { requireUnit } from './require-unit.js';

/** Roots by default, or children of `parent`, or a level. A viewer's roots are its own unit; it sees only its subtree. */
export async function listUnits(ctx: AppContext, actor: Actor, filter: { parent?: string; level?: UnitLevel }): Promise<Unit[]> {
  const db = ctx.database.db;
  const scope = viewerUnit(actor);
  if (scope !== null) {
    if (filter.parent !== undefined && !(await isStoredUnitWithin(db, filter.parent, scope))) throw outsideScope();
    if (filter.parent === undefined && filter.level === undefined) return [await requireUnit(ctx, actor, scope)];
    if (filter.parent === undefined) {
      return (await listUnitSubtree(db, scope)).filter((u) => u.level === filter.level);
    }
  }
  return findUnits(db, { parentId: filter.parent ?? (filter.level ? undefined : null), level: filter.level });
}
