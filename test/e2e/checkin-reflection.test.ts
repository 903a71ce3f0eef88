/**
 * 讲收获 in Chromium: a trainee identified on a 360-px phone by the venue's QR code and their personal code (as in
 * checkin-phone.test.ts) opens 我的签到, writes a reflection about a lesson, sees it listed and edits it — nothing on
 * the page wider than the phone; a send whose answer is lost is kept and, sent again, stored once — and the office
 * sees it in the console's 讲收获 tab, features it, finds it by a word of its text, and closes reflections: the phone
 * then takes no more. Screenshots go to $LEITAI_SCREENSHOTS or a temp dir.
 */
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ensureCheckinPage, ensureConsole } from '../../scripts/build-web.js';
import { createAccount } from '../../src/app/accounts/create-account.js';
import { CITY, COUNTIES } from '../http/fixtures.js';
import { consolePage, launchBrowser, logIn, screenshotDir, startServer, type RunningServer } from './harness.js';

const PHONE = { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' };
const CLASS = 'tc-reflect';
const PASSWORD = 'Reflection-2022!';
const TEXT = '书记论坛让我明白：抓基层治理，关键在于把党支部建在网格上，让党员成为群众身边的主心骨。';
const EDITED = `${TEXT}回去后先在本镇三个村试点。`;
const SECOND = '三天的培训安排紧凑，案例教学最实用。';

/** Beijing wall-clock text of an instant, as the API takes it: "2026-06-15T09:00". */
const beijing = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 16);

describe('a trainee writes a reflection on the phone and the office sees it (Chromium)', () => {
  let server: RunningServer;
  let browser: Browser;
  let trainee: BrowserContext;
  let phonePage: Page;
  let shots = '';
  let code = '';
  const errors: string[] = [];
  const shot = (page: Page, name: string) => page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });

  before(async () => {
    await Promise.all([ensureCheckinPage(), ensureConsole()]);
    shots = await screenshotDir('reflection');
    await mkdir(shots, { recursive: true });
    server = await startServer();
    const ok = async (path: string, body: unknown) => {
      const res = await server.api('organiser', path, { body });
      assert.equal(res.status, 201, `${path}: ${JSON.stringify(res.json)}`);
      return res.json;
    };
    await ok('/api/units', { units: [CITY, ...COUNTIES] });
    const now = Date.now();
    await ok('/api/training/classes', { id: CLASS, name: '基层治理能力提升培训班', rootUnitId: 'c0', startsOn: beijing(now).slice(0, 10), endsOn: beijing(now + 86_400_000).slice(0, 10) });
    await ok(`/api/training/classes/${CLASS}/venues`, { id: 'v-city', name: '市委党校第一报告厅', unitId: 'c0' });
    await ok(`/api/training/classes/${CLASS}/lessons`, { id: 'l1', kind: 'forum', title: '书记论坛：抓党建促基层治理', startsAt: beijing(now), endsAt: beijing(now + 2 * 3_600_000), venueIds: ['v-city'], hours: '2' });
    code = (await ok(`/api/training/classes/${CLASS}/participants`, { name: '城区书记甲', unitId: 'k1', post: '党委书记' })).code;
    await createAccount(server.ctx, 'system', { username: 'office', displayName: '市委组织部办公室', role: 'organiser', unitId: null, password: PASSWORD });
    browser = await launchBrowser();
  });
  after(async () => {
    if (errors.length) console.log('page errors:', errors);
    await trainee?.close();
    await browser?.close();
    await server?.close();
  });

  it('identifies the trainee on the phone with the venue’s code and the personal code', async () => {
    const link = await server.api('organiser', `/api/training/classes/${CLASS}/lessons/l1/venues/v-city/screen-link`);
    const screen = await fetch(`${server.url}/api${link.json.path}`).then((r) => r.json() as Promise<{ url: string }>);
    const scanned = new URL(screen.url);
    trainee = await browser.newContext(PHONE);
    phonePage = await trainee.newPage();
    phonePage.on('pageerror', (e) => errors.push(String(e)));
    await phonePage.goto(`${server.url}${scanned.pathname}${scanned.hash}`);
    await phonePage.getByLabel('个人签到码').fill(code);
    await phonePage.getByRole('button', { name: '签到', exact: true }).click();
    await phonePage.getByTestId('done').waitFor();
  });

  it('writes a reflection about a lesson on 我的签到, sees it, and edits it, all within 360 px', async () => {
    await phonePage.goto(`${server.url}/c/${CLASS}`);
    const part = phonePage.getByTestId('reflections');
    await part.getByRole('heading', { name: '讲收获' }).waitFor();
    await part.getByTestId('reflect-new').click();
    await part.getByTestId('reflect-lesson').selectOption('l1');
    await part.getByTestId('reflect-text').fill(TEXT);
    assert.match(await part.locator('.count').innerText(), new RegExp(`^${TEXT.length} / 2000 字$`));
    await shot(phonePage, '1-writing');
    await part.getByTestId('reflect-send').click();
    await part.getByTestId('reflect-note').filter({ hasText: '已提交' }).waitFor();
    const item = part.getByTestId('my-reflections').locator('li');
    assert.equal(await item.count(), 1);
    assert.match(await item.innerText(), /书记论坛：抓党建促基层治理/);
    assert.match(await item.innerText(), /把党支部建在网格上/);
    const width = await phonePage.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 360, `the page is ${width} px wide`);
    await shot(phonePage, '2-sent');

    await item.getByRole('button', { name: '修改' }).click();
    await part.getByTestId('reflect-text').fill(EDITED);
    await part.getByTestId('reflect-send').click();
    await part.getByTestId('reflect-note').filter({ hasText: '修改已保存' }).waitFor();
    assert.equal(await part.getByTestId('my-reflections').locator('li').count(), 1, 'an edit, not a second reflection');
    await phonePage.reload();
    await phonePage.getByTestId('my-reflections').locator('li', { hasText: '先在本镇三个村试点' }).waitFor();
    const stored = await server.api('organiser', `/api/training/classes/${CLASS}/reflections`);
    assert.equal(stored.json.total, 1);
    assert.equal(stored.json.items[0].text, EDITED);
    assert.deepEqual(errors, []);
  });

  it('keeps a reflection whose answer was lost, and sending it again stores it once', async () => {
    const part = phonePage.getByTestId('reflections');
    await part.getByTestId('reflect-new').click();
    await part.getByTestId('reflect-text').fill(SECOND);
    // The request reaches the server, but its answer never reaches the phone.
    await phonePage.route('**/api/reflections', async (route) => {
      await route.fetch();
      await route.abort('connectionreset');
    }, { times: 1 });
    await part.getByTestId('reflect-send').click();
    await part.getByTestId('reflect-note').filter({ hasText: '未能提交' }).waitFor();
    assert.equal((await server.api('organiser', `/api/training/classes/${CLASS}/reflections`)).json.total, 2, 'the server has it');
    // A reload keeps the draft with its id; sending it again answers as stored.
    await phonePage.reload();
    assert.equal(await phonePage.getByTestId('reflect-text').inputValue(), SECOND);
    await phonePage.getByTestId('reflect-send').click();
    await phonePage.getByTestId('reflect-note').filter({ hasText: '已提交' }).waitFor();
    assert.equal(await phonePage.getByTestId('my-reflections').locator('li').count(), 2);
    assert.equal((await server.api('organiser', `/api/training/classes/${CLASS}/reflections`)).json.total, 2, 'stored once');
    await shot(phonePage, '2b-retried');
    assert.deepEqual(errors, []);
  });

  it('shows the reflection in the console’s 讲收获 tab, where the office features it and finds it by a word', async () => {
    const page = await consolePage(browser, { errors });
    page.setDefaultTimeout(10_000);
    await page.goto(`${server.url}/console/training/${CLASS}/reflections`);
    await logIn(page, 'office', PASSWORD);
    const table = page.getByTestId('reflections-table');
    await table.getByText('先在本镇三个村试点', { exact: false }).waitFor();
    assert.match(await table.innerText(), /城区书记甲/);
    assert.match(await table.innerText(), /书记论坛：抓党建促基层治理/);
    await table.locator('.ant-table-row', { hasText: '先在本镇三个村试点' }).getByTestId('reflection-feature').click();
    await page.getByTestId('reflection-counts').filter({ hasText: '精选 1 条' }).waitFor();
    await page.getByTestId('reflections-search').locator('input').fill('网格');
    await page.waitForTimeout(600);
    await table.getByText('先在本镇三个村试点', { exact: false }).waitFor();
    await page.getByTestId('reflections-search').locator('input').fill('没有这句话');
    await page.locator('.ant-table-placeholder', { hasText: '没有符合条件的心得' }).waitFor();
    await shot(page, '3-console');
    await page.getByTestId('reflections-search').locator('input').fill('');
    await page.waitForFunction(() => document.querySelectorAll('.ant-table-row').length === 2);
    const featured = await server.api('organiser', `/api/training/classes/${CLASS}/reflections?featured=true`);
    assert.equal(featured.json.total, 1);

    // A closing time, then closing now: the phone takes no more.
    await page.getByTestId('reflections-schedule').click();
    const picker = page.getByTestId('reflections-close-at');
    await picker.click();
    await picker.fill('2030-06-30 18:00');
    await picker.press('Enter');
    await page.locator('.ant-modal:visible .ant-modal-footer .ant-btn-primary').click();
    await page.getByText('截止时间 2030-06-30 18:00').waitFor();
    assert.equal((await server.api('organiser', `/api/training/classes/${CLASS}`)).json.reflectionsCloseAt, '2030-06-30T18:00');
    await page.getByTestId('reflections-close').click();
    await page.locator('.ant-popconfirm .ant-btn-primary').click();
    await page.getByTestId('reflections-closed').waitFor();
    await phonePage.reload();
    await phonePage.getByText('本培训班已停止提交心得').waitFor();
    assert.equal(await phonePage.getByTestId('reflect-new').count(), 0);
    assert.equal(await phonePage.getByTestId('my-reflections').locator('li').count(), 2, 'what was sent stays readable');
    assert.deepEqual(errors, []);
    await page.close();
  });
});
