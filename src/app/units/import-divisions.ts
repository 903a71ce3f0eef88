/** 从区划导入: a province or a city with everything below it down to townships; stored units are skipped. */
import { AppError } from '../../contracts/errors.js';
import { MESSAGES } from '../../contracts/messages.js';
import { inTransaction } from '../../db/repositories/shared.js';
import { findUnitsByIds } from '../../db/repositories/unit-search.js';
import { getUnit, insertUnits } from '../../db/repositories/units.js';
import { loadDivisionTree, unitIdForCode } from '../../divisions/china-division.js';
import type { AppContext } from '../context.js';
import type { Actor } from '../policies/roles.js';
import { recordAudit } from '../kernel/record-audit.js';
import type { DivisionImport } from '../../contracts/units.js';
import { findDivision } from './division-tree.js';

/**
 * Imports a province (2-digit code) or a city (4 digits) with its counties and townships. Units already stored are
 * kept as they are and skipped; a city whose province is stored is placed under it, otherwise it becomes a root.
 */
export async function importDivisions(ctx: AppContext, actor: Actor, code: string): Promise<DivisionImport> {
  const found = findDivision(code);
  if (!found || (found.level !== 'province' && found.level !== 'city')) {
    throw new AppError('invalid_request', { message: MESSAGES.divisionLevel });
  }
  const db = ctx.database.db;
  const units = loadDivisionTree(found.level === 'province' ? { provinceCode: code } : { cityCode: code });
  if (found.level === 'city') {
    const province = await getUnit(db, unitIdForCode(code.slice(0, 2)));
    if (province) units[0] = { ...units[0]!, parentId: province.id };
  }
  const existing = new Set((await findUnitsByIds(db, units.map((u) => u.id))).map((u) => u.id));
  const fresh = units.filter((u) => !existing.has(u.id));
  if (fresh.length > 0) {
    await inTransaction(db, async (trx) => {
      await insertUnits(trx, fresh);
      await recordAudit(trx, ctx, actor, 'units.import-divisions', 'unit', unitIdForCode(code), { code, name: found.name, added: fresh.length, skipped: existing.size });
    });
  }
  return { rootUnitId: unitIdForCode(code), added: fresh.length, skipped: existing.size };
}
