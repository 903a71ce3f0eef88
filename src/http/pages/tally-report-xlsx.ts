/** 计票单 as xlsx: the same report object, one sheet per part, with Chinese sheet names. */
import ExcelJS from 'exceljs';
import type { TallyReport } from '../../contracts/tally-report.js';
import { COUNT_LABELS as L, COUNT_NOTE, SUBJECT_COUNT_LABELS } from './count-labels.js';

export const SHEETS = { summary: '计票汇总', subjects: '对象得分', invalid: '无效票' } as const;

const VERDICT_ZH = { valid: '有效', 'no-quorum': '未达到法定人数', void: '无效（须重新组织）' } as const;

export async function tallyReportXlsx(r: TallyReport): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '擂台 Leitai';
  wb.created = new Date(r.generatedAt);

  const summary = wb.addWorksheet(SHEETS.summary);
  summary.columns = [{ width: 28 }, { width: 60 }];
  const c = r.counts;
  const rows: [string, string | number][] = [
    ['活动', r.campaign.name],
    ['测评会', r.session.name],
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
    ['计票人', ''],
    ['监票人', ''],
  ];
  for (const row of rows) summary.addRow(row);
  summary.getColumn(1).font = { bold: true };

  const subjects = wb.addWorksheet(SHEETS.subjects);
  const maxGrades = Math.max(0, ...r.instruments.map((i) => i.grades?.length ?? 0));
  subjects.columns = [{ width: 14 }, { width: 24 }, ...Array.from({ length: maxGrades + 3 }, () => ({ width: 10 }))];
  for (const it of r.instruments) {
    const grades = it.grades ?? [];
    const header = subjects.addRow(['评价方式', '测评对象', ...grades.map((g) => g.label), SUBJECT_COUNT_LABELS.abstentions, SUBJECT_COUNT_LABELS.valueCount, '得分']);
    header.font = { bold: true };
    for (const s of it.subjects) {
      subjects.addRow([it.name, s.name, ...grades.map((_, i) => s.gradeCounts?.[i] ?? 0), s.abstentions, s.valueCount, s.score === null ? '' : Number(s.score)]);
    }
    subjects.addRow([]);
  }

  const invalid = wb.addWorksheet(SHEETS.invalid);
  invalid.columns = [{ header: '票号', width: 12 }, { header: '方式', width: 8 }, { header: '评价方式', width: 14 }, { header: '无效原因', width: 80 }];
  invalid.getRow(1).font = { bold: true };
  for (const b of r.invalidBallots) invalid.addRow([b.sheetNumber ?? '', b.channel === 'paper' ? '纸质' : '线上', b.instrumentName, b.reasons.map((m) => m.zh).join('；')]);

  return Buffer.from(await wb.xlsx.writeBuffer());
}
