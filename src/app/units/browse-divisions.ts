/**
 * 行政区划浏览与导入: the bundled national division data, one level at a time (provinces → cities → counties →
 * townships; never villages), and the import of a province's or city's subtree as units.
 */
import { AppError } from '../../contracts/errors.js';
import { MESSAGES } from '../../contracts/messages.js';
import { inTransaction } from '../../db/repositories/shared.js';
import { findUnitsByIds } from '../../db/repositories/unit-search.js';
import { getUnit, insertUnits } from '../../db/repositories/units.js';
import { divisionRows, loadDivisionTree, unitIdForCode } from '../../divisions/china-division.js';
import type { UnitLevel } from '../../domain/types.js';
import type { AppContext } from '../context.js';
import type { Actor } from '../policies/roles.js';
import { recordAudit } from '../kernel/record-audit.js';
import type { Division } from '../../contracts/units.js';
import type { DivisionBrowse } from '../../contracts/units.js';
import type { DivisionImport } from '../../contracts/units.js';

const LEVEL_BY_LENGTH: Record<number, UnitLevel> = { 2: 'province', 4: 'city', 6: 'county', 9: 'township' };

function findDivision(code: string): { code: string; name: string; level: UnitLevel } | null {
  const level = LEVEL_BY_LENGTH[code.length];
  if (!level) return null;
  const file = ({ province: 'provinces', city: 'cities', county: 'areas', township: 'streets' } as const)[level as 'province'];
  const row = divisionRows(file).find((r) => r.code === code);
  return row ? { code: row.code, name: row.name, level } : null;
}

function childrenOf(code: string | undefined): { code: string; name: string; level: UnitLevel }[] {
  if (code === undefined) return divisionRows('provinces').map((r) => ({ code: r.code, name: r.name, level: 'province' }));
  if (code.length === 2) return divisionRows('cities').filter((r) => r.provinceCode === code).map((r) => ({ code: r.code, name: r.name, level: 'city' }));
  if (code.length === 4) return divisionRows('areas').filter((r) => r.cityCode === code).map((r) => ({ code: r.code, name: r.name, level: 'county' }));
  if (code.length === 6) return divisionRows('streets').filter((r) => r.areaCode === code).map((r) => ({ code: r.code, name: r.name, level: 'township' }));
  return [];
}

async function withStored(ctx: AppContext, rows: { code: string; name: string; level: UnitLevel }[]): Promise<Division[]> {
  const stored = new Set((await findUnitsByIds(ctx.database.db, rows.map((r) => unitIdForCode(r.code)))).map((u) => u.id));
  return rows.map((r) => ({ ...r, unitId: stored.has(unitIdForCode(r.code)) ? unitIdForCode(r.code) : null }));
}

/** One division and its children; no code: the provinces. */
export async function browseDivisions(ctx: AppContext, code: string | undefined): Promise<DivisionBrowse> {
  if (code === undefined) return { division: null, children: await withStored(ctx, childrenOf(undefined)) };
  const found = findDivision(code);
  if (!found) throw new AppError('not_found', { message: MESSAGES.divisionMissing(code) });
  const [division] = await withStored(ctx, [found]);
  return { division: division!, children: await withStored(ctx, childrenOf(code)) };
}

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
