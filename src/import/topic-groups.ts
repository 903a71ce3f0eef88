/**
 * 分组名单导入: reads a group list (xlsx, or CSV in UTF-8 or GBK) into rows — the group (组别, by its number or its
 * topic: 议题), the person by 姓名 and 单位 or by 个人签到码, and an optional 汇报人 mark — naming every bad row by its
 * spreadsheet row number (header = row 1). Groups and people are matched by the caller.
 */
import type { Message } from '../domain/results.js';
import { own } from '../domain/own.js';
import { normalizeHeader, readSpreadsheet } from './spreadsheet.js';

export const MAX_GROUP_ROWS = 10_000;

type Column = 'group' | 'topic' | 'name' | 'unit' | 'code' | 'reporter';

const HEADERS: Record<string, Column> = {
  组别: 'group', 组号: 'group', 分组: 'group', 小组: 'group', 研讨组: 'group', group: 'group',
  议题: 'topic', 研讨议题: 'topic', 题目: 'topic', 命题: 'topic', topic: 'topic',
  姓名: 'name', 学员: 'name', 学员姓名: 'name', name: 'name',
  单位: 'unit', 所在单位: 'unit', 工作单位: 'unit', 单位名称: 'unit', unit: 'unit',
  个人签到码: 'code', 签到码: 'code', code: 'code',
  汇报人: 'reporter', 是否汇报人: 'reporter', reporter: 'reporter',
};

export interface GroupListRow {
  row: number;
  /** What the file says of the group: its number ("第三组", "3") and/or its topic. */
  group: string;
  topic: string;
  name: string;
  unit: string;
  code: string;
  reporter: boolean;
}

export interface GroupListProblem {
  row: number;
  column?: string;
  message: Message;
}

const msg = (zh: string, en: string): Message => ({ zh, en });

export const GROUP_LIST_TEXT = {
  empty: msg('文件为空', 'The file is empty'),
  noHeader: msg('第 1 行应为表头：「组别」或「议题」一列，以及「姓名」和「单位」两列或「个人签到码」一列', 'Row 1 must be a header: a 组别 (group) or 议题 (topic) column, and 姓名 and 单位 (name and unit) or 个人签到码 (personal code)'),
  tooMany: (n: number) => msg(`分组名单不能超过 ${MAX_GROUP_ROWS} 行，本文件有 ${n} 行`, `At most ${MAX_GROUP_ROWS} rows; this file has ${n}`),
  noGroup: msg('组别和议题都为空', 'Neither the group nor the topic is given'),
  noPerson: msg('请填写姓名和单位，或个人签到码', 'Give the name and unit, or the personal code'),
  unknownGroup: (text: string) => msg(`没有「${text}」这个研讨组，请先在系统中建组，或写组号（如「第三组」）`, `No topic group “${text}”; create it first, or write its number (e.g. 第三组)`),
  groupsDisagree: msg('组别与议题指向不同的研讨组', 'The group number and the topic name different groups'),
  unknownCode: msg('个人签到码不正确', 'No trainee has this personal code'),
  unknownPerson: (name: string, unit: string) => msg(`本培训班「${unit}」没有学员「${name}」`, `No trainee ${name} of ${unit} in this class`),
  duplicateInFile: (first: number) => msg(`与第 ${first} 行是同一人`, `The same person as row ${first}`),
  inOtherGroup: (topic: string) => msg(`此人已在研讨组「${topic}」中；确需调组，请勾选“允许调组”后再导入`, `Already in the group “${topic}”; tick “allow moves” to move them`),
  secondReporter: (first: number) => msg(`同一组只能有一位汇报人（第 ${first} 行已标为汇报人）`, `A group has one reporter only (row ${first} is marked already)`),
};

const YES = new Set(['是', '√', '✓', 'y', 'yes', '1', 'true', '汇报人']);

function columnOf(cell: string): Column | undefined {
  return own(HEADERS, normalizeHeader(cell));
}

export async function parseGroupList(data: Buffer, filename?: string): Promise<{ rows: GroupListRow[]; problems: GroupListProblem[] }> {
  const fail = (row: number, message: Message) => ({ rows: [], problems: [{ row, message }] });
  const isHeader = (cells: string[]) => cells.some((c) => columnOf(c) === 'group' || columnOf(c) === 'topic');
  const read = await readSpreadsheet(data, filename, isHeader, true);
  if (!read.ok) return fail(0, read.message);
  const [header, ...rows] = read.rows.filter((r) => r.cells.some((c) => c !== ''));
  if (!header) return fail(0, GROUP_LIST_TEXT.empty);
  const columns = new Map<Column, number>();
  header.cells.forEach((text, i) => {
    const column = columnOf(text);
    if (column && !columns.has(column)) columns.set(column, i);
  });
  const names = columns.has('name') && columns.has('unit');
  if (!(columns.has('group') || columns.has('topic')) || !(names || columns.has('code'))) return fail(header.row, GROUP_LIST_TEXT.noHeader);
  if (rows.length > MAX_GROUP_ROWS) return fail(0, GROUP_LIST_TEXT.tooMany(rows.length));
  const cell = (cells: string[], c: Column) => {
    const i = columns.get(c);
    return i === undefined ? '' : (cells[i] ?? '').trim();
  };
  const out: GroupListRow[] = [];
  const problems: GroupListProblem[] = [];
  for (const r of rows) {
    const row: GroupListRow = {
      row: r.row,
      group: cell(r.cells, 'group'),
      topic: cell(r.cells, 'topic'),
      name: cell(r.cells, 'name'),
      unit: cell(r.cells, 'unit'),
      code: cell(r.cells, 'code'),
      reporter: YES.has(cell(r.cells, 'reporter').toLowerCase()),
    };
    if (!row.group && !row.topic) problems.push({ row: r.row, column: '组别', message: GROUP_LIST_TEXT.noGroup });
    else if (!row.code && !(row.name && row.unit)) problems.push({ row: r.row, column: '姓名', message: GROUP_LIST_TEXT.noPerson });
    else out.push(row);
  }
  return { rows: out, problems };
}

const CHINESE_DIGITS = '一二三四五六七八九十';

/** "第三组", "三组", "3", "第3组", "3组" → 3; null when it is no group number. */
export function groupNumber(text: string): number | null {
  const m = /^第?\s*([0-9]{1,3}|[一二三四五六七八九十]{1,3})\s*组?$/.exec(text.trim());
  if (!m) return null;
  const n = m[1]!;
  if (/^[0-9]+$/.test(n)) return Number(n);
  // 一…九, 十, 十一…十九, 二十…九十九.
  const d = (c: string) => CHINESE_DIGITS.indexOf(c) + 1;
  if (n.length === 1) return d(n);
  if (n.length === 2 && n[0] === '十') return 10 + d(n[1]!);
  if (n.length === 2 && n[1] === '十') return d(n[0]!) * 10;
  if (n.length === 3 && n[1] === '十') return d(n[0]!) * 10 + d(n[2]!);
  return null;
}
