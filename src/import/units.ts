/**
 * 单位导入: reads a units file (CSV in UTF-8 or GBK, or xlsx) into Units, naming every bad row by its spreadsheet row
 * number (header = row 1). Columns: 代码/code, 名称/name, 层级/level, 上级代码/parent_code. Nothing is retyped by hand,
 * so the file is checked as a whole: duplicate codes, unknown parents, levels not below their parent's.
 */
import { UNIT_LEVEL_ORDER, type Unit, type UnitLevel } from '../domain/types.js';
import type { Message } from '../domain/results.js';
import { normalizeHeader, readSpreadsheet, type RawRow } from './spreadsheet.js';
import { own } from '../domain/own.js';

export const MAX_UNIT_ROWS = 100_000;

export interface UnitImportError {
  /** Spreadsheet row (header = 1); 0 for a problem with the whole file. */
  row: number;
  column?: string;
  message: Message;
}

export interface UnitImportResult {
  /** Units of the rows without problems, parents before children; id = 'u' + code. */
  units: Unit[];
  errors: UnitImportError[];
  /** Parent codes the file names but does not define: look these up among stored units and parse again. */
  parentCodes: string[];
}

type Column = 'code' | 'name' | 'level' | 'parent';

const HEADERS: Record<string, Column> = {
  代码: 'code', 编码: 'code', 区划代码: 'code', 单位代码: 'code', code: 'code',
  名称: 'name', 单位名称: 'name', name: 'name',
  层级: 'level', 级别: 'level', level: 'level',
  上级代码: 'parent', 上级编码: 'parent', 上级单位代码: 'parent', parent_code: 'parent', parentcode: 'parent', parent: 'parent',
};

const COLUMN_LABELS: Record<Column, string> = { code: '代码', name: '名称', level: '层级', parent: '上级代码' };

const LEVELS: Record<string, UnitLevel> = {
  省: 'province', 省级: 'province', 自治区: 'province', 直辖市: 'province', province: 'province',
  市: 'city', 地级市: 'city', 州: 'city', 自治州: 'city', 盟: 'city', 地区: 'city', 市级: 'city', city: 'city', prefecture: 'city',
  县: 'county', 区: 'county', 县级市: 'county', 旗: 'county', 自治县: 'county', 县级: 'county', 县区: 'county', 县市区: 'county',
  county: 'county', district: 'county',
  乡: 'township', 镇: 'township', 街道: 'township', 乡镇: 'township', 乡镇街道: 'township', 苏木: 'township',
  township: 'township', town: 'township', street: 'township', subdistrict: 'township',
  村: 'village', 社区: 'village', 村社区: 'village', 居委会: 'village', 村委会: 'village', 嘎查: 'village',
  village: 'village', community: 'village',
  网格: 'grid', grid: 'grid',
};

/** A level as written in a file (县级市, 乡镇（街道）, District, …), or null when it is not one. */
export function parseUnitLevel(text: string): UnitLevel | null {
  const key = text.replace(/[\s()（）、,，/]/g, '').toLowerCase();
  return own(LEVELS, key) ?? null;
}

const msg = (zh: string, en: string): Message => ({ zh, en });

/** The column a header cell names; own keys only, so a cell reading `__proto__` or `constructor` names nothing. */
function columnOf(cell: string): Column | undefined {
  const key = normalizeHeader(cell);
  return own(HEADERS, key);
}

const namesColumn = (cells: string[]) => cells.some((c) => columnOf(c) === 'name');

interface Candidate {
  row: number;
  code: string;
  name: string;
  level: UnitLevel;
  parentCode: string;
}

/**
 * Parses a units file. `existing` are stored units a row may name as its parent (by code) and whose codes the file
 * must not repeat. Rows with problems are left out of `units`; every problem is in `errors`.
 */
export async function parseUnitsFile(
  data: Buffer,
  filename?: string,
  existing: readonly Unit[] = [],
): Promise<UnitImportResult> {
  const fail = (message: Message): UnitImportResult => ({ units: [], errors: [{ row: 0, message }], parentCodes: [] });
  const read = await readSpreadsheet(data, filename, namesColumn);
  if (!read.ok) return fail(read.message);
  const raw = read.rows;
  const nonEmpty = raw.filter((r) => r.cells.some((c) => c !== ''));
  const [header, ...rows] = nonEmpty;
  if (!header) return fail(msg('文件为空', 'The file is empty'));
  if (rows.length > MAX_UNIT_ROWS) {
    return fail(msg(`单位不能超过 ${MAX_UNIT_ROWS} 行，本文件有 ${rows.length} 行`, `At most ${MAX_UNIT_ROWS} rows; this file has ${rows.length}`));
  }

  const columns = new Map<Column, number>();
  header.cells.forEach((text, i) => {
    const column = columnOf(text);
    if (column && !columns.has(column)) columns.set(column, i);
  });
  const missing = (['code', 'name', 'level'] as const).filter((c) => !columns.has(c));
  if (missing.length > 0) {
    const zh = missing.map((c) => COLUMN_LABELS[c]).join('、');
    return {
      units: [],
      errors: [{ row: header.row, message: msg(`表头缺少列：${zh}`, `The header lacks column(s): ${missing.join(', ')}`) }],
      parentCodes: [],
    };
  }
  return resolve(rows, columns, existing);
}

function resolve(rows: RawRow[], columns: Map<Column, number>, existing: readonly Unit[]): UnitImportResult {
  const errors: UnitImportError[] = [];
  const cell = (r: RawRow, c: Column) => {
    const i = columns.get(c);
    return i === undefined ? '' : (r.cells[i] ?? '').trim();
  };
  const existingByCode = new Map(existing.filter((u) => u.code !== null).map((u) => [u.code as string, u]));
  const firstRowOf = new Map<string, number>();
  const candidates = new Map<string, Candidate>();

  for (const r of rows) {
    const code = cell(r, 'code');
    const name = cell(r, 'name');
    const levelText = cell(r, 'level');
    const level = parseUnitLevel(levelText);
    let ok = true;
    const refuse = (column: Column, zh: string, en: string) => {
      errors.push({ row: r.row, column: COLUMN_LABELS[column], message: msg(zh, en) });
      ok = false;
    };
    if (code === '') refuse('code', '缺少代码', 'Code is missing');
    else if (firstRowOf.has(code)) refuse('code', `代码 ${code} 与第 ${firstRowOf.get(code)} 行重复`, `Code ${code} repeats row ${firstRowOf.get(code)}`);
    else if (existingByCode.has(code)) refuse('code', `代码 ${code} 的单位已存在`, `A unit with code ${code} already exists`);
    if (code !== '' && !firstRowOf.has(code)) firstRowOf.set(code, r.row);
    if (name === '') refuse('name', '缺少名称', 'Name is missing');
    if (levelText === '') refuse('level', '缺少层级', 'Level is missing');
    else if (level === null) refuse('level', `无法识别的层级「${levelText}」`, `Unknown level “${levelText}”`);
    if (ok && level !== null) candidates.set(code, { row: r.row, code, name, level, parentCode: cell(r, 'parent') });
  }

  const parentCodes = new Set<string>();
  for (const r of rows) {
    const p = cell(r, 'parent');
    if (p !== '' && !firstRowOf.has(p)) parentCodes.add(p);
  }

  // Parents first; a row whose parent row was refused is refused too, and says which row to fix.
  const units: Unit[] = [];
  const state = new Map<string, 'visiting' | 'ok' | 'refused'>();
  const accept = (c: Candidate): boolean => {
    const known = state.get(c.code);
    if (known === 'ok') return true;
    if (known === 'refused') return false;
    if (known === 'visiting') return false;
    state.set(c.code, 'visiting');
    const refuse = (zh: string, en: string) => {
      errors.push({ row: c.row, column: COLUMN_LABELS.parent, message: msg(zh, en) });
      state.set(c.code, 'refused');
      return false;
    };
    let parent: { id: string; name: string; level: UnitLevel } | null = null;
    if (c.parentCode !== '') {
      if (c.parentCode === c.code) return refuse('上级代码不能是本单位自己', 'A unit cannot be its own parent');
      const inFile = candidates.get(c.parentCode);
      const stored = existingByCode.get(c.parentCode);
      if (inFile) {
        if (state.get(inFile.code) === 'visiting') {
          return refuse(`上级代码 ${c.parentCode} 形成循环`, `Parent code ${c.parentCode} makes a cycle`);
        }
        if (!accept(inFile)) {
          return refuse(`上级单位（第 ${inFile.row} 行）有误，请先修正该行`, `The parent unit (row ${inFile.row}) has a problem; fix that row first`);
        }
        parent = { id: 'u' + inFile.code, name: inFile.name, level: inFile.level };
      } else if (stored) {
        parent = stored;
      } else if (firstRowOf.has(c.parentCode)) {
        const row = firstRowOf.get(c.parentCode);
        return refuse(`上级单位（第 ${row} 行）有误，请先修正该行`, `The parent unit (row ${row}) has a problem; fix that row first`);
      } else {
        return refuse(`找不到上级代码 ${c.parentCode}（文件和已有单位中都没有）`, `Parent code ${c.parentCode} is neither in the file nor among existing units`);
      }
      if (UNIT_LEVEL_ORDER.indexOf(parent.level) >= UNIT_LEVEL_ORDER.indexOf(c.level)) {
        errors.push({
          row: c.row,
          column: COLUMN_LABELS.level,
          message: msg(
            `「${c.name}」的层级必须低于上级「${parent.name}」`,
            `“${c.name}” must be at a level below its parent “${parent.name}”`,
          ),
        });
        state.set(c.code, 'refused');
        return false;
      }
    }
    state.set(c.code, 'ok');
    units.push({ id: 'u' + c.code, code: c.code, name: c.name, level: c.level, parentId: parent?.id ?? null });
    return true;
  };
  for (const c of candidates.values()) accept(c);
  errors.sort((a, b) => a.row - b.row);
  return { units, errors, parentCodes: [...parentCodes] };
}
