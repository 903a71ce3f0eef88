import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { loadDemo } from '../../src/app/demo/load-demo.js';
import { RESULT_SHEETS } from '../../src/http/pages/results-xlsx.js';
import { titleSegments } from '../../src/http/pages/title-breaks.js';
import { dialects } from '../helpers/db.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';

const DEMO = 'jincheng-2022-06';

interface PdfItem {
  str: string;
  x: number;
  /** From the top of the page. */
  y: number;
  size: number;
}

/** A PDF's text items, page by page, read back with pdf.js (an independent reader, no system tools needed). */
async function pdfPages(pdf: Buffer): Promise<{ height: number; items: PdfItem[] }[]> {
  const doc = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false, verbosity: 0 }).promise;
  const pages: { height: number; items: PdfItem[] }[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const height = page.getViewport({ scale: 1 }).height;
    const content = await page.getTextContent();
    const items = content.items.flatMap((item) =>
      'str' in item && item.str.trim() ? [{ str: item.str, x: item.transform[4] as number, y: height - (item.transform[5] as number), size: Math.abs(item.transform[3] as number) }] : [],
    );
    pages.push({ height, items });
  }
  await doc.destroy();
  return pages;
}

const pageText = (page: { items: PdfItem[] }): string => page.items.map((i) => i.str).join('').replace(/\s+/g, '');

const cellText = (v: ExcelJS.CellValue): string => (v === null || v === undefined ? '' : String(v));

function rows(wb: ExcelJS.Workbook, name: string): ExcelJS.CellValue[][] {
  const out: ExcelJS.CellValue[][] = [];
  wb.getWorksheet(name)!.eachRow({ includeEmpty: true }, (row) => out.push((row.values as ExcelJS.CellValue[]).slice(1)));
  return out;
}

for (const kind of dialects()) {
  describe(`results exports (${kind})`, () => {
    let t: TestApp;
    let results: {
      name: string;
      ballots: { valid: number; invalid: number };
      sessions: { name: string; validBallots: number; invalidBallots: number; returned: number }[];
      rankings: { rankingId: string; name: string; rows: { rank: number; name: string; total: { display: string; exact: string }; adjustments: { display: string }; tierLabel: string | null; tierTie: boolean; components: { name: string; weight: { display: string }; score: { display: string } | null }[] }[] }[];
    };
    let bundle: {
      definition: { raterGroups: { id: string; mode: string }[]; instruments: { id: string; kind: string }[] };
      ballots: { id: string; instrumentId: string; raterGroupId: string; raterName: string | null; ratings: { adjustments?: { points: string; reason: string }[] }[] }[];
    };
    const workbook = async (url: string): Promise<ExcelJS.Workbook> => {
      const res = await t.call('organiser', { method: 'GET', url });
      assert.equal(res.statusCode, 200, res.body);
      assert.match(res.headers['content-disposition'] as string, /filename\*=UTF-8''/);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      return wb;
    };
    before(async () => {
      t = await buildTestApp(kind);
      await loadDemo(t.ctx).catch(() => null);
      results = (await t.call('organiser', { method: 'GET', url: `/api/campaigns/${DEMO}/results` })).json();
      bundle = (await t.call('organiser', { method: 'GET', url: `/api/campaigns/${DEMO}/export` })).json();
    });
    after(() => t.close());

    it('keeps the exports from clerks and viewers', async () => {
      for (const url of [`/api/campaigns/${DEMO}/export.xlsx`, `/api/campaigns/${DEMO}/report.pdf`]) {
        assert.equal((await t.call('clerk', { method: 'GET', url })).statusCode, 403);
        assert.equal((await t.call(null, { method: 'GET', url })).statusCode, 401);
      }
    });

    it('exports an xlsx: 说明, one sheet per ranking with each form, counts, raw ballots and adjustments apart', async () => {
      const wb = await workbook(`/api/campaigns/${DEMO}/export.xlsx`);
      const rankingSheets = results.rankings.map((r) => r.name);
      assert.deepEqual(wb.worksheets.map((s) => s.name), [RESULT_SHEETS.about, ...rankingSheets, RESULT_SHEETS.count, RESULT_SHEETS.raw, RESULT_SHEETS.adjustments]);

      for (const rk of results.rankings) {
        const sheet = rows(wb, rk.name);
        assert.deepEqual(sheet[0], ['名次', '单位', ...rk.rows[0]!.components.map((c) => `${c.name}（${c.weight.display}%）`), ...(rk.rankingId === 'r-county' ? ['加减分'] : []), '总分', '等次', '说明']);
        rk.rows.forEach((row, i) => {
          const cells = sheet[1 + i]!;
          const scores = row.components.map((c) => (c.score === null ? '' : Number(c.score.display)));
          const adjustments = rk.rankingId === 'r-county' ? [Number(row.adjustments.display)] : [];
          const expected = [row.rank, row.name, ...scores, ...adjustments, Number(row.total.display), row.tierLabel ?? ''];
          assert.deepEqual(cells.slice(0, expected.length), expected);
        });
        assert.equal(sheet.length, 1 + rk.rows.length);
      }
      const county = rows(wb, results.rankings[0]!.name);
      const remark = (sheet: ExcelJS.CellValue[][], name: string): string => cellText(sheet.find((r) => r[1] === name)![sheet[0]!.length - 1]);
      assert.match(remark(county, '高平市'), /^加分 1：高平市“领题破题”经验被省委组织部专刊推广$/);
      assert.match(remark(county, '沁水县'), /^减分 0\.5：沁水县村级组织活动场所提升改造任务逾期未完成$/);
      assert.equal(remark(county, '城区'), '');
      const townships = rows(wb, results.rankings[1]!.name);
      for (const name of ['神农镇', '石末乡']) assert.match(remark(townships, name), /名次按未四舍五入的总分排定/);

      const counts = rows(wb, RESULT_SHEETS.count);
      results.sessions.forEach((s, i) => {
        const cells = counts[1 + i]!;
        assert.deepEqual([cells[0], cells[5], cells[6], cells[7]], [s.name, s.returned, s.validBallots, s.invalidBallots]);
      });

      const adjusting = new Set(bundle.definition.instruments.filter((i) => i.kind === 'adjustments').map((i) => i.id));
      const raw = rows(wb, RESULT_SHEETS.raw);
      const ratings = bundle.ballots.filter((b) => !adjusting.has(b.instrumentId)).reduce((n, b) => n + b.ratings.length, 0);
      assert.equal(raw.length - 1, ratings, 'one row per rating; an adjustments instrument only on 加减分');
      const anonymous = new Set(bundle.definition.raterGroups.filter((g) => g.mode === 'anonymous').map((g) => g.id));
      const names = new Set(bundle.ballots.filter((b) => anonymous.has(b.raterGroupId) && b.raterName).map((b) => b.raterName!));
      const signers = new Set(raw.slice(1).map((r) => cellText(r[8])).filter(Boolean));
      for (const name of names) assert.ok(!signers.has(name), `anonymous rater ${name} appears`);
      const signed = bundle.ballots.filter((b) => !anonymous.has(b.raterGroupId) && b.raterName).length;
      if (signed > 0) assert.ok(signers.size > 0, 'named groups keep their signer');

      const adjustments = rows(wb, RESULT_SHEETS.adjustments);
      assert.deepEqual(adjustments[0], ['选票编号', '评价方式', '测评组', '测评会', '方式', '测评对象', '加减分项', '加/减', '分值', '理由', '署名（实名组）', '无效原因']);
      const cast = bundle.ballots.flatMap((b) => b.ratings.flatMap((r) => (r.adjustments ?? []).map((a) => ({ ballotId: b.id, ...a }))));
      assert.ok(cast.length > 10, 'the demo has adjustments on 观摩评 and campaign adjustments');
      assert.equal(adjustments.length - 1, cast.length);
      for (const a of cast) {
        // The workbook names ballots for itself (kernel/export-names.ts), as the bundle does: rows pair by what was cast.
        const row = adjustments.find((r) => r[9] === a.reason && Math.abs(r[8] as number) === Number(a.points));
        assert.ok(row, a.reason);
        assert.equal(Math.abs(row[8] as number), Number(a.points));
        assert.equal(row[8] as number < 0, row[7] === '减分');
      }
      const reasons = new Set(cast.map((a) => a.reason));
      for (const r of raw.slice(1)) assert.ok(!reasons.has(cellText(r[6])) && ![...reasons].some((reason) => cellText(r[6]).includes(reason)), 'no reason among the ratings');
    });

    it('keeps the office sheets to displayed values: no exact-fraction column or cell', async () => {
      const wb = await workbook(`/api/campaigns/${DEMO}/export.xlsx`);
      for (const sheet of wb.worksheets) {
        sheet.eachRow((row, n) => {
          for (const v of (row.values as ExcelJS.CellValue[]).slice(1)) {
            assert.doesNotMatch(cellText(v), /^-?\d+\/\d+$/, `${sheet.name}: ${cellText(v)}`);
            if (n === 1 && sheet.name !== RESULT_SHEETS.about) assert.doesNotMatch(cellText(v), /精确/, `${sheet.name}: ${cellText(v)}`);
          }
        });
      }
    });

    it('freezes every table’s header row (and the unit’s name on rankings)', async () => {
      const wb = await workbook(`/api/campaigns/${DEMO}/export.xlsx`);
      for (const sheet of wb.worksheets.slice(1)) {
        const view = sheet.views[0] as { state?: string; ySplit?: number; xSplit?: number } | undefined;
        assert.equal(view?.state, 'frozen', sheet.name);
        assert.equal(view?.ySplit, 1, sheet.name);
        const ranking = results.rankings.some((r) => r.name === sheet.name);
        assert.equal(view?.xSplit ?? 0, ranking ? 2 : sheet.name === RESULT_SHEETS.count ? 1 : 0, sheet.name);
      }
    });

    it('dates the workbook in China Standard Time, in Chinese format', async () => {
      const wb = await workbook(`/api/campaigns/${DEMO}/export.xlsx`);
      const about = wb.getWorksheet(RESULT_SHEETS.about)!;
      const generated = about.getRow(2);
      assert.equal(generated.getCell(1).value, '生成时间');
      const value = generated.getCell(2).value;
      assert.ok(value instanceof Date, String(value));
      // The test clock runs from 2026-06-15 08:00 UTC: 16:00 in Beijing.
      assert.deepEqual([value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate(), value.getUTCHours()], [2026, 6, 15, 16]);
      assert.equal(generated.getCell(2).numFmt, 'yyyy"年"m"月"d"日" hh:mm');
    });

    it('dates a session’s tally report in China Standard Time, and freezes its tables’ headers', async () => {
      const sessions = (await t.call('organiser', { method: 'GET', url: `/api/campaigns/${DEMO}/sessions` })).json();
      const tour = (sessions.sessions ?? sessions).find((s: { id: string }) => s.id === 'sess-tour');
      const wb = await workbook(`/api/sessions/${tour.id}/tally-report.xlsx`);
      const summary = new Map<string, ExcelJS.Cell>();
      wb.getWorksheet('计票汇总')!.eachRow((row) => void summary.set(String(row.getCell(1).value), row.getCell(2)));
      // Opened 2022-06-06 09:00 and closed 2022-06-10 18:00, Beijing time.
      for (const [label, expected] of [['开始时间', [2022, 6, 6, 9]], ['结束时间', [2022, 6, 10, 18]]] as const) {
        const cell = summary.get(label)!;
        assert.ok(cell.value instanceof Date, label);
        const d = cell.value;
        assert.deepEqual([d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours()], expected, label);
        assert.equal(cell.numFmt, 'yyyy"年"m"月"d"日" hh:mm');
      }
      for (const name of ['对象得分', '无效票']) {
        const view = wb.getWorksheet(name)!.views[0] as { state?: string; ySplit?: number };
        assert.deepEqual([view.state, view.ySplit], ['frozen', 1], name);
      }
    });

    let pages: { height: number; items: PdfItem[] }[];

    it('renders a PDF report whose text carries the title, the Chinese unit names and the method', async () => {
      const res = await t.call('organiser', { method: 'GET', url: `/api/campaigns/${DEMO}/report.pdf` });
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.headers['content-type'], 'application/pdf');
      pages = await pdfPages(res.rawPayload);
      const text = pages.map(pageText).join('');
      assert.ok(text.includes('测评结果报告'));
      assert.ok(text.includes(results.name.replace(/\s+/g, '')), results.name);
      for (const row of results.rankings[0]!.rows) assert.ok(text.includes(row.name), row.name);
      assert.ok(text.includes('计分方法说明'));
      assert.ok(text.includes('去掉最高') || text.includes('算术平均') || text.includes('中位数'));
      assert.doesNotMatch(text, new RegExp(DEMO), 'no campaign id on any page');
    });

    it('prints every form’s score, 加减分, total and tier on each ranking row', async () => {
      for (const rk of results.rankings) {
        for (const row of rk.rows) {
          const page = pages.find((p) => p.items.some((i) => i.str === row.name && i.x < 150));
          assert.ok(page, row.name);
          const name = page.items.find((i) => i.str === row.name && i.x < 150)!;
          // The cells of a row share its top line; left to right they read as the table's columns.
          const line = page.items.filter((i) => Math.abs(i.y - name.y) < 2).sort((a, b) => a.x - b.x).map((i) => i.str);
          const scores = row.components.map((c) => c.score?.display ?? '—');
          const adjustments = rk.rankingId === 'r-county' ? [row.adjustments.display === '0.00' ? '—' : row.adjustments.display] : [];
          assert.deepEqual(line.slice(0, 2 + scores.length + adjustments.length + 2), [String(row.rank), row.name, ...scores, ...adjustments, row.total.display, row.tierLabel ?? '—'], row.name);
        }
        const header = pageText(pages.find((p) => pageText(p).includes(rk.rows[0]!.name))!);
        for (const c of rk.rows[0]!.components) assert.ok(header.includes(`${c.name}${Number(c.weight.display)}%`), c.name);
      }
    });

    it('fills the 说明 column: adjustment reasons, and why equal shown totals rank apart', async () => {
      const text = pages.map(pageText).join('');
      assert.ok(text.includes('说明'));
      assert.ok(text.includes('加分1：高平市“领题破题”经验被省委组织部专刊推广'));
      assert.ok(text.includes('加分0.5：阳城县承担全省党建引领网格治理试点任务'));
      assert.ok(text.includes('减分0.5：沁水县村级组织活动场所提升改造任务逾期未完成'));
      assert.equal(text.split('总分显示与相邻单位相同，名次按未四舍五入的总分排定').length - 1, 2, '神农镇 and 石末乡');
    });

    it('sets titles whole and leaves no page near-empty', async () => {
      const title = pages[0]!.items.filter((i) => i.size >= 20).map((i) => i.str);
      const segments = titleSegments(results.name);
      let at = 0;
      for (const line of title.slice(0, -1)) {
        // Every title line ends where a segment ends.
        let joined = '';
        while (joined.length < line.length && at < segments.length) joined += segments[at++];
        assert.equal(joined.trim(), line.trim(), `"${line}" breaks inside a word`);
      }
      for (const [i, page] of pages.entries()) {
        const lowest = Math.max(...page.items.map((item) => item.y));
        assert.ok(lowest > page.height * 0.35, `page ${i + 1} is used only to ${Math.round((lowest / page.height) * 100)}%`);
      }
    });
  });
}
