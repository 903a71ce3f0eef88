/**
 * 专班评 on paper: an instrument that requires a written opinion (评价意见) per subject. The clerk's paper form says
 * which instruments take opinions and whether they are required; a sheet with its opinions is stored with them; a
 * rated subject without one is refused and nothing is stored, unless the clerk confirms the paper really is so — then
 * it is stored as an invalid ballot (无效票) that counts as returned; double entry lists a different opinion.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { dialects } from '../helpers/db.js';
import { COUNTIES } from './fixtures.js';
import { COUNTY_SUBJECTS, openSession, taskforceSetup } from './observation-fixtures.js';

for (const kind of dialects()) {
  describe(`paper ballots with written opinions (${kind})`, () => {
    let t: TestApp;
    let sessionId = '';
    const url = (path: string) => `/api/sessions/${sessionId}${path}`;

    before(async () => {
      t = await buildTestApp(kind);
      sessionId = await openSession(t, taskforceSetup(), { name: '专班评议会', instrumentIds: ['i-report', 'i-taskforce'] });
    });
    after(() => t.close());

    it('tells the clerk which instruments take an opinion and which require one', async () => {
      const res = await t.call('clerk', { method: 'GET', url: url('/paper-form') });
      assert.equal(res.statusCode, 200, res.body);
      const groups = res.json().groups as { groupId: string; instruments: { instrumentId: string; opinion: string }[] }[];
      assert.deepEqual(groups.find((g) => g.groupId === 'g-office')!.instruments.map((i) => [i.instrumentId, i.opinion]), [['i-report', 'optional']]);
      assert.deepEqual(groups.find((g) => g.groupId === 'g-tf')!.instruments.map((i) => [i.instrumentId, i.opinion]), [
        ['i-report', 'optional'],
        ['i-taskforce', 'required'],
      ]);
    });

    const sheet = (sheetNumber: string, opinions: (string | undefined)[]) => ({
      sheetNumber,
      raterGroupId: 'g-tf',
      raterName: '专班甲',
      boundUnitId: null,
      ballots: [
        { instrumentId: 'i-report', ratings: COUNTY_SUBJECTS.map((subjectId, i) => ({ subjectId, grade: i < 2 ? 'good' : 'fair', ...(i === 1 ? { opinion: '汇报有亮点' } : {}) })) },
        {
          instrumentId: 'i-taskforce',
          ratings: COUNTY_SUBJECTS.map((subjectId, i) => ({ subjectId, score: String(80 + i), ...(opinions[i] === undefined ? {} : { opinion: opinions[i] }) })),
        },
      ],
    });
    const opinions = COUNTIES.map((k) => `${k.name}组织有力`);

    it('stores a sheet with its opinions, required and optional', async () => {
      const res = await t.call('clerk', { method: 'POST', url: url('/paper-ballots'), payload: sheet('P-001', opinions) });
      assert.equal(res.statusCode, 201, res.body);
      assert.equal(res.json().valid, true, res.body);
      const stored = (await t.call('clerk', { method: 'GET', url: url('/paper-ballots/P-001') })).json();
      const byId = new Map(stored.ballots.map((b: { instrumentId: string; ratings: { opinion?: string }[] }) => [b.instrumentId, b.ratings]));
      assert.deepEqual((byId.get('i-taskforce') as { opinion?: string }[]).map((r) => r.opinion), opinions);
      assert.deepEqual((byId.get('i-report') as { opinion?: string }[]).map((r) => r.opinion ?? null), [null, '汇报有亮点', null, null, null, null, null]);
    });

    it('refuses a sheet with a required opinion left blank, naming the subject, and stores nothing', async () => {
      for (const blank of [undefined, '', '  ']) {
        const res = await t.call('clerk', { method: 'POST', url: url('/paper-ballots'), payload: sheet('P-002', opinions.map((o, i) => (i === 2 ? blank : o))) });
        assert.equal(res.statusCode, 422, res.body);
        const error = res.json().error;
        assert.equal(error.code, 'ballot_refused');
        assert.deepEqual(error.details.map((d: { code: string; instrumentId: string; subjectId: string }) => [d.code, d.instrumentId, d.subjectId]), [['opinion_required', 'i-taskforce', 's-k3']]);
        assert.equal(error.details[0].message.zh, '对象「西县」：须填写评价意见');
      }
      assert.equal((await t.call('clerk', { method: 'GET', url: url('/paper-ballots/P-002') })).statusCode, 404);
    });

    it('stores, when the clerk confirms the paper itself is incomplete, the sheet as an invalid ballot that counts as returned', async () => {
      const overview = async () => (await t.call('clerk', { method: 'GET', url: `/api/sessions/${sessionId}` })).json() as { groups: { groupId: string; returned: number }[]; counts: { invalidBallots: number } | null };
      const returned = (o: Awaited<ReturnType<typeof overview>>) => o.groups.find((g) => g.groupId === 'g-tf')!.returned;
      const before = await overview();
      const incomplete = sheet('P-003', opinions.map((o, i) => (i === 2 ? undefined : o)));
      const res = await t.call('clerk', { method: 'POST', url: url('/paper-ballots'), payload: { ...incomplete, asInvalid: true } });
      assert.equal(res.statusCode, 201, res.body);
      assert.equal(res.json().valid, false);
      assert.deepEqual(res.json().problems.map((p: { code: string; subjectId: string }) => [p.code, p.subjectId]), [['opinion_required', 's-k3']]);
      const stored = (await t.call('clerk', { method: 'GET', url: url('/paper-ballots/P-003') })).json();
      assert.equal(stored.valid, false);
      const after = await overview();
      assert.equal(returned(after), returned(before) + 1, 'the sheet counts as returned');
      assert.equal(after.counts!.invalidBallots, (before.counts?.invalidBallots ?? 0) + 1, 'its 专班评 ballot is invalid; its 汇报评 ballot is whole and counts');
    });

    it('refuses "as invalid" for what no paper ballot can say: an unknown subject or a score that is not a number', async () => {
      const wrong = sheet('P-004', opinions);
      wrong.ballots[1]!.ratings[0] = { subjectId: 's-nowhere', score: '80', opinion: 'x' };
      const res = await t.call('clerk', { method: 'POST', url: url('/paper-ballots'), payload: { ...wrong, asInvalid: true } });
      assert.equal(res.statusCode, 422, res.body);
      assert.ok(res.json().error.details.some((d: { code: string }) => d.code === 'unknown_subject' || d.code === 'subject_not_in_instrument'), res.body);
      const typo = sheet('P-005', opinions);
      typo.ballots[1]!.ratings[0] = { subjectId: COUNTY_SUBJECTS[0]!, score: '8o', opinion: 'x' };
      // Not a number is refused at the door, before any rule is looked at.
      assert.equal((await t.call('clerk', { method: 'POST', url: url('/paper-ballots'), payload: { ...typo, asInvalid: true } })).statusCode, 400);
      for (const n of ['P-004', 'P-005']) assert.equal((await t.call('clerk', { method: 'GET', url: url(`/paper-ballots/${n}`) })).statusCode, 404);
    });

    it('lists a different opinion when a second clerk checks the sheet', async () => {
      const res = await t.call('clerk', { method: 'POST', url: url('/paper-verifications'), payload: sheet('P-001', opinions.map((o, i) => (i === 0 ? '城区组织一般' : o))) });
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().matches, false);
      assert.deepEqual(res.json().mismatches.map((m: { label: string; stored: string; entered: string }) => [m.label, m.stored, m.entered]), [
        ['专班评 · 城区', '80；意见：城区组织有力', '80；意见：城区组织一般'],
      ]);
    });
  });
}
