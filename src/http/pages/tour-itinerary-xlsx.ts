/**
 * 观摩行程 xlsx: 行程 — one row per stop (date, day, order, planned time, county, site, theme, address); 观摩团 — the
 * team's seats and roles; 说明 — the tour, its session and what the plan still lacks. Headers in Chinese, header rows
 * frozen, dates as dates.
 */
import ExcelJS from 'exceljs';
import type { Itinerary } from '../../app/tours/build-itinerary.js';
import { tourDayHeading } from './tour-itinerary-pdf.js';
import { cellDate, DATE_FORMAT, DATE_TIME_FORMAT } from './xlsx-cells.js';

export const ITINERARY_SHEETS = { stops: '行程', team: '观摩团', about: '说明' } as const;
export const ITINERARY_HEADER = ['日期', '行程日', '序号', '计划时间', '县（市、区）', '实训点', '观摩主题', '地址'];

const frozen: Partial<ExcelJS.AddWorksheetOptions> = { views: [{ state: 'frozen', ySplit: 1 }] };

export async function tourItineraryXlsx(it: Itinerary): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = '擂台 Leitai';
  book.created = new Date(it.generatedAt);

  const stops = book.addWorksheet(ITINERARY_SHEETS.stops, frozen);
  stops.addRow(ITINERARY_HEADER).font = { bold: true };
  for (const day of it.days) {
    for (const s of day.stops) {
      stops.addRow([cellDate(day.date), tourDayHeading(day).split(' · ').slice(1).join(' · '), s.position, s.plannedTime ?? '', s.unitName, s.siteName, s.theme, s.address]);
    }
  }
  stops.getColumn(1).numFmt = DATE_FORMAT;
  [14, 18, 6, 10, 14, 28, 36, 30].forEach((width, i) => void (stops.getColumn(i + 1).width = width));

  const team = book.addWorksheet(ITINERARY_SHEETS.team, frozen);
  team.addRow(['序号', '署名', '职务']).font = { bold: true };
  it.observers.forEach((o, i) => {
    team.addRow([i + 1, o.name, o.roleName]);
  });
  [6, 16, 30].forEach((width, i) => void (team.getColumn(i + 1).width = width));

  const about = book.addWorksheet(ITINERARY_SHEETS.about);
  const rows: [string, string | number | Date][] = [
    ['观摩活动', it.tourName],
    ['测评活动', it.campaignName],
    ['测评会', it.sessionName],
    ['天数', it.days.length],
    ['观摩点', it.stops],
    ['县（市、区）', it.counties],
    ['生成时间', cellDate(it.generatedAt)],
  ];
  for (const row of rows) about.addRow(row);
  about.getCell(`B${rows.length}`).numFmt = DATE_TIME_FORMAT;
  about.addRow([]);
  about.addRow([it.problems.length === 0 ? '行程检查：每个实训点均已安排，每个县（市、区）均已覆盖' : '行程尚待完善']);
  for (const p of it.problems) about.addRow(['', p.message.zh]);
  about.getColumn(1).width = 16;
  about.getColumn(2).width = 60;

  return Buffer.from(await book.xlsx.writeBuffer());
}
