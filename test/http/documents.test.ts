/**
 * 文件上传 through the API on both engines: a real PDF is stored by its hash and served as an attachment with safe
 * headers to those who may read it; anything that is not pdf, docx, xlsx, jpg or png by content — an .exe renamed
 * .pdf, SVG, HTML, a macro document, a legacy .doc — is refused with a 4xx naming the problem, and so is an oversize
 * upload (413), each leaving no row and no file behind.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { InjectOptions } from 'fastify';
import { createAccount } from '../../src/app/accounts/create-account.js';
import type { Unit } from '../../src/domain/types.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { dialects } from '../helpers/db.js';
import { HTML, makeCfb, makeDocx, makeExe, makePdf, makeXlsx, multipart, storedFiles, SVG } from '../helpers/files.js';
import { CITY, COUNTIES } from './fixtures.js';

const TOWNS: Unit[] = [
  { id: 't1', code: '149901001', name: '南村镇', level: 'township', parentId: 'k1' },
  { id: 't2', code: '149902001', name: '东岭镇', level: 'township', parentId: 'k2' },
  { id: 't3', code: '149902002', name: '北岭乡', level: 'township', parentId: 'k2' },
];
const SEMINAR = '/api/training/classes/tc1/seminar';

for (const kind of dialects()) {
  describe(`documents (${kind})`, () => {
    let t: TestApp;
    let reports: Record<string, string> = {};
    const tokens: Record<string, string> = {};

    const as = (who: string, options: InjectOptions) =>
      t.app.inject({ ...options, headers: { ...(options.headers ?? {}), authorization: `Bearer ${tokens[who] ?? t.tokens[who as 'organiser']}` } });
    const upload = (who: string, unitId: string, name: string, bytes: Buffer) => {
      const body = multipart(name, bytes);
      return as(who, { method: 'POST', url: `${SEMINAR}/reports/${reports[unitId] ?? 'none'}/documents`, payload: body.payload, headers: body.headers });
    };
    const documentCount = async () => Number((await t.ctx.database.db.selectFrom('documents').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const snapshot = async () => ({ rows: await documentCount(), files: await storedFiles(t.filesDir) });

    before(async () => {
      t = await buildTestApp(kind);
      assert.equal((await t.call('organiser', { method: 'POST', url: '/api/units', payload: { units: [CITY, ...COUNTIES, ...TOWNS] } })).statusCode, 201);
      const created = await t.call('organiser', { method: 'POST', url: '/api/training/classes', payload: { id: 'tc1', name: '示范班', rootUnitId: 'c0', startsOn: '2026-06-15', endsOn: '2026-06-17' } });
      assert.equal(created.statusCode, 201, created.body);
      assert.equal((await t.call('organiser', { method: 'POST', url: `${SEMINAR}/reports`, payload: {} })).statusCode, 201);
      const board = (await t.call('organiser', { method: 'GET', url: `${SEMINAR}/reports` })).json();
      reports = Object.fromEntries(board.reports.map((r: { unitId: string; id: string }) => [r.unitId, r.id]));
      for (const [who, unitId] of [['town1', 't1'], ['town2', 't2'], ['town3', 't3'], ['county2', 'k2']] as const) {
        tokens[who] = (await createAccount(t.ctx, 'system', { username: who, displayName: `${who} 查看`, role: 'viewer', unitId })).accessToken;
      }
    });
    after(() => t.close());

    it('stores a real PDF by its hash and serves it back as an attachment with safe headers', async () => {
      const pdf = await makePdf();
      const res = await upload('town1', 't1', '南村镇 座谈会材料.pdf', pdf);
      assert.equal(res.statusCode, 201, res.body);
      const report = res.json();
      assert.equal(report.status, 'submitted');
      assert.equal(report.documents.length, 1);
      const doc = report.documents[0];
      assert.equal(doc.fileName, '南村镇 座谈会材料.pdf');
      assert.equal(doc.kind, 'pdf');
      assert.equal(doc.size, pdf.length);
      assert.equal(doc.uploaderName, 'town1 查看');
      const sha = createHash('sha256').update(pdf).digest('hex');
      assert.deepEqual((await storedFiles(t.filesDir)).map((f) => f.slice(-67)), [`${sha.slice(0, 2)}/${sha}`]);

      const got = await as('town1', { method: 'GET', url: `/api/documents/${doc.id}` });
      assert.equal(got.statusCode, 200);
      assert.deepEqual(got.rawPayload, pdf);
      assert.equal(got.headers['content-type'], 'application/pdf');
      assert.equal(got.headers['content-disposition'], `attachment; filename="___ _____.pdf"; filename*=UTF-8''${encodeURIComponent('南村镇 座谈会材料.pdf')}`);
      assert.equal(got.headers['x-content-type-options'], 'nosniff');
      assert.equal(got.headers['content-security-policy'], "default-src 'none'; sandbox");
      assert.equal(got.headers['cache-control'], 'private, no-store');
    });

    it('refuses what is not pdf, docx, xlsx, jpg or png by content, storing nothing', async () => {
      const before = await snapshot();
      const cases: [string, Buffer, RegExp][] = [
        ['通知.pdf', makeExe(), /只接受 PDF/],
        ['图.svg', SVG, /只接受 PDF/],
        ['页面.html', HTML, /只接受 PDF/],
        ['宏.docm', makeDocx('docm'), /含有宏/],
        ['藏宏.docx', makeDocx('hidden'), /含有宏/],
        ['旧版.doc', makeCfb(), /旧版 Office/],
        ['材料.docx', await makePdf(), /文件名「材料\.docx」是 \.docx 文件，但内容实为 PDF/],
      ];
      for (const [name, bytes, message] of cases) {
        const res = await upload('town2', 't2', name, bytes);
        assert.equal(res.statusCode, 415, `${name}: ${res.body}`);
        const error = res.json().error;
        assert.match(error.message.zh, message, name);
        assert.ok(error.message.en.length > 10);
      }
      assert.deepEqual(await snapshot(), before);
      const board = (await t.call('organiser', { method: 'GET', url: `${SEMINAR}/reports?unitId=t2` })).json();
      assert.equal(board.reports[0].status, 'missing');
    });

    it('accepts docx and xlsx, and a name without an extension gets the recognised one', async () => {
      const docx = await upload('organiser', 't3', '汇报', makeDocx());
      assert.equal(docx.statusCode, 201, docx.body);
      assert.equal(docx.json().documents.at(-1).fileName, '汇报.docx');
      const xlsx = await upload('organiser', 't3', '统计表.xlsx', await makeXlsx());
      assert.equal(xlsx.statusCode, 201, xlsx.body);
      assert.equal(xlsx.json().documents.at(-1).kind, 'xlsx');
    });

    it('answers 413 over the route’s limit and keeps nothing', async () => {
      const before = await snapshot();
      const big = Buffer.concat([await makePdf(), Buffer.alloc(20 * 1024 * 1024 + 10)]);
      const res = await upload('town2', 't2', '大文件.pdf', big);
      assert.equal(res.statusCode, 413, res.body);
      assert.match(res.json().error.message.zh, /超过 20 MB/);
      assert.match(res.json().error.message.en, /over the 20 MB limit/);
      // Announced far over the limit: refused before anything is written.
      const huge = await upload('organiser', 't2', '更大.pdf', Buffer.concat([await makePdf(), Buffer.alloc(23 * 1024 * 1024)]));
      assert.equal(huge.statusCode, 413, huge.body);
      assert.deepEqual(await snapshot(), before);
    });

    it('refuses a request that is not multipart, has no file, or carries two files', async () => {
      const before = await snapshot();
      const json = await as('town2', { method: 'POST', url: `${SEMINAR}/reports/${reports.t2}/documents`, payload: { file: 'x' } });
      assert.equal(json.statusCode, 415, json.body);
      const empty = multipart('x.pdf', Buffer.alloc(0));
      const none = await as('town2', { method: 'POST', url: `${SEMINAR}/reports/${reports.t2}/documents`, payload: empty.payload, headers: empty.headers });
      assert.equal(none.statusCode, 400, none.body);
      const noFile = { payload: Buffer.from('--b\r\nContent-Disposition: form-data; name="note"\r\n\r\nhi\r\n--b--\r\n'), headers: { 'content-type': 'multipart/form-data; boundary=b' } };
      const fieldOnly = await as('town2', { method: 'POST', url: `${SEMINAR}/reports/${reports.t2}/documents`, ...noFile });
      assert.equal(fieldOnly.statusCode, 400, fieldOnly.body);
      const noBoundary = await as('town2', { method: 'POST', url: `${SEMINAR}/reports/${reports.t2}/documents`, payload: Buffer.from('garbage'), headers: { 'content-type': 'multipart/form-data' } });
      assert.ok(noBoundary.statusCode >= 400 && noBoundary.statusCode < 500, noBoundary.body);
      const whole = multipart('x.pdf', await makePdf());
      const cut = await as('town2', { method: 'POST', url: `${SEMINAR}/reports/${reports.t2}/documents`, payload: whole.payload.subarray(0, whole.payload.length - 400), headers: whole.headers });
      assert.ok(cut.statusCode >= 400 && cut.statusCode < 500, `a cut-off form: ${cut.statusCode} ${cut.body}`);
      const raw = await as('town2', { method: 'POST', url: `${SEMINAR}/reports/${reports.t2}/documents`, payload: await makePdf(), headers: { 'content-type': 'application/pdf' } });
      assert.ok(raw.statusCode >= 400 && raw.statusCode < 500, raw.body);
      assert.deepEqual(await snapshot(), before);
    });

    it('keeps a hostile file name as a name: no path, no control characters, __proto__ harmless', async () => {
      const pdf = await makePdf('名');
      const names: [string, string][] = [
        ['../../etc/passwd.pdf', 'passwd.pdf'],
        ['C:\\Users\\x\\报告\u202Efdp.exe.pdf', '报告fdp.exe.pdf'],
        ['__proto__', '__proto__.pdf'],
      ];
      for (const [raw, shown] of names) {
        const res = await upload('organiser', 't3', raw, pdf);
        assert.equal(res.statusCode, 201, `${raw}: ${res.body}`);
        assert.equal(res.json().documents.at(-1).fileName, shown);
      }
      const field = multipart('x.pdf', pdf, { field: '__proto__' });
      const proto = await as('organiser', { method: 'POST', url: `${SEMINAR}/reports/${reports.t3}/documents`, payload: field.payload, headers: field.headers });
      assert.ok(proto.statusCode === 201 || proto.statusCode === 400, proto.body);
    });

    it('lets a township upload only its own report and a county read only its county’s', async () => {
      const pdf = await makePdf();
      assert.equal((await upload('town1', 't2', '别人的.pdf', pdf)).statusCode, 403);
      assert.equal((await upload('county2', 't2', '县里的.pdf', pdf)).statusCode, 403);
      assert.equal((await upload('clerk', 't2', 'x.pdf', pdf)).statusCode, 403);
      const anonymous = multipart('x.pdf', pdf);
      assert.equal((await t.app.inject({ method: 'POST', url: `${SEMINAR}/reports/${reports.t2}/documents`, payload: anonymous.payload, headers: anonymous.headers })).statusCode, 401);

      const board = (await t.call('organiser', { method: 'GET', url: `${SEMINAR}/reports?unitId=t1` })).json();
      const docId = board.reports[0].documents[0].id;
      assert.equal((await as('county2', { method: 'GET', url: `/api/documents/${docId}` })).statusCode, 403);
      assert.equal((await as('town2', { method: 'GET', url: `/api/documents/${docId}` })).statusCode, 403);
      assert.equal((await as('clerk', { method: 'GET', url: `/api/documents/${docId}` })).statusCode, 403);
      assert.equal((await t.app.inject({ method: 'GET', url: `/api/documents/${docId}` })).statusCode, 401);
      assert.equal((await as('organiser', { method: 'GET', url: `/api/documents/${docId}` })).statusCode, 200);

      const t3doc = (await t.call('organiser', { method: 'GET', url: `${SEMINAR}/reports?unitId=t3` })).json().reports[0].documents[0].id;
      assert.equal((await as('county2', { method: 'GET', url: `/api/documents/${t3doc}` })).statusCode, 200);
      const countyBoard = (await as('county2', { method: 'GET', url: `${SEMINAR}/reports` })).json();
      assert.deepEqual(countyBoard.reports.map((r: { unitId: string }) => r.unitId).sort(), ['t2', 't3']);
      assert.equal(countyBoard.counts.total, 2);
      assert.equal((await as('county2', { method: 'GET', url: `${SEMINAR}/reports?unitId=k1` })).statusCode, 403);
      assert.equal((await as('clerk', { method: 'GET', url: `${SEMINAR}/reports` })).statusCode, 403);
      assert.equal((await as('county2', { method: 'POST', url: `${SEMINAR}/reports/${reports.t2}/accept` })).statusCode, 403);
    });

    it('removes a document: kept but no longer listed or served, audited; a township only its own while not accepted', async () => {
      const pdf = await makePdf('删除');
      const first = (await upload('town2', 't2', '初稿.pdf', pdf)).json();
      assert.equal(first.status, 'submitted');
      const docId = first.documents[0].id;
      assert.equal((await as('town3', { method: 'DELETE', url: `/api/documents/${docId}` })).statusCode, 403);
      assert.equal((await as('county2', { method: 'DELETE', url: `/api/documents/${docId}` })).statusCode, 403);
      assert.equal((await as('town2', { method: 'DELETE', url: `/api/documents/${docId}` })).statusCode, 204);
      assert.equal((await as('organiser', { method: 'GET', url: `/api/documents/${docId}` })).statusCode, 404);
      assert.equal((await as('town2', { method: 'DELETE', url: `/api/documents/${docId}` })).statusCode, 404);
      const after = (await t.call('organiser', { method: 'GET', url: `${SEMINAR}/reports?unitId=t2` })).json().reports[0];
      assert.equal(after.status, 'missing', 'the last file gone, the report is missing again');
      assert.equal(after.documents.length, 0);
      const row = await t.ctx.database.db.selectFrom('documents').selectAll().where('id', '=', docId).executeTakeFirstOrThrow();
      assert.ok(row.removed_at);
      const audited = await t.ctx.database.db.selectFrom('audit_log').select('action').where('entity_id', '=', docId).execute();
      assert.deepEqual(audited.map((a) => a.action).sort(), ['document.remove', 'document.upload']);

      const again = (await upload('town2', 't2', '定稿.pdf', pdf)).json();
      assert.equal((await t.call('organiser', { method: 'POST', url: `${SEMINAR}/reports/${reports.t2}/accept` })).statusCode, 200);
      assert.equal((await as('town2', { method: 'DELETE', url: `/api/documents/${again.documents[0].id}` })).statusCode, 409);
      assert.equal((await upload('town2', 't2', '再传.pdf', pdf)).statusCode, 409);
    });

    it('serves a case’s documents to every role once published, to the office only while a draft', async () => {
      const made = await t.call('organiser', { method: 'POST', url: '/api/cases', payload: { unitId: 't1', title: '物业党建', year: 2022, published: false } });
      assert.equal(made.statusCode, 201, made.body);
      const caseId = made.json().id;
      const body = multipart('案例材料.pdf', await makePdf('案例'));
      const up = await t.call('organiser', { method: 'POST', url: `/api/cases/${caseId}/documents`, payload: body.payload, headers: body.headers });
      assert.equal(up.statusCode, 201, up.body);
      const exe = multipart('案例.pdf', makeExe());
      assert.equal((await t.call('organiser', { method: 'POST', url: `/api/cases/${caseId}/documents`, payload: exe.payload, headers: exe.headers })).statusCode, 415);
      assert.equal((await as('town2', { method: 'POST', url: `/api/cases/${caseId}/documents`, payload: body.payload, headers: body.headers })).statusCode, 403);
      const docId = up.json().id;
      assert.equal((await as('town2', { method: 'GET', url: `/api/documents/${docId}` })).statusCode, 404);
      assert.equal((await as('town2', { method: 'GET', url: `/api/cases/${caseId}/documents` })).statusCode, 404);
      await t.call('organiser', { method: 'PUT', url: `/api/cases/${caseId}`, payload: { unitId: 't1', title: '物业党建', year: 2022, published: true } });
      assert.equal((await as('town2', { method: 'GET', url: `/api/documents/${docId}` })).statusCode, 200);
      assert.equal((await as('clerk', { method: 'GET', url: `/api/cases/${caseId}/documents` })).json().length, 1);
      assert.equal((await as('town2', { method: 'DELETE', url: `/api/documents/${docId}` })).statusCode, 403);
      assert.equal((await t.call('organiser', { method: 'DELETE', url: `/api/documents/${docId}` })).statusCode, 204);
      assert.equal((await as('clerk', { method: 'GET', url: `/api/cases/${caseId}/documents` })).json().length, 0);
    });

    it('refuses unknown documents and owners with a 404, not a 5xx', async () => {
      assert.equal((await t.call('organiser', { method: 'GET', url: '/api/documents/doc-nothing' })).statusCode, 404);
      assert.equal((await t.call('organiser', { method: 'GET', url: '/api/documents/__proto__' })).statusCode, 400, 'no id at all');
      const body = multipart('x.pdf', await makePdf());
      assert.equal((await t.call('organiser', { method: 'POST', url: '/api/cases/nope/documents', payload: body.payload, headers: body.headers })).statusCode, 404);
      assert.equal((await t.call('organiser', { method: 'POST', url: '/api/training/classes/tc1/groups/nope/documents', payload: body.payload, headers: body.headers })).statusCode, 404);
      assert.equal((await t.call('organiser', { method: 'POST', url: `/api/training/classes/other/seminar/reports/${reports.t1}/documents`, payload: body.payload, headers: body.headers })).statusCode, 404);
    });
  });
}
