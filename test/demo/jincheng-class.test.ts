/**
 * The Jincheng demo's training class, as generated: the report's agenda, venues at the city's and the counties' party
 * schools, a roster of 2,100+ named by post from the real division data, and check-ins that read like a real class.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normalisePersonalCode } from '../../src/app/training/new-ids.js';
import { validHours } from '../../src/domain/training/lesson-rules.js';
import { checkinWindow, markForScan } from '../../src/domain/training/attendance.js';
import { parseLocalDateTime } from '../../src/domain/training/local-time.js';
import { buildJinchengClass, buildJinchengDemo, CITY_VENUE_ID, countyVenueId } from '../../src/demo/jincheng.js';
import { JINCHENG_COUNTY_CODES } from '../../src/demo/jincheng-names.js';

const units = buildJinchengDemo().definition.units;
const byId = new Map(units.map((u) => [u.id, u]));
const cls = buildJinchengClass(units);

/** The county-level unit a unit lies in, or null for the city. */
function countyOf(unitId: string): string | null {
  for (let u = byId.get(unitId); u; u = u.parentId ? byId.get(u.parentId) : undefined) if (u.level === 'county') return u.id;
  return null;
}

describe('the Jincheng demo’s training class', () => {
  it('is the same on every build', () => {
    const again = buildJinchengClass(units);
    assert.deepEqual(again, cls);
    const other = buildJinchengClass(units, { seed: 1 });
    assert.notDeepEqual(other.participants.map((p) => p.code), cls.participants.map((p) => p.code), 'the codes come from the seed');
  });

  it('runs 15–17 June 2022 with the lessons the report names, each within the class’s days and with its 学时', () => {
    assert.equal(cls.startsOn, '2022-06-15');
    assert.equal(cls.endsOn, '2022-06-17');
    assert.deepEqual(cls.lessons.map((l) => l.kind).sort(), ['case', 'forum', 'lecture', 'seminar', 'synchronized', 'topic']);
    assert.deepEqual([...new Set(cls.lessons.map((l) => l.startsAt.slice(0, 10)))], ['2022-06-15', '2022-06-16', '2022-06-17']);
    for (const l of cls.lessons) {
      const start = parseLocalDateTime(l.startsAt)!;
      assert.ok(parseLocalDateTime(l.endsAt)! > start, l.title);
      assert.ok(validHours(l.hours), `${l.title}: ${l.hours}`);
      assert.ok(l.speakers.length > 0, l.title);
    }
    const kind = (k: string) => cls.lessons.find((l) => l.kind === k)!;
    assert.equal(kind('seminar').speakers.filter((s) => s.title === '现场发言').length, 12, '12 secretaries spoke');
    assert.match(kind('seminar').materials[0]!.note, /65 名/);
    assert.equal(kind('topic').materials.length, 7, '7 topics');
    assert.equal(kind('case').materials.length, 6, '6 cases');
    assert.match(kind('synchronized').title, /云课堂/);
  });

  it('names speakers by post, never by a person’s name', () => {
    for (const s of cls.lessons.flatMap((l) => l.speakers)) assert.match(s.name, /(书记|部长|负责同志)$/, s.name);
  });

  it('holds the 同步课堂 at the city party school and the six county party schools, the rest at the city party school', () => {
    assert.deepEqual(cls.venues.map((v) => v.unitId), ['u1405', ...JINCHENG_COUNTY_CODES.map((c) => 'u' + c)]);
    assert.deepEqual(cls.venues.map((v) => v.name), ['中共晋城市委党校', '中共城区委党校', '中共泽州县委党校', '中共高平市委党校', '中共阳城县委党校', '中共陵川县委党校', '中共沁水县委党校']);
    for (const l of cls.lessons) assert.deepEqual(l.venueIds, l.kind === 'synchronized' ? cls.venues.map((v) => v.id) : [CITY_VENUE_ID], l.title);
  });

  it('has a roster of 2,100+ within the city, named by post and place, one name per unit, with unique personal codes', () => {
    assert.ok(cls.participants.length >= 2100, `${cls.participants.length}`);
    const villageSecretaries = cls.participants.filter((p) => p.post === '村党支部书记' || p.post === '社区党组织书记');
    assert.equal(villageSecretaries.length, 1729, 'one secretary for each of the city’s 1,729 villages and communities');
    assert.equal(cls.participants.filter((p) => /^(党委书记|党工委书记)$/.test(p.post)).length, 77, 'each township’s secretary');
    const names = new Set<string>();
    for (const p of cls.participants) {
      assert.ok(byId.has(p.unitId), `${p.name}: unit ${p.unitId} is not in the city`);
      assert.match(p.name, /(书记|长|委员|主任|组长)$/, p.name);
      assert.ok(p.name.endsWith(p.post.replace(/^(区委|县委|市委|村|社区)/, '')), `${p.name} / ${p.post}`);
      const key = `${p.unitId}/${p.name}`;
      assert.ok(!names.has(key), `two ${key}`);
      names.add(key);
      assert.match(p.code, /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
      assert.equal(normalisePersonalCode(p.code), p.code);
    }
    assert.equal(new Set(cls.participants.map((p) => p.code)).size, cls.participants.length);
    assert.equal(new Set(cls.participants.map((p) => p.id)).size, cls.participants.length);
    const liujiachuan = cls.participants.find((p) => p.name === '刘家川村党支部书记')!;
    assert.equal(byId.get(liujiachuan.unitId)?.name, '北石店镇', 'a village secretary sits under their township');
  });

  it('leaves a realistic attendance picture: most 准时, some 迟到, a few 请假 with reasons, a few 缺勤, a handful of 补签', () => {
    const people = cls.participants.length;
    const marks = new Set<string>();
    for (const l of cls.lessons) {
      const mine = cls.checkins.filter((k) => k.lessonId === l.id);
      const count = (status: string, method = 'scan') => mine.filter((k) => k.status === status && (status === 'leave' || k.method === method)).length;
      const absent = people - mine.length;
      assert.ok(count('on_time') / people > 0.85, `${l.title}: ${count('on_time')} 准时`);
      assert.ok(count('late') / people > 0.03 && count('late') / people < 0.12, `${l.title}: ${count('late')} 迟到`);
      assert.ok(count('leave') >= 5 && count('leave') / people < 0.03, `${l.title}: ${count('leave')} 请假`);
      assert.ok(absent >= 5 && absent / people < 0.03, `${l.title}: ${absent} 缺勤`);
    }
    const entries = cls.checkins.filter((k) => k.method === 'office' && k.status !== 'leave');
    assert.ok(entries.length >= 5 && entries.length <= 30, `${entries.length} 补签`);
    for (const k of cls.checkins) {
      const key = `${k.lessonId}/${k.participantId}`;
      assert.ok(!marks.has(key), `two marks for ${key}`);
      marks.add(key);
      if (k.method === 'office') assert.match(k.reason ?? '', /[\u4e00-\u9fff]{4,}/, 'an office entry says why');
      else assert.equal(k.reason, null);
    }
  });

  it('times each scan inside the check-in window, 准时 or 迟到 by the rules, late ones minutes after the grace period', () => {
    const lessons = new Map(cls.lessons.map((l) => [l.id, { startsAt: parseLocalDateTime(l.startsAt)!, endsAt: parseLocalDateTime(l.endsAt)!, graceMinutes: cls.graceMinutes }]));
    let late = 0;
    for (const k of cls.checkins.filter((x) => x.method === 'scan')) {
      const l = lessons.get(k.lessonId)!;
      assert.equal(checkinWindow(l, k.at), 'open');
      assert.equal(k.status, markForScan(l, k.at));
      if (k.status === 'late') {
        late++;
        const minutes = (k.at - l.startsAt) / 60_000;
        assert.ok(minutes > cls.graceMinutes && minutes < 60, `${minutes} minutes late`);
      }
    }
    assert.ok(late > 0);
    for (const k of cls.checkins.filter((x) => x.status === 'leave')) assert.ok(k.at < lessons.get(k.lessonId)!.startsAt, 'a leave is recorded before the lesson');
  });

  it('checks the 同步课堂 in at each trainee’s county party school, everything else at the city party school', () => {
    const unitOf = new Map(cls.participants.map((p) => [p.id, p.unitId]));
    const sync = cls.lessons.find((l) => l.kind === 'synchronized')!.id;
    const venues = new Set<string>();
    for (const k of cls.checkins) {
      if (k.venueId === null) continue;
      if (k.lessonId !== sync) {
        assert.equal(k.venueId, CITY_VENUE_ID);
        continue;
      }
      const county = countyOf(unitOf.get(k.participantId)!);
      assert.equal(k.venueId, county ? countyVenueId(county.slice(1)) : CITY_VENUE_ID);
      venues.add(k.venueId);
    }
    assert.equal(venues.size, 7, 'every venue of the 同步课堂 has its trainees');
  });

  it('has the report’s 7 topic groups of township secretaries, one group each, a member as reporter, two outputs marked best', () => {
    const people = new Map(cls.participants.map((p) => [p.id, p]));
    assert.deepEqual(cls.groups.map((g) => g.position), [1, 2, 3, 4, 5, 6, 7]);
    assert.equal(cls.groups[3]!.topic, '党建引领农村网格治理');
    const members = cls.groups.flatMap((g) => g.memberIds);
    assert.equal(new Set(members).size, members.length, 'nobody in two groups');
    assert.equal(members.length, cls.participants.filter((p) => /^(党委书记|党工委书记)$/.test(p.post)).length);
    for (const g of cls.groups) {
      assert.ok(g.memberIds.length >= 10 && g.memberIds.length <= 12, `${g.topic}: ${g.memberIds.length}`);
      assert.ok(g.memberIds.includes(g.reporterId), g.topic);
    }
    assert.equal(people.get(cls.groups[3]!.reporterId)!.name, '建宁乡党委书记', 'the reporter the report names');
    assert.deepEqual(cls.groups.filter((g) => g.best).map((g) => g.position), [1, 4]);
    assert.ok(cls.groups.filter((g) => g.best).every((g) => g.output.length > 100));
  });

  it('has a score of reflections by different trainees, about lessons of the class or the class, some featured', () => {
    const lessons = new Set(cls.lessons.map((l) => l.id));
    assert.ok(cls.reflections.length >= 15 && cls.reflections.length <= 30);
    assert.equal(new Set(cls.reflections.map((r) => r.participantId)).size, cls.reflections.length);
    assert.ok(cls.reflections.every((r) => r.lessonId === null || lessons.has(r.lessonId)));
    assert.ok(cls.reflections.every((r) => parseLocalDateTime(r.writtenAt)! > parseLocalDateTime('2022-06-17T17:00')!), 'written after the class');
    const featured = cls.reflections.filter((r) => r.featured).length;
    assert.ok(featured >= 3 && featured < cls.reflections.length / 2);
  });
});
