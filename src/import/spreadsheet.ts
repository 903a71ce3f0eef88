/**
 * Reading an office's spreadsheet: CSV (UTF-8, or GBK as Excel in Chinese locales saves it) or xlsx, into rows of
 * trimmed text with their spreadsheet row numbers (header = row 1). The type is decided by the content — the zip
 * signature of xlsx, the OLE signature of a legacy .xls, text that decodes — and the name only breaks a tie.
 */
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { Message } from '../domain/results.js';
import { hasForbiddenCharacter } from '../domain/text.js';

export interface RawRow {
  row: number;
  cells: string[];
}

export type SheetRead = { ok: true; rows: RawRow[] } | { ok: false; message: Message };

const msg = (zh: string, en: string): Message => ({ zh, en });

function decodeText(data: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    // Excel in Chinese locales saves CSV as GBK.
    return new TextDecoder('gb18030').decode(data);
  }
}

function readCsv(data: Buffer): RawRow[] {
  const records = parse(decodeText(data), { bom: true, relax_column_count: true, skip_empty_lines: false, trim: true }) as string[][];
  return records.map((cells, i) => ({ row: i + 1, cells }));
}

function cellText(cell: ExcelJS.Cell): string {
  return (cell.text ?? '').trim();
}

/** The first sheet whose header row `isHeader` accepts (workbooks often open with a 说明 sheet), else the first. */
async function readXlsx(data: Buffer, isHeader: (cells: string[]) => boolean): Promise<RawRow[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(data as unknown as ExcelJS.Buffer);
  const rowsOf = (sheet: ExcelJS.Worksheet): RawRow[] => {
    const rows: RawRow[] = [];
    sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const cells: string[] = [];
      for (let c = 1; c <= row.cellCount; c++) cells.push(cellText(row.getCell(c)));
      rows.push({ row: rowNumber, cells });
    });
    return rows;
  };
  for (const sheet of workbook.worksheets) {
    const header = sheet.getRow(1);
    const cells: string[] = [];
    for (let c = 1; c <= header.cellCount; c++) cells.push(cellText(header.getCell(c)));
    if (isHeader(cells)) return rowsOf(sheet);
  }
  const first = workbook.worksheets[0];
  return first ? rowsOf(first) : [];
}

/** A header cell as compared: no BOM, no spaces, lower case. */
export function normalizeHeader(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\s/g, '').toLowerCase();
}

const isZip = (data: Buffer) => data.length >= 4 && data[0] === 0x50 && data[1] === 0x4b && data[2] === 0x03 && data[3] === 0x04;
const isOle = (data: Buffer) => data.length >= 4 && data[0] === 0xd0 && data[1] === 0xcf && data[2] === 0x11 && data[3] === 0xe0;

function isXlsx(data: Buffer, filename: string | undefined): boolean {
  const ext = filename?.toLowerCase().match(/\.([a-z]+)$/)?.[1];
  if (ext === 'xlsx') return true;
  if (ext === 'csv' || ext === 'txt') return false;
  return isZip(data);
}

/** Text that is no spreadsheet: NUL bytes, or another binary format, in the first few KB. */
function looksBinary(data: Buffer): boolean {
  return data.subarray(0, 4096).includes(0);
}

/**
 * Reads a spreadsheet. `strict`: decide by content only (a .csv that is a zip, or binary, is refused) — for new
 * imports; the units import keeps its older name-first reading.
 */
export async function readSpreadsheet(data: Buffer, filename: string | undefined, isHeader: (cells: string[]) => boolean, strict = false): Promise<SheetRead> {
  const read = await readRows(data, filename, isHeader, strict);
  return read.ok ? refuseForbidden(read.rows) : read;
}

/** A cell holding a control character, a lone surrogate or a text-direction override refuses the file, by its place. */
function refuseForbidden(rows: RawRow[]): SheetRead {
  for (const r of rows) {
    const column = r.cells.findIndex(hasForbiddenCharacter);
    if (column >= 0) {
      return {
        ok: false,
        message: msg(
          `第 ${r.row} 行第 ${column + 1} 列含有不允许的字符（控制字符、不成对的代理项或文字方向控制符），请删去后重新导入`,
          `Row ${r.row}, column ${column + 1} holds a character that is not allowed (a control character, a lone surrogate or a text-direction override); remove it and import again`,
        ),
      };
    }
  }
  return { ok: true, rows };
}

async function readRows(data: Buffer, filename: string | undefined, isHeader: (cells: string[]) => boolean, strict: boolean): Promise<SheetRead> {
  if (isOle(data)) return { ok: false, message: msg('不支持旧版 .xls 文件，请另存为 .xlsx 或 CSV', 'Legacy .xls files are not supported; save as .xlsx or CSV') };
  const unreadable = { ok: false as const, message: msg('无法读取文件，请确认是 CSV 或 xlsx 格式', 'The file could not be read; is it CSV or xlsx?') };
  try {
    if (strict) {
      if (isZip(data)) return { ok: true, rows: await readXlsx(data, isHeader) };
      if (looksBinary(data)) return unreadable;
      return { ok: true, rows: readCsv(data) };
    }
    return { ok: true, rows: isXlsx(data, filename) ? await readXlsx(data, isHeader) : readCsv(data) };
  } catch {
    return unreadable;
  }
}
