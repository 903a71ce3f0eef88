import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { dialects } from '../helpers/db.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';

async function workbook(rows: (string | number)[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('单位');
  sheet.addRow(['代码', '名称', '层级', '上级代码']);
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await book.xlsx.writeBuffer());
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

for (const kind of dialects()) {
  describe(`importing units over the API (${kind})`, () => {
    let t: TestApp;
    before(async () => {
      t = await buildTestApp(kind);
    });
    after(() => t.close());

    const upload = (body: Buffer, query: string) =>
      t.call('organiser', { method: 'POST', url: `/api/units/import?${query}`, body, headers: { 'content-type': XLSX } });

    it('refuses a file with one bad row, naming its row, and stores nothing', async () => {
      const file = await workbook([
        ['1405', '晋城市', '市', ''],
        ['140502', '城区', '区', '1405'],
        ['140521', '沁水县', '县', '9999'],
      ]);
      const res = await upload(file, 'filename=units.xlsx');
      assert.equal(res.statusCode, 422, res.body);
      const body = res.json();
      assert.equal(body.error.code, 'invalid_units');
      assert.ok(body.error.details.some((d: { row: number }) => d.row === 4), res.body);
      const units = await t.call('organiser', { method: 'GET', url: '/api/units' });
      assert.deepEqual(units.json(), []);
    });

    it('previews a good file without storing, then imports it', async () => {
      const file = await workbook([
        ['1405', '晋城市', '市', ''],
        ['140502', '城区', '区', '1405'],
        ['140502001', '北街街道', '街道', '140502'],
      ]);
      const preview = await upload(file, 'filename=units.xlsx&dryRun=true');
      assert.equal(preview.statusCode, 200, preview.body);
      assert.equal(preview.json().units.length, 3);
      assert.deepEqual((await t.call('organiser', { method: 'GET', url: '/api/units' })).json(), []);
      const done = await upload(file, 'filename=units.xlsx');
      assert.equal(done.statusCode, 201, done.body);
      assert.equal(done.json().imported, 3);
      const roots = (await t.call('clerk', { method: 'GET', url: '/api/units' })).json();
      assert.deepEqual(roots.map((u: { name: string }) => u.name), ['晋城市']);
      const again = await upload(file, 'filename=units.xlsx');
      assert.equal(again.statusCode, 422);
    });

    it('imports townships whose county is already stored', async () => {
      const file = await workbook([
        ['140502002', '西街街道', '街道', '140502'],
        ['140502003', '东街街道', '街道', '140502'],
      ]);
      const res = await upload(file, 'filename=townships.xlsx');
      assert.equal(res.statusCode, 201, res.body);
      assert.equal(res.json().imported, 2);
    });

    it('serves the OpenAPI description of every route', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
      assert.equal(res.statusCode, 200);
      const doc = res.json();
      assert.ok(doc.paths['/api/ballots']?.post);
      assert.ok(doc.paths['/api/campaigns/{campaignId}/results']?.get);
    });
  });
}
