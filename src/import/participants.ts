/**
 * 学员名单导入: reads a roster file (xlsx, or CSV in UTF-8 or GBK) into rows — 姓名/name, 单位/unit, 职务/post and an
 * optional 手机/phone — naming every bad row by its spreadsheet row number (header = row 1). The file's type is decided
 * by its content, never its name. Units are matched by the caller (domain/training/unit-match.ts); the row reasons
 * are said here.
 */
import type { Message } from '../domain/results.js';
import { normalizeHeader, readSpreadsheet } from './spreadsheet.js';
import { own } from '../domain/own.js';

export const MAX_ROSTER_ROWS = 50_000;

type Column = 'name' | 'unit' | 'post' | 'phone';

const HEADERS: Record<string, Column> = {
  姓名: 'name', 学员: 'name', 学员姓名: 'name', name: 'name',
  单位: 'unit', 所在单位: 'unit', 工作单位: 'unit', 单位名称: 'unit', unit: 'unit',
  职务: 'post', 职位: 'post', 岗位: 'post', post: 'post', position: 'post', title: 'post',
  手机: 'phone', 手机号: 'phone', 手机号码: 'phone', 电话: 'phone', 联系电话: 'phone', phone: 'phone', mobile: 'phone',
};

export interface RosterRow {
  row: number;
  name: string;
  unit: string;
  post: string;
  phone: string | null;
}

export interface RosterProblem {
  row: number;
  column?: string;
  message: Message;
}

export interface RosterFile {
  rows: RosterRow[];
  /** Problems of the file as a whole (row 0) or of its header, and rows left out for a problem of their own. */
  problems: RosterProblem[];
}

const msg = (zh: string, en: string): Message => ({ zh, en });

/** The row reasons of a roster import. */
export const ROSTER_TEXT = {
  empty: msg('文件为空', 'The file is empty'),
  noHeader: msg('第 1 行应为表头，至少包含「姓名」和「单位」两列', 'Row 1 must be a header naming at least the 姓名 (name) and 单位 (unit) columns'),
  tooMany: (n: number) => msg(`名单不能超过 ${MAX_ROSTER_ROWS} 行，本文件有 ${n} 行`, `At most ${MAX_ROSTER_ROWS} rows; this file has ${n}`),
  emptyName: msg('姓名为空', 'The name is empty'),
  nameTooLong: msg('姓名超过 100 个字', 'The name is longer than 100 characters'),
  emptyUnit: msg('单位为空', 'The unit is empty'),
  postTooLong: msg('职务超过 100 个字', 'The post is longer than 100 characters'),
  badPhone: msg('电话只能含数字、+、- 和空格，最多 20 位', 'A phone holds only digits, +, - and spaces, at most 20'),
  unknownUnit: (unit: string) => msg(`单位「${unit}」不在本培训班的单位中，请写全称或区划代码`, `Unit “${unit}” is not one of the class's units; write its full name or division code`),
  ambiguousUnit: (unit: string, places: string[]) =>
    msg(`单位「${unit}」有 ${places.length} 个同名单位（${places.join('；')}），请写上上级单位，如「${places[0]}」`, `${places.length} units are named “${unit}” (${places.join('; ')}); write the unit above it too, e.g. “${places[0]}”`),
  duplicateInFile: (first: number) => msg(`与第 ${first} 行是同一人（同一单位、同一姓名）`, `The same person as row ${first} (same unit and name)`),
  alreadyOnRoster: msg('名单中已有此人（同一单位、同一姓名）', 'This person (same unit and name) is already on the roster'),
};

/** The column a header cell names; own keys only, so a cell reading `__proto__` or `constructor` names nothing. */
function columnOf(cell: string): Column | undefined {
  const key = normalizeHeader(cell);
  return own(HEADERS, key);
}

export async function parseRosterFile(data: Buffer, filename?: string): Promise<RosterFile> {
  const fail = (row: number, message: Message): RosterFile => ({ rows: [], problems: [{ row, message }] });
  const isHeader = (cells: string[]) => cells.some((c) => columnOf(c) === 'name');
  const read = await readSpreadsheet(data, filename, isHeader, true);
  if (!read.ok) return fail(0, read.message);
  const nonEmpty = read.rows.filter((r) => r.cells.some((c) => c !== ''));
  const [header, ...rows] = nonEmpty;
  if (!header) return fail(0, ROSTER_TEXT.empty);
  const columns = new Map<Column, number>();
  header.cells.forEach((text, i) => {
    const column = columnOf(text);
    if (column && !columns.has(column)) columns.set(column, i);
  });
  if (!columns.has('name') || !columns.has('unit')) return fail(header.row, ROSTER_TEXT.noHeader);
  if (rows.length > MAX_ROSTER_ROWS) return fail(0, ROSTER_TEXT.tooMany(rows.length));

  const cell = (cells: string[], c: Column) => {
    const i = columns.get(c);
    return i === undefined ? '' : (cells[i] ?? '').trim();
  };
  const out: RosterRow[] = [];
  const problems: RosterProblem[] = [];
  for (const r of rows) {
    const name = cell(r.cells, 'name');
    const unit = cell(r.cells, 'unit');
    const post = cell(r.cells, 'post');
    const phone = cell(r.cells, 'phone');
    const problem =
      name === '' ? { column: '姓名', message: ROSTER_TEXT.emptyName }
      : name.length > 100 ? { column: '姓名', message: ROSTER_TEXT.nameTooLong }
      : unit === '' ? { column: '单位', message: ROSTER_TEXT.emptyUnit }
      : post.length > 100 ? { column: '职务', message: ROSTER_TEXT.postTooLong }
      : phone !== '' && !/^[0-9+\- ]{1,20}$/.test(phone) ? { column: '电话', message: ROSTER_TEXT.badPhone }
      : null;
    if (problem) problems.push({ row: r.row, ...problem });
    else out.push({ row: r.row, name, unit, post, phone: phone || null });
  }
  return { rows: out, problems };
}
