/** Loads a unit or answers 404; a viewer is refused outside its scope before the look-up. */
import { notFound } from '../../contracts/messages.js';
import { getUnit } from '../../db/repositories/units.js';
import type { Unit } from '../../domain/types.js';
import type { AppContext } from '../context.js';
import type { Actor } from '../policies/roles.js';
import { isStoredUnitWithin, outsideScope, viewerUnit } from '../policies/unit-scope.js';

export async function requireUnit(ctx: AppContext, actor: Actor, unitId: string): Promise<Unit> {
  const scope = viewerUnit(actor);
  // Outside the scope is refused before the look-up, so a viewer cannot probe which ids exist.
  if (scope !== null && !(await isStoredUnitWithin(ctx.database.db, unitId, scope))) throw outsideScope();
  const unit = await getUnit(ctx.database.db, unitId);
  if (!unit) throw notFound('unit', unitId);
  return unit;
}
