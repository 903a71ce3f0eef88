import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { loadDemo } from '../../src/app/demo/load-demo.js';
import { RESULT_SHEETS } from '../../src/http/pages/results-xlsx.js';
import { dialects } from '../helpers/db.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';

const DEMO = 'jincheng-2022-06';

/** Text of a PDF, page by page, read back with pdf.js (an independent reader, no system tools needed). */
async function pdfText(pdf: Buffer): Promise<string> {
  const doc = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false, verbosity: 0 }).promise;
  let text = '';
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    text += content.items.map((item) => ('str' in item ? item.str : '')).join('') + '\n';
  }
  await doc.destroy();
  return text;
}

const cellText = (v: ExcelJS.CellValue): string => (v === null || v === undefined ? '' : String(v));

for (const kind of dialects()) {
  describe(`results exports (${kind})`, () => {
    let t: TestApp;
    let results: {
      name: string;
      ballots: { valid: number; invalid: number };
      sessions: { name: string; validBallots: number; invalidBallots: number; returned: number }[];
      rankings: { name: string; rows: { rank: number; name: string; total: { display: string; exact: string }; tierLabel: string | null; tierTie: boolean; components: { score: { display: string } | null }[] }[] }[];
    };
    let bundle: { definition: { raterGroups: { id: string; mode: string }[] }; ballots: { raterGroupId: string; raterName: string | null; ratings: unknown[] }[] };
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

    it('exports an xlsx whose ranking, components, counts and raw ballots match the results', async () => {
      const res = await t.call('organiser', { method: 'GET', url: `/api/campaigns/${DEMO}/export.xlsx` });
      assert.equal(res.statusCode, 200, res.body);
      assert.match(res.headers['content-disposition'] as string, /filename\*=UTF-8''/);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      assert.deepEqual(wb.worksheets.map((s) => s.name), Object.values(RESULT_SHEETS));

      const rows = (name: string): ExcelJS.CellValue[][] => {
        const out: ExcelJS.CellValue[][] = [];
        wb.getWorksheet(name)!.eachRow({ includeEmpty: true }, (row) => out.push((row.values as ExcelJS.CellValue[]).slice(1)));
        return out;
      };
      const ranking = rows(RESULT_SHEETS.ranking);
      for (const rk of results.rankings) {
        const at = ranking.findIndex((r) => cellText(r[0]) === rk.name);
        assert.ok(at >= 0, rk.name);
        rk.rows.forEach((row, i) => {
          const cells = ranking[at + 2 + i]!;
          assert.deepEqual(
            [cells[0], cells[1], cells[2], cellText(cells[3]), cellText(cells[4]), cells[5]],
            [row.rank, row.name, Number(row.total.display), row.tierLabel ?? '', row.tierTie ? '是' : '', row.total.exact],
          );
        });
      }
      const components = rows(RESULT_SHEETS.components);
      const county = results.rankings[0]!;
      const at = components.findIndex((r) => cellText(r[0]) === county.name);
      county.rows.forEach((row, i) => {
        const cells = components[at + 2 + i]!;
        assert.equal(cells[1], row.name);
        row.components.forEach((c, j) => { assert.equal(cells[2 + j], c.score === null ? '' : Number(c.score.display)); });
      });
      const counts = rows(RESULT_SHEETS.count);
      results.sessions.forEach((s, i) => {
        const cells = counts[1 + i]!;
        assert.deepEqual([cells[0], cells[5], cells[6], cells[7]], [s.name, s.returned, s.validBallots, s.invalidBallots]);
      });

      const raw = rows(RESULT_SHEETS.raw);
      const ratings = bundle.ballots.reduce((n, b) => n + b.ratings.length, 0);
      assert.equal(raw.length - 1, ratings);
      const anonymous = new Set(bundle.definition.raterGroups.filter((g) => g.mode === 'anonymous').map((g) => g.id));
      const names = new Set(bundle.ballots.filter((b) => anonymous.has(b.raterGroupId) && b.raterName).map((b) => b.raterName!));
      const signers = new Set(raw.slice(1).map((r) => cellText(r[8])).filter(Boolean));
      for (const name of names) assert.ok(!signers.has(name), `anonymous rater ${name} appears`);
      const signed = bundle.ballots.filter((b) => !anonymous.has(b.raterGroupId) && b.raterName).length;
      if (signed > 0) assert.ok(signers.size > 0, 'named groups keep their signer');
    });

    it('renders a PDF report whose text carries the title, the Chinese unit names and the method', async () => {
      const res = await t.call('organiser', { method: 'GET', url: `/api/campaigns/${DEMO}/report.pdf` });
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.headers['content-type'], 'application/pdf');
      const text = (await pdfText(res.rawPayload)).replace(/\s+/g, '');
      assert.ok(text.includes('测评结果报告'));
      assert.ok(text.includes(results.name.replace(/\s+/g, '')), results.name);
      for (const row of results.rankings[0]!.rows) assert.ok(text.includes(row.name), row.name);
      assert.ok(text.includes('计分方法说明'));
      assert.ok(text.includes('去掉最高') || text.includes('算术平均') || text.includes('中位数'));
    });
  });
}
