/**
 * 观摩行程单 PDF (A4): the tour's name, session and team (seats with their roles), then day by day a table of the stops
 * in visiting order — 序号, 时间, 县（市、区）, 实训点, 观摩主题, 地址. A row that does not fit the rest of a page moves
 * whole to the next, under the day's heading (续) and the table's header. What the plan still lacks is listed at the
 * end, so a printed plan never looks complete when it is not. Every page is numbered.
 */
import type { Itinerary, ItineraryDay, ItineraryStop } from '../../app/tours/build-itinerary.js';
import { zhDateTime } from './html.js';
import { cjkPdf } from './pdf-document.js';
import { BOLD, FONT, MARGIN, Writer } from './pdf-layout.js';
import { wrapText } from './pdf-wrap.js';
import { zhDate } from './zh-date.js';

const PAD = 4;
const SIZE = 9;
const LINE = SIZE * 1.45;
const HEADER_HEIGHT = 18;
const GRID = '#b8bcc4';
const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];
const NUMBERS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

interface Column {
  title: string;
  width: number;
  cell(s: ItineraryStop): string;
}

/** 序号, 时间, 县, 实训点, 主题 (the rest of the width), 地址. */
function columns(width: number): Column[] {
  const fixed = [28, 40, 56, 110, 118];
  return [
    { title: '序号', width: fixed[0]!, cell: (s) => String(s.position) },
    { title: '时间', width: fixed[1]!, cell: (s) => s.plannedTime ?? '—' },
    { title: '县（市、区）', width: fixed[2]!, cell: (s) => s.unitName },
    { title: '实训点', width: fixed[3]!, cell: (s) => s.siteName },
    { title: '观摩主题', width: width - fixed.reduce((a, b) => a + b, 0), cell: (s) => s.theme || '—' },
    { title: '地址', width: fixed[4]!, cell: (s) => s.address || '—' },
  ];
}

/** "6月6日（星期一）· 第一天 · 城区、泽州县". */
export function tourDayHeading(day: ItineraryDay): string {
  const [y, m, d] = day.date.split('-').map(Number);
  const weekday = WEEKDAYS[new Date(Date.UTC(y!, m! - 1, d!)).getUTCDay()];
  const n = NUMBERS[day.number - 1] ?? String(day.number);
  return `${m}月${d}日（星期${weekday}）· 第${n}天${day.label ? ` · ${day.label}` : ''}`;
}

class StopTable {
  private readonly cols: Column[];

  constructor(readonly w: Writer) {
    this.cols = columns(w.width);
  }

  private header(): void {
    const { doc } = this.w;
    const y = doc.y;
    doc.rect(MARGIN, y, this.w.width, HEADER_HEIGHT).fillAndStroke('#eef0f3', GRID);
    doc.font(BOLD).fontSize(SIZE).fillColor('#111');
    let x = MARGIN;
    for (const c of this.cols) {
      doc.text(c.title, x + PAD, y + 4.5, { width: c.width - 2 * PAD, lineBreak: false });
      x += c.width;
    }
    doc.font(FONT);
    doc.y = y + HEADER_HEIGHT;
  }

  private heading(day: ItineraryDay, more: boolean): void {
    const { doc } = this.w;
    doc.y += more ? 2 : 10;
    doc.font(BOLD).fontSize(more ? 10 : 12).fillColor('#1f2329');
    doc.text(`${tourDayHeading(day)}${more ? '（续）' : ''}`, MARGIN, doc.y, { width: this.w.width, lineBreak: false });
    doc.font(FONT);
    doc.y += (more ? 10 : 12) * 1.5 + 2;
    if (day.stops.length > 0) this.header();
  }

  private cells(s: ItineraryStop): string[][] {
    this.w.doc.font(FONT).fontSize(SIZE);
    return this.cols.map((c) => wrapText(this.w.doc, c.cell(s), c.width - 2 * PAD));
  }

  private row(day: ItineraryDay, s: ItineraryStop): void {
    const { doc } = this.w;
    const cells = this.cells(s);
    const height = Math.max(...cells.map((lines) => lines.length)) * LINE + 2 * PAD;
    if (height > this.w.room) {
      this.w.newPage();
      this.heading(day, true);
    }
    const y = doc.y;
    let x = MARGIN;
    doc.font(FONT).fontSize(SIZE).fillColor('#111');
    cells.forEach((lines, i) => {
      lines.forEach((line, j) => {
        doc.text(line, x + PAD, y + PAD + j * LINE + SIZE * 0.15, { width: this.cols[i]!.width - 2 * PAD, lineBreak: false });
      });
      x += this.cols[i]!.width;
    });
    doc.lineWidth(0.6).strokeColor(GRID).rect(MARGIN, y, this.w.width, height).stroke();
    x = MARGIN;
    for (const c of this.cols.slice(0, -1)) {
      x += c.width;
      doc.moveTo(x, y).lineTo(x, y + height).stroke();
    }
    doc.y = y + height;
  }

  day(day: ItineraryDay): void {
    if (this.w.room < 60 + HEADER_HEIGHT + LINE) this.w.newPage();
    this.heading(day, false);
    if (day.stops.length === 0) {
      this.w.doc.font(FONT).fontSize(SIZE).fillColor('#666').text('本日尚未安排观摩点', MARGIN + PAD, this.w.doc.y + PAD, { width: this.w.width });
      this.w.doc.y += 4;
      return;
    }
    for (const s of day.stops) this.row(day, s);
  }
}

function titleBlock(w: Writer, it: Itinerary): void {
  const { doc } = w;
  w.title(it.tourName, 18, { align: 'center' });
  doc.y += 2;
  w.title('观摩行程安排', 14, { align: 'center' });
  doc.y += 6;
  const first = it.days[0]?.date;
  const last = it.days.at(-1)?.date;
  const dates = first && last ? (first === last ? zhDate(first) : `${zhDate(first)}至${zhDate(last).slice(first.slice(0, 4) === last.slice(0, 4) ? 5 : 0)}`) : '日期待定';
  doc.font(FONT).fontSize(10.5).fillColor('#222');
  doc.text(`${dates} · 共 ${it.days.length} 天 · ${it.stops} 个观摩点 · ${it.counties} 个县（市、区）`, MARGIN, doc.y, { width: w.width, align: 'center' });
  doc.y += 6;
  w.para(`${it.campaignName} · 评分随测评会「${it.sessionName}」进行（观摩评）`, 9, '#444');
  if (it.observers.length > 0) w.para(`观摩团成员（${it.observers.length} 人）：${it.observers.map((o) => `${o.name}（${o.roleName}）`).join('、')}`, 9, '#333');
  doc.y += 2;
}

function lacks(w: Writer, it: Itinerary): void {
  if (it.problems.length === 0) return;
  w.heading('行程尚待完善', 12, 40);
  for (const p of it.problems) w.para(`· ${p.message.zh}`, 9, '#a8071a');
}


export async function tourItineraryPdf(it: Itinerary): Promise<Buffer> {
  const pdf = cjkPdf({ title: `${it.tourName} 观摩行程安排`, createdAt: it.generatedAt }, { bufferPages: true });
  const w = new Writer(pdf.doc);
  titleBlock(w, it);
  const table = new StopTable(w);
  for (const day of it.days) table.day(day);
  lacks(w, it);
  w.pageFooters(`观摩行程安排 · 生成于 ${zhDateTime(it.generatedAt)}`);
  return pdf.finish();
}
