/**
 * 命题式研讨 through the API on both engines: the office adds and changes groups (no two with one topic), sets members
 * from the roster — a trainee in one group only, moved only when the office says so — names a reporter who must be a
 * member, writes the output and marks the best; a group list import lists every bad row by its line and imports
 * nothing until it is clean; viewers read the groups, a county viewer seeing other counties' members by unit only.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import type { Unit } from '../../src/domain/types.js';
import { groupNumber } from '../../src/import/topic-groups.js';
import { addViewer, buildTestApp, type TestApp } from '../helpers/app.js';
import { dialects } from '../helpers/db.js';
import { CITY, COUNTIES } from './fixtures.js';

const TOWNS: Unit[] = [
  { id: 't1', code: '149901001', name: '南村镇', level: 'township', parentId: 'k1' },
  { id: 't2', code: '149902001', name: '南村镇', level: 'township', parentId: 'k2' },
  { id: 't3', code: '149902002', name: '北岭乡', level: 'township', parentId: 'k2' },
];
const CLASS = '/api/training/classes/tc1';
const GROUPS = `${CLASS}/groups`;
const csv = (lines: string[]) => Buffer.from(`${lines.join('\n')}\n`, 'utf8');

describe('group numbers as an office writes them', () => {
  it('reads 第三组, 3, 三组, 第12组 and 十二', () => {
    assert.deepEqual(['第三组', '3', '三组', '第12组', '十二', '二十', '第七组 '].map(groupNumber), [3, 3, 3, 12, 12, 20, 7]);
    assert.deepEqual(['组', '第组', 'abc', '物业党建联建'].map(groupNumber), [null, null, null, null]);
  });
});

for (const kind of dialects()) {
  describe(`topic groups (${kind})`, () => {
    let t: TestApp;
    const people: Record<string, { id: string; code: string }> = {};
    const groups: Record<string, string> = {};

    const list = async (role: 'organiser' | 'viewer' | 'clerk' = 'organiser') => {
      const res = await t.call(role, { method: 'GET', url: GROUPS });
      assert.equal(res.statusCode, 200, res.body);
      return res.json() as { groups: { id: string; topic: string; position: number; best: boolean; output: string; reporter: { id: string } | null; members: { id: string; name: string | null; unitPath: string }[] }[]; ungrouped: number };
    };
    const members = (groupId: string, participantIds: string[], move?: boolean) =>
      t.call('organiser', { method: 'PUT', url: `${GROUPS}/${groupId}/members`, payload: move === undefined ? { participantIds } : { participantIds, move } });
    const importList = (data: Buffer, query: string, type = 'text/csv') => t.call('organiser', { method: 'POST', url: `${GROUPS}/import?filename=groups.csv&${query}`, payload: data, headers: { 'content-type': type } });
    const id = (name: string) => people[name]!.id;

    before(async () => {
      t = await buildTestApp(kind);
      assert.equal((await t.call('organiser', { method: 'POST', url: '/api/units', payload: { units: [CITY, ...COUNTIES, ...TOWNS] } })).statusCode, 201);
      assert.equal((await t.call('organiser', { method: 'POST', url: '/api/training/classes', payload: { id: 'tc1', name: '基层治理能力提升培训班', rootUnitId: 'c0', startsOn: '2026-06-15', endsOn: '2026-06-17' } })).statusCode, 201);
      for (const p of [
        { name: '城区甲', unitId: 't1', post: '党委书记' },
        { name: '城区乙', unitId: 't1', post: '镇长' },
        { name: '东县丙', unitId: 't2', post: '党委书记' },
        { name: '东县丁', unitId: 't3', post: '乡长' },
        { name: '东县戊', unitId: 't3', post: '组织委员' },
      ]) {
        const res = await t.call('organiser', { method: 'POST', url: `${CLASS}/participants`, payload: p });
        assert.equal(res.statusCode, 201, res.body);
        people[p.name] = { id: res.json().id, code: res.json().code };
      }
      await addViewer(t, 'k1');
    });
    after(() => t.close());

    it('adds groups in order, refuses a second group with the same topic, and changes topic and order', async () => {
      for (const topic of ['村级集体经济壮大提质', '乡镇行政执法队伍建设', '物业党建联建']) {
        const res = await t.call('organiser', { method: 'POST', url: GROUPS, payload: { topic } });
        assert.equal(res.statusCode, 201, res.body);
        groups[topic] = res.json().id;
      }
      assert.deepEqual((await list()).groups.map((g) => g.position), [1, 2, 3]);
      const twice = await t.call('organiser', { method: 'POST', url: GROUPS, payload: { topic: '物业党建联建' } });
      assert.equal(twice.statusCode, 409);
      assert.match(twice.json().error.message.zh, /已有议题/);
      assert.equal((await t.call('organiser', { method: 'POST', url: GROUPS, payload: { topic: '  ' } })).statusCode, 400);
      assert.equal((await t.call('organiser', { method: 'POST', url: GROUPS, payload: { topic: '题'.repeat(201) } })).statusCode, 400);
      assert.equal((await t.call('clerk', { method: 'POST', url: GROUPS, payload: { topic: '别的' } })).statusCode, 403);
      assert.equal((await t.call('organiser', { method: 'POST', url: '/api/training/classes/nope/groups', payload: { topic: '别的' } })).statusCode, 404);
      const renamed = await t.call('organiser', { method: 'PATCH', url: `${GROUPS}/${groups.物业党建联建}`, payload: { topic: '红色物业党建联建', position: 7 } });
      assert.equal(renamed.statusCode, 200, renamed.body);
      assert.equal(renamed.json().position, 7);
      assert.equal((await t.call('organiser', { method: 'PATCH', url: `${GROUPS}/${groups.物业党建联建}`, payload: { topic: '村级集体经济壮大提质' } })).statusCode, 409);
      assert.equal((await t.call('organiser', { method: 'PATCH', url: `${GROUPS}/${groups.物业党建联建}`, payload: {} })).statusCode, 400);
      const sameNumber = await t.call('organiser', { method: 'PATCH', url: `${GROUPS}/${groups.物业党建联建}`, payload: { position: 1 } });
      assert.equal(sameNumber.statusCode, 409);
      assert.match(sameNumber.json().error.message.zh, /第1组已有议题「村级集体经济壮大提质」/);
      assert.equal((await t.call('organiser', { method: 'POST', url: GROUPS, payload: { topic: '别的', position: 2 } })).statusCode, 409);
      assert.equal((await t.call('organiser', { method: 'PATCH', url: `${GROUPS}/__proto__`, payload: { topic: 'x' } })).statusCode, 404);
      assert.equal((await list()).groups.length, 3, 'nothing else stored');
    });

    it('keeps a trainee in one group: a second group is refused by name unless the office moves them', async () => {
      const a = groups.村级集体经济壮大提质!;
      const b = groups.乡镇行政执法队伍建设!;
      const set = await members(a, [id('城区甲'), id('城区乙'), id('东县丙')]);
      assert.equal(set.statusCode, 200, set.body);
      assert.equal(set.json().members.length, 3);
      const refused = await members(b, [id('东县丙'), id('东县丁')]);
      assert.equal(refused.statusCode, 409);
      assert.match(refused.json().error.message.zh, /东县丙.*已在研讨组「村级集体经济壮大提质」/);
      assert.equal((await list()).groups.find((g) => g.id === b)!.members.length, 0, 'nothing stored');
      const moved = await members(b, [id('东县丙'), id('东县丁')], true);
      assert.equal(moved.statusCode, 200, moved.body);
      const after = await list();
      assert.deepEqual(after.groups.find((g) => g.id === a)!.members.map((m) => m.name).sort(), ['城区乙', '城区甲']);
      assert.equal(after.ungrouped, 1);
      assert.equal((await members(a, [id('城区甲'), id('城区甲')])).statusCode, 400, 'listed twice');
      assert.equal((await members(a, [id('城区甲'), 'p-nobody'])).statusCode, 404);
      assert.equal((await members(a, ['__proto__'])).statusCode, 404);
      assert.equal((await t.call('organiser', { method: 'PUT', url: `${GROUPS}/${a}/members`, payload: { participantIds: 'x' } })).statusCode, 400);
    });

    it('names a reporter only among the members, and drops them when they leave the group', async () => {
      const a = groups.村级集体经济壮大提质!;
      const b = groups.乡镇行政执法队伍建设!;
      const outsider = await t.call('organiser', { method: 'PATCH', url: `${GROUPS}/${a}`, payload: { reporterId: id('东县丁') } });
      assert.equal(outsider.statusCode, 400);
      assert.match(JSON.stringify(outsider.json().error), /汇报人须是本组成员/);
      const named = await t.call('organiser', { method: 'PATCH', url: `${GROUPS}/${a}`, payload: { reporterId: id('城区甲') } });
      assert.equal(named.statusCode, 200, named.body);
      assert.equal(named.json().reporter.name, '城区甲');
      assert.equal((await members(a, [id('城区乙')])).json().reporter, null, 'left the group, no longer its reporter');
      await t.call('organiser', { method: 'PATCH', url: `${GROUPS}/${b}`, payload: { reporterId: id('东县丙') } });
      await members(a, [id('城区乙'), id('东县丙')], true);
      assert.equal((await list()).groups.find((g) => g.id === b)!.reporter, null, 'moved away: the old group has no reporter');
      assert.equal((await t.call('organiser', { method: 'PATCH', url: `${GROUPS}/${a}`, payload: { reporterId: null } })).json().reporter, null);
    });

    it('stores the output and marks several groups best', async () => {
      const a = groups.村级集体经济壮大提质!;
      const b = groups.乡镇行政执法队伍建设!;
      const output = '一、发展思路：盘活闲置资产……\n二、具体举措：';
      const res = await t.call('organiser', { method: 'PATCH', url: `${GROUPS}/${a}`, payload: { output, best: true } });
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().output, output);
      await t.call('organiser', { method: 'PATCH', url: `${GROUPS}/${b}`, payload: { best: true } });
      assert.deepEqual((await list()).groups.filter((g) => g.best).map((g) => g.id).sort(), [a, b].sort());
      assert.equal((await t.call('organiser', { method: 'PATCH', url: `${GROUPS}/${a}`, payload: { output: '字'.repeat(20_001) } })).statusCode, 400);
      const huge = await t.call('organiser', { method: 'PATCH', url: `${GROUPS}/${a}`, payload: { output: '字'.repeat(60_000) } });
      assert.equal(huge.statusCode, 413);
      assert.equal((await t.call('clerk', { method: 'PATCH', url: `${GROUPS}/${a}`, payload: { best: false } })).statusCode, 403);
      assert.equal((await list()).groups.find((g) => g.id === a)!.output, output);
    });

    it('imports a group list only when every row is clean, listing each bad row by its line', async () => {
      const bad = csv([
        '组别,议题,姓名,单位,个人签到码,汇报人',
        '第二组,,东县戊,北岭乡,,是',
        '第九组,,东县丁,北岭乡,,',
        ',,城区甲,城区南村镇,,',
        '1,,无名氏,城区南村镇,,',
        ',红色物业党建联建,,,ZZZZ-ZZZZ,',
        '第一组,乡镇行政执法队伍建设,城区甲,城区南村镇,,',
        '第二组,,东县戊,东县北岭乡,,',
        '第二组,,城区乙,南村镇,,',
        '第二组,,,,' + people.东县丁!.code + ',是',
      ]);
      const dry = await importList(bad, 'dryRun=true');
      assert.equal(dry.statusCode, 200, dry.body);
      const report = dry.json();
      assert.deepEqual(report.errors.map((e: { row: number }) => e.row), [3, 4, 5, 6, 7, 8, 9, 10]);
      const text = report.errors.map((e: { message: { zh: string } }) => e.message.zh);
      assert.match(text[0], /没有「第九组」/);
      assert.match(text[1], /组别和议题都为空/);
      assert.match(text[2], /没有学员「无名氏」/);
      assert.match(text[3], /签到码不正确/);
      assert.match(text[4], /指向不同的研讨组/);
      assert.match(text[5], /与第 2 行是同一人/);
      assert.match(text[6], /2 个同名单位/);
      assert.match(text[7], /只能有一位汇报人/);
      assert.equal(report.accepted, 1);
      const refused = await importList(bad, 'dryRun=false');
      assert.equal(refused.statusCode, 422);
      assert.equal(refused.json().error.code, 'invalid_groups');
      assert.equal((await list()).ungrouped, 2, 'nothing imported');

      const moving = csv(['组别,姓名,单位,汇报人', '第二组,城区乙,城区南村镇,是', '第二组,东县戊,北岭乡,']);
      const noMove = (await importList(moving, 'dryRun=true')).json();
      assert.deepEqual(noMove.errors.map((e: { row: number }) => e.row), [2]);
      assert.match(noMove.errors[0].message.zh, /已在研讨组/);
      const done = await importList(moving, 'dryRun=false&move=true');
      assert.equal(done.statusCode, 201, done.body);
      assert.equal(done.json().imported, 2);
      const b = (await list()).groups.find((g) => g.id === groups.乡镇行政执法队伍建设)!;
      assert.deepEqual(b.members.map((m) => m.name).sort(), ['东县丁', '东县戊', '城区乙']);
      assert.equal(b.reporter?.id, id('城区乙'));
    });

    it('reads an xlsx group list by topic, and refuses files that are no group list', async () => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('分组');
      ws.addRow(['议题', '个人签到码']);
      ws.addRow(['红色物业党建联建', people.城区甲!.code.toLowerCase().replace('-', '')]);
      const data = Buffer.from(await wb.xlsx.writeBuffer());
      const res = await importList(data, 'dryRun=false', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      assert.equal(res.statusCode, 201, res.body);
      assert.equal((await list()).groups.find((g) => g.topic === '红色物业党建联建')!.members[0]!.name, '城区甲');
      const noHeader = (await importList(csv(['姓名,单位', '城区甲,南村镇']), 'dryRun=true')).json();
      assert.match(noHeader.errors[0].message.zh, /表头/);
      const proto = (await importList(csv(['__proto__,constructor', '1,城区甲']), 'dryRun=true')).json();
      assert.match(proto.errors[0].message.zh, /表头/);
      const binary = await importList(Buffer.from([0x4d, 0x5a, 0, 0, 1, 2, 3]), 'dryRun=true', 'application/octet-stream');
      assert.equal(binary.statusCode, 200);
      assert.match(binary.json().errors[0].message.zh, /无法读取/);
      assert.equal((await importList(Buffer.alloc(0), 'dryRun=true')).statusCode, 400);
      const json = await t.call('organiser', { method: 'POST', url: `${GROUPS}/import?dryRun=true`, payload: { rows: [] } });
      assert.equal(json.statusCode, 400, 'a JSON body is no file');
      assert.match(json.json().error.message.zh, /分组名单文件/);
      const form = await t.call('organiser', { method: 'POST', url: `${GROUPS}/import?dryRun=true`, payload: 'a=1', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
      assert.equal(form.statusCode, 415);
      assert.equal((await importList(Buffer.alloc(3 * 1024 * 1024, 0x41), 'dryRun=true')).statusCode, 413);
      assert.equal((await t.call('clerk', { method: 'POST', url: `${GROUPS}/import`, payload: csv(['组别,姓名,单位']), headers: { 'content-type': 'text/csv' } })).statusCode, 403);
    });

    it('shows groups read-only to viewers: a county viewer sees other counties’ members by unit only', async () => {
      const seen = await list('viewer');
      const all = seen.groups.flatMap((g) => g.members);
      assert.ok(all.some((m) => m.name === '城区乙'), 'own county by name');
      const foreign = all.filter((m) => m.unitPath.startsWith('东县'));
      assert.ok(foreign.length > 0);
      assert.ok(foreign.every((m) => m.name === null), 'other counties by unit only');
      assert.equal((await list('clerk')).groups.flatMap((g) => g.members).every((m) => m.name !== null), true);
      const a = groups.村级集体经济壮大提质!;
      assert.equal((await t.call('viewer', { method: 'PATCH', url: `${GROUPS}/${a}`, payload: { best: false } })).statusCode, 403);
      assert.equal((await t.call('viewer', { method: 'PUT', url: `${GROUPS}/${a}/members`, payload: { participantIds: [] } })).statusCode, 403);
    });

    it('deletes a group and leaves its members ungrouped', async () => {
      const before = (await list()).ungrouped;
      const a = groups.村级集体经济壮大提质!;
      const size = (await list()).groups.find((g) => g.id === a)!.members.length;
      assert.equal((await t.call('organiser', { method: 'DELETE', url: `${GROUPS}/${a}` })).statusCode, 204);
      assert.equal((await t.call('organiser', { method: 'DELETE', url: `${GROUPS}/${a}` })).statusCode, 404);
      const after = await list();
      assert.equal(after.groups.length, 2);
      assert.equal(after.ungrouped, before + size);
    });
  });
}
