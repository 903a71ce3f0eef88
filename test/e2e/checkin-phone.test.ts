/**
 * 培训签到 in Chromium: the venue screen shows the rotating QR code; a trainee's phone (360×740) opens its link,
 * identifies by personal code and is checked in; the same page reloaded, or scanned again, says "已签到"; a link three
 * steps old is refused in plain words; a second trainee picks unit and name; the screen's count moves without a reload.
 * The server's clock is the test's to move (the screen's never matters). Screenshots go to $LEITAI_SCREENSHOTS or a
 * temp dir, printed.
 */
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ensureCheckinPage } from '../../scripts/build-web.js';
import { CITY, COUNTIES } from '../http/fixtures.js';
import { launchBrowser, screenshotDir, startServer, type RunningServer } from './harness.js';

const PHONE = { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' };
const CLASS = 'tc-e2e';
const STEP_MS = 15_000;

/** Beijing wall-clock text of an instant, as the API takes it: "2026-06-15T09:00". */
const beijing = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 16);

describe('trainee check-in on a phone, with the venue screen (Chromium)', () => {
  let server: RunningServer;
  let browser: Browser;
  let shots = '';
  /** How far the server's clock runs ahead of the wall clock. */
  let ahead = 0;
  let screen: Page;
  let screenPath = '';
  const people: Record<string, { id: string; code: string }> = {};
  /** A trainee's 个人签到码, as printed on the roster. */
  const codeOf = (name: string) => people[name]!.code;
  /** The QR link the screen showed first: three steps old once the clock moves. */
  let firstLink = '';
  let trainee: BrowserContext;

  const phone = (): Promise<BrowserContext> => browser.newContext(PHONE);
  const shot = (page: Page, name: string) => page.screenshot({ path: join(shots, `${name}.png`) });
  /** The QR link the screen shows, once it is of the server's current step or the one before (what a scan may use). */
  const shownLink = async () => {
    const step = Math.floor((Date.now() + ahead) / STEP_MS);
    const stepOf = (link: string) => Number(/#(\d+)\./.exec(link)?.[1] ?? -1);
    await screen.waitForFunction((min) => {
      const m = /#(\d+)\./.exec(document.getElementById('qr')?.dataset.url ?? '');
      return m !== null && Number(m[1]) >= min;
    }, step - 1, { timeout: STEP_MS + 5_000 });
    const link = (await screen.locator('#qr').getAttribute('data-url'))!;
    assert.ok(stepOf(link) >= step - 1, link);
    return link;
  };
  /** Opened as a phone camera would: the same path and fragment, on this server. */
  const local = (link: string) => {
    const u = new URL(link);
    return `${server.url}${u.pathname}${u.hash}`;
  };
  const checkedIn = () => screen.locator('#checkedIn').innerText();

  before(async () => {
    await ensureCheckinPage();
    shots = await screenshotDir('checkin');
    await mkdir(shots, { recursive: true });
    server = await startServer({ clock: () => new Date(Date.now() + ahead) });
    const ok = async (path: string, body: unknown, status = 201) => {
      const res = await server.api('organiser', path, { body });
      assert.equal(res.status, status, `${path}: ${JSON.stringify(res.json)}`);
      return res.json;
    };
    await ok('/api/units', { units: [CITY, ...COUNTIES] });
    // A lesson starting this minute, in a class that runs today and tomorrow (a run just before midnight stays inside).
    const now = Date.now();
    await ok('/api/training/classes', { id: CLASS, name: '基层治理能力提升培训班', rootUnitId: 'c0', startsOn: beijing(now).slice(0, 10), endsOn: beijing(now + 86_400_000).slice(0, 10) });
    await ok(`/api/training/classes/${CLASS}/venues`, { id: 'v-city', name: '市委党校第一报告厅', unitId: 'c0' });
    await ok(`/api/training/classes/${CLASS}/lessons`, { id: 'l1', kind: 'forum', title: '书记论坛：抓党建促基层治理', startsAt: beijing(now), endsAt: beijing(now + 2 * 3_600_000), venueIds: ['v-city'], hours: '2' });
    // Later today: its screen waits for check-in to open.
    await ok(`/api/training/classes/${CLASS}/lessons`, { id: 'l2', kind: 'lecture', title: '专题讲座：网格化管理', startsAt: beijing(now + 3 * 3_600_000), endsAt: beijing(now + 4 * 3_600_000), venueIds: ['v-city'], hours: '1' });
    for (const p of [{ name: '城区书记甲', unitId: 'k1', post: '党委书记' }, { name: '城区镇长乙', unitId: 'k1', post: '镇长' }, { name: '东县书记丙', unitId: 'k2', post: '党委书记' }, { name: '东县镇长丁', unitId: 'k2', post: '镇长' }]) {
      const made = await ok(`/api/training/classes/${CLASS}/participants`, p);
      people[p.name] = { id: made.id, code: made.code };
    }
    const link = await server.api('organiser', `/api/training/classes/${CLASS}/lessons/l1/venues/v-city/screen-link`);
    assert.equal(link.status, 200, JSON.stringify(link.json));
    screenPath = link.json.path;
    browser = await launchBrowser();
  });
  after(async () => {
    await trainee?.close();
    await browser?.close();
    await server?.close();
  });

  it('the venue screen shows the class, lesson, venue, the QR code and the counts', async () => {
    screen = await browser.newPage({ viewport: { width: 1920, height: 1080 }, locale: 'zh-CN' });
    const errors: string[] = [];
    screen.on('pageerror', (e) => errors.push(String(e)));
    await screen.goto(server.url + screenPath);
    await screen.locator('#qr svg').waitFor();
    assert.equal(await screen.locator('#lessonTitle').innerText(), '书记论坛：抓党建促基层治理');
    assert.equal(await screen.locator('#venueName').innerText(), '市委党校第一报告厅');
    assert.equal(await screen.locator('#className').innerText(), '基层治理能力提升培训班');
    assert.equal(await checkedIn(), '0');
    assert.equal(await screen.locator('#expected').innerText(), '4');
    firstLink = await shownLink();
    assert.match(firstLink, new RegExp(`/c/${CLASS}/l1/v-city#\\d+\\.[A-Za-z0-9_-]+$`));
    // Marks this document: were the screen reloaded, the mark would be gone.
    await screen.evaluate(() => void ((window as unknown as { mark: number }).mark = 1));
    await shot(screen, '1-screen');
    assert.deepEqual(errors, []);
  });

  it('a trainee opens the QR link, types their personal code and is checked in; the code leaves the address bar', async () => {
    trainee = await phone();
    const page = await trainee.newPage();
    await page.goto(local(firstLink));
    await page.getByRole('heading', { name: '请确认您的身份' }).waitFor();
    assert.equal(new URL(page.url()).hash, '', 'the code is gone from the address');
    await shot(page, '2-identify');
    // Typed loosely, as people do: lower case, no dash.
    await page.getByLabel('个人签到码').fill(codeOf('城区书记甲').replace('-', '').toLowerCase());
    await page.getByRole('button', { name: '签到', exact: true }).click();
    const done = page.getByTestId('done');
    await done.waitFor();
    assert.match(await done.locator('h1').innerText(), /^签到成功 · 准时 \d{2}:\d{2}$/);
    assert.match(await page.getByTestId('done-name').innerText(), /城区书记甲/);
    assert.match(await page.getByTestId('class-name').innerText(), /基层治理能力提升培训班/);
    await shot(page, '3-done');
  });

  it('the venue screen’s count moves live, without a reload', async () => {
    await screen.waitForFunction(() => document.getElementById('checkedIn')?.textContent === '1', null, { timeout: 10_000 });
    assert.equal(await screen.locator('#missing').innerText(), '3');
    assert.equal(await screen.evaluate(() => (window as unknown as { mark?: number }).mark), 1, 'not reloaded');
  });

  it('the same page reloaded, and a new scan on the same phone, say 已签到 with the time', async () => {
    const page = trainee.pages()[0]!;
    const first = await page.getByTestId('done').locator('h1').innerText();
    const clock = /(\d{2}:\d{2})$/.exec(first)![1]!;
    await page.reload();
    await page.getByTestId('done').waitFor();
    assert.equal(await page.getByTestId('done').locator('h1').innerText(), `已签到 ${clock}`);
    // A new scan of the same lesson and venue changes only the fragment of the open page.
    await page.goto(local(await shownLink()));
    await page.waitForFunction(() => location.hash === '');
    await page.getByTestId('done').waitFor();
    assert.equal(await page.getByTestId('done').locator('h1').innerText(), `已签到 ${clock}`);
    // In a fresh tab (no grant kept) the device goes with the scanned code: one request, no grant.
    const other = await trainee.newPage();
    const asked: string[] = [];
    other.on('request', (r) => void (r.url().includes('/api/') && asked.push(new URL(r.url()).pathname)));
    await other.goto(local(await shownLink()));
    await other.getByTestId('done').waitFor();
    assert.deepEqual(asked, ['/api/checkin']);
    assert.equal(await other.getByTestId('done').locator('h1').innerText(), `已签到 ${clock}`);
    await shot(other, '4-again');
    await other.close();
  });

  it('"我的签到" lists the lesson and its 学时 for this phone’s trainee', async () => {
    const page = await trainee.newPage();
    await page.goto(`${server.url}/c/${CLASS}`);
    await page.getByTestId('mine').waitFor();
    assert.equal(await page.getByTestId('mine-credit').innerText(), '已获学时 2.00');
    assert.match(await page.getByTestId('mine').innerText(), /书记论坛：抓党建促基层治理[\s\S]*准时/);
    await shot(page, '5-mine');
    await page.close();
  });

  it('on slow 3G a returning phone has its answer on screen within 3 s of opening the link', async () => {
    const page = await trainee.newPage();
    const cdp = await trainee.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    // 400 kbit/s each way, 400 ms round trips: as bench/phone.ts emulates slow 3G.
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 400, downloadThroughput: 50_000, uploadThroughput: 50_000 });
    const link = local(await shownLink());
    const started = Date.now();
    await page.goto(link, { waitUntil: 'commit' });
    await page.getByTestId('done').waitFor({ timeout: 10_000 });
    const ms = Date.now() - started;
    assert.ok(ms < 3_000, `${ms} ms`);
    console.log(`slow 3G, returning phone: answer on screen after ${ms} ms`);
    await page.close();
  });

  it('a link three steps old is refused in plain words', async () => {
    ahead += 3 * STEP_MS;
    const context = await phone();
    const page = await context.newPage();
    await page.goto(local(firstLink));
    const refused = page.getByTestId('refused');
    await refused.waitFor();
    assert.equal(await refused.locator('h1').innerText(), '二维码已过期');
    assert.match(await refused.innerText(), /请扫描会场大屏上正在显示的二维码/);
    assert.doesNotMatch(await refused.innerText(), /checkin_|stale|410/);
    assert.equal(new URL(page.url()).hash, '');
    await shot(page, '6-stale');
    await context.close();
  });

  it('a second trainee picks their unit and name, and the screen counts them', async () => {
    // The screen fetches the code of the server's (moved) clock by itself: shownLink waits for it.
    const context = await phone();
    const page = await context.newPage();
    await page.goto(local(await shownLink()));
    await page.getByRole('tab', { name: '按单位选姓名' }).click();
    await page.getByTestId('units').waitFor();
    await page.getByPlaceholder('输入单位名称筛选').fill('东');
    const units = page.getByTestId('units').getByRole('button');
    assert.equal(await units.count(), 1);
    await units.first().click();
    await page.getByTestId('people').getByRole('button', { name: /东县书记丙/ }).click();
    await page.getByTestId('confirm').waitFor();
    await shot(page, '7-confirm');
    await page.getByRole('button', { name: '是我，签到' }).click();
    await page.getByTestId('done').waitFor();
    assert.match(await page.getByTestId('done').locator('h1').innerText(), /^签到成功 · 准时/);
    await screen.waitForFunction(() => document.getElementById('checkedIn')?.textContent === '2', null, { timeout: 10_000 });
    assert.equal(await screen.evaluate(() => (window as unknown as { mark?: number }).mark), 1, 'not reloaded');
    await shot(screen, '8-screen-counted');

    // A shared phone: "不是我" forgets the first trainee, and the next one identifies on the same scan.
    await page.getByTestId('not-me').click();
    await page.getByLabel('个人签到码').fill(codeOf('城区镇长乙'));
    await page.getByRole('button', { name: '签到', exact: true }).click();
    await page.getByTestId('done').waitFor();
    assert.match(await page.getByTestId('done-name').innerText(), /城区镇长乙/);
    await screen.waitForFunction(() => document.getElementById('checkedIn')?.textContent === '3', null, { timeout: 10_000 });
    await context.close();
  });

  it('the venue screen comes back after a network drop and catches up with the counts', async () => {
    // The cut: the screen's browser goes offline and the server loses every open connection (its event stream too).
    const offline = screen.context();
    await offline.setOffline(true);
    server.app.server.closeAllConnections();
    // The test's own pooled connections were cut too: let its client notice before it asks again.
    await new Promise((r) => setTimeout(r, 500));
    // Someone checks in while the screen is cut off.
    const [, , , , , key] = screenPath.split('/');
    const code = await server.api(null, `/api/checkin-screen/${CLASS}/l1/v-city/${key}`);
    const grant = await server.api(null, '/api/checkin/grants', { body: { classId: CLASS, lessonId: 'l1', venueId: 'v-city', code: code.json.url.split('#')[1] } });
    assert.equal(grant.status, 201, JSON.stringify(grant.json));
    const done = await server.api(null, '/api/checkin', { body: { grant: grant.json.grant, personalCode: codeOf('东县镇长丁') } });
    assert.equal(done.status, 201, JSON.stringify(done.json));
    await new Promise((r) => setTimeout(r, 3_000));
    assert.equal(await checkedIn(), '3', 'nothing arrives while offline');
    await offline.setOffline(false);
    await screen.waitForFunction(() => document.getElementById('checkedIn')?.textContent === '4', null, { timeout: 15_000 });
    await screen.locator('#qr svg').waitFor();
    assert.equal(await screen.evaluate(() => (window as unknown as { mark?: number }).mark), 1, 'not reloaded');
  });

  it('a lesson whose check-in has not opened shows when it opens, and no QR code', async () => {
    const link = await server.api('organiser', `/api/training/classes/${CLASS}/lessons/l2/venues/v-city/screen-link`);
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 }, locale: 'zh-CN' });
    await page.goto(server.url + link.json.path);
    const state = page.locator('#state[data-state="not_yet"]');
    await state.waitFor();
    assert.match(await state.innerText(), /签到尚未开始[\s\S]*开课前 1 小时开放签到（\d{2}:\d{2} 起）/);
    assert.equal(await page.locator('#qr').count(), 0);
    assert.equal(await page.locator('#lessonTitle').innerText(), '专题讲座：网格化管理');
    await shot(page, '9-screen-not-yet');
    await page.close();
  });

  it('"不是我" after a one-request check-in lets the next person identify on the same scan', async () => {
    const context = await phone();
    const first = await context.newPage();
    await first.goto(local(await shownLink()));
    await first.getByLabel('个人签到码').fill(codeOf('东县书记丙'));
    await first.getByRole('button', { name: '签到', exact: true }).click();
    await first.getByTestId('done').waitFor();
    assert.match(await first.getByTestId('done').locator('h1').innerText(), /^已签到 \d{2}:\d{2}$/);
    // Another scan in a new tab: this phone knows 丙 now, and checks in without a grant.
    const page = await context.newPage();
    await page.goto(local(await shownLink()));
    await page.getByTestId('done').waitFor();
    assert.match(await page.getByTestId('done-name').innerText(), /东县书记丙/);
    await page.getByTestId('not-me').click();
    await page.getByLabel('个人签到码').fill(codeOf('城区镇长乙'));
    await page.getByRole('button', { name: '签到', exact: true }).click();
    await page.getByTestId('done').waitFor();
    assert.match(await page.getByTestId('done-name').innerText(), /城区镇长乙/);
    assert.match(await page.getByTestId('done').locator('h1').innerText(), /^已签到 \d{2}:\d{2}$/);
    await context.close();
  });

  it('a wrong personal code is refused beside the form in the trainee’s language', async () => {
    const context = await phone();
    const page = await context.newPage();
    await page.goto(local(await shownLink()));
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByLabel('Personal check-in code').fill('ZZZZ-ZZZZ');
    await page.getByRole('button', { name: 'Check in', exact: true }).click();
    const error = page.getByTestId('identify-error');
    await error.waitFor();
    assert.match(await error.innerText(), /personal code is not right/);
    await context.close();
  });
});
