/** 单位: browse, add, and import from CSV/xlsx. An import with any bad row stores nothing and names every bad row. */
import { AppError } from '../../contracts/errors.js';
import { MESSAGES, notFound } from '../../contracts/messages.js';
import { inTransaction } from '../../db/repositories/shared.js';
import { findUnits, findUnitsByCodes, findUnitsByIds } from '../../db/repositories/unit-search.js';
import { getUnit, insertUnits, listUnitSubtree } from '../../db/repositories/units.js';
import { UNIT_LEVEL_ORDER, type Unit, type UnitLevel } from '../../domain/types.js';
import { parseUnitsFile } from '../../import/units.js';
import type { AppContext } from '../context.js';
import type { Actor } from '../policies/roles.js';
import { isStoredUnitWithin, outsideScope, viewerUnit } from '../policies/unit-scope.js';
import { recordAudit } from '../kernel/record-audit.js';
import type { UnitImport } from '../../contracts/units.js';
import type { UnitsAdded } from '../../contracts/units.js';

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

export async function requireUnit(ctx: AppContext, actor: Actor, unitId: string): Promise<Unit> {
  const scope = viewerUnit(actor);
  // Outside the scope is refused before the look-up, so a viewer cannot probe which ids exist.
  if (scope !== null && !(await isStoredUnitWithin(ctx.database.db, unitId, scope))) throw outsideScope();
  const unit = await getUnit(ctx.database.db, unitId);
  if (!unit) throw notFound('unit', unitId);
  return unit;
}

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

export async function importUnits(ctx: AppContext, actor: Actor | 'system', file: { name: string; data: Buffer }, dryRun: boolean): Promise<UnitImport> {
  // Parents the file names but does not define may already be stored: look them up and read the file again.
  const firstPass = await parseUnitsFile(file.data, file.name, []);
  const existing = firstPass.parentCodes.length > 0 ? await findUnitsByCodes(ctx.database.db, firstPass.parentCodes) : [];
  const { units, errors } = existing.length > 0 ? await parseUnitsFile(file.data, file.name, existing) : firstPass;
  const clash = await findUnitsByIds(ctx.database.db, units.map((u) => u.id));
  const allErrors = [
    ...errors.map((e) => ({ row: e.row, path: e.column ?? '', message: e.message })),
    ...clash.map((u) => ({ row: 0, path: 'code', message: MESSAGES.unitExists(u.name, u.code ?? u.id) })),
  ];
  if (allErrors.length > 0) throw new AppError('invalid_units', { details: allErrors.slice(0, 500) });
  if (!dryRun) {
    await inTransaction(ctx.database.db, async (trx) => {
      await insertUnits(trx, units);
      await recordAudit(trx, ctx, actor, 'units.import', 'unit', null, { file: file.name, count: units.length });
    });
  }
  return { dryRun, imported: dryRun ? 0 : units.length, units: units.slice(0, 1000) };
}
