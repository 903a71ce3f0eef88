/**
 * A ranking in the PDF report: the table — rank, unit, each evaluation form's score with its weight, 加减分, total,
 * tier and 说明 — flowing over pages with its header repeated, then a bar chart of the totals coloured by tier, in
 * two columns when there are many units, kept on one page when it fits.
 */
import type { PresentedTally } from '../../domain/present.js';
import { BOLD, FONT, MARGIN, type Writer } from './pdf-layout.js';

type PresentedRanking = PresentedTally['rankings'][number];

const A4_SHORT = 595.28;
const A4_LONG = 841.89;
const TIER_COLOURS = ['#c0392b', '#e67e22', '#2e86c1', '#7f8c8d', '#95a5a6'];
const BODY = 8.5;
const PAD = 3;

interface Column {
  title: string;
  sub?: string;
  width: number;
  align: 'left' | 'center';
  bold?: boolean;
}

/** "25.00" → "25". */
const weight = (display: string): string => (display.includes('.') ? display.replace(/\.?0+$/, '') : display);

function columnsFor(w: Writer, rk: PresentedRanking, adjusted: boolean, remarked: boolean, width: number): Column[] {
  const parts = rk.rows[0]?.components ?? [];
  const fixed: Column[] = [
    ...parts.map((c): Column => ({ title: c.name, sub: `${weight(c.weight.display)}%`, width: 40, align: 'center' })),
    ...(adjusted ? [{ title: '加减分', width: 34, align: 'center' } as Column] : []),
    { title: '总分', width: 38, align: 'center', bold: true },
    { title: '等次', width: 30, align: 'center' },
  ];
  const rank: Column = { title: '名次', width: 26, align: 'center' };
  const rest = width - rank.width - fixed.reduce((s, c) => s + c.width, 0);
  w.doc.font(FONT).fontSize(BODY);
  const longest = Math.max(...rk.rows.map((r) => w.doc.widthOfString(r.name)), 30) + 2 * PAD;
  const nameWidth = remarked ? Math.min(Math.max(52, longest), 110, rest * 0.4) : Math.min(Math.max(52, longest), rest);
  const name: Column = { title: '单位', width: nameWidth, align: 'left' };
  return [rank, name, ...fixed, ...(remarked ? [{ title: '说明', width: rest - nameWidth, align: 'left' } as Column] : [])];
}

export interface TablePlan {
  layout: 'portrait' | 'landscape';
  columns: Column[];
}

/** The table's columns, and whether it needs landscape pages (too many forms for a readable 说明 on portrait). */
export function planTable(w: Writer, rk: PresentedRanking, remarks: string[][], adjusted: boolean): TablePlan {
  const remarked = remarks.some((r) => r.length > 0);
  const portrait = columnsFor(w, rk, adjusted, remarked, A4_SHORT - 2 * MARGIN);
  if (!remarked || portrait.at(-1)!.width >= 90) return { layout: 'portrait', columns: portrait };
  return { layout: 'landscape', columns: columnsFor(w, rk, adjusted, remarked, A4_LONG - 2 * MARGIN) };
}

function cellHeight(w: Writer, text: string, c: Column): number {
  w.doc.font(c.bold ? BOLD : FONT).fontSize(BODY);
  return w.doc.heightOfString(text || ' ', { width: c.width - 2 * PAD });
}

function drawRow(w: Writer, columns: Column[], cells: string[], y: number, height: number, header: boolean): void {
  const doc = w.doc;
  const total = columns.reduce((s, c) => s + c.width, 0);
  if (header) doc.rect(MARGIN, y, total, height).fill('#eeeeee');
  let x = MARGIN;
  columns.forEach((c, i) => {
    const text = cells[i] ?? '';
    doc.font(header || c.bold ? BOLD : FONT).fontSize(header ? 8.5 : BODY).fillColor('#111');
    doc.text(text, x + PAD, y + PAD, { width: c.width - 2 * PAD, align: c.align });
    x += c.width;
  });
  doc.moveTo(MARGIN, y + height).lineTo(MARGIN + total, y + height).lineWidth(header ? 0.6 : 0.3).strokeColor(header ? '#666' : '#bbb').stroke();
}

export function rankingTable(w: Writer, rk: PresentedRanking, remarks: string[][], adjusted: boolean, plan: TablePlan): void {
  const { layout, columns } = plan;
  const remarked = columns.at(-1)!.title === '说明';
  const headerCells = columns.map((c) => (c.sub ? `${c.title}\n${c.sub}` : c.title));
  const headerHeight = Math.max(...columns.map((c, i) => cellHeight(w, headerCells[i]!, c))) + 2 * PAD;
  const cells = rk.rows.map((row, i) => [
    String(row.rank),
    row.name,
    ...row.components.map((c) => c.score?.display ?? '—'),
    ...(adjusted ? [row.adjustments.exact === '0' ? '—' : row.adjustments.display] : []),
    row.total.display,
    row.tierLabel ?? '—',
    ...(remarked ? [(remarks[i] ?? []).join('；')] : []),
  ]);
  const heights = cells.map((row) => Math.max(...columns.map((c, i) => cellHeight(w, row[i]!, c))) + 2 * PAD);
  w.ensure(headerHeight + (heights[0] ?? 0) * 3, layout);
  let y = w.doc.y;
  drawRow(w, columns, headerCells, y, headerHeight, true);
  y += headerHeight;
  cells.forEach((row, i) => {
    if (y + heights[i]! > w.bottom) {
      w.newPage(layout);
      y = w.doc.y;
      drawRow(w, columns, headerCells, y, headerHeight, true);
      y += headerHeight;
    }
    drawRow(w, columns, row, y, heights[i]!, false);
    y += heights[i]!;
  });
  w.doc.y = y + 8;
}

interface ChartLayout {
  columns: number;
  pitch: number;
  bar: number;
  font: number;
}

const AXIS = 16;

export function barChart(w: Writer, rk: PresentedRanking): void {
  const doc = w.doc;
  const n = rk.rows.length;
  if (n === 0) return;
  const columns = n > 24 ? 2 : 1;
  const perColumn = Math.ceil(n / columns);
  const base: ChartLayout = columns === 1 ? { columns, pitch: 15, bar: 10, font: 8 } : { columns, pitch: 11, bar: 7.5, font: 7 };
  const titleHeight = 30;
  const need = (l: ChartLayout, rows: number): number => titleHeight + rows * l.pitch + AXIS + 20;
  const squeeze = (l: ChartLayout, room: number, rows: number): ChartLayout => {
    const pitch = (room - titleHeight - AXIS - 20) / rows;
    return { ...l, pitch, bar: Math.min(l.bar, pitch * 0.7), font: Math.min(l.font, Math.max(6, pitch * 0.7)) };
  };
  let layout = base;
  // Here when it fits, or when squeezing by at most a quarter makes it fit; else a page of its own, split evenly over
  // as many pages as it needs.
  if (need(base, perColumn) > w.room) {
    const squeezed = squeeze(base, w.room, perColumn);
    if (squeezed.pitch >= base.pitch * 0.75 && w.doc.page.width < w.doc.page.height) layout = squeezed;
    else w.newPage();
  }
  const perPage = Math.max(1, Math.floor((w.pageRoom - titleHeight - AXIS - 20) / layout.pitch)) * columns;
  const pages = Math.ceil(n / perPage);
  const chunk = Math.ceil(n / pages);
  const tierColour = new Map(rk.tiers.map((t, i) => [t.key, TIER_COLOURS[i % TIER_COLOURS.length]!]));
  const totals = rk.rows.map((r) => Number(r.total.display));
  const scaleMax = Math.ceil(Math.max(100, ...totals) / 10) * 10;
  for (let p = 0; p < pages; p++) {
    if (p > 0) w.newPage();
    w.title(`${rk.name} · 总分${pages > 1 ? `（${p + 1}/${pages}）` : ''}`, 11, { keepWith: 40 });
    doc.y += 4;
    const rows = rk.rows.slice(p * chunk, (p + 1) * chunk);
    const rowsPerColumn = Math.ceil(rows.length / columns);
    const gutter = 16;
    const columnWidth = (w.width - gutter * (columns - 1)) / columns;
    const top = doc.y;
    for (let c = 0; c < columns; c++) {
      const x0 = MARGIN + c * (columnWidth + gutter);
      const part = rows.slice(c * rowsPerColumn, (c + 1) * rowsPerColumn);
      const labelWidth = Math.min(110, columnWidth * 0.32);
      const chartX = x0 + labelWidth;
      const chartWidth = columnWidth - labelWidth - 30;
      const bottom = top + part.length * layout.pitch;
      for (let v = 0; v <= scaleMax; v += scaleMax / 5) {
        const x = chartX + (v / scaleMax) * chartWidth;
        doc.moveTo(x, top).lineTo(x, bottom).lineWidth(0.3).strokeColor('#cccccc').stroke();
        doc.font(FONT).fontSize(6.5).fillColor('#666').text(String(v), x - 12, bottom + 2, { width: 24, align: 'center', lineBreak: false });
      }
      part.forEach((row, i) => {
        const y = top + i * layout.pitch;
        const value = Math.max(0, (Number(row.total.display) / scaleMax) * chartWidth);
        doc.rect(chartX, y + (layout.pitch - layout.bar) / 2, value, layout.bar).fill(tierColour.get(row.tier ?? '') ?? '#7f8c8d');
        doc.font(FONT).fontSize(layout.font).fillColor('#111');
        const textY = y + (layout.pitch - layout.font * 1.2) / 2;
        doc.text(`${row.rank}. ${row.name}`, x0, textY, { width: labelWidth - 4, align: 'right', lineBreak: false, ellipsis: true });
        doc.text(row.total.display, chartX + value + 2, textY, { width: 28, lineBreak: false });
      });
    }
    doc.y = top + rowsPerColumn * layout.pitch + AXIS;
  }
  const legend = rk.tiers.map((t, i) => ({ label: t.label, colour: TIER_COLOURS[i % TIER_COLOURS.length]! }));
  if (legend.length > 0) {
    let x = MARGIN;
    const y = doc.y;
    doc.font(FONT).fontSize(7.5).fillColor('#444').text('颜色表示结果等次：', x, y, { lineBreak: false });
    x += doc.widthOfString('颜色表示结果等次：') + 2;
    for (const l of legend) {
      doc.rect(x, y + 1.5, 8, 7).fill(l.colour);
      doc.fillColor('#444').text(l.label, x + 10, y, { lineBreak: false });
      x += 14 + doc.widthOfString(l.label) + 8;
    }
    doc.y = y + 16;
  }
}
