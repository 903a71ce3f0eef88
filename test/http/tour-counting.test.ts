/**
 * How a tour counts (观摩评): every observer's latest sheet per stop is a ballot of the observers' group, one returned
 * sheet per observer in the 计票单; review meetings' (调度点评会) scores count only with a review group the instrument
 * weighs; a sheet stored is announced on the ballot feed as `revised`; and the bundle carries every revision, so
 * `leitai tally --verify` recomputes the server's results digit for digit — and names a tampered sheet's difference.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { parseBundle } from '../../src/app/bundle/parse-bundle.js';
import { tallyBundle } from '../../src/app/bundle/tally-bundle.js';
import { sheetTotals } from '../../src/app/sessions/sheet-totals.js';
import { countReturnedSheets } from '../../src/db/repositories/ballots.js';
import { verifyBundle } from '../../src/app/bundle/verify-bundle.js';
import type { BallotsStored } from '../../src/app/kernel/ballot-feed.js';
import type { ExportedBundle } from '../../src/contracts/bundle.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { dialects } from '../helpers/db.js';
import { json, planTour, seedTourCampaign, sendSheet, sheet, TOUR_CAMPAIGN, TOUR_SESSION, TOUR_SITES } from '../helpers/tours.js';

const run = promisify(execFile);
const BIN = new URL('../../bin/leitai.js', import.meta.url).pathname;

type Results = {
  sessions: { sessionId: string; issued: number; returned: number; validBallots: number }[];
  instruments: { subjects: { subjectId: string; score: { exact: string } | null; valueCount: number }[] }[];
};

for (const kind of dialects()) {
  describe(`tour counting (${kind})`, () => {
    let t: TestApp;
    let plan: Awaited<ReturnType<typeof planTour>>;
    let dir = '';
    const events: BallotsStored[] = [];

    before(async () => {
      t = await buildTestApp(kind);
      // The review meetings weigh half as much as the observers in 观摩评.
      await seedTourCampaign(t.ctx.database, { reviewWeight: '0.5' });
      t.ctx.ballotFeed.on((e) => void events.push(e));
      plan = await planTour(t, 3);
      dir = await mkdtemp(join(tmpdir(), 'leitai-tour-bundle-'));
    });
    after(async () => {
      await t.close();
      await rm(dir, { recursive: true, force: true });
    });

    const results = async () => json<Results>(await t.call('organiser', { method: 'GET', url: `/api/campaigns/${TOUR_CAMPAIGN}/results` }), 200);
    const site = async (subjectId: string) => (await results()).instruments[0]!.subjects.find((s) => s.subjectId === subjectId)!;
    const review = (unitId: string, score: string | null) =>
      t.call('organiser', {
        method: 'PUT',
        url: `/api/tours/${plan.tourId}/reviews/${unitId}`,
        payload: { heldOn: '2022-06-06', place: '城区委党校', attendees: ['市委组织部副部长', '城区区委书记'], siteComments: [{ subjectId: TOUR_SITES[0]!.id, comment: '特色鲜明' }], remarks: '总体推进有力', score },
      });

    it('counts each observer’s latest sheet per stop, one returned sheet per observer, and announces each as revised', async () => {
      const [s1, s2] = plan.stops;
      json(await sendSheet(t, plan.links[0]!, sheet(s1!, '80')), 201);
      json(await sendSheet(t, plan.links[0]!, sheet(s2!, '70', [{ itemId: 'adj-brand', points: '2', reason: '品牌' }])), 201);
      json(await sendSheet(t, plan.links[1]!, sheet(s1!, '90')), 201);
      json(await sendSheet(t, plan.links[1]!, sheet(s1!, '84')), 201);
      assert.deepEqual(events.slice(-4), Array(4).fill({ sessionId: TOUR_SESSION, revised: true }));
      const r = await results();
      const session = r.sessions.find((s) => s.sessionId === TOUR_SESSION)!;
      // 3 links issued, 2 observers' phones returned sheets; their 3 counting sheets are valid ballots.
      assert.deepEqual([session.issued, session.returned, session.validBallots], [3, 2, 3]);
      const first = r.instruments[0]!.subjects.find((s) => s.subjectId === s1!.subjectId)!;
      assert.deepEqual([first.score?.exact, first.valueCount], ['82', 2]);
      // 70 + 2 (加分) = 72.
      assert.equal(r.instruments[0]!.subjects.find((s) => s.subjectId === s2!.subjectId)!.score?.exact, '72');
      // The 计票单: one returned sheet per observer who synced, of the 3 links issued.
      const report = json<{ counts: { issued: number; returned: number; validBallots: number }; groups: { groupId: string; issued: number; returned: number }[] }>(
        await t.call('clerk', { method: 'GET', url: `/api/sessions/${TOUR_SESSION}/tally-report` }),
        200,
      );
      assert.deepEqual(report.counts.issued, 3);
      assert.deepEqual([report.counts.returned, report.counts.validBallots], [2, 3]);
      assert.deepEqual(report.groups.find((g) => g.groupId === 'g-observers'), { groupId: 'g-observers', name: '观摩团', expected: 12, issued: 3, returned: 2 });
    });

    it('counts the observers who handed in sheets as returned wherever the session is counted, as the tally does', async () => {
      // The session's page: its counts come from the tally, its groups from the stored sheets; they agree.
      const overview = json<{ counts: { issued: number; returned: number }; groups: { groupId: string; issued: number; returned: number }[] }>(
        await t.call('organiser', { method: 'GET', url: `/api/sessions/${TOUR_SESSION}` }),
        200,
      );
      assert.deepEqual([overview.counts.issued, overview.counts.returned], [3, 2]);
      const observers = overview.groups.find((g) => g.groupId === 'g-observers')!;
      assert.deepEqual([observers.issued, observers.returned], [3, 2]);
      // What paper entry's over-return check and the big screen count: 3 issued, 2 back, so a fourth sheet would void it.
      assert.deepEqual(await sheetTotals(t.ctx.database.db, TOUR_SESSION), { issued: 3, returned: 2 });
      assert.deepEqual(await countReturnedSheets(t.ctx.database.db, TOUR_SESSION), { 'g-observers': 2 });
    });

    it('lists and records review meetings; a score counts when the review group is weighed, and not once it is not', async () => {
      const listed = json<{ reviews: { unitId: string; held: boolean; counts: boolean; siteComments: unknown[] }[] }>(await t.call('clerk', { method: 'GET', url: `/api/tours/${plan.tourId}/reviews` }), 200);
      assert.deepEqual(listed.reviews.map((r) => [r.unitId, r.held, r.counts, r.siteComments.length]), [['u-k1', false, false, 4], ['u-k2', false, false, 4], ['u-k3', false, false, 4], ['u-k4', false, false, 4], ['u-k5', false, false, 3], ['u-k6', false, false, 3]]);
      // The tour names no review group yet: the score is recorded only.
      const recorded = json<{ held: boolean; counts: boolean; score: string; siteComments: { comment: string }[] }>(await review('u-k1', '91'), 200);
      assert.deepEqual([recorded.held, recorded.counts, recorded.score, recorded.siteComments[0]!.comment], [true, false, '91', '特色鲜明']);
      assert.equal((await site(TOUR_SITES[0]!.id)).score?.exact, '82');

      json(await t.call('organiser', { method: 'PATCH', url: `/api/tours/${plan.tourId}`, payload: { reviewGroupId: 'g-review' } }), 200);
      assert.deepEqual(events.at(-1), { sessionId: TOUR_SESSION, revised: true });
      // Observers' mean 82 (weight 1) and the review's 91 (weight 0.5): (82 + 0.5 × 91) / 1.5 = 85.
      assert.equal((await site(TOUR_SITES[0]!.id)).score?.exact, '85');
      // Every site of the county gets the review's score: a site no observer scored is the review's alone.
      assert.equal((await site(TOUR_SITES[3]!.id)).score?.exact, '91');
      assert.equal((await results()).sessions.find((s) => s.sessionId === TOUR_SESSION)!.returned, 2, 'a review is no sheet of the session');
      json(await review('u-k1', null), 200);
      assert.equal((await site(TOUR_SITES[3]!.id)).score, null);
      json(await review('u-k1', '91'), 200);
    });

    it('refuses a review of a county not on the tour, a comment on another county’s site, a score off the scale', async () => {
      assert.equal(json<{ error: { code: string } }>(await t.call('organiser', { method: 'PUT', url: `/api/tours/${plan.tourId}/reviews/u-city`, payload: { heldOn: '2022-06-06', place: '', attendees: [], siteComments: [], remarks: '', score: null } }), 404).error.code, 'not_found');
      const bad = (payload: object) => t.call('organiser', { method: 'PUT', url: `/api/tours/${plan.tourId}/reviews/u-k2`, payload: { heldOn: '2022-06-07', place: '', attendees: [], siteComments: [], remarks: '', score: null, ...payload } });
      for (const [name, payload] of [
        ['another county’s site', { siteComments: [{ subjectId: TOUR_SITES[0]!.id, comment: 'x' }] }],
        ['a score over 100', { score: '100.5' }],
        ['a score off the step', { score: '90.25' }],
        ['a score that is not a number', { score: '九十' }],
        ['an impossible date', { heldOn: '2022-06-31' }],
        ['attendees not a list', { attendees: '全体' }],
      ] as const) {
        assert.equal(json<{ error: { code: string } }>(await bad(payload), 400).error.code, 'invalid_request', name);
      }
      const listed = json<{ reviews: { unitId: string; held: boolean }[] }>(await t.call('organiser', { method: 'GET', url: `/api/tours/${plan.tourId}/reviews` }), 200);
      assert.equal(listed.reviews.find((r) => r.unitId === 'u-k2')!.held, false);
    });

    it('exports every revision in the bundle; the verifier recomputes the same results, and names a tampered sheet', async () => {
      const exported = JSON.parse((await t.call('organiser', { method: 'GET', url: `/api/campaigns/${TOUR_CAMPAIGN}/export` })).body) as ExportedBundle;
      assert.equal(exported.version, 3);
      assert.equal(exported.tours.length, 1);
      assert.deepEqual(exported.tours[0]!.sheets.map((s) => s.revision), [1, 1, 1, 2]);
      assert.ok(!JSON.stringify(exported.tours).includes('seq'));
      const server = await results();
      const bundle = parseBundle(exported);
      const output = tallyBundle(bundle);
      assert.deepEqual(JSON.parse(JSON.stringify(output.results)).instruments, JSON.parse(JSON.stringify(server)).instruments);
      const verdict = verifyBundle(bundle, output);
      assert.equal(verdict.ok, true, verdict.lines.join('\n'));

      const good = join(dir, 'bundle.json');
      await writeFile(good, JSON.stringify(exported));
      const { stderr } = await run(process.execPath, [BIN, 'tally', good, '--verify']);
      assert.match(stderr, /重新计算结果与服务器结果完全一致/);

      // The counting revision of one sheet changed after export: the recomputation differs, exit code 2.
      const tampered = structuredClone(exported);
      const latest = tampered.tours[0]!.sheets.find((s) => s.revision === 2)!;
      latest.rating = { ...latest.rating, score: '60' };
      const bad = join(dir, 'tampered.json');
      await writeFile(bad, JSON.stringify(tampered));
      await assert.rejects(run(process.execPath, [BIN, 'tally', bad, '--verify']), (e: { code?: number; stderr?: string }) => {
        assert.equal(e.code, 2);
        assert.match(e.stderr ?? '', /重新计算结果与服务器结果不一致/);
        return true;
      });
    });
  });
}
