/** 导入单位 from CSV/xlsx: any bad row stores nothing and every bad row is named. */
import { AppError } from '../../contracts/errors.js';
import { MESSAGES } from '../../contracts/messages.js';
import { inTransaction } from '../../db/repositories/shared.js';
import { findUnitsByCodes, findUnitsByIds } from '../../db/repositories/unit-search.js';
import { insertUnits } from '../../db/repositories/units.js';
import { parseUnitsFile } from '../../import/units.js';
import type { AppContext } from '../context.js';
import type { Actor } from '../policies/roles.js';
import { recordAudit } from '../kernel/record-audit.js';
import type { UnitImport } from '../../contracts/units.js';

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
