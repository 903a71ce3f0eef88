import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import QRCode from 'qrcode';
import type { CampaignSetup } from '../../src/contracts/api.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { dialects } from '../helpers/db.js';
import { CITY, COUNTIES, ratings, setup } from './fixtures.js';

/** The fixture with the report rated by the office (anonymous) and a second, after-close instrument. */
function roomSetup(): CampaignSetup {
  return setup();
}

const paper = (sheetNumber: string, good: number, extra: object = {}) => ({ sheetNumber, raterGroupId: 'g-office', ballots: [{ instrumentId: 'i-report', ratings: ratings(good) }], ...extra });

for (const kind of dialects()) {
  describe(`the clerk's office side of a session (${kind})`, () => {
    let t: TestApp;
    let sessionId = '';
    const url = (path: string) => `/api/sessions/${sessionId}${path}`;

    before(async () => {
      t = await buildTestApp(kind);
      assert.equal((await t.call('organiser', { method: 'POST', url: '/api/units', payload: { units: [CITY, ...COUNTIES] } })).statusCode, 201);
      assert.equal((await t.call('organiser', { method: 'POST', url: '/api/campaigns', payload: roomSetup() })).statusCode, 201);
      const session = await t.call('organiser', { method: 'POST', url: '/api/campaigns/camp1/sessions', payload: { name: '汇报点评会', instrumentIds: ['i-report'], expected: { 'g-office': 6 }, paperIssued: { 'g-office': 4 } } });
      assert.equal(session.statusCode, 201, session.body);
      sessionId = session.json().id;
      assert.equal((await t.call('organiser', { method: 'POST', url: url('/open') })).statusCode, 200);
    });
    after(() => t.close());

    it('explains a session without quorum in zh and en', async () => {
      const res = await t.call('clerk', { method: 'GET', url: url('') });
      assert.equal(res.statusCode, 200, res.body);
      const body = res.json();
      assert.equal(body.counts.issued, 4);
      assert.equal(body.counts.returned, 0);
      assert.equal(body.verdict.status, 'no-quorum');
      assert.deepEqual(body.verdict.quorum, { met: false, present: 0, expected: 6, needed: 4, presentFromReturned: true });
      assert.match(body.verdict.explanation.zh, /未达到法定人数.*至少 4 人/);
      assert.match(body.verdict.explanation.en, /No quorum/);
    });

    it('serves the paper form with subjects, keys and concrete quota counts', async () => {
      const res = await t.call('clerk', { method: 'GET', url: url('/paper-form') });
      assert.equal(res.statusCode, 200, res.body);
      const form = res.json();
      assert.equal(form.session.campaignName, '测试活动');
      assert.deepEqual(form.groups.map((g: { groupId: string }) => g.groupId), ['g-office']);
      const it0 = form.groups[0].instruments[0];
      assert.equal(it0.keyboardEntry, true);
      assert.equal(it0.subjects.length, 7);
      assert.deepEqual(it0.grades.map((g: { label: string }) => g.label), ['好', '较好', '一般', '差']);
      assert.deepEqual(it0.rules.map((r: { allowed: number }) => r.allowed), [2, 2]);
      assert.match(it0.rules[0].forBallot.zh, /最多 2 个/);
    });

    it('stores a rule-breaking paper sheet as 无效票 and returns it by its number', async () => {
      const key = (await t.call('organiser', { method: 'POST', url: url('/screen-keys') })).json().key;
      const screen = async () => (await t.call(null, { method: 'GET', url: url(`/screen?key=${key}`) })).json();
      for (const [n, good] of [['P-001', 2], ['P-002', 1], ['P-003', 3], ['P-004', 0]] as const) {
        const res = await t.call('clerk', { method: 'POST', url: url('/paper-ballots'), payload: paper(n, good) });
        assert.equal(res.statusCode, 201, res.body);
        if (n === 'P-001') {
          // One valid ballot: a live screen must not show scores or an order that is that one rater's ratings.
          const one = await screen();
          assert.ok(one.instruments[0].subjects.every((s: { score: string | null; hiddenForAnonymity: boolean }) => s.score === null && s.hiddenForAnonymity));
          assert.deepEqual(one.rankings.map((r: { hiddenForAnonymity: boolean; rows: unknown[] }) => [r.hiddenForAnonymity, r.rows.length]), [[true, 0]]);
        }
      }
      const three = await screen();
      assert.equal(three.rankings[0].hiddenForAnonymity, false);
      assert.equal(three.rankings[0].rows.length, 7);
      const stored = await t.call('clerk', { method: 'GET', url: url('/paper-ballots/P-003') });
      assert.equal(stored.statusCode, 200, stored.body);
      assert.equal(stored.json().valid, false);
      assert.equal(stored.json().ballots[0].problems[0].code, 'quota_exceeded');
      assert.equal(stored.json().ballots[0].ratings.length, 7);
      const missing = await t.call('clerk', { method: 'GET', url: url('/paper-ballots/P-999') });
      assert.equal(missing.statusCode, 404);
      assert.match(missing.json().error.message.zh, /尚未录入/);
    });

    it('double entry: a second clerk’s matching entry verifies, a different one lists each mismatch and stores nothing', async () => {
      const same = await t.call('clerk', { method: 'POST', url: url('/paper-verifications'), payload: paper('P-001', 2) });
      assert.equal(same.statusCode, 200, same.body);
      assert.deepEqual(same.json(), { sheetNumber: 'P-001', matches: true, mismatches: [] });
      const differs = await t.call('clerk', { method: 'POST', url: url('/paper-verifications'), payload: paper('P-001', 3) });
      assert.equal(differs.statusCode, 200);
      assert.equal(differs.json().matches, false);
      assert.deepEqual(differs.json().mismatches, [{ field: 'rating', instrumentId: 'i-report', subjectId: 's-k3', label: '汇报评 · 西县', stored: '较好', entered: '好' }]);
      const unknown = await t.call('clerk', { method: 'POST', url: url('/paper-verifications'), payload: paper('P-404', 2) });
      assert.equal(unknown.statusCode, 404);
      const session = (await t.call('clerk', { method: 'GET', url: url('') })).json();
      assert.equal(session.counts.returned, 4);
      assert.equal(session.verdict.status, 'valid');
      assert.match(session.verdict.explanation.zh, /^有效/);
    });

    it('reports the tally as JSON with counts, grade counts, scores and invalid ballots with reasons', async () => {
      const res = await t.call('clerk', { method: 'GET', url: url('/tally-report') });
      assert.equal(res.statusCode, 200, res.body);
      const r = res.json();
      assert.deepEqual(r.counts, { expected: 6, issued: 4, returned: 4, present: 4, validBallots: 3, invalidBallots: 1, sheetsWithInvalid: 1, abstentions: 0 });
      assert.equal(r.verdict.status, 'valid');
      assert.deepEqual(r.groups, [{ groupId: 'g-office', name: '办公室', expected: 6, issued: 4, returned: 4 }]);
      const k1 = r.instruments[0].subjects[0];
      // Valid sheets: P-001 (k1,k2 好), P-002 (k1 好), P-004 (none): k1 = 2×好 + 1×较好 → (100+100+85)/3 = 95.
      assert.deepEqual(k1.gradeCounts, [2, 1, 0, 0]);
      assert.equal(k1.score, '95.00');
      assert.deepEqual(r.invalidBallots.map((b: { sheetNumber: string }) => b.sheetNumber), ['P-003']);
      assert.match(r.invalidBallots[0].reasons[0].zh, /好/);
    });

    it('prints the tally report with its signature block', async () => {
      const res = await t.call('clerk', { method: 'GET', url: url('/tally-report.html') });
      assert.equal(res.statusCode, 200);
      assert.match(res.headers['content-type'] as string, /text\/html/);
      assert.match(res.body, /计票人（签字）/);
      assert.match(res.body, /监票人（签字）/);
      assert.match(res.body, /@page/);
      assert.match(res.body, /P-003/);
    });

    it('exports the tally report as xlsx whose sheets read back to the JSON', async () => {
      const json = (await t.call('clerk', { method: 'GET', url: url('/tally-report') })).json();
      const res = await t.call('clerk', { method: 'GET', url: url('/tally-report.xlsx') });
      assert.equal(res.statusCode, 200);
      assert.match(res.headers['content-disposition'] as string, /filename\*=UTF-8''/);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      assert.deepEqual(wb.worksheets.map((w) => w.name), ['计票汇总', '对象得分', '无效票']);
      const summary = new Map<string, unknown>();
      wb.getWorksheet('计票汇总')!.eachRow((row) => void summary.set(String(row.getCell(1).value), row.getCell(2).value));
      assert.equal(summary.get('测评会'), '汇报点评会');
      for (const [label, field] of [['发出（份）', 'issued'], ['收回（份）', 'returned'], ['含无效票（份）', 'sheetsWithInvalid'], ['有效票（张，按评价方式计）', 'validBallots'], ['无效票（张，按评价方式计）', 'invalidBallots'], ['弃权（项，按测评对象计）', 'abstentions']] as const) {
        assert.equal(summary.get(label), json.counts[field], label);
      }
      const rows: unknown[][] = [];
      wb.getWorksheet('对象得分')!.eachRow((row) => void rows.push((row.values as unknown[]).slice(1)));
      assert.deepEqual(rows[0], ['评价方式', '测评对象', '好', '较好', '一般', '差', '弃权（张）', '计分（张）', '得分']);
      const subjects = json.instruments[0].subjects as { name: string; gradeCounts: number[]; abstentions: number; valueCount: number; score: string }[];
      assert.deepEqual(rows.slice(1, 1 + subjects.length), subjects.map((s) => ['汇报评', s.name, ...s.gradeCounts, s.abstentions, s.valueCount, Number(s.score)]));
      const invalid: unknown[][] = [];
      wb.getWorksheet('无效票')!.eachRow((row, n) => void (n > 1 && invalid.push((row.values as unknown[]).slice(1))));
      assert.deepEqual(invalid, json.invalidBallots.map((b: { sheetNumber: string; instrumentName: string; reasons: { zh: string }[] }) => [b.sheetNumber, '纸质', b.instrumentName, b.reasons.map((m) => m.zh).join('；')]));
    });

    it('voids a session with more sheets back than issued once the clerk confirms, and says it must be rerun', async () => {
      const refused = await t.call('clerk', { method: 'POST', url: url('/paper-ballots'), payload: paper('P-005', 1) });
      assert.equal(refused.statusCode, 409, refused.body);
      assert.equal(refused.json().error.code, 'over_return');
      assert.equal((await t.call('organiser', { method: 'GET', url: url('') })).json().verdict.status, 'valid');
      const confirmed = await t.call('clerk', { method: 'POST', url: url('/paper-ballots'), payload: paper('P-005', 1, { confirmOverReturn: true }) });
      assert.equal(confirmed.statusCode, 201, confirmed.body);
      assert.deepEqual(confirmed.json().session, { issued: 4, returned: 5, overReturned: true });
      const body = (await t.call('organiser', { method: 'GET', url: url('') })).json();
      assert.equal(body.verdict.status, 'void');
      assert.deepEqual(body.verdict.overReturn, { void: true, issued: 4, returned: 5 });
      assert.match(body.verdict.explanation.zh, /目前无效：收回 5 份，多于发出的 4 份/);
      assert.match(body.verdict.nextStep.zh, /补记“纸质发出”份数.*结束本场并新建测评会重新测评/);
    });

    it('issues tokens as a printable A4 sheet whose QR links and codes redeem', async () => {
      const res = await t.call('clerk', { method: 'POST', url: url('/token-sheets'), payload: { raterGroupId: 'g-office', count: 12, origin: 'https://leitai.example.cn' } });
      assert.equal(res.statusCode, 201, res.body);
      assert.match(res.headers['content-type'] as string, /text\/html/);
      assert.equal(res.headers['cache-control'], 'no-store');
      const html = res.body;
      assert.equal(html.match(/<svg/g)?.length, 12);
      assert.equal(html.match(/<section class="page">/g)?.length, 2);
      assert.match(html, /size: A4/);
      assert.match(html, /测试活动/);
      assert.match(html, /办公室/);
      const links = [...html.matchAll(/https:\/\/leitai\.example\.cn\/r\/([A-Za-z0-9_-]{22})/g)].map((m) => m[1]!);
      const codes = [...html.matchAll(/<div class="code">([0-9A-Z]{5}-[0-9A-Z]{5})<\/div>/g)].map((m) => m[1]!);
      assert.equal(codes.length, 12);
      assert.equal(links.length, 12);
      // Each slip's QR code is the SVG of exactly its link.
      const firstSvg = /<a class="qr" href="[^"]+">(<svg[\s\S]*?<\/svg>)/.exec(html)![1]!;
      assert.equal(firstSvg.trim(), (await QRCode.toString(`https://leitai.example.cn/r/${links[0]}`, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 })).trim());
      const session = (await t.call('clerk', { method: 'GET', url: url('') })).json();
      assert.equal(session.counts.issued, 16);
      const byLink = await t.call(null, { method: 'POST', url: '/api/ballots', payload: { token: links[0], ballots: [{ instrumentId: 'i-report', ratings: ratings(1) }] } });
      assert.equal(byLink.statusCode, 201, byLink.body);
      const byCode = await t.call(null, { method: 'POST', url: '/api/ballots', payload: { code: codes[1], ballots: [{ instrumentId: 'i-report', ratings: ratings(1) }] } });
      assert.equal(byCode.statusCode, 201, byCode.body);
    });

    it('refuses token sheets to callers without a counting role and for a closed session', async () => {
      assert.equal((await t.call(null, { method: 'POST', url: url('/token-sheets'), payload: { raterGroupId: 'g-office', count: 1 } })).statusCode, 401);
      const bad = await t.call('clerk', { method: 'POST', url: url('/token-sheets'), payload: { raterGroupId: 'g-office', count: 1, origin: 'javascript:alert(1)' } });
      assert.equal(bad.statusCode, 400);
      assert.equal((await t.call('organiser', { method: 'POST', url: url('/close') })).statusCode, 200);
      const closed = await t.call('clerk', { method: 'POST', url: url('/token-sheets'), payload: { raterGroupId: 'g-office', count: 1 } });
      assert.equal(closed.statusCode, 409);
    });

    it('refuses every new counting route without a token', async () => {
      for (const [method, path] of [['GET', '/paper-form'], ['GET', '/paper-ballots/P-001'], ['POST', '/paper-verifications'], ['GET', '/tally-report'], ['GET', '/tally-report.html'], ['GET', '/tally-report.xlsx']] as const) {
        const res = await t.call(null, { method, url: url(path), payload: method === 'POST' ? paper('P-001', 1) : undefined });
        assert.equal(res.statusCode, 401, `${method} ${path}`);
      }
    });
  });
}
