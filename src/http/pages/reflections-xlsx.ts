/**
 * 讲收获 xlsx: one sheet 心得 — county, township, name, post, unit, lesson, the text (wrapped), 精选, written and
 * changed (China Standard Time) — in the booklet's order (county → township, featured first); and 说明 — the class,
 * the scope, the filters and the counts. Header row frozen and filterable.
 */
import ExcelJS from 'exceljs';
import type { ReflectionExport } from '../../app/reflections/build-reflection-export.js';
import { cellDate, DATE_TIME_FORMAT } from './xlsx-cells.js';
import { zhDateTime } from './html.js';

export const REFLECTION_SHEETS = { list: '心得', about: '说明' } as const;
export const REFLECTION_HEADER = ['县（市、区）', '乡镇（街道）', '姓名', '职务', '单位', '课次', '心得', '精选', '提交时间', '修改时间'];

export async function reflectionsXlsx(x: ReflectionExport): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '擂台 Leitai';
  wb.created = new Date(x.generatedAt);
  const ws = wb.addWorksheet(REFLECTION_SHEETS.list, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = [14, 16, 22, 16, 28, 26, 80, 6, 18, 18].map((width) => ({ width }));
  ws.addRow(REFLECTION_HEADER).font = { bold: true };
  for (const county of x.counties) {
    for (const town of county.townships) {
      for (const r of town.items) {
        const row = ws.addRow([county.name, town.name, r.participant.name, r.participant.post, r.participant.unitPath, r.lessonTitle ?? '培训班整体', r.text, r.featured ? '★' : '', cellDate(r.createdAt), cellDate(r.updatedAt)]);
        row.getCell(7).alignment = { wrapText: true, vertical: 'top' };
        row.getCell(9).numFmt = DATE_TIME_FORMAT;
        row.getCell(10).numFmt = DATE_TIME_FORMAT;
      }
    }
  }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: REFLECTION_HEADER.length } };
  const about = wb.addWorksheet(REFLECTION_SHEETS.about);
  about.columns = [{ width: 14 }, { width: 60 }];
  for (const [k, v] of [
    ['培训班', x.className],
    ['范围', x.scopeName ?? `${x.rootUnitName}（全部）`],
    ['筛选', x.filters || '无'],
    ['心得条数', x.total],
    ['其中精选', x.featured],
    ['导出时间', zhDateTime(x.generatedAt)],
  ] as const) about.addRow([k, v]).getCell(1).font = { bold: true };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
