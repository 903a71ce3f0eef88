import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { exportBundle } from '../../src/app/bundle/export-bundle.js';
import { getResults } from '../../src/app/results/get-results.js';
import { loadDemo } from '../../src/app/demo/load-demo.js';
import { parseBundle } from '../../src/app/bundle/parse-bundle.js';
import { tallyBundle } from '../../src/app/bundle/tally-bundle.js';
import { createAppContext, type AppContext } from '../../src/app/context.js';
import type { Actor } from '../../src/app/policies/roles.js';
import { attendanceRecords } from '../../src/app/training/attendance-records.js';
import { browseReflections } from '../../src/app/reflections/browse-reflections.js';
import { listTopicGroups } from '../../src/app/topic-groups/list-topic-groups.js';
import { getClass } from '../../src/app/training/get-class.js';
import { lessonAttendance } from '../../src/app/training/lesson-attendance.js';
import { JINCHENG_CLASS_ID, JINCHENG_INVALID_BALLOT_ID } from '../../src/demo/jincheng.js';
import { getCampaign } from '../../src/db/repositories/campaigns.js';
import { listSessions } from '../../src/db/repositories/sessions.js';
import { createTestDb, dialects } from '../helpers/db.js';

const office: Actor = { id: 'a-1', name: '办公室', role: 'organiser', unitId: null };

for (const kind of dialects()) {
  describe(`the Jincheng demo, stored and recomputed (${kind})`, () => {
    let ctx: AppContext;
    before(async () => {
      // Loaded years after the campaign, as a new user's first start loads it.
      ctx = createAppContext(await createTestDb(kind), { clock: () => new Date('2026-12-04T08:00:00Z') });
      const loaded = await loadDemo(ctx);
      assert.ok(loaded);
      assert.equal(loaded.ballots, 150);
      assert.equal(loaded.trainingClassId, JINCHENG_CLASS_ID);
      assert.ok(loaded.participants >= 2100);
    });
    after(() => ctx.database.close());

    it('dates its sessions in June 2022, inside the campaign, whenever it is loaded', async () => {
      const campaign = await getCampaign(ctx.database.db, 'jincheng-2022-06');
      assert.ok(campaign && campaign.createdAt < '2022-06-01');
      for (const s of await listSessions(ctx.database.db, 'jincheng-2022-06')) {
        assert.match(s.openedAt ?? '', /^2022-06-/, s.name);
        assert.match(s.closedAt ?? '', /^2022-06-/, s.name);
        assert.ok(s.openedAt! >= campaign.createdAt && s.openedAt! < s.closedAt!, s.name);
      }
    });

    it('ranks the six counties and the 77 townships, with the one rule-breaking paper ballot invalid', async () => {
      const results = (await getResults(ctx, office, 'jincheng-2022-06')).value;
      const [counties, townships] = results.rankings;
      assert.equal(counties!.rows.length, 6);
      assert.equal(townships!.rows.length, 77);
      assert.deepEqual(results.invalidBallots.map((b) => b.ballotId), [JINCHENG_INVALID_BALLOT_ID]);
      assert.equal(results.invalidBallots[0]!.problems[0]!.code, 'quota_exceeded');
      // 好 ≤ 10% of 77 townships: at most 7.
      assert.ok(townships!.tiers[0]!.filled <= 7);
    });

    it('reproduces the server results digit for digit from the export, offline', async () => {
      const server = (await getResults(ctx, office, 'jincheng-2022-06')).value;
      const bundle = parseBundle(JSON.parse(JSON.stringify(await exportBundle(ctx, 'jincheng-2022-06'))));
      assert.equal(bundle.ballots.length, 150);
      const offline = JSON.parse(JSON.stringify(tallyBundle(bundle).results));
      const online = JSON.parse(JSON.stringify(server));
      // The export names ballots afresh (export-bundle.ts): the invalid ballot is the same one under another name.
      assert.equal(offline.invalidBallots.length, 1);
      assert.notEqual(offline.invalidBallots[0].ballotId, JINCHENG_INVALID_BALLOT_ID);
      assert.ok(bundle.ballots.some((b) => b.id === offline.invalidBallots[0].ballotId));
      online.invalidBallots = online.invalidBallots.map((b: { ballotId: string }) => ({ ...b, ballotId: offline.invalidBallots[0].ballotId }));
      assert.deepEqual(offline, online);
      assert.ok(bundle.ballots.every((b) => /^b_[0-9a-f]{24}$/.test(b.id)), 'every ballot named for this export');
    });

    it('stores the report’s training class of the campaign: its agenda, 2,100+ trainees and their check-ins', async () => {
      const cls = await getClass(ctx, JINCHENG_CLASS_ID);
      assert.equal(cls.campaignId, 'jincheng-2022-06');
      assert.deepEqual([cls.startsOn, cls.endsOn, cls.rootUnitName], ['2022-06-15', '2022-06-17', '晋城市']);
      assert.equal(cls.venues.length, 7);
      assert.equal(cls.agenda.length, 6);
      assert.ok(cls.participants >= 2100);
      for (const lesson of cls.agenda) {
        const a = await lessonAttendance(ctx, office, JINCHENG_CLASS_ID, lesson.id);
        assert.equal(a.window, 'closed', 'the class is over');
        assert.equal(a.total.expected, cls.participants);
        assert.equal(a.total.onTime + a.total.late + a.total.leave + a.total.missing, a.total.expected);
        assert.ok(a.total.onTime > 0.85 * cls.participants && a.total.late > 0 && a.total.leave > 0 && a.total.missing > 0, lesson.title);
        assert.equal(a.venues.reduce((n, v) => n + v.expected, 0), a.total.expected);
        assert.equal(a.venues.reduce((n, v) => n + v.onTime + v.late, 0), a.total.onTime + a.total.late, 'every scan was at a venue of the lesson');
        assert.deepEqual(a.units.map((u) => u.name).sort(), ['城区', '沁水县', '泽州县', '阳城县', '陵川县', '高平市', '晋城市'].sort());
        if (lesson.kind === 'synchronized') assert.ok(a.venues.every((v) => v.onTime > 0), 'each party school had its trainees');
      }
      const { page, items } = await attendanceRecords(ctx, office, JINCHENG_CLASS_ID, {});
      assert.equal(items.length, cls.participants);
      assert.equal(page.fullCredit, '17.50');
      assert.ok(items.filter((r) => r.credit.display === page.fullCredit).length > 0.45 * items.length, 'about half were on time at every lesson');
    });

    it('stores the class’s 7 topic groups with reporters and its reflections, some featured', async () => {
      const { groups, ungrouped } = await listTopicGroups(ctx, office, JINCHENG_CLASS_ID);
      assert.equal(groups.length, 7);
      assert.ok(groups.every((g) => g.reporter !== null && g.members.some((m) => m.id === g.reporter!.id)));
      assert.equal(groups.filter((g) => g.best).length, 2);
      assert.ok(ungrouped > 2000);
      const page = await browseReflections(ctx, office, JINCHENG_CLASS_ID, { page: 1, pageSize: 50, featured: undefined });
      assert.ok(page.counts.all >= 15 && page.counts.all <= 30);
      assert.ok(page.counts.featured >= 3);
      assert.ok(page.items.every((r) => r.county !== ''), 'written by county and township cadres');
    });
  });
}
