/**
 * 培训班 through the API on both engines: a class with venues and an agenda, a roster imported after a clean dry run,
 * check-in with the rotating code (current and previous step only, a grant before identification, once per person),
 * 请假 and 补签 with their reasons, live counts per venue and county within a viewer's scope, and 学时.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import type { Unit } from '../../src/domain/types.js';
import { addViewer, buildTestApp, type TestApp } from '../helpers/app.js';
import { dialects } from '../helpers/db.js';
import { CITY, COUNTIES } from './fixtures.js';

const TOWNS: Unit[] = [
  { id: 't1', code: '149901001', name: '南村镇', level: 'township', parentId: 'k1' },
  { id: 't2', code: '149902001', name: '南村镇', level: 'township', parentId: 'k2' },
  { id: 't3', code: '149902002', name: '北岭乡', level: 'township', parentId: 'k2' },
];
const CLASS = '/api/training/classes/tc1';

const csv = (lines: string[]) => Buffer.from(`${lines.join('\n')}\n`, 'utf8');

for (const kind of dialects()) {
  describe(`the training class (${kind})`, () => {
    let t: TestApp;

    const importRoster = (data: Buffer, dryRun: boolean, type = 'text/csv') =>
      t.call('organiser', { method: 'POST', url: `${CLASS}/participants/import?dryRun=${dryRun}&filename=roster.csv`, payload: data, headers: { 'content-type': type } });
    const roster = async (query = '&pageSize=500') => (await t.call('organiser', { method: 'GET', url: `${CLASS}/participants?${query}` })).json();
    const screenCode = async (venueId: string, lessonId = 'l1') => {
      const link = (await t.call('organiser', { method: 'GET', url: `${CLASS}/lessons/${lessonId}/venues/${venueId}/screen-link` })).json();
      const res = await t.app.inject({ method: 'GET', url: `/api${link.path}` });
      assert.equal(res.statusCode, 200, res.body);
      return res.json() as { url: string; qrSvg: string; window: string; counts: { expected: number; onTime: number } };
    };
    const codeOf = (url: string) => url.slice(url.indexOf('#') + 1);
    const grant = async (venueId: string, code: string, lessonId = 'l1') =>
      t.app.inject({ method: 'POST', url: '/api/checkin/grants', payload: { classId: 'tc1', lessonId, venueId, code } });
    const freshGrant = async (venueId = 'v-city', lessonId = 'l1') => {
      const res = await grant(venueId, codeOf((await screenCode(venueId, lessonId)).url), lessonId);
      assert.equal(res.statusCode, 201, res.body);
      return res.json().grant as string;
    };
    const checkIn = (payload: object) => t.app.inject({ method: 'POST', url: '/api/checkin', payload });
    const codeFor = async (name: string) => (await roster()).items.find((p: { name: string }) => p.name === name).code as string;
    const idFor = async (name: string) => (await roster()).items.find((p: { name: string }) => p.name === name).id as string;

    before(async () => {
      t = await buildTestApp(kind);
      assert.equal((await t.call('organiser', { method: 'POST', url: '/api/units', payload: { units: [CITY, ...COUNTIES, ...TOWNS] } })).statusCode, 201);
    });
    after(() => t.close());

    it('creates a class only with dates that exist and run forward', async () => {
      for (const startsOn of ['2026-02-31', '2026-13-01', '0000-00-00', 'abcd']) {
        const res = await t.call('organiser', { method: 'POST', url: '/api/training/classes', payload: { id: 'bad', name: '班', rootUnitId: 'c0', startsOn, endsOn: '2026-06-17' } });
        assert.equal(res.statusCode, 400, startsOn);
      }
      const reversed = await t.call('organiser', { method: 'POST', url: '/api/training/classes', payload: { id: 'bad', name: '班', rootUnitId: 'c0', startsOn: '2026-06-17', endsOn: '2026-06-15' } });
      assert.equal(reversed.statusCode, 400);
      assert.match(reversed.json().error.message.zh, /结束日期早于开始日期/);
      const res = await t.call('organiser', { method: 'POST', url: '/api/training/classes', payload: { id: 'tc1', name: '基层治理能力提升培训班', rootUnitId: 'c0', startsOn: '2026-06-15', endsOn: '2026-06-17' } });
      assert.equal(res.statusCode, 201, res.body);
      assert.equal(res.json().graceMinutes, 10);
      assert.equal((await t.call('clerk', { method: 'POST', url: '/api/training/classes', payload: { name: '班', rootUnitId: 'c0', startsOn: '2026-06-15', endsOn: '2026-06-17' } })).statusCode, 403);
      assert.equal((await t.call('organiser', { method: 'GET', url: '/api/training/classes' })).json().length, 1);
    });

    it('holds lessons at venues of the class, within its days, ending after they start', async () => {
      for (const venue of [{ id: 'v-city', name: '市委党校', unitId: 'c0' }, { id: 'v-k1', name: '城区党校', unitId: 'k1' }]) {
        assert.equal((await t.call('organiser', { method: 'POST', url: `${CLASS}/venues`, payload: venue })).statusCode, 201);
      }
      const lesson = { id: 'l1', kind: 'synchronized', title: '同步课堂：基层治理', startsAt: '2026-06-15T16:00', endsAt: '2026-06-15T18:00', venueIds: ['v-city', 'v-k1'], hours: '2', speakers: [{ name: '主讲人', title: '市委党校教授' }] };
      const backwards = await t.call('organiser', { method: 'POST', url: `${CLASS}/lessons`, payload: { ...lesson, endsAt: '2026-06-15T15:00' } });
      assert.equal(backwards.statusCode, 400);
      assert.match(backwards.json().error.message.zh, /结束时间须晚于开始时间/);
      assert.equal((await t.call('organiser', { method: 'POST', url: `${CLASS}/lessons`, payload: { ...lesson, startsAt: '2026-06-20T09:00', endsAt: '2026-06-20T10:00' } })).statusCode, 400);
      assert.equal((await t.call('organiser', { method: 'POST', url: `${CLASS}/lessons`, payload: { ...lesson, venueIds: ['nowhere'] } })).statusCode, 400);
      assert.equal((await t.call('organiser', { method: 'POST', url: `${CLASS}/lessons`, payload: { ...lesson, startsAt: '2026-02-30T09:00' } })).statusCode, 400);
      assert.equal((await t.call('organiser', { method: 'GET', url: CLASS })).json().agenda.length, 0, 'nothing stored');
      const res = await t.call('organiser', { method: 'POST', url: `${CLASS}/lessons`, payload: lesson });
      assert.equal(res.statusCode, 201, res.body);
      assert.equal(res.json().day, '2026-06-15');
      assert.equal(res.json().effectiveLateSharePercent, 50);
      const later = { id: 'l2', kind: 'forum', title: '书记论坛', startsAt: '2026-06-16T09:00', endsAt: '2026-06-16T11:30', venueIds: ['v-city'], hours: 1.5 };
      assert.equal((await t.call('organiser', { method: 'POST', url: `${CLASS}/lessons`, payload: later })).statusCode, 201);
      const agenda = (await t.call('viewer', { method: 'GET', url: CLASS })).statusCode;
      assert.equal(agenda, 401, 'no viewer yet');
      const cls = (await t.call('clerk', { method: 'GET', url: CLASS })).json();
      assert.deepEqual(cls.agenda.map((l: { id: string; hours: string }) => [l.id, l.hours]), [['l1', '2'], ['l2', '1.5']]);
    });

    it('lists every bad row of a roster by its line, and imports nothing until the file is clean', async () => {
      const bad = csv([
        '姓名,单位,职务,手机',
        '张书记,东县南村镇,党委书记,13800000001',
        ',城区南村镇,党委副书记,',
        '李主任,南村镇,主任,',
        '王支书,西山镇,支部书记,',
        '张书记,东县/南村镇,党委书记,',
        '赵委员,北岭乡,委员,abc',
      ]);
      const dry = await importRoster(bad, true);
      assert.equal(dry.statusCode, 200, dry.body);
      const report = dry.json();
      assert.deepEqual(report.errors.map((e: { row: number }) => e.row), [3, 4, 5, 6, 7]);
      assert.match(report.errors[0].message.zh, /姓名为空/);
      assert.match(report.errors[1].message.zh, /2 个同名单位/);
      assert.match(report.errors[2].message.zh, /西山镇/);
      assert.match(report.errors[3].message.zh, /与第 2 行是同一人/);
      assert.equal(report.accepted, 1);
      const refused = await importRoster(bad, false);
      assert.equal(refused.statusCode, 422);
      assert.equal(refused.json().error.code, 'invalid_roster');
      assert.equal((await roster()).total, 0, 'nothing imported');

      const header = await importRoster(csv(['张书记,东县南村镇,党委书记']), true);
      assert.match(header.json().errors[0].message.zh, /表头/);
      const prototypeKeys = await importRoster(csv(['__proto__,constructor,toString', '张书记,东县南村镇,党委书记']), true);
      assert.equal(prototypeKeys.statusCode, 200, prototypeKeys.body);
      assert.match(prototypeKeys.json().errors[0].message.zh, /表头/);
      const protoUnit = await importRoster(csv(['姓名,单位', '__proto__,__proto__', 'constructor,constructor']), true);
      assert.deepEqual(protoUnit.json().errors.map((e: { row: number }) => e.row), [2, 3]);
      assert.match(protoUnit.json().errors[0].message.zh, /不在本培训班的单位中/);
      const exe = await importRoster(Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00'), Buffer.alloc(64)]), true, 'application/octet-stream');
      assert.match(exe.json().errors[0].message.zh, /无法读取文件/);

      const wb = new ExcelJS.Workbook();
      const sheet = wb.addWorksheet('学员');
      sheet.addRow(['姓名', '单位', '职务', '手机']);
      sheet.addRow(['张书记', '东县南村镇', '党委书记', '13800000001']);
      sheet.addRow(['陈书记', '城区南村镇', '党委书记', '']);
      sheet.addRow(['李主任', '北岭乡', '主任', '']);
      sheet.addRow(['周书记', '城区', '区委副书记', '']);
      const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
      const imported = await importRoster(xlsx, false, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      assert.equal(imported.statusCode, 201, imported.body);
      assert.equal(imported.json().imported, 4);
      const all = await roster();
      assert.equal(all.total, 4);
      assert.ok(all.items.every((p: { code: string }) => /^[0-9A-Z]{4}-[0-9A-Z]{4}$/.test(p.code)));
      assert.equal(new Set(all.items.map((p: { code: string }) => p.code)).size, 4);
      const again = await importRoster(xlsx, true, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      assert.equal(again.json().errors?.length, 4, again.body);
      assert.equal((await roster(`q=${encodeURIComponent('南村')}`)).total, 2);
      assert.equal((await roster('unitId=k2')).total, 2);
      assert.equal((await roster('pageSize=1&page=2')).items.length, 1);
      // A fix of one field leaves the others as they are (the phone above all).
      const zhang = (await roster()).items.find((p: { name: string }) => p.name === '张书记');
      const fixed = await t.call('clerk', { method: 'PATCH', url: `${CLASS}/participants/${zhang.id}`, payload: { post: '镇党委书记' } });
      assert.equal(fixed.statusCode, 200, fixed.body);
      assert.deepEqual([fixed.json().post, fixed.json().phone, fixed.json().code], ['镇党委书记', '13800000001', zhang.code]);
      assert.equal((await t.call('clerk', { method: 'PATCH', url: `${CLASS}/participants/${zhang.id}`, payload: {} })).statusCode, 400);
    });

    it('checks a trainee in once with the code on the screen, by personal code and then by the device', async () => {
      const screen = await screenCode('v-city');
      assert.equal(screen.window, 'open');
      assert.match(screen.qrSvg, /<svg/);
      assert.match(screen.url, /\/c\/tc1\/l1\/v-city#\d+\./);
      const opened = await grant('v-city', codeOf(screen.url));
      assert.equal(opened.statusCode, 201, opened.body);
      const g = opened.json().grant;
      const wrong = await checkIn({ grant: g, personalCode: 'ZZZZ-ZZZZ' });
      assert.equal(wrong.statusCode, 404);
      assert.match(wrong.json().error.message.zh, /个人签到码不正确/);
      const both = await checkIn({ grant: g, personalCode: 'ZZZZ-ZZZZ', participantId: 'x' });
      assert.equal(both.statusCode, 400);
      const code = await codeFor('张书记');
      const first = await checkIn({ grant: g, personalCode: code.toLowerCase().replace('-', ' ') });
      assert.equal(first.statusCode, 201, first.body);
      const answer = first.json();
      assert.equal(answer.status, 'on_time');
      assert.match(answer.message.zh, /^签到成功 · 准时 16:0\d$/);
      assert.ok(answer.device);
      const again = await checkIn({ grant: await freshGrant(), device: answer.device });
      assert.equal(again.statusCode, 200, again.body);
      assert.equal(again.json().created, false);
      assert.equal(again.json().message.zh, `已签到 ${answer.clock}`);
      assert.equal(again.json().device, null);
      // A phone that knows its trainee sends the scanned code itself: one request.
      const scan = { classId: 'tc1', lessonId: 'l1', venueId: 'v-city', code: codeOf((await screenCode('v-city')).url) };
      const oneRequest = await checkIn({ scan, device: answer.device });
      assert.equal(oneRequest.statusCode, 200, oneRequest.body);
      assert.equal(oneRequest.json().message.zh, `已签到 ${answer.clock}`);
      assert.equal((await checkIn({ scan, personalCode: code })).statusCode, 400, 'identifying takes a grant');
      assert.equal((await checkIn({ scan, grant: g, device: answer.device })).statusCode, 400, 'a grant or a scan, not both');
      assert.equal((await checkIn({ device: answer.device })).statusCode, 400, 'no scan');
      assert.equal((await checkIn({ scan: { ...scan, code: `${scan.code.split('.')[0]}.AAAAAAAAAAAAAAAAAAAAAA` }, device: answer.device })).statusCode, 400, 'forged');
      const mine = await t.app.inject({ method: 'POST', url: '/api/checkin/mine', payload: { classId: 'tc1', device: answer.device } });
      assert.equal(mine.statusCode, 200, mine.body);
      assert.deepEqual(mine.json().lessons.map((l: { status: string }) => l.status), ['on_time', 'pending']);
      assert.equal(mine.json().credit, '2.00');
    });

    it('refuses a photo of the code after its window, a forged code and another venue’s code — and a grant lets a slow trainee in', async () => {
      const screen = await screenCode('v-k1');
      const code = codeOf(screen.url);
      const opened = await grant('v-k1', code);
      assert.equal(opened.statusCode, 201);
      assert.equal((await grant('v-city', code)).statusCode, 400, 'another venue');
      const [step, mac] = code.split('.');
      assert.equal((await grant('v-k1', `${step}.${mac!.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'))}`)).statusCode, 400, 'forged');
      assert.equal((await grant('v-k1', `${Number(step) + 5}.${mac}`)).statusCode, 400, 'a step it was not signed for');
      t.advanceClock(60_000);
      const stale = await grant('v-k1', code);
      assert.equal(stale.statusCode, 410);
      assert.equal(stale.json().error.code, 'checkin_code_stale');
      assert.match(stale.json().error.message.zh, /已过期/);
      // The grant opened before the minute passed still lets them pick their name — judged by when they scanned.
      const directory = await t.app.inject({ method: 'POST', url: '/api/checkin/directory', payload: { grant: opened.json().grant } });
      const units = directory.json().units;
      assert.ok(units.some((u: { path: string }) => u.path === '城区 / 南村镇'));
      const t1 = units.find((u: { path: string }) => u.path === '城区 / 南村镇').id;
      const people = (await t.app.inject({ method: 'POST', url: '/api/checkin/directory', payload: { grant: opened.json().grant, unitId: t1 } })).json().people;
      assert.deepEqual(people.map((p: { name: string }) => p.name), ['陈书记']);
      assert.equal(people[0].code, undefined, 'no codes in the directory');
      const res = await checkIn({ grant: opened.json().grant, participantId: people[0].id });
      assert.equal(res.statusCode, 201, res.body);
      assert.equal(res.json().status, 'on_time');
    });

    it('marks a scan after start plus grace 迟到, refuses one on leave, and records 补签 only with a reason', async () => {
      t.advanceClock(15 * 60_000);
      const g = await freshGrant('v-city');
      const late = await checkIn({ grant: g, personalCode: await codeFor('周书记') });
      assert.equal(late.statusCode, 201, late.body);
      assert.equal(late.json().status, 'late');
      const li = await idFor('李主任');
      assert.equal((await t.call('clerk', { method: 'POST', url: `${CLASS}/lessons/l1/leave`, payload: { participantId: li, reason: '病假' } })).statusCode, 403);
      assert.equal((await t.call('organiser', { method: 'POST', url: `${CLASS}/lessons/l1/leave`, payload: { participantId: li, reason: ' ' } })).statusCode, 400);
      assert.equal((await t.call('organiser', { method: 'POST', url: `${CLASS}/lessons/l1/leave`, payload: { participantId: li, reason: '病假' } })).statusCode, 201);
      const leaveRecord = (await t.call('organiser', { method: 'GET', url: `${CLASS}/attendance?q=${encodeURIComponent('李主任')}` })).json().items[0].lessons[0];
      assert.deepEqual([leaveRecord.status, leaveRecord.clock], ['leave', null], 'a leave has no arrival time');
      const onLeave = await checkIn({ grant: await freshGrant('v-city'), personalCode: await codeFor('李主任') });
      assert.equal(onLeave.statusCode, 409);
      assert.match(onLeave.json().error.message.zh, /已请假/);
      const lateEntry = `${CLASS}/lessons/l2/late-entries`;
      const zhang = await idFor('张书记');
      assert.equal((await t.call('clerk', { method: 'POST', url: lateEntry, payload: { participantId: zhang, venueId: 'v-city', status: 'on_time' } })).statusCode, 400);
      const entered = await t.call('clerk', { method: 'POST', url: lateEntry, payload: { participantId: zhang, venueId: 'v-city', status: 'late', reason: '手机没电，现场核实' } });
      assert.equal(entered.statusCode, 201, entered.body);
      assert.equal(entered.json().method, 'office');
      assert.equal((await t.call('clerk', { method: 'POST', url: lateEntry, payload: { participantId: zhang, venueId: 'v-city', status: 'late', reason: '再次' } })).statusCode, 409);
      const audit = (await t.call('admin', { method: 'GET', url: '/api/audit?action=training.checkin.late-entry' })).json();
      assert.equal(audit.length, 1);
      assert.equal(audit[0].detail.reason, '手机没电，现场核实');
    });

    it('counts per venue and county, scoped for a county viewer, with 学时 per participant', async () => {
      const all = (await t.call('organiser', { method: 'GET', url: `${CLASS}/lessons/l1/attendance` })).json();
      assert.deepEqual(all.total, { expected: 4, onTime: 2, late: 1, leave: 1, missing: 0 });
      const city = all.venues.find((v: { venueId: string }) => v.venueId === 'v-city');
      const k1 = all.venues.find((v: { venueId: string }) => v.venueId === 'v-k1');
      assert.deepEqual([city.expected, city.onTime, city.late, city.leave], [2, 1, 1, 1]);
      assert.deepEqual([k1.expected, k1.onTime, k1.missing], [2, 1, 0]);
      await addViewer(t, 'k1');
      const scoped = (await t.call('viewer', { method: 'GET', url: `${CLASS}/lessons/l1/attendance` })).json();
      assert.deepEqual(scoped.units.map((u: { unitId: string }) => u.unitId), ['k1']);
      assert.equal(scoped.total.expected, 2);
      const people = (await t.call('viewer', { method: 'GET', url: `${CLASS}/participants` })).json();
      assert.equal(people.total, 2);
      assert.ok(people.items.every((p: { code: string | null; phone: string | null }) => p.code === null && p.phone === null));
      assert.equal((await t.call('viewer', { method: 'GET', url: `${CLASS}/participants?unitId=k2` })).statusCode, 403);
      assert.equal((await t.call('viewer', { method: 'POST', url: `${CLASS}/participants`, payload: { name: '某', unitId: 'k1' } })).statusCode, 403);
      const liaison = (await t.call('viewer', { method: 'GET', url: `${CLASS}/lessons/l1/venues/v-k1/roster` })).json();
      assert.deepEqual(liaison.rows.map((r: { name: string; status: string }) => [r.name, r.status]).sort(), [['周书记', 'late'], ['陈书记', 'on_time']]);
      const records = (await t.call('organiser', { method: 'GET', url: `${CLASS}/attendance` })).json();
      assert.equal(records.fullCredit, '3.50');
      const credit = Object.fromEntries(records.items.map((r: { name: string; credit: { display: string } }) => [r.name, r.credit.display]));
      // 张: 准时 l1 (2) + 补签迟到 l2 (1.5 × 50%); 周: 迟到 l1 (2 × 50%); 李: 请假.
      assert.deepEqual(credit, { 张书记: '2.75', 陈书记: '2.00', 李主任: '0.00', 周书记: '1.00' });
    });

    it('stops wrong personal codes per scan, and check-in once the lesson has ended', async () => {
      const g = await freshGrant('v-city');
      for (let i = 0; i < 10; i++) assert.equal((await checkIn({ grant: g, personalCode: `AAAA-AAA${i}` })).statusCode, 404);
      const limited = await checkIn({ grant: g, personalCode: await codeFor('张书记') });
      assert.equal(limited.statusCode, 429);
      assert.match(limited.json().error.message.zh, /重新扫描/);
      assert.equal((await checkIn({ grant: await freshGrant('v-city'), personalCode: await codeFor('张书记') })).statusCode, 200, 'a new scan is a new count');
      t.advanceClock(3 * 3_600_000);
      const closed = await grant('v-city', codeOf((await screenCode('v-city')).url));
      assert.equal(closed.statusCode, 409);
      assert.equal(closed.json().error.code, 'checkin_closed');
      assert.equal((await t.call('organiser', { method: 'DELETE', url: `${CLASS}/lessons/l1` })).statusCode, 409);
      const absent = (await t.call('organiser', { method: 'GET', url: `${CLASS}/attendance?absentOnly=true` })).json();
      assert.deepEqual(absent.items.map((r: { name: string }) => r.name), []);
    });
  });
}
