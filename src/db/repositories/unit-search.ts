/** Unit look-ups for browsing and imports: by parent, by level, roots, and by code. */
import type { Unit, UnitLevel } from '../../domain/types.js';
import type { Db } from '../database.js';
import { chunk } from './shared.js';

const COLUMNS = ['id', 'code', 'name', 'level', 'parent_id'] as const;

export async function findUnits(db: Db, filter: { parentId?: string | null; level?: UnitLevel; limit?: number }): Promise<Unit[]> {
  let q = db.selectFrom('units').select(COLUMNS);
  if (filter.parentId === null) q = q.where('parent_id', 'is', null);
  else if (filter.parentId !== undefined) q = q.where('parent_id', '=', filter.parentId);
  if (filter.level !== undefined) q = q.where('level', '=', filter.level);
  const rows = await q.orderBy('id').limit(filter.limit ?? 5000).execute();
  return rows.map((r) => ({ id: r.id, code: r.code, name: r.name, level: r.level, parentId: r.parent_id }));
}

/** Units with any of these codes (an import's parents that are already stored). */
export async function findUnitsByCodes(db: Db, codes: readonly string[]): Promise<Unit[]> {
  const out: Unit[] = [];
  for (const part of chunk([...new Set(codes)], 1)) {
    const rows = await db.selectFrom('units').select(COLUMNS).where('code', 'in', part).execute();
    out.push(...rows.map((r) => ({ id: r.id, code: r.code, name: r.name, level: r.level, parentId: r.parent_id })));
  }
  return out;
}

export async function findUnitsByIds(db: Db, ids: readonly string[]): Promise<Unit[]> {
  const out: Unit[] = [];
  for (const part of chunk([...new Set(ids)], 1)) {
    const rows = await db.selectFrom('units').select(COLUMNS).where('id', 'in', part).execute();
    out.push(...rows.map((r) => ({ id: r.id, code: r.code, name: r.name, level: r.level, parentId: r.parent_id })));
  }
  return out;
}
