/**
 * 计票单 as xlsx: the same report object, one sheet per part, with Chinese sheet names. Times are China Standard
 * Time in Chinese format; the tables keep their header row in view. Every instrument's subjects share one header:
 * the grade columns are the union of the grades' labels (a score instrument leaves them empty).
 */
import ExcelJS from 'exceljs';
import type { TallyReport } from '../../contracts/tally-report.js';
import { cellDate, DATE_TIME_FORMAT } from './xlsx-cells.js';
import { COUNT_LABELS as L, COUNT_NOTE, SUBJECT_COUNT_LABELS } from './count-labels.js';

export const SHEETS = { summary: '计票汇总', subjects: '对象得分', invalid: '无效票' } as const;

const VERDICT_ZH = { valid: '有效', 'no-quorum': '未达到法定人数', void: '无效（须重新组织）' } as const;
const STATUS_ZH = { draft: '未开始', open: '进行中', closed: '已结束' } as const;

const frozen = (columns: number): Partial<ExcelJS.AddWorksheetOptions> => ({ views: [{ state: 'frozen', xSplit: columns, ySplit: 1 }] });

export async function tallyReportXlsx(r: TallyReport): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '擂台 Leitai';
  wb.created = new Date(r.generatedAt);

  const summary = wb.addWorksheet(SHEETS.summary);
  summary.columns = [{ width: 28 }, { width: 60 }];
  const c = r.counts;
  const time = (iso: string | null): Date | string => (iso ? cellDate(iso) : '');
  const rows: [string, string | number | Date][] = [
    ['活动', r.campaign.name],
    ['测评会', r.session.name],
    ['状态', STATUS_ZH[r.session.status]],
    ['开始时间', time(r.session.openedAt)],
    ['结束时间', time(r.session.closedAt)],
    [L.expected, c.expected],
    [L.present, c.present],
    [L.issued, c.issued],
    [L.returned, c.returned],
    [L.sheetsWithInvalid, c.sheetsWithInvalid],
    [L.validBallots, c.validBallots],
    [L.invalidBallots, c.invalidBallots],
    [L.abstentions, c.abstentions],
    ['计数说明', COUNT_NOTE],
    ['本场结论', VERDICT_ZH[r.verdict.status]],
    ['说明', r.verdict.explanation.zh],
    ...(r.verdict.nextStep ? [['下一步', r.verdict.nextStep.zh] as [string, string]] : []),
    ['生成时间', time(r.generatedAt)],
    ['计票人', ''],
    ['监票人', ''],
  ];
  for (const row of rows) {
    const added = summary.addRow(row);
    if (row[1] instanceof Date) added.getCell(2).numFmt = DATE_TIME_FORMAT;
    added.getCell(2).alignment = { horizontal: 'left', wrapText: true };
  }
  summary.getColumn(1).font = { bold: true };

  const subjects = wb.addWorksheet(SHEETS.subjects, frozen(2));
  const labels = [...new Set(r.instruments.flatMap((i) => (i.grades ?? []).map((g) => g.label)))];
  subjects.columns = [{ width: 14 }, { width: 24 }, ...Array.from({ length: labels.length + 3 }, () => ({ width: 10 }))];
  subjects.addRow(['评价方式', '测评对象', ...labels, SUBJECT_COUNT_LABELS.abstentions, SUBJECT_COUNT_LABELS.valueCount, '得分']).font = { bold: true };
  for (const it of r.instruments) {
    const grades = it.grades ?? [];
    for (const s of it.subjects) {
      const counts = labels.map((label) => {
        const at = grades.findIndex((g) => g.label === label);
        return at < 0 ? '' : (s.gradeCounts?.[at] ?? 0);
      });
      const added = subjects.addRow([it.name, s.name, ...counts, s.abstentions, s.valueCount, s.score === null ? '' : Number(s.score)]);
      // Shown as displayed: "85.00" keeps its two decimals.
      const decimals = s.score?.split('.')[1]?.length ?? 0;
      if (decimals > 0) added.getCell(labels.length + 5).numFmt = `0.${'0'.repeat(decimals)}`;
    }
  }

  const invalid = wb.addWorksheet(SHEETS.invalid, frozen(0));
  invalid.columns = [{ header: '票号', width: 12 }, { header: '方式', width: 8 }, { header: '评价方式', width: 14 }, { header: '无效原因', width: 80 }];
  invalid.getRow(1).font = { bold: true };
  for (const b of r.invalidBallots) invalid.addRow([b.sheetNumber ?? '', b.channel === 'paper' ? '纸质' : '线上', b.instrumentName, b.reasons.map((m) => m.zh).join('；')]);

  return Buffer.from(await wb.xlsx.writeBuffer());
}
