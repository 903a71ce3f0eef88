/**
 * 讲收获 through the API on both engines: a trainee identified at check-in writes from the phone with the same device
 * identity; a re-send stores once, another text is an edit; unknown and foreign devices, a closed class, a lesson of
 * another class, empty, over-long and oversize texts are refused with nothing stored; the office filters by unit,
 * lesson, text and 精选; a county viewer sees and exports only its county; the workbook opens and the booklet parses.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import type { Unit } from '../../src/domain/types.js';
import { REFLECTION_HEADER } from '../../src/http/pages/reflections-xlsx.js';
import { addViewer, buildTestApp, type TestApp } from '../helpers/app.js';
import { dialects } from '../helpers/db.js';
import { pageText, pdfPages } from '../helpers/pdf-text.js';
import { CITY, COUNTIES } from './fixtures.js';

const TOWNS: Unit[] = [
  { id: 't1', code: '149901001', name: '南村镇', level: 'township', parentId: 'k1' },
  { id: 't2', code: '149902001', name: '北岭乡', level: 'township', parentId: 'k2' },
];
const CLASS = '/api/training/classes/tc1';
const OTHER = '/api/training/classes/tc2';

for (const kind of dialects()) {
  describe(`reflections (${kind})`, () => {
    let t: TestApp;
    const devices: Record<string, string> = {};
    let otherDevice = '';
    let n = 0;
    const newId = () => `phone-${kind}-${String(++n).padStart(4, '0')}`;

    const ok = async (role: 'organiser', method: 'POST' | 'PATCH', url: string, payload: unknown, status = 201) => {
      const res = await t.call(role, { method, url, payload: payload as object });
      assert.equal(res.statusCode, status, `${url}: ${res.body}`);
      return res.json();
    };
    const write = (payload: Record<string, unknown>) => t.app.inject({ method: 'POST', url: '/api/reflections', payload });
    const mine = (device: string, classId = 'tc1') => t.app.inject({ method: 'POST', url: '/api/reflections/mine', payload: { classId, device } });
    const stored = async () => (await t.call('organiser', { method: 'GET', url: `${CLASS}/reflections?pageSize=500` })).json();

    /** Identifies a trainee on a phone as the check-in page does: scan the venue screen's code, type the personal code. */
    const identify = async (cls: string, classId: string, code: string) => {
      const link = (await t.call('organiser', { method: 'GET', url: `${cls}/lessons/l1/venues/v1/screen-link` })).json();
      const screen = (await t.app.inject({ method: 'GET', url: `/api${link.path}` })).json();
      const scan = screen.url.slice(screen.url.indexOf('#') + 1);
      const grant = await t.app.inject({ method: 'POST', url: '/api/checkin/grants', payload: { classId, lessonId: 'l1', venueId: 'v1', code: scan } });
      assert.equal(grant.statusCode, 201, grant.body);
      const checked = await t.app.inject({ method: 'POST', url: '/api/checkin', payload: { grant: grant.json().grant, personalCode: code } });
      assert.equal(checked.statusCode, 201, checked.body);
      return checked.json().device as string;
    };

    const makeClass = async (cls: string, id: string, people: { name: string; unitId: string; post: string }[]) => {
      await ok('organiser', 'POST', '/api/training/classes', { id, name: id === 'tc1' ? '基层治理能力提升培训班' : '另一个培训班', rootUnitId: 'c0', startsOn: '2026-06-15', endsOn: '2026-06-17' });
      await ok('organiser', 'POST', `${cls}/venues`, { id: 'v1', name: '市委党校', unitId: 'c0' });
      await ok('organiser', 'POST', `${cls}/lessons`, { id: 'l1', kind: 'forum', title: '书记论坛', startsAt: '2026-06-15T16:00', endsAt: '2026-06-15T18:00', venueIds: ['v1'], hours: '2' });
      await ok('organiser', 'POST', `${cls}/lessons`, { id: id === 'tc1' ? 'l2' : 'l9', kind: 'lecture', title: '专题讲座', startsAt: '2026-06-16T09:00', endsAt: '2026-06-16T11:00', venueIds: ['v1'], hours: '2' });
      const made: Record<string, string> = {};
      for (const p of people) made[p.name] = (await ok('organiser', 'POST', `${cls}/participants`, p)).code;
      return made;
    };

    before(async () => {
      t = await buildTestApp(kind);
      assert.equal((await t.call('organiser', { method: 'POST', url: '/api/units', payload: { units: [CITY, ...COUNTIES, ...TOWNS] } })).statusCode, 201);
      const codes = await makeClass(CLASS, 'tc1', [
        { name: '南村镇书记', unitId: 't1', post: '党委书记' },
        { name: '城区组织部干部', unitId: 'k1', post: '组织部干部' },
        { name: '北岭乡书记', unitId: 't2', post: '党委书记' },
      ]);
      for (const [name, code] of Object.entries(codes)) devices[name] = await identify(CLASS, 'tc1', code);
      const other = await makeClass(OTHER, 'tc2', [{ name: '外班学员', unitId: 't1', post: '书记' }]);
      otherDevice = await identify(OTHER, 'tc2', other.外班学员!);
      await addViewer(t, 'k1');
    });
    after(() => t.close());

    it('stores a reflection written with the check-in identity, once however often it is sent', async () => {
      const id = newId();
      const body = { classId: 'tc1', device: devices.南村镇书记!, id, lessonId: 'l1', text: '  书记论坛让我明白了抓党建促治理的关键在于把支部建在网格上。  ' };
      const first = await write(body);
      assert.equal(first.statusCode, 201, first.body);
      assert.equal(first.json().result, 'created');
      assert.equal(first.json().reflection.text, '书记论坛让我明白了抓党建促治理的关键在于把支部建在网格上。', 'trimmed');
      assert.equal(first.json().reflection.lessonTitle, '书记论坛');
      const again = await write(body);
      assert.equal(again.statusCode, 200);
      assert.equal(again.json().result, 'unchanged');
      assert.deepEqual(again.json().reflection, first.json().reflection);
      const both = await Promise.all([write({ ...body, id: `${id}-x` }), write({ ...body, id: `${id}-x` })]);
      assert.deepEqual(both.map((r) => r.json().result).sort(), ['created', 'unchanged']);
      assert.equal((await stored()).total, 2);
      const list = (await mine(devices.南村镇书记!)).json();
      assert.equal(list.open, true);
      assert.equal(list.participant.name, '南村镇书记');
      assert.deepEqual(list.items.map((r: { id: string }) => r.id), [id, `${id}-x`]);
      assert.deepEqual(list.lessons.map((l: { id: string }) => l.id), ['l1', 'l2']);
    });

    it('edits with the same id and another text, and shows each phone only its own', async () => {
      const device = devices.城区组织部干部!;
      const id = newId();
      assert.equal((await write({ classId: 'tc1', device, id, lessonId: null, text: '初稿' })).statusCode, 201);
      t.advanceClock(60_000);
      const edited = await write({ classId: 'tc1', device, id, lessonId: 'l2', text: '三天的培训让我对网格化治理有了新的认识。' });
      assert.equal(edited.statusCode, 200, edited.body);
      assert.equal(edited.json().result, 'edited');
      assert.equal(edited.json().reflection.lessonId, 'l2');
      assert.ok(edited.json().reflection.updatedAt > edited.json().reflection.createdAt);
      const own = (await mine(device)).json().items;
      assert.equal(own.length, 1);
      assert.equal(own[0].text, '三天的培训让我对网格化治理有了新的认识。');
      const taken = await write({ classId: 'tc1', device: devices.北岭乡书记!, id, lessonId: null, text: '我的' });
      assert.equal(taken.statusCode, 409, 'another trainee cannot take over or overwrite it');
      assert.match(taken.json().error.message.zh, /编号已被占用/);
      assert.equal((await mine(device)).json().items[0].text, '三天的培训让我对网格化治理有了新的认识。');
      assert.equal((await mine(devices.北岭乡书记!)).json().items.length, 0);
    });

    it('refuses unknown and foreign devices, lessons of another class, bad texts and oversize bodies, storing nothing', async () => {
      const before = (await stored()).total;
      const device = devices.北岭乡书记!;
      const base = { classId: 'tc1', device, id: newId(), lessonId: null, text: '收获很大' };
      const cases: [string, Record<string, unknown>, number, RegExp | null][] = [
        ['unknown device', { ...base, device: 'A'.repeat(43) }, 404, /本机保存的身份已失效/],
        ['device of another class', { ...base, device: otherDevice }, 404, /本机保存的身份已失效/],
        ['lesson of another class', { ...base, lessonId: 'l9' }, 400, /不属于本培训班/],
        ['unknown class', { ...base, classId: 'nope' }, 404, null],
        ['empty text', { ...base, text: '   ' }, 400, /请写下您的心得/],
        ['over-long text', { ...base, text: '收'.repeat(2001) }, 400, /最多 2000 个字/],
        ['no device', { ...base, device: undefined }, 400, null],
        ['text not a string', { ...base, text: { toString: 'x' } }, 400, null],
      ];
      for (const [what, body, status, text] of cases) {
        const res = await write(body);
        assert.equal(res.statusCode, status, `${what}: ${res.body}`);
        if (text) assert.match(JSON.stringify(res.json().error), text, what);
        assert.ok(res.json().error.message.en, what);
      }
      const proto = await write({ ...base, id: newId(), text: '__proto__' });
      assert.equal(proto.statusCode, 201, 'a text reading __proto__ is only text');
      const protoId = await write({ ...base, id: '__proto__', text: 'constructor' });
      assert.equal(protoId.statusCode, 201, 'an id reading __proto__ is only an id');
      assert.deepEqual([protoId.json().reflection.id, protoId.json().reflection.text], ['__proto__', 'constructor']);
      assert.equal((await mine(device)).json().items.filter((r: { id: string }) => r.id === '__proto__').length, 1);
      const protoBody = await t.app.inject({ method: 'POST', url: '/api/reflections', headers: { 'content-type': 'application/json' }, payload: `{"__proto__":{"text":"x"},"classId":"tc1","device":"${device}","id":"${newId()}"}` });
      assert.equal(protoBody.statusCode, 400, protoBody.body);
      const huge = await t.app.inject({ method: 'POST', url: '/api/reflections', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ ...base, text: '收'.repeat(20_000) }) });
      assert.equal(huge.statusCode, 413);
      assert.ok(huge.json().error.message.zh);
      const form = await t.app.inject({ method: 'POST', url: '/api/reflections', headers: { 'content-type': 'text/plain' }, payload: 'hello' });
      assert.ok(form.statusCode === 400 || form.statusCode === 415, form.body);
      assert.ok(form.json().error.message.zh);
      assert.equal((await mine('B'.repeat(40))).statusCode, 404);
      assert.equal((await mine(otherDevice)).statusCode, 404, 'another class’s device reads nothing here');
      assert.equal((await stored()).total, before + 2, 'only the two __proto__ ones were stored');
    });

    it('refuses writes and edits once the office closes reflections, and takes them again when reopened', async () => {
      const device = devices.北岭乡书记!;
      const id = newId();
      assert.equal((await write({ classId: 'tc1', device, id, lessonId: 'l1', text: '结业前写下的体会' })).statusCode, 201);
      assert.equal((await t.call('clerk', { method: 'POST', url: `${CLASS}/reflections/close` })).statusCode, 403);
      const closed = await t.call('organiser', { method: 'POST', url: `${CLASS}/reflections/close` });
      assert.equal(closed.statusCode, 200, closed.body);
      assert.equal(closed.json().open, false);
      const before = (await stored()).total;
      const late = await write({ classId: 'tc1', device, id: newId(), lessonId: null, text: '截止后才写' });
      assert.equal(late.statusCode, 409);
      assert.match(late.json().error.message.zh, /已停止提交心得/);
      const edit = await write({ classId: 'tc1', device, id, lessonId: 'l1', text: '截止后修改' });
      assert.equal(edit.statusCode, 409, 'no edit after the close');
      const retry = await write({ classId: 'tc1', device, id, lessonId: 'l1', text: '结业前写下的体会' });
      assert.equal(retry.statusCode, 200, 'a re-send of what is stored answers as before');
      assert.equal((await mine(device)).json().open, false);
      assert.equal((await stored()).total, before);
      assert.equal((await t.call('organiser', { method: 'POST', url: `${CLASS}/reflections/reopen` })).json().open, true);
      assert.equal((await write({ classId: 'tc1', device, id: newId(), lessonId: null, text: '重新开放后补写' })).statusCode, 201);
      // A close time set in the class's patch works the same way once it passes.
      const patched = await t.call('organiser', { method: 'PATCH', url: CLASS, payload: { reflectionsCloseAt: '2026-06-15T16:00' } });
      assert.equal(patched.statusCode, 200, patched.body);
      assert.equal(patched.json().reflectionsCloseAt, '2026-06-15T16:00');
      assert.equal((await write({ classId: 'tc1', device, id: newId(), lessonId: null, text: '已过截止时间' })).statusCode, 409);
      assert.equal((await t.call('organiser', { method: 'PATCH', url: CLASS, payload: { reflectionsCloseAt: null } })).json().reflectionsCloseAt, null);
    });

    it('lets the office filter by unit, lesson, text and 精选, and feature some', async () => {
      const list = async (query: string, role: 'organiser' | 'viewer' = 'organiser') => {
        const res = await t.call(role, { method: 'GET', url: `${CLASS}/reflections?${query}` });
        assert.equal(res.statusCode, 200, res.body);
        return res.json();
      };
      const all = await list('');
      assert.ok(all.total >= 6);
      assert.equal(all.counts.writers, 3);
      const town = await list('unitId=t1');
      assert.ok(town.items.every((r: { township: string; county: string }) => r.township === '南村镇' && r.county === '城区'));
      const county = await list('unitId=k1');
      assert.deepEqual([...new Set(county.items.map((r: { participant: { name: string } }) => r.participant.name))].sort(), ['南村镇书记', '城区组织部干部']);
      assert.ok((await list('lessonId=l1')).items.every((r: { lessonId: string }) => r.lessonId === 'l1'));
      assert.ok((await list('lessonId=class')).items.every((r: { lessonId: string | null }) => r.lessonId === null));
      const found = await list(`q=${encodeURIComponent('网格化')}`);
      assert.equal(found.total, 1);
      assert.equal(found.items[0].participant.name, '城区组织部干部');
      assert.equal((await list(`q=${encodeURIComponent('北岭')}`)).items.length > 0, true, 'by unit too');
      const id = found.items[0].id as string;
      assert.equal((await t.call('clerk', { method: 'PATCH', url: `${CLASS}/reflections/${id}`, payload: { featured: true } })).statusCode, 403);
      const featured = await t.call('organiser', { method: 'PATCH', url: `${CLASS}/reflections/${id}`, payload: { featured: true } });
      assert.equal(featured.statusCode, 200, featured.body);
      assert.equal(featured.json().featured, true);
      assert.equal((await t.call('organiser', { method: 'PATCH', url: `${CLASS}/reflections/nope`, payload: { featured: true } })).statusCode, 404);
      assert.equal((await t.call('organiser', { method: 'PATCH', url: `${CLASS}/reflections/constructor`, payload: { featured: true } })).statusCode, 404);
      assert.deepEqual((await list('featured=true')).items.map((r: { id: string }) => r.id), [id]);
      assert.equal((await list('featured=true')).counts.featured, 1);
      assert.equal((await t.call('organiser', { method: 'GET', url: `${CLASS}/reflections?featured=maybe` })).statusCode, 400);
      assert.equal((await t.call('organiser', { method: 'GET', url: `${CLASS}/reflections?lessonId=__proto__` })).statusCode, 404);
      assert.equal((await t.call('organiser', { method: 'GET', url: `${CLASS}/reflections?lessonId=l9` })).statusCode, 404, 'a lesson of another class');
      assert.equal((await t.call('organiser', { method: 'GET', url: `${CLASS}/reflections?q=${'x'.repeat(101)}` })).statusCode, 400);
    });

    it('shows a county viewer only its own county, in the list and in both exports', async () => {
      const own = await t.call('viewer', { method: 'GET', url: `${CLASS}/reflections?pageSize=500` });
      assert.equal(own.statusCode, 200, own.body);
      assert.ok(own.json().items.length > 0);
      assert.ok(own.json().items.every((r: { county: string }) => r.county === '城区'));
      assert.equal((await t.call('viewer', { method: 'GET', url: `${CLASS}/reflections?unitId=k2` })).statusCode, 403);
      assert.equal((await t.call('viewer', { method: 'PATCH', url: `${CLASS}/reflections/${own.json().items[0].id}`, payload: { featured: false } })).statusCode, 403);
      assert.equal((await t.call('viewer', { method: 'POST', url: `${CLASS}/reflections/close` })).statusCode, 403);

      const xlsx = await t.call('viewer', { method: 'GET', url: `${CLASS}/reflections.xlsx` });
      assert.equal(xlsx.statusCode, 200);
      assert.match(String(xlsx.headers['content-disposition']), /attachment/);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(xlsx.rawPayload as unknown as ExcelJS.Buffer);
      const sheet = wb.getWorksheet('心得')!;
      assert.deepEqual((sheet.getRow(1).values as unknown[]).slice(1), REFLECTION_HEADER);
      const counties = new Set<string>();
      sheet.eachRow((row, i) => i > 1 && counties.add(String(row.getCell(1).value)));
      assert.deepEqual([...counties], ['城区']);

      const pdf = await t.call('viewer', { method: 'GET', url: `${CLASS}/reflections.pdf` });
      assert.equal(pdf.statusCode, 200);
      assert.equal(pdf.headers['content-type'], 'application/pdf');
      const text = (await pdfPages(pdf.rawPayload)).map(pageText).join('');
      assert.match(text, /学员心得体会汇编/);
      assert.match(text, /城区/);
      assert.doesNotMatch(text, /北岭乡书记/);
    });

    it('exports the whole class for the office, grouped by county and township, featured first', async () => {
      const xlsx = await t.call('organiser', { method: 'GET', url: `${CLASS}/reflections.xlsx` });
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(xlsx.rawPayload as unknown as ExcelJS.Buffer);
      const rows: string[][] = [];
      wb.getWorksheet('心得')!.eachRow((row, i) => i > 1 && rows.push([1, 2, 3, 8].map((c) => String(row.getCell(c).value ?? ''))));
      assert.equal(rows.length, (await stored()).total);
      assert.deepEqual([...new Set(rows.map((r) => r[0]))], ['城区', '东县']);
      const cityOffice = rows.filter((r) => r[0] === '城区' && r[2] === '城区组织部干部');
      assert.equal(cityOffice[0]![3], '★', 'the featured one leads its township');
      const pdf = await t.call('organiser', { method: 'GET', url: `${CLASS}/reflections.pdf?featured=true` });
      assert.equal(pdf.statusCode, 200);
      const pages = await pdfPages(pdf.rawPayload);
      const text = pages.map(pageText).join('');
      assert.match(text, /精选/);
      assert.match(text, /网格化治理/);
      assert.doesNotMatch(text, /结业前写下的体会/, 'only the featured ones');
      assert.match(text, /第1页\/共\d+页/);
        assert.equal((await t.call('organiser', { method: 'GET', url: `${CLASS}/reflections.pdf?unitId=__proto__` })).statusCode, 404);
      assert.equal((await t.call('viewer', { method: 'GET', url: `${CLASS}/reflections.pdf?unitId=t2` })).statusCode, 403);
    });

    it('limits how often one trainee saves', async () => {
      const device = devices.北岭乡书记!;
      const id = newId();
      let last = 0;
      for (let i = 0; i < 70 && last !== 429; i++) last = (await write({ classId: 'tc1', device, id, lessonId: null, text: `第 ${i} 稿` })).statusCode;
      assert.equal(last, 429);
      const other = await write({ classId: 'tc1', device: devices.南村镇书记!, id: newId(), lessonId: null, text: '别人不受影响' });
      assert.equal(other.statusCode, 201);
    });
  });
}
