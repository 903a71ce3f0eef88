/**
 * 培训班日程 PDF (A4): the class's name and dates, the check-in and 学时 rules in one paragraph, then day by day a
 * table — time, form, the lesson (title, speakers by post, materials), venues (the main one first) and 学时. A row
 * that does not fit the rest of a page moves whole to the next one, under the day's heading (续) and the table's
 * header; only a row taller than a whole page is split, between lines. Every page is numbered.
 */
import type { Agenda, AgendaDay, AgendaLesson } from '../../app/training/build-agenda.js';
import { zhDateTime } from './html.js';
import { cjkPdf } from './pdf-document.js';
import { BOLD, FONT, MARGIN, Writer } from './pdf-layout.js';
import { wrapText } from './pdf-wrap.js';
import { zhDate } from './zh-date.js';

const PAD = 4;
const HEADER_HEIGHT = 18;
const GRID = '#b8bcc4';
const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];
const DAY_NUMBERS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

interface Line {
  text: string;
  size: number;
  bold?: boolean;
  colour?: string;
}

interface Column {
  title: string;
  width: number;
  align: 'left' | 'center';
}

/** 时间, 形式, 课次内容 (the rest of the width), 会场, 学时. */
function columns(width: number): Column[] {
  const fixed = [64, 58, 124, 34];
  return [
    { title: '时间', width: fixed[0]!, align: 'center' },
    { title: '形式', width: fixed[1]!, align: 'center' },
    { title: '课次内容', width: width - fixed.reduce((a, b) => a + b, 0), align: 'left' },
    { title: '会场', width: fixed[2]!, align: 'left' },
    { title: '学时', width: fixed[3]!, align: 'center' },
  ];
}

const lineHeight = (l: Line): number => l.size * 1.45;
const linesHeight = (lines: readonly Line[]): number => lines.reduce((h, l) => h + lineHeight(l), 0);

/** A cell's paragraph in lines that fit `width` (pdf-wrap.ts). */
function wrap(w: Writer, text: string, width: number, style: Omit<Line, 'text'>): Line[] {
  w.doc.font(style.bold ? BOLD : FONT).fontSize(style.size);
  const lines = wrapText(w.doc, text, width).map((t) => ({ ...style, text: t }));
  w.doc.font(FONT);
  return lines;
}

/** "6月15日（星期三）· 第一天". */
export function dayHeading(day: AgendaDay): string {
  const [y, m, d] = day.date.split('-').map(Number);
  const weekday = WEEKDAYS[new Date(Date.UTC(y!, m! - 1, d!)).getUTCDay()];
  return `${m}月${d}日（星期${weekday}）· 第${DAY_NUMBERS[day.number - 1] ?? day.number}天`;
}

function speakerText(s: AgendaLesson['speakers'][number]): string {
  return s.title ? `${s.name}（${s.title}）` : s.name;
}

function rowCells(w: Writer, cols: Column[], l: AgendaLesson): Line[][] {
  const inner = (i: number) => cols[i]!.width - 2 * PAD;
  const content = [
    ...wrap(w, l.title, inner(2), { size: 10, bold: true }),
    ...(l.speakers.length > 0 ? wrap(w, `主讲/发言：${l.speakers.map(speakerText).join('；')}`, inner(2), { size: 8.5, colour: '#333' }) : []),
    ...l.materials.flatMap((m) => wrap(w, `· ${m.title}${m.note ? `（${m.note}）` : ''}`, inner(2), { size: 8.5, colour: '#444' })),
  ];
  const venues = l.venues.flatMap((v, i) => wrap(w, i === 0 && l.venues.length > 1 ? `${v}（主会场）` : v, inner(3), { size: 8.5 }));
  return [
    wrap(w, `${l.starts}–${l.ends}`, inner(0), { size: 9 }),
    wrap(w, l.kind, inner(1), { size: 9 }),
    content,
    venues,
    wrap(w, l.hours, inner(4), { size: 9 }),
  ];
}

class AgendaTable {
  private readonly cols: Column[];

  constructor(readonly w: Writer) {
    this.cols = columns(w.width);
  }

  private get doc() {
    return this.w.doc;
  }

  header(): void {
    const { doc } = this;
    let x = MARGIN;
    const y = doc.y;
    doc.rect(MARGIN, y, this.w.width, HEADER_HEIGHT).fillAndStroke('#eef0f3', GRID);
    doc.font(BOLD).fontSize(9).fillColor('#111');
    for (const c of this.cols) {
      doc.text(c.title, x + PAD, y + 4.5, { width: c.width - 2 * PAD, align: c.align === 'center' ? 'center' : 'left', lineBreak: false });
      x += c.width;
    }
    doc.font(FONT);
    doc.y = y + HEADER_HEIGHT;
  }

  /** The day's heading, then the table's header (unless the day has no lessons). `more`: the day goes on from the page before. */
  heading(day: AgendaDay, more: boolean): void {
    const { doc } = this;
    doc.y += more ? 2 : 10;
    doc.font(BOLD).fontSize(more ? 10 : 12).fillColor('#1f2329');
    doc.text(`${dayHeading(day)}${more ? '（续）' : ''}`, MARGIN, doc.y, { width: this.w.width, lineBreak: false });
    doc.font(FONT);
    doc.y += (more ? 10 : 12) * 1.5 + 2;
    if (day.lessons.length > 0) this.header();
  }

  private headingHeight(more: boolean): number {
    return (more ? 2 : 10) + (more ? 10 : 12) * 1.5 + 2 + HEADER_HEIGHT;
  }

  private newPage(day: AgendaDay): void {
    this.w.newPage();
    this.heading(day, true);
  }

  /** Draws one piece of a row: the lines given per cell, framed. */
  private piece(cells: Line[][]): void {
    const { doc } = this;
    const y = doc.y;
    const height = Math.max(...cells.map(linesHeight)) + 2 * PAD;
    let x = MARGIN;
    cells.forEach((lines, i) => {
      const c = this.cols[i]!;
      let ly = y + PAD;
      for (const l of lines) {
        doc.font(l.bold ? BOLD : FONT).fontSize(l.size).fillColor(l.colour ?? '#111');
        doc.text(l.text, x + PAD, ly + l.size * 0.15, { width: c.width - 2 * PAD, align: c.align === 'center' ? 'center' : 'left', lineBreak: false });
        ly += lineHeight(l);
      }
      x += c.width;
    });
    doc.lineWidth(0.6).strokeColor(GRID);
    doc.rect(MARGIN, y, this.w.width, height).stroke();
    x = MARGIN;
    for (const c of this.cols.slice(0, -1)) {
      x += c.width;
      doc.moveTo(x, y).lineTo(x, y + height).stroke();
    }
    doc.font(FONT);
    doc.y = y + height;
  }

  /** A lesson's row: whole on this page, else whole on the next; split between lines only when taller than a page. */
  row(day: AgendaDay, cells: Line[][]): void {
    const height = Math.max(...cells.map(linesHeight)) + 2 * PAD;
    const fresh = this.w.pageRoom - this.headingHeight(true);
    if (height > this.w.room && height <= fresh) this.newPage(day);
    let rest = cells.map((lines) => [...lines]);
    while (rest.some((lines) => lines.length > 0)) {
      const room = this.w.room - 2 * PAD;
      const fits = rest.map((lines) => {
        let h = 0;
        let n = 0;
        while (n < lines.length && h + lineHeight(lines[n]!) <= room) h += lineHeight(lines[n++]!);
        return n;
      });
      if (fits.every((n, i) => n === rest[i]!.length)) {
        this.piece(rest);
        return;
      }
      // Too little room for a useful piece: the row's next part starts on a new page (a fresh page takes what fits).
      const atTop = this.w.room >= fresh - 1;
      const thin = fits.every((n) => n === 0) || fits[2]! < Math.min(2, rest[2]!.length);
      if (thin && !atTop) {
        this.newPage(day);
        continue;
      }
      this.piece(rest.map((lines, i) => lines.slice(0, fits[i])));
      rest = rest.map((lines, i) => lines.slice(fits[i]));
      rest[0] = rest[0]!.length > 0 ? rest[0]! : [{ text: '（续）', size: 8.5, colour: '#666' }];
      this.newPage(day);
    }
  }

  day(day: AgendaDay): void {
    const first = day.lessons[0];
    const firstHeight = first ? Math.min(Math.max(...rowCells(this.w, this.cols, first).map(linesHeight)) + 2 * PAD, 120) : 24;
    if (this.w.room < this.headingHeight(false) + firstHeight) this.w.newPage();
    this.heading(day, false);
    if (!first) {
      this.doc.font(FONT).fontSize(9).fillColor('#666').text('本日无课次安排', MARGIN + PAD, this.doc.y + PAD, { width: this.w.width - 2 * PAD });
      this.doc.y += 4;
      return;
    }
    for (const lesson of day.lessons) this.row(day, rowCells(this.w, this.cols, lesson));
  }
}

function titleBlock(w: Writer, a: Agenda): void {
  const { doc } = w;
  w.title(a.className, 18, { align: 'center' });
  doc.y += 2;
  w.title('日程安排', 14, { align: 'center' });
  doc.y += 6;
  const dates = a.startsOn === a.endsOn ? zhDate(a.startsOn) : `${zhDate(a.startsOn)}至${a.startsOn.slice(0, 4) === a.endsOn.slice(0, 4) ? zhDate(a.endsOn).slice(5) : zhDate(a.endsOn)}`;
  doc.font(FONT).fontSize(10.5).fillColor('#222');
  doc.text(`${dates} · ${a.rootUnitName} · 共 ${a.days.length} 天 · ${a.lessons} 个课次 · ${a.totalHours} 学时`, MARGIN, doc.y, { width: w.width, align: 'center' });
  doc.y += 6;
  const rules =
    `签到：每个课次开课前 ${a.checkinOpensMinutes / 60} 小时开放扫码签到，开课 ${a.graceMinutes} 分钟后签到记为迟到；准时计该课次全部学时，迟到计 ${a.lateSharePercent}%，请假、缺勤不计学时` +
    `${a.lessonRulesDiffer ? '（个别课次另有规定，以培训班通知为准）' : ''}。`;
  w.para(rules, 9, '#444');
  doc.y += 2;
}


export async function agendaPdf(a: Agenda): Promise<Buffer> {
  const pdf = cjkPdf({ title: `${a.className} 日程安排`, createdAt: a.generatedAt }, { bufferPages: true });
  const w = new Writer(pdf.doc);
  titleBlock(w, a);
  const table = new AgendaTable(w);
  for (const day of a.days) table.day(day);
  w.pageFooters(`日程安排 · 生成于 ${zhDateTime(a.generatedAt)}`);
  return pdf.finish();
}
