/** 添加单位 (JSON): each parent must exist (stored or in the same request) and sit above. */
import { AppError } from '../../contracts/errors.js';
import { MESSAGES } from '../../contracts/messages.js';
import { inTransaction } from '../../db/repositories/shared.js';
import { findUnitsByIds } from '../../db/repositories/unit-search.js';
import { insertUnits } from '../../db/repositories/units.js';
import { UNIT_LEVEL_ORDER, type Unit } from '../../domain/types.js';
import type { AppContext } from '../context.js';
import type { Actor } from '../policies/roles.js';
import { recordAudit } from '../kernel/record-audit.js';
import type { UnitsAdded } from '../../contracts/units.js';

/** Adds units given as JSON; each parent must exist (stored or in the same request) and sit one level or more above. */
export async function addUnits(ctx: AppContext, actor: Actor, units: Unit[]): Promise<UnitsAdded> {
  const known = new Map<string, Unit>();
  for (const u of await findUnitsByIds(ctx.database.db, units.flatMap((u) => [u.id, ...(u.parentId ? [u.parentId] : [])]))) known.set(u.id, u);
  const details = [];
  const inRequest = new Map(units.map((u) => [u.id, u]));
  for (const [i, u] of units.entries()) {
    if (known.has(u.id) || units.findIndex((x) => x.id === u.id) !== i) details.push({ path: `units.${i}.id`, message: MESSAGES.unitIdTaken(u.id) });
    if (u.parentId === null) continue;
    const parent = inRequest.get(u.parentId) ?? known.get(u.parentId);
    if (!parent) details.push({ path: `units.${i}.parentId`, message: MESSAGES.unitParentMissing(u.parentId) });
    else if (UNIT_LEVEL_ORDER.indexOf(parent.level) >= UNIT_LEVEL_ORDER.indexOf(u.level)) details.push({ path: `units.${i}.level`, message: MESSAGES.unitBelowParent(u.name, parent.name) });
  }
  if (details.length > 0) throw new AppError('invalid_units', { details: details.slice(0, 200) });
  await inTransaction(ctx.database.db, async (trx) => {
    await insertUnits(trx, units);
    await recordAudit(trx, ctx, actor, 'units.add', 'unit', null, { count: units.length });
  });
  return { added: units.length };
}
