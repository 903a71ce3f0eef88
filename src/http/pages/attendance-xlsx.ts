/**
 * 考勤 xlsx for the class's office (or a county, its own part): 按课次 — each lesson's 应到, 准时, 迟到, 请假, 缺勤
 * per venue, per county and in all; 按学员 — each participant's status at every lesson (with the time of the scan,
 * 补签 marked) and the 学时 earned; one 缺勤名单 per county — who missed which ended lesson; 请假与补签 — every office
 * entry with its reason; 说明 — the class, the scope and the rules. Headers in Chinese, header rows frozen.
 */
import ExcelJS from 'exceljs';
import type { AttendanceExport } from '../../app/training/build-attendance-export.js';
import { ATTENDANCE_LABELS } from '../../domain/training/types.js';
import { cellDate, DATE_TIME_FORMAT, sheetNames } from './xlsx-cells.js';
import { zhDate } from './zh-date.js';

export const ATTENDANCE_SHEETS = { byLesson: '按课次', byParticipant: '按学员', absentPrefix: '缺勤名单', office: '请假与补签', about: '说明' } as const;

export const BY_LESSON_HEADER = ['日期', '时间', '课次', '形式', '学时', '统计口径', '名称', '应到', '准时', '迟到', '请假', '缺勤', '未签到', '到课率'];

const bold = { bold: true };
const frozen = (columns: number): Partial<ExcelJS.AddWorksheetOptions> => ({ views: [{ state: 'frozen', xSplit: columns, ySplit: 1 }] });

type LessonEntry = AttendanceExport['lessons'][number];

/** "6月15日". */
const monthDay = (date: string): string => zhDate(date).slice(5);
/** "6/15 08:30 同步课堂": a lesson in one short header cell. */
const lessonHeader = (l: LessonEntry['lesson']): string => `${Number(l.day.slice(5, 7))}/${Number(l.day.slice(8, 10))} ${l.startsAt.slice(11)} ${l.kindLabel.zh}`;

function countsRow(e: LessonEntry, scope: string, name: string, c: { expected: number; onTime: number; late: number; leave: number; missing: number }): (string | number | null)[] {
  const ended = e.attendance.window === 'closed';
  const l = e.lesson;
  return [
    monthDay(l.day),
    `${l.startsAt.slice(11)}–${l.endsAt.slice(11)}`,
    l.title,
    l.kindLabel.zh,
    Number(l.hours),
    scope,
    name,
    c.expected,
    c.onTime,
    c.late,
    c.leave,
    ended ? c.missing : 0,
    ended ? 0 : c.missing,
    c.expected > 0 ? (c.onTime + c.late) / c.expected : null,
  ];
}

function byLessonSheet(wb: ExcelJS.Workbook, x: AttendanceExport): void {
  const ws = wb.addWorksheet(ATTENDANCE_SHEETS.byLesson, frozen(0));
  ws.columns = [{ width: 9 }, { width: 12 }, { width: 40 }, { width: 11 }, { width: 6 }, { width: 11 }, { width: 22 }, ...Array.from({ length: 6 }, () => ({ width: 8 })), { width: 9 }];
  ws.addRow(BY_LESSON_HEADER).font = bold;
  for (const e of x.lessons) {
    const a = e.attendance;
    // A county viewer sees only their own people: a venue none of them was expected at or came to is left out.
    const venues = a.venues.filter((v) => x.scope === null || v.expected + v.onTime + v.late > 0);
    for (const v of venues) ws.addRow(countsRow(e, '会场', v.name, v));
    for (const u of a.units) ws.addRow(countsRow(e, '县（市、区）', u.name, u));
    ws.addRow(countsRow(e, '合计', x.scope ? `${x.scope.name}合计` : '全部学员', a.total)).font = bold;
  }
  ws.getColumn(14).numFmt = '0.0%';
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: BY_LESSON_HEADER.length } };
}

function statusText(r: AttendanceExport['records'][number], lesson: AttendanceExport['records'][number]['record']['lessons'][number]): string {
  const label = ATTENDANCE_LABELS[lesson.status].zh;
  if (lesson.status !== 'on_time' && lesson.status !== 'late') return label;
  return `${label} ${lesson.clock ?? ''}${r.entered.has(lesson.lessonId) ? '（补签）' : ''}`.trim();
}

function byParticipantSheet(wb: ExcelJS.Workbook, x: AttendanceExport): void {
  const ws = wb.addWorksheet(ATTENDANCE_SHEETS.byParticipant, frozen(4));
  ws.columns = [{ width: 7 }, { width: 10 }, { width: 26 }, { width: 24 }, { width: 16 }, ...x.lessons.map(() => ({ width: 15 })), { width: 9 }, { width: 10 }];
  ws.addRow(['序号', '县（市、区）', '单位', '姓名', '职务', ...x.lessons.map((e) => lessonHeader(e.lesson)), '缺勤次数', `学时（满 ${x.fullCredit}）`]).font = bold;
  x.records.forEach((r, i) => {
    const row = ws.addRow([i + 1, r.countyName, r.record.unitPath, r.record.name, r.record.post, ...r.record.lessons.map((l) => statusText(r, l)), r.record.absent, Number(r.record.credit.display)]);
    row.getCell(x.lessons.length + 7).numFmt = '0.00';
  });
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: x.lessons.length + 7 } };
}

function absentSheets(wb: ExcelJS.Workbook, x: AttendanceExport): void {
  const names = sheetNames(x.counties.map((c) => `${ATTENDANCE_SHEETS.absentPrefix}-${c.name}`), wb.worksheets.map((s) => s.name));
  const lessons = new Map(x.lessons.map((e) => [e.lesson.id, e.lesson]));
  x.counties.forEach((county, i) => {
    const ws = wb.addWorksheet(names[i]!, frozen(0));
    ws.columns = [{ width: 28 }, { width: 24 }, { width: 16 }, { width: 9 }, { width: 12 }, { width: 40 }, { width: 11 }, { width: 6 }];
    ws.addRow(['单位', '姓名', '职务', '日期', '时间', '课次', '形式', '学时']).font = bold;
    let rows = 0;
    for (const r of x.records.filter((p) => p.countyId === county.id)) {
      for (const l of r.record.lessons) {
        if (l.status !== 'absent') continue;
        const lesson = lessons.get(l.lessonId)!;
        ws.addRow([r.record.unitPath, r.record.name, r.record.post, monthDay(lesson.day), `${lesson.startsAt.slice(11)}–${lesson.endsAt.slice(11)}`, lesson.title, lesson.kindLabel.zh, Number(lesson.hours)]);
        rows++;
      }
    }
    if (rows === 0) ws.addRow([`${county.name}：已结束的课次无人缺勤`]);
  });
}

function officeSheet(wb: ExcelJS.Workbook, x: AttendanceExport): void {
  const ws = wb.addWorksheet(ATTENDANCE_SHEETS.office, frozen(0));
  ws.columns = [{ width: 9 }, { width: 40 }, { width: 28 }, { width: 24 }, { width: 16 }, { width: 8 }, { width: 8 }, { width: 20 }, { width: 18 }, { width: 40 }];
  ws.addRow(['日期', '课次', '单位', '姓名', '职务', '类别', '状态', '会场', '登记时间', '原因']).font = bold;
  const lessons = new Map(x.lessons.map((e) => [e.lesson.id, e.lesson]));
  for (const e of x.officeEntries) {
    const lesson = lessons.get(e.lessonId);
    const row = ws.addRow([lesson ? monthDay(lesson.day) : '', lesson?.title ?? '', e.unitPath, e.name, e.post, e.kind === 'leave' ? '请假' : '补签', ATTENDANCE_LABELS[e.status].zh, e.venueName ?? '', cellDate(`${e.at}:00+08:00`), e.reason]);
    row.getCell(9).numFmt = DATE_TIME_FORMAT;
  }
}

function aboutSheet(wb: ExcelJS.Workbook, x: AttendanceExport): void {
  const ws = wb.addWorksheet(ATTENDANCE_SHEETS.about);
  ws.columns = [{ width: 16 }, { width: 90 }];
  const c = x.cls;
  const rows: [string, string | number | Date, string?][] = [
    ['培训班', c.name],
    ['日期', `${zhDate(c.startsOn)}至${zhDate(c.endsOn)}`],
    ['范围', x.scope ? `${x.scope.name}（本单位及下级单位的学员）` : `${c.rootUnitName}全部学员`],
    ['学员', x.records.length],
    ['课次', x.lessons.length],
    ['应得学时', Number(x.fullCredit)],
    ['生成时间', cellDate(x.generatedAt), DATE_TIME_FORMAT],
    ['签到规则', `开课后 ${c.graceMinutes} 分钟内签到为准时，之后为迟到（个别课次另有规定的，按其规定）；课次结束后不能扫码签到，由工作人员补签并写明原因。`],
    ['学时', `准时计该课次全部学时，迟到计 ${c.lateSharePercent}%（个别课次另有规定的，按其规定），请假、缺勤不计；合计精确计算，显示保留两位小数。`],
    ['缺勤与未签到', '课次结束时仍无签到、也未请假的为缺勤；尚未结束的课次中未签到的，计入“未签到”，不算缺勤。'],
    ['会场统计', '“应到”按学员所在单位对应的会场计（同步课堂中各县（市、区）学员到本县党校分会场）；“准时”“迟到”按实际扫码签到的会场计。'],
  ];
  for (const [label, value, format] of rows) {
    const row = ws.addRow([label, value]);
    row.getCell(1).font = bold;
    if (format) row.getCell(2).numFmt = format;
    row.getCell(2).alignment = { horizontal: 'left', wrapText: true };
  }
}

export async function attendanceXlsx(x: AttendanceExport): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '擂台 Leitai';
  wb.created = new Date(x.generatedAt);
  byLessonSheet(wb, x);
  byParticipantSheet(wb, x);
  absentSheets(wb, x);
  officeSheet(wb, x);
  aboutSheet(wb, x);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
