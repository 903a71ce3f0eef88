/**
 * 座谈会 in the console (Chromium): the office uploads a real PDF as a township's written report and sees its status
 * turn 已交 and then 已收; a renamed program (.exe bytes called .pdf) is refused with the server's message shown and
 * nothing stored; after the office's reminder, a township logs in, sees the reminder on its training page and uploads
 * its own report there. The office reorders the speakers. Over the network an oversize upload gets its 413; the tab
 * reads in English with the switch.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { ensureConsole } from '../../scripts/build-web.js';
import { createAccount } from '../../src/app/accounts/create-account.js';
import type { Unit } from '../../src/domain/types.js';
import { makeExe, makePdf } from '../helpers/files.js';
import { CITY, COUNTIES } from '../http/fixtures.js';
import { consolePage, launchBrowser, logIn, startServer, type RunningServer } from './harness.js';

const PASSWORD = 'Seminar-2022!';
const TOWNS: Unit[] = [
  { id: 't1', code: '149901001', name: '南村镇', level: 'township', parentId: 'k1' },
  { id: 't2', code: '149902001', name: '东岭镇', level: 'township', parentId: 'k2' },
];
const CLASS = '/api/training/classes/tc1';

describe('the 座谈会 in the console', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];
  const documentCount = async () => (await server.ctx.database.db.selectFrom('documents').select('id').execute()).length;
  const row = (p: Page, unit: string) => p.getByTestId('reports-table').locator('tbody tr', { hasText: unit });

  before(async () => {
    await ensureConsole();
    server = await startServer();
    assert.equal((await server.api('organiser', '/api/units', { body: { units: [CITY, ...COUNTIES, ...TOWNS] } })).status, 201);
    assert.equal((await server.api('organiser', '/api/training/classes', { body: { id: 'tc1', name: '示范培训班', rootUnitId: 'c0', startsOn: '2026-06-15', endsOn: '2026-06-17' } })).status, 201);
    assert.equal((await server.api('organiser', `${CLASS}/seminar/reports`, { body: { title: '座谈会书面交流材料' } })).status, 201);
    const speakers = ['甲镇党委书记', '乙镇党委书记', '丙镇党委书记'].map((name) => ({ name, post: '党委书记', topic: `${name}的发言` }));
    assert.equal((await server.api('organiser', `${CLASS}/seminar/speakers`, { method: 'PUT', body: { speakers } })).status, 200);
    await createAccount(server.ctx, 'system', { username: 'office', displayName: '市委组织部办公室', role: 'organiser', unitId: null, password: PASSWORD });
    await createAccount(server.ctx, 'system', { username: 'nancun', displayName: '南村镇', role: 'viewer', unitId: 't1', password: PASSWORD });
    browser = await launchBrowser();
    page = await consolePage(browser, { errors });
    page.setDefaultTimeout(15_000);
    await page.goto(`${server.url}/console/training/tc1/seminar`);
    await logIn(page, 'office', PASSWORD);
    await page.getByTestId('reports-summary').waitFor();
  });
  after(async () => {
    if (errors.length) console.log('page errors:', errors);
    await browser?.close();
    await server?.close();
  });

  it('uploads a real PDF as a report: 未交 → 已交 → 已收', async () => {
    assert.equal(await page.getByTestId('reports-summary').innerText(), '2 份 · 已交 0 · 已收 0 · 未交 2');
    await row(page, '东岭镇').getByTestId('upload-report-input').setInputFiles({ name: '东岭镇书面材料.pdf', mimeType: 'application/pdf', buffer: await makePdf('东岭镇书面材料') });
    await page.waitForFunction(() => document.querySelector('[data-testid="reports-summary"]')?.textContent === '2 份 · 已交 1 · 已收 0 · 未交 1');
    assert.equal(await row(page, '东岭镇').getByTestId('report-status').innerText(), '已交');
    assert.equal(await row(page, '东岭镇').getByTestId('document-link').innerText(), '东岭镇书面材料.pdf');
    await row(page, '东岭镇').getByTestId('accept-report').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="reports-summary"]')?.textContent === '2 份 · 已交 1 · 已收 1 · 未交 1');
    assert.equal(await row(page, '东岭镇').getByTestId('report-status').innerText(), '已收');
  });

  it('refuses a renamed program with the server’s message, storing nothing', async () => {
    const before = await documentCount();
    await row(page, '南村镇').getByTestId('upload-report-input').setInputFiles({ name: '南村镇材料.pdf', mimeType: 'application/pdf', buffer: makeExe() });
    const refusal = page.getByTestId('upload-refusal');
    await refusal.waitFor();
    assert.match(await refusal.innerText(), /「南村镇材料\.pdf」的内容不是允许的文件类型；只接受 PDF、Word（docx）、Excel（xlsx）、JPG 和 PNG/);
    assert.equal(await row(page, '南村镇').getByTestId('report-status').innerText(), '未交');
    assert.equal(await documentCount(), before);
  });

  it('answers an oversize upload over the network with a 413 and its message, not a reset connection', async () => {
    const before = await documentCount();
    const reports = (await server.api('organiser', `${CLASS}/seminar/reports`)).json.reports as { id: string; unitName: string }[];
    const target = reports.find((r) => r.unitName === '南村镇')!;
    for (const size of [21 * 1024 * 1024, 30 * 1024 * 1024]) {
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(await makePdf()), new Uint8Array(size)], { type: 'application/pdf' }), '太大.pdf');
      const res = await fetch(`${server.url}${CLASS}/seminar/reports/${target.id}/documents`, { method: 'POST', body: form, headers: { authorization: `Bearer ${server.tokens.organiser}` } });
      assert.equal(res.status, 413);
      assert.match(((await res.json()) as { error: { message: { zh: string } } }).error.message.zh, /超过 20 MB/);
    }
    assert.equal(await documentCount(), before);
  });

  it('reorders the speakers and keeps the order', async () => {
    const names = () => page.getByTestId('speakers-table').locator('tbody tr td:nth-child(2)').allTextContents();
    assert.deepEqual(await names(), ['甲镇党委书记', '乙镇党委书记', '丙镇党委书记']);
    await page.getByTestId('speakers-table').locator('tbody tr', { hasText: '丙镇' }).getByTestId('speaker-up').click();
    await page.getByTestId('save-speakers').click();
    await page.waitForFunction(() => (document.querySelector('[data-testid="save-speakers"]') as HTMLButtonElement | null)?.disabled === true);
    const saved = await server.api('organiser', `${CLASS}/seminar/speakers`);
    assert.deepEqual(saved.json.map((s: { name: string }) => s.name), ['甲镇党委书记', '丙镇党委书记', '乙镇党委书记']);
  });

  it('reminds the missing; the township sees it and uploads its own report from its training page', async () => {
    await page.getByTestId('remind-all').click();
    await page.locator('.ant-popconfirm:visible .ant-btn-primary').click();
    await page.waitForFunction(() => /已催 1 次/.test(document.querySelector('[data-testid="reports-table"]')?.textContent ?? ''));

    const town = await consolePage(browser, { errors });
    town.setDefaultTimeout(15_000);
    await town.goto(`${server.url}/console/training`);
    await logIn(town, 'nancun', PASSWORD);
    const card = town.getByTestId('my-reports');
    await card.waitFor();
    assert.match(await card.getByTestId('my-reminder').innerText(), /办公室已于 .* 催交（共 1 次）/);
    await card.getByTestId('my-upload-input').setInputFiles({ name: '南村镇座谈会材料.pdf', mimeType: 'application/pdf', buffer: await makePdf('南村镇') });
    await town.waitForFunction(() => document.querySelector('[data-testid="my-reports"] [data-testid="report-status"]')?.textContent === '已交');
    const board = await server.api('organiser', `${CLASS}/seminar/reports`);
    assert.deepEqual(board.json.counts, { total: 2, missing: 0, submitted: 1, accepted: 1 });
    await town.close();
  });

  it('reads in English with the switch: no label left in Chinese', async () => {
    await page.goto(`${server.url}/console/training/tc1/seminar`);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByTestId('tab-seminar').filter({ hasText: 'Seminar' }).waitFor();
    assert.equal(await page.getByTestId('reports-summary').innerText(), '2 in all · 2 handed in · 1 accepted · 0 missing');
    const text = await page.locator('.ant-layout-content').innerText();
    // What is left in Chinese is data: unit, class, speaker and file names, and the office's own titles.
    const data = ['示范培训班', '测试市', '南村镇', '东岭镇', '城区', '东县', '甲镇党委书记', '乙镇党委书记', '丙镇党委书记', '党委书记', '的发言', '东岭镇书面材料.pdf', '南村镇座谈会材料.pdf', '座谈会书面交流材料'];
    let rest = text;
    for (const d of data.sort((a, b) => b.length - a.length)) rest = rest.split(d).join('');
    assert.doesNotMatch(rest, /[\u3400-\u9fff]/, rest.match(/.{0,20}[\u3400-\u9fff].{0,20}/)?.[0]);
  });
});
