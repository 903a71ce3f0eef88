/**
 * The training class's printed outputs through the API on both engines, on the Jincheng demo's class: the agenda PDF
 * read back with pdf.js (day headings, lesson titles, clean page breaks on a long agenda), the attendance workbook
 * opened with exceljs and checked against GET …/attendance, the printable roster with every code of a unit — and who
 * may have which.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { loadDemo } from '../../src/app/demo/load-demo.js';
import { JINCHENG_CLASS_ID } from '../../src/demo/jincheng.js';
import { ATTENDANCE_SHEETS, BY_LESSON_HEADER } from '../../src/http/pages/attendance-xlsx.js';
import { addViewer, buildTestApp, type TestApp } from '../helpers/app.js';
import { dialects } from '../helpers/db.js';
import { pageText, pdfPages } from '../helpers/pdf-text.js';

const CLASS = `/api/training/classes/${JINCHENG_CLASS_ID}`;
const MARGIN = 45;

interface Counts {
  expected: number;
  onTime: number;
  late: number;
  leave: number;
  missing: number;
}
interface LessonAttendance {
  lessonId: string;
  window: string;
  total: Counts;
  venues: (Counts & { name: string })[];
  units: (Counts & { name: string })[];
}
interface AgendaLesson {
  id: string;
  title: string;
  day: string;
  startsAt: string;
  endsAt: string;
  hours: string;
  kindLabel: { zh: string };
}

const cells = (row: ExcelJS.Row): ExcelJS.CellValue[] => (row.values as ExcelJS.CellValue[]).slice(1);

function rows(wb: ExcelJS.Workbook, name: string): ExcelJS.CellValue[][] {
  const sheet = wb.getWorksheet(name);
  assert.ok(sheet, `no sheet ${name}`);
  const out: ExcelJS.CellValue[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => out.push(cells(row)));
  return out;
}

/** 应到, 准时, 迟到, 请假, 缺勤 or 未签到 (by whether the lesson ended) of a 按课次 row. */
const numbers = (row: ExcelJS.CellValue[]): number[] => row.slice(7, 13).map(Number);
const expectedNumbers = (c: Counts, ended: boolean): number[] => [c.expected, c.onTime, c.late, c.leave, ended ? c.missing : 0, ended ? 0 : c.missing];

for (const kind of dialects()) {
  describe(`the training class’s outputs (${kind})`, () => {
    let t: TestApp;
    let agenda: AgendaLesson[];

    const get = (role: Parameters<TestApp['call']>[0], url: string) => t.call(role, { method: 'GET', url });
    const workbook = async (role: 'organiser' | 'viewer'): Promise<{ wb: ExcelJS.Workbook; disposition: string }> => {
      const res = await get(role, `${CLASS}/attendance.xlsx`);
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.headers['content-type'], 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      return { wb, disposition: res.headers['content-disposition'] as string };
    };

    before(async () => {
      t = await buildTestApp(kind);
      // The demo makes its own accounts; the test app has them already.
      await loadDemo(t.ctx).catch(() => null);
      await addViewer(t, 'u140525');
      agenda = (await get('organiser', CLASS)).json().agenda;
      assert.equal(agenda.length, 6);
    });
    after(() => t.close());

    it('prints the agenda on A4: the class’s title and dates, a heading per day, every lesson with its time and 学时', async () => {
      const res = await get('clerk', `${CLASS}/agenda.pdf`);
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.headers['content-type'], 'application/pdf');
      const disposition = res.headers['content-disposition'] as string;
      assert.match(disposition, /^attachment; filename="tc-jincheng-2022-06-agenda\.pdf"; filename\*=UTF-8''/);
      assert.equal(decodeURIComponent(disposition.split("''")[1]!), '全市乡镇（街道）党（工）委书记基层治理能力提升专题培训班-日程安排.pdf');
      const pages = await pdfPages(res.rawPayload);
      for (const p of pages) assert.deepEqual([Math.round(p.width), Math.round(p.height)], [595, 842], 'A4 portrait');
      const text = pages.map(pageText).join('');
      assert.ok(text.startsWith('全市乡镇（街道）党（工）委书记基层治理能力提升专题培训班日程安排'), text.slice(0, 60));
      assert.ok(text.includes('2022年6月15日至6月17日·晋城市·共3天·6个课次·17.5学时'), 'dates, city, days, lessons and hours');
      assert.ok(text.includes('开课10分钟后签到记为迟到'), 'the check-in rule');
      const headings = ['6月15日（星期三）·第一天', '6月16日（星期四）·第二天', '6月17日（星期五）·第三天'];
      let at = -1;
      for (const h of headings) {
        const next = text.indexOf(h);
        assert.ok(next > at, `${h} in order`);
        at = next;
      }
      for (const l of agenda) {
        const title = l.title.replace(/\s+/g, '');
        const where = text.indexOf(title);
        assert.ok(where >= 0, `the lesson ${l.title} is printed`);
        const day = headings.filter((h) => text.indexOf(h) < where).length - 1;
        assert.equal(l.day, `2022-06-${15 + day}`, `${l.title} under its day`);
        assert.ok(text.includes(`${l.startsAt.slice(11)}–${l.endsAt.slice(11)}${l.kindLabel.zh}${title}`), `${l.title}: time and form before it`);
      }
      assert.ok(text.includes('中共晋城市委党校（主会场）中共城区委党校'), 'the 同步课堂 lists its venues, the main one first');
      assert.ok(text.includes('城区北街街道党工委书记（现场发言）'), 'speakers by post');
      assert.ok(pages.every((p, i) => pageText(p).includes(`第${i + 1}页/共${pages.length}页`)), 'every page numbered');
      assert.equal((await get('viewer', `${CLASS}/agenda.pdf`)).statusCode, 200, 'a county viewer may read the agenda');
      assert.equal((await get(null, `${CLASS}/agenda.pdf`)).statusCode, 401);
    });

    it('breaks a long agenda between rows, under the day’s heading (续) and the table’s header, splitting only a row taller than a page', async () => {
      const created = await t.call('organiser', { method: 'POST', url: '/api/training/classes', payload: { id: 'tc-long', name: '长日程测试班', rootUnitId: 'u1405', startsOn: '2022-07-01', endsOn: '2022-07-04' } });
      assert.equal(created.statusCode, 201, created.body);
      for (const v of [{ id: 'v-a', name: '中共晋城市委党校', unitId: 'u1405' }, { id: 'v-b', name: '中共泽州县委党校', unitId: 'u140525' }]) {
        assert.equal((await t.call('organiser', { method: 'POST', url: '/api/training/classes/tc-long/venues', payload: v })).statusCode, 201);
      }
      const lessons: { id: string; title: string; last: string }[] = [];
      for (const day of ['01', '02', '04']) {
        for (let i = 0; i < 8; i++) {
          const n = lessons.length + 1;
          const hour = String(8 + i).padStart(2, '0');
          const lesson = {
            id: `l${n}`,
            kind: i % 2 === 0 ? 'lecture' : 'topic',
            title: `第${n}课：基层治理能力提升专题研讨与交流`,
            startsAt: `2022-07-${day}T${hour}:00`,
            endsAt: `2022-07-${day}T${hour}:50`,
            venueIds: i % 3 === 0 ? ['v-a', 'v-b'] : ['v-a'],
            hours: '0.75',
            speakers: Array.from({ length: 6 }, (_, k) => ({ name: `第${k + 1}研讨组组长`, title: '发言' })),
            materials: Array.from({ length: 3 }, (_, k) => ({ title: `第${n}课材料之${k + 1}：专项行动工作台账样表`, note: '' })),
          };
          assert.equal((await t.call('organiser', { method: 'POST', url: '/api/training/classes/tc-long/lessons', payload: lesson })).statusCode, 201);
          lessons.push({ id: lesson.id, title: lesson.title, last: `第${n}课材料之3` });
        }
      }
      const huge = { id: 'l-huge', kind: 'case', title: '案例汇编：一百个案例', startsAt: '2022-07-02T18:00', endsAt: '2022-07-02T20:00', venueIds: ['v-a'], hours: '2', materials: Array.from({ length: 100 }, (_, k) => ({ title: `案例${k + 1}号：村级集体经济发展的实践探索与经验总结`, note: '' })) };
      assert.equal((await t.call('organiser', { method: 'POST', url: '/api/training/classes/tc-long/lessons', payload: huge })).statusCode, 201);

      const res = await get('organiser', '/api/training/classes/tc-long/agenda.pdf');
      assert.equal(res.statusCode, 200, res.body);
      const pages = await pdfPages(res.rawPayload);
      assert.ok(pages.length >= 5, `${pages.length} pages`);
      const texts = pages.map(pageText);
      const footer = /^(第\d+页\/共\d+页|日程安排·生成于.*)$/;
      pages.forEach((p, i) => {
        for (const item of p.items) {
          if (footer.test(item.str.replace(/\s+/g, ''))) continue;
          assert.ok(item.y <= p.height - MARGIN + 1, `page ${i + 1}: “${item.str}” runs into the bottom margin (${item.y})`);
        }
        if (/第\d+课：|案例\d+号/.test(texts[i]!)) assert.ok(texts[i]!.includes('时间形式课次内容会场学时'), `page ${i + 1} has the table's header`);
        if (i > 0) {
          const first = p.items.filter((x) => !footer.test(x.str.replace(/\s+/g, ''))).sort((a, b) => a.y - b.y)[0]!;
          assert.match(first.str, /^7月\d+日（星期.）· 第.天/, `page ${i + 1} starts with a day's heading`);
        }
      });
      assert.ok(texts.some((s) => s.includes('（续）')), 'a day that goes on says so');
      assert.ok(texts.join('').includes('7月3日（星期日）·第三天本日无课次安排'), 'an empty day says so');
      for (const l of lessons) {
        const where = texts.map((s, i) => (s.includes(l.title) ? i : -1)).filter((i) => i >= 0);
        assert.equal(where.length, 1, `${l.title} once`);
        assert.ok(texts[where[0]!]!.includes(l.last), `${l.title} is not split from its last material`);
      }
      const all = texts.join('');
      const order = Array.from({ length: 100 }, (_, k) => all.indexOf(`案例${k + 1}号：`));
      assert.ok(order.every((at, k) => at >= 0 && (k === 0 || at > order[k - 1]!)), 'a row taller than a page goes on, in order, over the next page');
      assert.ok(texts.filter((s) => s.includes('案例')).length >= 2, 'the huge row is split between lines');
    });

    it('exports attendance by lesson, per venue and per county, with the same numbers as GET …/attendance', async () => {
      const { wb, disposition } = await workbook('organiser');
      assert.equal(decodeURIComponent(disposition.split("''")[1]!), '全市乡镇（街道）党（工）委书记基层治理能力提升专题培训班-考勤.xlsx');
      const counties = ['晋城市', '城区', '沁水县', '阳城县', '陵川县', '泽州县', '高平市'];
      assert.deepEqual(wb.worksheets.map((s) => s.name), [ATTENDANCE_SHEETS.byLesson, ATTENDANCE_SHEETS.byParticipant, ...counties.map((c) => `缺勤名单-${c}`), ATTENDANCE_SHEETS.office, ATTENDANCE_SHEETS.about]);
      const byLesson = rows(wb, ATTENDANCE_SHEETS.byLesson);
      assert.deepEqual(byLesson[0], BY_LESSON_HEADER);
      let r = 1;
      for (const l of agenda) {
        const a: LessonAttendance = (await get('organiser', `${CLASS}/lessons/${l.id}/attendance`)).json();
        const ended = a.window === 'closed';
        assert.ok(ended, 'the demo’s lessons are over');
        for (const v of a.venues) {
          const row = byLesson[r++]!;
          assert.deepEqual([row[2], row[5], row[6]], [l.title, '会场', v.name]);
          assert.deepEqual(numbers(row), expectedNumbers(v, ended), `${l.title} at ${v.name}`);
        }
        for (const u of a.units) {
          const row = byLesson[r++]!;
          assert.deepEqual([row[2], row[5], row[6]], [l.title, '县（市、区）', u.name]);
          assert.deepEqual(numbers(row), expectedNumbers(u, ended), `${l.title} in ${u.name}`);
        }
        const total = byLesson[r++]!;
        assert.deepEqual([total[2], total[5], total[4]], [l.title, '合计', Number(l.hours)]);
        assert.deepEqual(numbers(total), expectedNumbers(a.total, ended));
        assert.ok(Math.abs(Number(total[13]) - (a.total.onTime + a.total.late) / a.total.expected) < 1e-9, `到课率 ${total[13]}`);
      }
      assert.equal(byLesson.length, r);
    });

    it('exports each participant’s status per lesson and 学时, the absences per county and every 请假 and 补签 with its reason', async () => {
      const { wb } = await workbook('organiser');
      const people = rows(wb, ATTENDANCE_SHEETS.byParticipant);
      const records: { total: number; fullCredit: string; items: { name: string; unitPath: string; credit: { display: string }; absent: number; lessons: { status: string; clock: string | null }[] }[] } = (await get('organiser', `${CLASS}/attendance?pageSize=500&page=1`)).json();
      assert.ok(records.total >= 2100, `${records.total} trainees`);
      assert.equal(people.length, records.total + 1);
      assert.deepEqual(people[0]!.slice(0, 5), ['序号', '县（市、区）', '单位', '姓名', '职务']);
      assert.equal(people[0]![people[0]!.length - 1], `学时（满 ${records.fullCredit}）`);
      const byKey = new Map(people.slice(1).map((row) => [`${row[2]}/${row[3]}`, row]));
      for (const item of records.items) {
        const row = byKey.get(`${item.unitPath}/${item.name}`);
        assert.ok(row, `${item.name} is on the sheet`);
        assert.equal(row[row.length - 1], Number(item.credit.display));
        assert.equal(row[row.length - 2], item.absent);
        item.lessons.forEach((l, i) => {
          const cell = String(row[5 + i]);
          const label = { on_time: '准时', late: '迟到', leave: '请假', absent: '缺勤', pending: '未签到' }[l.status]!;
          assert.ok(cell.startsWith(label), `${item.name}: ${cell} for ${l.status}`);
          if (l.status === 'on_time' || l.status === 'late') assert.ok(cell.includes(l.clock!), `${item.name}: ${cell} shows ${l.clock}`);
        });
      }
      const absences = people.slice(1).reduce((n, row) => n + Number(row[row.length - 2]), 0);
      const lists = wb.worksheets.filter((s) => s.name.startsWith('缺勤名单-')).map((s) => rows(wb, s.name).slice(1));
      const listed = lists.reduce((n, list) => n + list.filter((row) => row[1]).length, 0);
      assert.equal(listed, absences, 'every absence is on its county’s list');
      for (const list of lists) if (list.every((row) => !row[1])) assert.match(String(list[0]?.[0]), /已结束的课次无人缺勤$/, 'an empty list says so');
      for (const row of rows(wb, '缺勤名单-泽州县').slice(1)) assert.match(String(row[0]), /^泽州县 \/ /);

      const office = rows(wb, ATTENDANCE_SHEETS.office);
      const marks = people.slice(1).flatMap((row) => row.slice(5, 5 + agenda.length).map(String));
      assert.equal(office.length - 1, marks.filter((c) => c === '请假' || c.endsWith('（补签）')).length);
      assert.ok(office.slice(1).some((row) => row[5] === '补签') && office.slice(1).some((row) => row[5] === '请假'), 'both kinds of office entry');
      for (const row of office.slice(1)) assert.match(String(row[9]), /[\u4e00-\u9fff]{2,}/, 'each with its reason');
    });

    it('gives a county viewer their county’s part only', async () => {
      const { wb, disposition } = await workbook('viewer');
      assert.match(decodeURIComponent(disposition.split("''")[1]!), /-泽州县-考勤\.xlsx$/);
      assert.deepEqual(wb.worksheets.map((s) => s.name).filter((n) => n.startsWith('缺勤名单')), ['缺勤名单-泽州县']);
      const people = rows(wb, ATTENDANCE_SHEETS.byParticipant).slice(1);
      const visible = (await get('viewer', `${CLASS}/participants?pageSize=1`)).json().total;
      assert.equal(people.length, visible);
      assert.ok(people.every((row) => row[1] === '泽州县'), 'only 泽州县');
      const byLesson = rows(wb, ATTENDANCE_SHEETS.byLesson).slice(1);
      for (const l of agenda) {
        const a: LessonAttendance = (await get('viewer', `${CLASS}/lessons/${l.id}/attendance`)).json();
        const mine = byLesson.filter((row) => row[2] === l.title);
        assert.deepEqual(numbers(mine.find((row) => row[5] === '合计')!), expectedNumbers(a.total, true));
        assert.deepEqual(mine.filter((row) => row[5] === '县（市、区）').map((row) => row[6]), ['泽州县']);
        assert.ok(mine.filter((row) => row[5] === '会场').every((row) => Number(row[7]) + Number(row[8]) + Number(row[9]) > 0), 'no other county’s venue');
      }
      assert.ok(!JSON.stringify(rows(wb, ATTENDANCE_SHEETS.office)).includes('高平市'), 'no other county’s entries');
    });

    it('prints a unit’s roster with every personal code in large type and the check-in instructions', async () => {
      const township = 'u140525100';
      const listed: { items: { name: string; post: string; code: string }[]; total: number } = (await get('organiser', `/api/training/classes/${JINCHENG_CLASS_ID}/participants?unitId=${township}&pageSize=500`)).json();
      assert.ok(listed.total > 10, `${listed.total} in the township`);
      const res = await get('clerk', `${CLASS}/roster.html?unitId=${township}`);
      assert.equal(res.statusCode, 200, res.body);
      assert.match(res.headers['content-type'] as string, /^text\/html/);
      const html = res.body;
      const codes = [...html.matchAll(/<td class="code">([0-9A-Z]{4}-[0-9A-Z]{4})<\/td>/g)].map((m) => m[1]);
      assert.deepEqual(codes.sort(), listed.items.map((p) => p.code).sort(), 'every code of the unit, and only those');
      for (const p of listed.items) assert.ok(html.includes(`<td class="name">${p.name}</td><td class="post">${p.post}</td><td class="code">${p.code}</td>`), p.name);
      assert.ok(html.includes(`共 ${listed.total} 人`), 'the unit’s count');
      assert.match(html, /签到方法：到会场后用手机扫描大屏上的签到二维码，首次签到时输入本人个人签到码/);
      assert.match(html, /开课 10 分钟后签到记为迟到/);
      assert.match(html, /@page \{ size: A4 portrait/);
      assert.ok(!html.includes('u140525100') && !html.includes('p-0'), 'no internal id on the page');
      const other = (await get('organiser', `/api/training/classes/${JINCHENG_CLASS_ID}/participants?unitId=u140581&pageSize=1`)).json().items[0].code;
      assert.ok(!html.includes(other), 'no code of another unit');

      const whole = await get('organiser', `${CLASS}/roster.html`);
      assert.equal(whole.statusCode, 200);
      assert.equal([...whole.body.matchAll(/<td class="code">/g)].length, (await get('organiser', `${CLASS}/participants?pageSize=1`)).json().total);
      assert.equal([...whole.body.matchAll(/<section class="unit">/g)].length, 84, 'a section per unit with trainees: the city, 6 counties, 77 townships');
    });

    it('keeps the roster from viewers, and refuses an unknown class or unit with a 4xx', async () => {
      const viewer = await get('viewer', `${CLASS}/roster.html`);
      assert.equal(viewer.statusCode, 403);
      assert.equal((await get('viewer', `${CLASS}/roster.html?unitId=u140525`)).statusCode, 403);
      assert.equal((await get(null, `${CLASS}/roster.html`)).statusCode, 401);
      for (const url of ['agenda.pdf', 'attendance.xlsx', 'roster.html']) {
        const res = await get('organiser', `/api/training/classes/tc-nowhere/${url}`);
        assert.equal(res.statusCode, 404, url);
        assert.match(res.json().error.message.zh, /培训班/);
      }
      const unknown = await get('organiser', `${CLASS}/roster.html?unitId=u-nowhere`);
      assert.equal(unknown.statusCode, 404);
      assert.equal((await get('organiser', `${CLASS}/roster.html?unitId=${encodeURIComponent('<script>')}`)).statusCode, 400);
      assert.equal((await t.call('organiser', { method: 'POST', url: '/api/units', payload: { units: [{ id: 'u1499', code: '1499', name: '外市', level: 'city', parentId: null }] } })).statusCode, 201);
      const outside = await get('organiser', `${CLASS}/roster.html?unitId=u1499`);
      assert.equal(outside.statusCode, 400);
      assert.match(outside.json().error.message.zh, /外市/);
    });

    it('prints an empty class without failing: no lessons, no trainees', async () => {
      assert.equal((await t.call('organiser', { method: 'POST', url: '/api/training/classes', payload: { id: 'tc-empty', name: '新建培训班', rootUnitId: 'u1405', startsOn: '2022-08-01', endsOn: '2022-08-01' } })).statusCode, 201);
      const pdf = await get('organiser', '/api/training/classes/tc-empty/agenda.pdf');
      assert.equal(pdf.statusCode, 200);
      assert.ok(pageText((await pdfPages(pdf.rawPayload))[0]!).includes('本日无课次安排'), 'an empty day says so');
      const xlsx = await get('viewer', '/api/training/classes/tc-empty/attendance.xlsx');
      assert.equal(xlsx.statusCode, 200);
      const roster = await get('clerk', '/api/training/classes/tc-empty/roster.html');
      assert.equal(roster.statusCode, 200);
      assert.match(roster.body, /该范围内暂无学员/);
    });

    it('counts a lesson that has not ended as 未签到, not 缺勤', async () => {
      const base = '/api/training/classes/tc-soon';
      const post = (url: string, payload: object) => t.call('organiser', { method: 'POST', url, payload });
      assert.equal((await post('/api/training/classes', { id: 'tc-soon', name: '下周培训班', rootUnitId: 'u1405', startsOn: '2026-06-20', endsOn: '2026-06-20' })).statusCode, 201);
      assert.equal((await post(`${base}/venues`, { id: 'v1', name: '中共晋城市委党校', unitId: 'u1405' })).statusCode, 201);
      assert.equal((await post(`${base}/lessons`, { id: 'l1', kind: 'lecture', title: '开班专题讲座', startsAt: '2026-06-20T09:00', endsAt: '2026-06-20T11:00', venueIds: ['v1'], hours: '2' })).statusCode, 201);
      assert.equal((await post(`${base}/participants`, { name: '南村镇党委书记', unitId: 'u140525100', post: '党委书记' })).statusCode, 201);
      const res = await get('organiser', `${base}/attendance.xlsx`);
      assert.equal(res.statusCode, 200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const total = rows(wb, ATTENDANCE_SHEETS.byLesson).find((row) => row[5] === '合计')!;
      assert.deepEqual(numbers(total), [1, 0, 0, 0, 0, 1], '1 expected, not yet checked in');
      assert.equal(rows(wb, ATTENDANCE_SHEETS.byParticipant)[1]![5], '未签到');
      assert.deepEqual(rows(wb, '缺勤名单-泽州县').slice(1), [['泽州县：已结束的课次无人缺勤']]);
    });
  });
}
