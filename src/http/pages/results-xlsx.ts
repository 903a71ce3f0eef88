/**
 * 结果导出 xlsx: 排名 (per ranking: rank, unit, total, tier, tie flag), 分项得分 (components per unit), 计票 (per session
 * counts) and 原始选票 (one row per rating, anonymous). Written with exceljs' streaming writer: the raw ballots of a
 * province do not fit a workbook held in memory, and past Excel's row limit they continue on a further sheet.
 */
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { ResultsExport } from '../../app/results/build-results-export.js';
import { COUNT_LABELS } from './count-labels.js';

export const RESULT_SHEETS = { ranking: '排名', components: '分项得分', count: '计票', raw: '原始选票' } as const;

/** Excel's 1,048,576 rows less the header and some room. */
export const RAW_ROWS_PER_SHEET = 1_000_000;

const STATUS_ZH = { valid: '有效', 'no-quorum': '未达到法定人数', void: '无效（须重新组织）' } as const;
const SESSION_ZH = { draft: '未开始', open: '进行中', closed: '已结束' } as const;

const num = (display: string): number => Number(display);

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
  const bold = { bold: true };

  const ranking = wb.addWorksheet(RESULT_SHEETS.ranking);
  ranking.columns = [{ width: 8 }, { width: 28 }, { width: 12 }, { width: 10 }, { width: 22 }, { width: 24 }];
  ranking.addRow([`${r.name} · 生成于 ${x.generatedAt}${x.publication ? ` · 公示校验码 ${x.publication.resultsHash}` : ''}`]).commit();
  for (const rk of r.rankings) {
    const title = ranking.addRow([rk.name]);
    title.font = bold;
    title.commit();
    const head = ranking.addRow(['名次', '单位', '总分', '等次', '并列跨档（待人工裁定）', '总分精确值']);
    head.font = bold;
    head.commit();
    for (const row of rk.rows) {
      const added = ranking.addRow([row.rank, row.name, num(row.total.display), row.tierLabel ?? '', row.tierTie ? '是' : '', row.total.exact]);
      added.getCell(3).numFmt = fmt;
      added.commit();
    }
    ranking.addRow([]).commit();
  }
  ranking.commit();

  const components = wb.addWorksheet(RESULT_SHEETS.components);
  components.columns = [{ width: 8 }, { width: 28 }, ...Array.from({ length: 12 }, () => ({ width: 14 }))];
  for (const rk of r.rankings) {
    const parts = rk.rows[0]?.components ?? [];
    const title = components.addRow([rk.name]);
    title.font = bold;
    title.commit();
    const head = components.addRow(['名次', '单位', ...parts.map((c) => `${c.name}（${c.weight.display}%）`), '加减分', '总分']);
    head.font = bold;
    head.commit();
    for (const row of rk.rows) {
      const added = components.addRow([row.rank, row.name, ...row.components.map((c) => (c.score === null ? '' : num(c.score.display))), num(row.adjustments.display), num(row.total.display)]);
      for (let i = 3; i <= parts.length + 4; i++) added.getCell(i).numFmt = fmt;
      added.commit();
    }
    components.addRow([]).commit();
  }
  components.commit();

  const count = wb.addWorksheet(RESULT_SHEETS.count);
  count.columns = [{ header: '测评会', width: 28 }, { header: '状态', width: 10 }, { header: COUNT_LABELS.expected, width: 10 }, { header: COUNT_LABELS.present, width: 10 }, { header: COUNT_LABELS.issued, width: 10 }, { header: COUNT_LABELS.returned, width: 10 }, { header: COUNT_LABELS.validBallots, width: 14 }, { header: COUNT_LABELS.invalidBallots, width: 14 }, { header: COUNT_LABELS.abstentions, width: 14 }, { header: '结论', width: 20 }, { header: '计入结果', width: 10 }];
  count.getRow(1).font = bold;
  for (const s of r.sessions) {
    count.addRow([s.name, SESSION_ZH[s.sessionStatus], s.expected, s.present, s.issued, s.returned, s.validBallots, s.invalidBallots, s.abstentions, STATUS_ZH[s.status], s.counted ? '是' : '否']).commit();
  }
  count.addRow([]).commit();
  count.addRow(['合计', '', '', '', '', '', r.ballots.valid, r.ballots.invalid, '', `未计入（测评会无效）${r.ballots.excluded}`, '']).commit();
  count.commit();

  const rawHeader = ['选票编号', '评价方式', '测评组', '测评会', '方式', '测评对象', '等次/分数', '分值', '署名（实名组）', '无效原因'];
  let sheetNo = 0;
  let raw: ExcelJS.Worksheet | null = null;
  let rows = 0;
  const nextSheet = (): ExcelJS.Worksheet => {
    raw?.commit();
    sheetNo++;
    const ws = wb.addWorksheet(sheetNo === 1 ? RESULT_SHEETS.raw : `${RESULT_SHEETS.raw}${sheetNo}`);
    ws.columns = rawHeader.map((header, i) => ({ header, width: [26, 12, 16, 22, 6, 24, 16, 8, 14, 40][i] }));
    ws.getRow(1).font = bold;
    rows = 0;
    return ws;
  };
  raw = nextSheet();
  for (const b of x.rawRows()) {
    if (rows === RAW_ROWS_PER_SHEET) raw = nextSheet();
    raw.addRow([b.ballotId, b.instrument, b.group, b.session, b.channel, b.subject, b.value, b.points ?? '', b.signer ?? '', b.invalidReason ?? '']).commit();
    rows++;
  }
  raw.commit();
  await wb.commit();
  await done;
  return Buffer.concat(chunks);
}
