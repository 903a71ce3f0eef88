/** 浏览区划: one level of the division data, each entry with the stored unit it became, if any. */
import { AppError } from '../../contracts/errors.js';
import { MESSAGES } from '../../contracts/messages.js';
import { findUnitsByIds } from '../../db/repositories/unit-search.js';
import { unitIdForCode } from '../../divisions/china-division.js';
import type { UnitLevel } from '../../domain/types.js';
import type { AppContext } from '../context.js';
import type { Division } from '../../contracts/units.js';
import type { DivisionBrowse } from '../../contracts/units.js';
import { findDivision, childrenOf } from './division-tree.js';

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
