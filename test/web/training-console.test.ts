/**
 * The console's training pages' own rules (web/console/src/features/training): the agenda day by day, the lesson the
 * 签到 page opens on, what the lesson form refuses before sending (the same as the server would), the share present,
 * the import report's verdict, file names of downloads, and words that must match the domain's.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { ApiError } from '../../web/console/src/api/client.js';
import {
  agendaByDay,
  beijingNow,
  classDays,
  currentOrNextLesson,
  dayLabel,
  lessonTimeProblem,
  validHoursText,
} from '../../web/console/src/features/training/agenda.js';
import { isMissing, presentRate } from '../../web/console/src/features/training/attendance.js';
import { fileNameOf, rosterTemplate } from '../../web/console/src/features/training/files.js';
import { importVerdict, rowErrorsOf } from '../../web/console/src/features/training/import-report.js';
import { attendanceLabels, lessonKindLabels, trainingMessages } from '../../web/console/src/features/training/messages.js';
import { participantPatch } from '../../web/console/src/features/training/participant-patch.js';
import { rolesOf } from '../../web/console/src/features/training/roles.js';
import { lessonProblems, validHours } from '../../src/domain/training/lesson-rules.js';
import { parseLocalDateTime } from '../../src/domain/training/local-time.js';
import { ATTENDANCE_LABELS, LESSON_KIND_LABELS } from '../../src/domain/training/types.js';

const lesson = (id: string, startsAt: string, endsAt: string) => ({ id, day: startsAt.slice(0, 10), startsAt, endsAt });

describe('training console: the agenda day by day', () => {
  it('lists every day of the class, across a month end and a leap day', () => {
    assert.deepEqual(classDays('2022-06-15', '2022-06-17'), ['2022-06-15', '2022-06-16', '2022-06-17']);
    assert.deepEqual(classDays('2024-02-28', '2024-03-01'), ['2024-02-28', '2024-02-29', '2024-03-01']);
    assert.deepEqual(classDays('2022-06-15', '2022-06-15'), ['2022-06-15']);
  });

  it('lists no days for dates that make no range or do not exist', () => {
    assert.deepEqual(classDays('2022-06-17', '2022-06-15'), []);
    assert.deepEqual(classDays('2022-02-30', '2022-03-02'), []);
    assert.deepEqual(classDays('2022-6-15', '2022-06-17'), []);
  });

  it('puts each lesson under its day, in order of start, and keeps empty days', () => {
    const days = agendaByDay('2022-06-15', '2022-06-17', [
      lesson('b', '2022-06-15T14:30', '2022-06-15T17:00'),
      lesson('c', '2022-06-17T09:00', '2022-06-17T11:00'),
      lesson('a', '2022-06-15T09:00', '2022-06-15T11:30'),
    ]);
    assert.deepEqual(
      days.map((d) => [d.day, d.index, d.lessons.map((l) => l.id)]),
      [
        ['2022-06-15', 1, ['a', 'b']],
        ['2022-06-16', 2, []],
        ['2022-06-17', 3, ['c']],
      ],
    );
  });

  it('still shows a lesson left outside the class’s dates, marked as such', () => {
    const days = agendaByDay('2022-06-15', '2022-06-16', [lesson('x', '2022-06-18T09:00', '2022-06-18T10:00')]);
    assert.deepEqual(days.map((d) => [d.day, d.index]), [['2022-06-15', 1], ['2022-06-16', 2], ['2022-06-18', null]]);
  });

  it('names a day in each language', () => {
    assert.equal(dayLabel('2022-06-15', 'zh'), '6月15日 周三');
    assert.equal(dayLabel('2022-06-15', 'en'), 'Wed 15 Jun');
  });
});

describe('training console: the lesson the check-in page opens on', () => {
  const agenda = [
    lesson('forum', '2022-06-15T09:00', '2022-06-15T11:30'),
    lesson('sync', '2022-06-15T14:30', '2022-06-15T17:30'),
    lesson('case', '2022-06-16T09:00', '2022-06-16T12:00'),
  ];

  it('is the lesson running now', () => {
    assert.equal(currentOrNextLesson(agenda, '2022-06-15T10:00')?.id, 'forum');
    assert.equal(currentOrNextLesson(agenda, '2022-06-15T09:00')?.id, 'forum');
  });

  it('is the next to start between lessons and before the class', () => {
    assert.equal(currentOrNextLesson(agenda, '2022-06-15T11:30')?.id, 'sync');
    assert.equal(currentOrNextLesson(agenda, '2022-06-01T08:00')?.id, 'forum');
  });

  it('is the later of two that overlap, and the last one once the class is over', () => {
    const overlapping = [...agenda, lesson('late-start', '2022-06-15T15:00', '2022-06-15T16:00')];
    assert.equal(currentOrNextLesson(overlapping, '2022-06-15T15:30')?.id, 'late-start');
    assert.equal(currentOrNextLesson(agenda, '2022-07-01T08:00')?.id, 'case');
    assert.equal(currentOrNextLesson([], '2022-07-01T08:00'), undefined);
  });

  it('reads now on Beijing time whatever the browser’s zone', () => {
    assert.equal(beijingNow(Date.UTC(2022, 5, 15, 1, 2)), '2022-06-15T09:02');
    assert.equal(beijingNow(Date.UTC(2022, 5, 15, 17, 0)), '2022-06-16T01:00');
  });
});

describe('training console: what the lesson form refuses before sending', () => {
  it('refuses a lesson that ends before it starts, or as it starts', () => {
    assert.equal(lessonTimeProblem('2022-06-15T11:00', '2022-06-15T09:00', '2022-06-15', '2022-06-17'), 'ends_before_start');
    assert.equal(lessonTimeProblem('2022-06-15T09:00', '2022-06-15T09:00', '2022-06-15', '2022-06-17'), 'ends_before_start');
    assert.equal(lessonTimeProblem('2022-06-15T09:00', '2022-06-15T11:00', '2022-06-15', '2022-06-17'), null);
  });

  it('refuses a lesson outside the class’s days', () => {
    assert.equal(lessonTimeProblem('2022-06-18T09:00', '2022-06-18T11:00', '2022-06-15', '2022-06-17'), 'outside_class_days');
    assert.equal(lessonTimeProblem('2022-06-17T20:00', '2022-06-18T01:00', '2022-06-15', '2022-06-17'), 'outside_class_days');
  });

  it('agrees with the server’s rules on the times of any lesson', () => {
    const time = fc.record({ day: fc.integer({ min: 13, max: 19 }), h: fc.integer({ min: 0, max: 23 }), m: fc.constantFrom(0, 15, 30, 59) });
    const text = (t: { day: number; h: number; m: number }) => `2022-06-${t.day}T${String(t.h).padStart(2, '0')}:${String(t.m).padStart(2, '0')}`;
    fc.assert(
      fc.property(time, time, (a, b) => {
        const startsAt = text(a);
        const endsAt = text(b);
        const server = lessonProblems({ startsAt: parseLocalDateTime(startsAt)!, endsAt: parseLocalDateTime(endsAt)!, hours: '2', venueIds: ['v'] }, { startsOn: '2022-06-15', endsOn: '2022-06-17' }, new Set(['v']));
        const mine = lessonTimeProblem(startsAt, endsAt, '2022-06-15', '2022-06-17');
        // The form names the first problem; the server lists them all.
        if (mine === null) assert.deepEqual(server, []);
        else assert.ok(server.includes(mine), `${startsAt}–${endsAt}: ${mine} vs ${server.join(',')}`);
        if (server.length > 0) assert.notEqual(mine, null);
      }),
    );
  });

  it('takes the hours the server takes and no others', () => {
    for (const ok of ['2', '1.5', '0.75', '24', '24.00', ' 3 ']) assert.equal(validHoursText(ok), true, ok);
    for (const bad of ['0', '0.00', '1.234', '-1', '24.01', '25', 'abc', '', '1.', '.5']) assert.equal(validHoursText(bad), false, bad);
    fc.assert(
      fc.property(fc.stringMatching(/^ ?-?[0-9]{0,3}(\.[0-9]{0,3})? ?$/), (s) => {
        assert.equal(validHoursText(s), validHours(s.trim()), JSON.stringify(s));
      }),
    );
  });
});

describe('training console: counts and reports', () => {
  it('shows the share present to one decimal, exactly', () => {
    assert.equal(presentRate({ expected: 3, onTime: 1, late: 0, leave: 0, missing: 2 }), '33.3%');
    assert.equal(presentRate({ expected: 3, onTime: 1, late: 1, leave: 0, missing: 1 }), '66.7%');
    assert.equal(presentRate({ expected: 2100, onTime: 2100, late: 0, leave: 0, missing: 0 }), '100.0%');
    assert.equal(presentRate({ expected: 8, onTime: 0, late: 1, leave: 7, missing: 0 }), '12.5%');
    assert.equal(presentRate({ expected: 0, onTime: 0, late: 0, leave: 0, missing: 0 }), null);
  });

  it('counts the not checked in and the absent as missing, never the ones on leave', () => {
    assert.deepEqual((['on_time', 'late', 'leave', 'absent', 'pending'] as const).filter(isMissing), ['absent', 'pending']);
  });

  it('offers the import only for a clean file with someone in it', () => {
    const message = { zh: '单位不存在', en: 'Unknown unit' };
    assert.equal(importVerdict({ dryRun: true, rows: 3, accepted: 3, imported: 0, errors: [] }), 'clean');
    assert.equal(importVerdict({ dryRun: true, rows: 3, accepted: 2, imported: 0, errors: [{ row: 3, column: '单位', message }] }), 'bad');
    assert.equal(importVerdict({ dryRun: true, rows: 0, accepted: 0, imported: 0, errors: [] }), 'empty');
  });

  it('reads the bad rows of a refused import from its details', () => {
    const message = { zh: '姓名为空', en: 'Empty name' };
    const details = [{ row: 4, path: '姓名', message }, { row: 0, message }, { nonsense: true }];
    assert.deepEqual(rowErrorsOf(new ApiError(422, 'invalid_roster', { zh: '', en: '' }, details)), [{ row: 4, column: '姓名', message }, { row: 0, message }]);
    assert.deepEqual(rowErrorsOf(new ApiError(422, 'invalid_roster', { zh: '', en: '' }, { errors: [] })), []);
    assert.deepEqual(rowErrorsOf(new Error('x')), []);
  });

  it('names a download as the server does', () => {
    assert.equal(fileNameOf(`attachment; filename="attendance.xlsx"; filename*=UTF-8''%E8%80%83%E5%8B%A4.xlsx`, 'x'), '考勤.xlsx');
    assert.equal(fileNameOf('attachment; filename="agenda.pdf"', 'x'), 'agenda.pdf');
    assert.equal(fileNameOf(null, '日程.pdf'), '日程.pdf');
  });

  it('gives a template whose header is the import’s', () => {
    const [header] = rosterTemplate({ unit: '晋城市' }).replace('\uFEFF', '').split('\r\n');
    assert.equal(header, '姓名,单位,职务,电话');
  });
});

describe('training console: editing a trainee', () => {
  const before = { id: 'p1', name: '学员甲', unitId: 'k2', unitName: '东县', unitPath: '东县', post: '县委书记', phone: '0356-1234567', code: 'AB12-CD34' };

  it('sends only what changed', () => {
    assert.deepEqual(participantPatch(before, { name: '学员甲', unitId: 'k2', post: '县长', phone: '0356-1234567' }), { post: '县长' });
    assert.deepEqual(participantPatch(before, { name: '学员甲', unitId: 't21', post: '县委书记', phone: null }), { unitId: 't21', phone: null });
  });

  it('sends nothing when nothing changed', () => {
    assert.equal(participantPatch(before, { name: '学员甲', unitId: 'k2', post: '县委书记', phone: '0356-1234567' }), null);
  });
});

describe('training console: words and roles', () => {
  it('names lesson kinds and statuses as the domain does', () => {
    assert.deepEqual(lessonKindLabels, LESSON_KIND_LABELS);
    assert.deepEqual(attendanceLabels, ATTENDANCE_LABELS);
  });

  it('has every text in both languages, with the same placeholders', () => {
    for (const [key, m] of Object.entries({ ...trainingMessages, ...lessonKindLabels, ...attendanceLabels })) {
      assert.ok(m.zh.trim() && m.en.trim(), key);
      const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((x) => x[1]).sort();
      assert.deepEqual(names(m.zh), names(m.en), key);
    }
  });

  it('lets each role do what the API allows it', () => {
    assert.deepEqual(rolesOf('organiser'), { edit: true, counting: true, viewer: false });
    assert.deepEqual(rolesOf('admin'), { edit: true, counting: true, viewer: false });
    assert.deepEqual(rolesOf('clerk'), { edit: false, counting: true, viewer: false });
    assert.deepEqual(rolesOf('viewer'), { edit: false, counting: false, viewer: true });
  });
});
