/**
 * 结果报告 PDF: cover, a ranking table and a bar chart per ranking, and the method (weights, quota rules,
 * aggregation, tiers, rounding) in Chinese. Drawn with pdfkit's vector primitives and Noto Sans CJK — no browser.
 */
import { existsSync } from 'node:fs';
import { AppError } from '../../contracts/errors.js';
import { MESSAGES } from '../../contracts/messages.js';
import PDFDocument from 'pdfkit';
import type { ResultsExport } from '../../app/results/build-results-export.js';
import type { PresentedTally } from '../../domain/present.js';
import type { AggregationMethod, CampaignDefinition, Instrument, QuotaRule, RankingSpec } from '../../domain/types.js';
import { zhDateTime } from './html.js';

export const CJK_FONT_FILE = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
/** A .ttc holds several faces: pdfkit needs the PostScript name of the one to embed. */
const CJK_FONT_FACE = 'NotoSansCJKsc-Regular';

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 50;
const BOTTOM = A4.height - MARGIN;
const TIER_COLOURS = ['#c0392b', '#e67e22', '#2e86c1', '#7f8c8d', '#95a5a6'];

type Doc = PDFKit.PDFDocument;
type PresentedRanking = PresentedTally['rankings'][number];

function method(a: AggregationMethod): string {
  if (a.method === 'median') return '中位数';
  if (a.method === 'trimmed') return `去掉最高、最低各 ${a.k} 个后取平均（票数不超过 ${2 * a.k} 时取平均）`;
  return '算术平均';
}

const ROUNDING_ZH = { exact: '精确比例（上限向下取整、下限向上取整）', 'half-up': '四舍五入', 'at-least-one': '至少一个' } as const;

function quotaText(q: QuotaRule, grades: Map<string, string>): string {
  const names = q.grades.map((g) => grades.get(g) ?? g).join('、');
  const bound = q.bound === 'max' ? '不超过' : '不少于';
  const base = q.base === 'all' ? '按本票全部对象计（含弃权）' : '按已评对象计';
  return `${q.label}：每张票中「${names}」${bound} ${q.numerator}/${q.denominator}，${base}，取整方式：${ROUNDING_ZH[q.rounding]}`;
}

function scaleText(i: Instrument): string {
  if (i.kind === 'grade') return `等次：${i.grades.map((g) => `${g.label} ${g.points} 分`).join('，')}`;
  if (i.kind === 'score') return `打分：${i.min}–${i.max} 分，步长 ${i.step}${i.adjustments ? '；现场加减分有上限并须写明理由' : ''}`;
  return '加减分：加分减分之和计入总分（不折算）';
}

class Writer {
  constructor(readonly doc: Doc) {}

  ensure(height: number): void {
    if (this.doc.y + height > BOTTOM) this.doc.addPage();
  }

  heading(text: string, size = 16): void {
    this.ensure(size * 3);
    this.doc.moveDown(0.5).fontSize(size).fillColor('#111').text(text, MARGIN, this.doc.y);
    this.doc.moveDown(0.3).fontSize(10);
  }

  para(text: string, size = 10): void {
    this.doc.fontSize(size).fillColor('#222');
    this.ensure(this.doc.heightOfString(text, { width: A4.width - 2 * MARGIN }) + 4);
    this.doc.text(text, MARGIN, this.doc.y, { width: A4.width - 2 * MARGIN });
  }
}

function cover(w: Writer, x: ResultsExport): void {
  const doc = w.doc;
  doc.fontSize(26).fillColor('#111').text(x.results.name, MARGIN, 220, { align: 'center', width: A4.width - 2 * MARGIN });
  doc.moveDown(0.6).fontSize(20).text('测评结果报告', { align: 'center', width: A4.width - 2 * MARGIN });
  doc.moveDown(3).fontSize(12).fillColor('#333');
  const lines = [
    `活动编号：${x.campaign.id}`,
    `生成时间：${zhDateTime(x.generatedAt)}`,
    `有效票 ${x.results.ballots.valid} 张，无效票 ${x.results.ballots.invalid} 张，因测评会无效未计入 ${x.results.ballots.excluded} 张`,
    x.publication ? `公示：${x.publication.noticeDate} 起，至 ${x.publication.objectionEndDate} 止` : '状态：尚未发布公示',
    x.publication ? `公示校验码（SHA-256）：${x.publication.resultsHash}` : '',
  ].filter(Boolean);
  for (const line of lines) doc.text(line, { align: 'center', width: A4.width - 2 * MARGIN }).moveDown(0.3);
  doc.moveDown(4).fontSize(9).fillColor('#666').text('本报告中的得分均由原始选票精确计算，仅在显示时四舍五入；可用导出包（leitai tally）离线复核。', { align: 'center', width: A4.width - 2 * MARGIN });
}

const COLUMNS = [
  { title: '名次', width: 40 },
  { title: '单位', width: 170 },
  { title: '总分', width: 70 },
  { title: '等次', width: 60 },
  { title: '说明', width: 155 },
];

function tableRow(doc: Doc, cells: string[], y: number, header: boolean): void {
  let x = MARGIN;
  if (header) doc.rect(MARGIN, y - 3, COLUMNS.reduce((s, c) => s + c.width, 0), 18).fill('#eeeeee');
  doc.fillColor('#111').fontSize(header ? 10 : 9.5);
  cells.forEach((cell, i) => {
    doc.text(cell, x + 3, y, { width: COLUMNS[i]!.width - 6, lineBreak: false, ellipsis: true });
    x += COLUMNS[i]!.width;
  });
  doc.moveTo(MARGIN, y + 15).lineTo(MARGIN + COLUMNS.reduce((s, c) => s + c.width, 0), y + 15).lineWidth(0.4).strokeColor('#999').stroke();
}

function rankingTable(w: Writer, rk: PresentedRanking): void {
  const doc = w.doc;
  w.heading(`${rk.name}：排名`, 14);
  w.para(rk.tiers.map((t) => `${t.label}：${t.filled} 个${t.cap === null ? '' : `（上限 ${t.cap}）`}`).join('；'));
  doc.moveDown(0.5);
  let y = doc.y;
  const header = (): void => tableRow(doc, COLUMNS.map((c) => c.title), y, true);
  header();
  y += 18;
  for (const row of rk.rows) {
    if (y + 18 > BOTTOM) {
      doc.addPage();
      y = MARGIN;
      header();
      y += 18;
    }
    const notes = [row.tierTie ? '并列跨档，待人工裁定' : '', row.missingComponents.length > 0 ? `缺 ${row.missingComponents.length} 项得分` : ''].filter(Boolean).join('；');
    tableRow(doc, [String(row.rank), row.name, row.total.display, row.tierLabel ?? '—', notes], y, false);
    y += 18;
  }
  doc.y = y + 6;
}

function barChart(w: Writer, rk: PresentedRanking): void {
  const doc = w.doc;
  w.heading(`${rk.name}：总分柱状图`, 14);
  const tierColour = new Map(rk.tiers.map((t, i) => [t.key, TIER_COLOURS[i % TIER_COLOURS.length]!]));
  const totals = rk.rows.map((r) => Number(r.total.display));
  const max = Math.max(100, ...totals);
  const scaleMax = Math.ceil(max / 10) * 10;
  const labelWidth = 120;
  const chartX = MARGIN + labelWidth;
  const chartWidth = A4.width - MARGIN - chartX - 40;
  const barHeight = 11;
  const gap = 5;
  const drawAxis = (top: number, bottom: number): void => {
    for (let v = 0; v <= scaleMax; v += scaleMax / 5) {
      const x = chartX + (v / scaleMax) * chartWidth;
      doc.moveTo(x, top).lineTo(x, bottom).lineWidth(0.3).strokeColor('#cccccc').stroke();
      doc.fontSize(7).fillColor('#666').text(String(v), x - 10, bottom + 2, { width: 20, align: 'center', lineBreak: false });
    }
  };
  let top = doc.y + 4;
  let y = top;
  rk.rows.forEach((row, i) => {
    if (y + barHeight + 20 > BOTTOM) {
      drawAxis(top, y);
      doc.addPage();
      top = y = MARGIN;
    }
    const width = Math.max(0, (totals[i]! / scaleMax) * chartWidth);
    doc.rect(chartX, y, width, barHeight).fill(tierColour.get(row.tier ?? '') ?? '#7f8c8d');
    doc.fontSize(8).fillColor('#111').text(`${row.rank}. ${row.name}`, MARGIN, y + 1, { width: labelWidth - 6, align: 'right', lineBreak: false, ellipsis: true });
    doc.text(row.total.display, chartX + width + 3, y + 1, { width: 40, lineBreak: false });
    y += barHeight + gap;
  });
  drawAxis(top, y);
  doc.y = y + 16;
  const legend = rk.tiers.map((t) => t.label).join(' / ');
  if (legend) w.para(`颜色表示结果等次：${legend}`, 8);
}

function methodSection(w: Writer, def: CampaignDefinition, x: ResultsExport): void {
  w.doc.addPage();
  w.heading('计分方法说明', 18);
  const instruments = new Map(def.instruments.map((i) => [i.id, i]));
  const groups = new Map(def.raterGroups.map((g) => [g.id, g]));
  const rankingResults = new Map(x.results.rankings.map((r) => [r.rankingId, r]));
  for (const spec of def.rankings) rankingMethod(w, spec, instruments, rankingResults.get(spec.id));
  w.heading('评价方式', 14);
  for (const i of def.instruments) {
    w.para(`【${i.name}】`, 11);
    const grades = new Map(i.kind === 'grade' ? i.grades.map((g) => [g.key, g.label]) : []);
    const lines = [
      scaleText(i),
      `测评组及权重：${i.groupWeights.map((g) => `${groups.get(g.groupId)?.name ?? g.groupId}（${groups.get(g.groupId)?.mode === 'named' ? '实名' : '匿名'}）${g.weight}`).join('，')}；各组先分别汇总，再按组权重合成`,
      `汇总方法：${method(i.aggregation)}；得分折算为百分制（等次分值或分数 ÷ 满分 × 100）`,
      `某组对某对象无有效票时：${i.missingGroup === 'renormalize' ? '其余各组权重按比例重新归一' : '该组按 0 分计'}`,
      ...(i.kind === 'grade' ? i.quotaRules.map((q) => quotaText(q, grades)) : []),
      i.allowAbstain ? '允许弃权，弃权项仍计入比例限制的分母（除非规则另有说明）' : '',
    ].filter(Boolean);
    for (const line of lines) w.para(`· ${line}`);
  }
  w.heading('取整与并列', 14);
  w.para(`· 所有得分以精确分数计算，只在显示时四舍五入保留 ${def.precision} 位小数。`);
  w.para(`· 并列按${def.tieJudgement === 'exact' ? '未取整的精确值' : `公布的 ${def.precision} 位小数值`}判断；并列者名次相同（如 1、2、2、4）。`);
  w.para('· 比例限制用整数比较（如 6 个对象「好 ≤ 40%」即最多 2 个），不用浮点数。');
  w.para('· 结果等次从排名顶端依次填入；并列跨越等次分界时不拆分、不超出上限，并列者留在下一等次并标注待人工裁定。');
  w.para('· 测评会须实到人数过半方有效；收回票数多于发出票数的测评会无效，其选票不计入结果。');
}

function rankingMethod(w: Writer, spec: RankingSpec, instruments: Map<string, Instrument>, result: PresentedRanking | undefined): void {
  w.heading(`【${spec.name}】`, 12);
  const name = (id: string): string => instruments.get(id)?.name ?? id;
  w.para(`· 总分 = ${spec.components.map((c) => `${name(c.instrumentId)} × ${c.weight}%`).join(' + ')}${spec.adjustmentInstrumentIds.length > 0 ? ` + ${spec.adjustmentInstrumentIds.map(name).join(' + ')}（加减分）` : ''}`);
  w.para(`· 缺少某项得分时：${spec.missingComponent === 'zero' ? '该项按 0 分计并标注' : '其余各项权重按比例重新归一'}`);
  if (spec.tieBreaks.length > 0) w.para(`· 总分相同时依次比较：${spec.tieBreaks.map((t) => name(t.instrumentId)).join('、')}`);
  const caps = new Map((result?.tiers ?? []).map((t) => [t.key, t.cap]));
  const tiers = spec.tiers.map((t, i) => {
    if (i === spec.tiers.length - 1) return `${t.label}：其余`;
    const cap = caps.get(t.key);
    return `${t.label}：不超过 ${t.numerator}/${t.denominator}（${ROUNDING_ZH[t.rounding]}${cap == null ? '' : `，本次最多 ${cap} 个`}）`;
  });
  if (tiers.length > 0) w.para(`· 结果等次：${tiers.join('；')}`);
}

export async function resultsPdf(x: ResultsExport): Promise<Buffer> {
  if (!existsSync(CJK_FONT_FILE)) throw new AppError('font_missing', { details: [{ path: CJK_FONT_FILE, message: MESSAGES.fontFileMissing(CJK_FONT_FILE) }] });
  const doc = new PDFDocument({ size: 'A4', margin: MARGIN, info: { Title: `${x.results.name} 测评结果报告`, Author: '擂台 Leitai', CreationDate: new Date(x.generatedAt) } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  doc.registerFont('cjk', CJK_FONT_FILE, CJK_FONT_FACE);
  doc.font('cjk');
  const w = new Writer(doc);
  cover(w, x);
  for (const rk of x.results.rankings) {
    doc.addPage();
    rankingTable(w, rk);
    doc.addPage();
    barChart(w, rk);
  }
  methodSection(w, x.definition, x);
  doc.end();
  await done;
  return Buffer.concat(chunks);
}
