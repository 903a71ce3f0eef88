/**
 * 结果导出 xlsx, for the office: 说明 (the campaign, when generated, the 公示, how numbers are rounded), one sheet per
 * ranking (rank, unit, each form's score, 加减分, total, tier, remarks), 计票 (per session counts), 原始选票 (one row
 * per rating, anonymous) and 加减分 (one row per adjustment with its reason). Scores are the displayed, rounded
 * values; the exact fractions stay in the bundle. Dates are China Standard Time in Chinese format; header rows are
 * frozen. Written with exceljs' streaming writer: the raw ballots of a province do not fit a workbook held in
 * memory, and past Excel's row limit they continue on a further sheet.
 */
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { ResultsExport } from '../../app/results/build-results-export.js';
import { cellDate, DATE_FORMAT, DATE_TIME_FORMAT, sheetNames } from './xlsx-cells.js';
import { COUNT_LABELS } from './count-labels.js';

export const RESULT_SHEETS = { about: '说明', count: '计票', raw: '原始选票', adjustments: '加减分' } as const;

/** Excel's 1,048,576 rows less the header and some room. */
export const RAW_ROWS_PER_SHEET = 1_000_000;

const STATUS_ZH = { valid: '有效', 'no-quorum': '未达到法定人数', void: '无效（须重新组织）' } as const;
const SESSION_ZH = { draft: '未开始', open: '进行中', closed: '已结束' } as const;

const num = (display: string): number => Number(display);
const bold = { bold: true };
/** The header row stays in view (and the first `columns` columns, the unit's name, when scrolling sideways). */
const frozen = (columns = 0): Partial<ExcelJS.AddWorksheetOptions> => ({ views: [{ state: 'frozen', xSplit: columns, ySplit: 1 }] });

type Writer = ExcelJS.stream.xlsx.WorkbookWriter;

function aboutSheet(wb: Writer, x: ResultsExport): void {
  const ws = wb.addWorksheet(RESULT_SHEETS.about);
  ws.columns = [{ width: 16 }, { width: 90 }];
  const r = x.results;
  const p = x.publication;
  const rows: [string, string | number | Date, string?][] = [
    ['活动', r.name],
    ['生成时间', cellDate(x.generatedAt), DATE_TIME_FORMAT],
    ['状态', p ? '已发布公示' : '尚未发布公示'],
    ...(p
      ? ([
          ['公示标题', p.title],
          ['公示日期', cellDate(p.noticeDate), DATE_FORMAT],
          ['公示截止', cellDate(p.objectionEndDate), DATE_FORMAT],
          ['公示期', `${p.objectionDays} 天`],
          ...(p.issuer ? [['落款', p.issuer] as [string, string]] : []),
          ['公示校验码', p.resultsHash],
        ] as [string, string | Date, string?][])
      : []),
    ['有效票', r.ballots.valid],
    ['无效票', r.ballots.invalid],
    ['未计入（测评会无效）', r.ballots.excluded],
    ['得分', `表中得分均由原始选票精确计算，只在显示时四舍五入保留 ${r.precision} 位小数；精确值（分数形式）见导出包，可据此离线重新计票复核。`],
  ];
  for (const [label, value, format] of rows) {
    const row = ws.addRow([label, value]);
    row.getCell(1).font = bold;
    if (format) row.getCell(2).numFmt = format;
    row.getCell(2).alignment = { horizontal: 'left', wrapText: true };
    row.commit();
  }
  ws.commit();
}

function rankingSheet(wb: Writer, x: ResultsExport, rk: ResultsExport['results']['rankings'][number], name: string, fmt: string): void {
  const parts = rk.rows[0]?.components ?? [];
  const spec = x.definition.rankings.find((s) => s.id === rk.rankingId);
  const adjusted = (spec?.adjustmentInstrumentIds.length ?? 0) > 0;
  const ws = wb.addWorksheet(name, frozen(2));
  ws.columns = [{ width: 7 }, { width: 24 }, ...parts.map(() => ({ width: 13 })), ...(adjusted ? [{ width: 9 }] : []), { width: 10 }, { width: 9 }, { width: 60 }];
  const head = ws.addRow(['名次', '单位', ...parts.map((c) => `${c.name}（${c.weight.display}%）`), ...(adjusted ? ['加减分'] : []), '总分', '等次', '说明']);
  head.font = bold;
  head.commit();
  const remarks = x.remarks[rk.rankingId] ?? [];
  rk.rows.forEach((row, i) => {
    const scores = row.components.map((c) => (c.score === null ? '' : num(c.score.display)));
    const added = ws.addRow([row.rank, row.name, ...scores, ...(adjusted ? [num(row.adjustments.display)] : []), num(row.total.display), row.tierLabel ?? '', (remarks[i] ?? []).join('；')]);
    for (let c = 3; c <= parts.length + (adjusted ? 4 : 3); c++) added.getCell(c).numFmt = fmt;
    added.getCell(parts.length + (adjusted ? 4 : 3)).font = bold;
    added.commit();
  });
  ws.commit();
}

function countSheet(wb: Writer, x: ResultsExport): void {
  const r = x.results;
  const count = wb.addWorksheet(RESULT_SHEETS.count, frozen(1));
  count.columns = [{ header: '测评会', width: 28 }, { header: '状态', width: 10 }, { header: COUNT_LABELS.expected, width: 10 }, { header: COUNT_LABELS.present, width: 10 }, { header: COUNT_LABELS.issued, width: 10 }, { header: COUNT_LABELS.returned, width: 10 }, { header: COUNT_LABELS.validBallots, width: 14 }, { header: COUNT_LABELS.invalidBallots, width: 14 }, { header: COUNT_LABELS.abstentions, width: 14 }, { header: '结论', width: 20 }, { header: '计入结果', width: 10 }];
  count.getRow(1).font = bold;
  for (const s of r.sessions) {
    count.addRow([s.name, SESSION_ZH[s.sessionStatus], s.expected, s.present, s.issued, s.returned, s.validBallots, s.invalidBallots, s.abstentions, STATUS_ZH[s.status], s.counted ? '是' : '否']).commit();
  }
  count.addRow([]).commit();
  count.addRow(['合计', '', '', '', '', '', r.ballots.valid, r.ballots.invalid, '', `未计入（测评会无效）${r.ballots.excluded}`, '']).commit();
  count.commit();
}

/** Rows on as many sheets as Excel's row limit needs, each with the header frozen. */
function longSheet<T>(wb: Writer, base: string, header: [string, number][], rows: Iterable<T>, cells: (row: T) => (string | number)[]): void {
  let sheetNo = 0;
  let ws: ExcelJS.Worksheet | null = null;
  let count = 0;
  const next = (): ExcelJS.Worksheet => {
    ws?.commit();
    sheetNo++;
    const sheet = wb.addWorksheet(sheetNo === 1 ? base : `${base}${sheetNo}`, frozen());
    sheet.columns = header.map(([title, width]) => ({ header: title, width }));
    sheet.getRow(1).font = bold;
    count = 0;
    return sheet;
  };
  ws = next();
  for (const row of rows) {
    if (count === RAW_ROWS_PER_SHEET) ws = next();
    ws.addRow(cells(row)).commit();
    count++;
  }
  ws.commit();
}

export async function resultsXlsx(x: ResultsExport): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    out.on('end', resolve);
    out.on('error', reject);
  });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = '擂台 Leitai';
  wb.created = new Date(x.generatedAt);
  const r = x.results;
  const fmt = r.precision === 0 ? '0' : `0.${'0'.repeat(r.precision)}`;

  aboutSheet(wb, x);
  const names = sheetNames(r.rankings.map((rk) => rk.name), Object.values(RESULT_SHEETS));
  r.rankings.forEach((rk, i) => { rankingSheet(wb, x, rk, names[i]!, fmt); });
  countSheet(wb, x);
  longSheet(
    wb,
    RESULT_SHEETS.raw,
    [['选票编号', 26], ['评价方式', 12], ['测评组', 16], ['测评会', 22], ['方式', 6], ['测评对象', 24], ['等次/分数', 16], ['分值', 8], ['署名（实名组）', 14], ['无效原因', 40]],
    x.rawRows(),
    (b) => [b.ballotId, b.instrument, b.group, b.session, b.channel, b.subject, b.value, b.points ?? '', b.signer ?? '', b.invalidReason ?? ''],
  );
  longSheet(
    wb,
    RESULT_SHEETS.adjustments,
    [['选票编号', 26], ['评价方式', 12], ['测评组', 16], ['测评会', 22], ['方式', 6], ['测评对象', 24], ['加减分项', 20], ['加/减', 6], ['分值', 8], ['理由', 50], ['署名（实名组）', 14], ['无效原因', 40]],
    x.adjustmentRows(),
    (a) => [a.ballotId, a.instrument, a.group, a.session, a.channel, a.subject, a.item, a.direction, a.points, a.reason, a.signer ?? '', a.invalidReason ?? ''],
  );
  await wb.commit();
  await done;
  return Buffer.concat(chunks);
}
