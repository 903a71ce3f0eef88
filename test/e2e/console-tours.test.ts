/**
 * 观摩 in the office console, in Chromium on the Jincheng demo: the organiser opens the demo tour from the campaign's
 * 观摩 page; the planner shows its 22 stops over 3 days and the server's check finds nothing missing; a stop is moved
 * down with the keyboard (the check of the plan as edited then finds its time backwards, fixed by swapping the two
 * times), another is moved to another day, and the saved plan is read back through the API with the stops' ids kept;
 * the itinerary downloads as a PDF and a workbook; an observer is added and the one-time link shows with its QR code
 * (and opens the phone's bundle); the progress view shows the 12 seats whose ballots count as 已评（选票）, the new
 * observer's 22 missing sheets, and a cell's (empty) history; a county's review meeting is changed, saved once and
 * printed as a PDF; the tour reads in English. Then a tour in progress on an open session (test/helpers/tours.ts): sheets
 * sent through the phone's API show as 已收 with their revision count, a cell lists both revisions (the first
 * superseded, the second counting, with its 加分 and reason), and a sheet sent while the page is open appears within
 * one 10-second refresh. Screenshots go to $LEITAI_SCREENSHOTS (or a temp dir, printed).
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { ensureConsole } from '../../scripts/build-web.js';
import { createAccount } from '../../src/app/accounts/create-account.js';
import { OBSERVERS, seedTourCampaign, TOUR_CAMPAIGN, TOUR_SESSION, TOUR_SITES } from '../helpers/tours.js';
import { consolePage, launchBrowser, logIn, type RunningServer, screenshotDir, startDemoServer, startServer, type DemoServer } from './harness.js';

const PASSWORD = 'Tours-2022!';
const shot = (page: Page, dir: string, name: string) => page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });

interface Stop {
  id: string;
  subjectId: string;
  siteName: string;
  unitId: string;
}
interface Day {
  id: string;
  date: string;
  stops: Stop[];
}

describe('observation tours in the console (Jincheng demo)', () => {
  let browser: Browser;
  let page: Page;
  let server: DemoServer;
  let shots = '';
  let tourId = '';
  let days: Day[] = [];
  const errors: string[] = [];

  const shot = (name: string) => page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
  const modal = () => page.locator('.ant-modal:visible');
  // biome-ignore lint/suspicious/noExplicitAny: the API's JSON, checked by the assertions
  const api = async (path: string, init: { method?: string; body?: unknown } = {}): Promise<{ status: number; json: any }> => {
    const res = await fetch(server.url + path, {
      method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
      headers: { authorization: `Bearer ${server.organiser.accessToken}`, ...(init.body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    const text = await res.text();
    return { status: res.status, json: text ? JSON.parse(text) : null };
  };
  const storedDays = async (): Promise<Day[]> => (await api(`/api/tours/${encodeURIComponent(tourId)}`)).json.days;

  before(async () => {
    await ensureConsole();
    server = await startDemoServer();
    shots = await screenshotDir('console-tours');
    browser = await launchBrowser();
    page = await consolePage(browser, { errors, acceptDownloads: true });
    page.setDefaultTimeout(10_000);
    const tours = await api(`/api/campaigns/${encodeURIComponent(server.campaignId)}/tours`);
    assert.equal(tours.status, 200);
    assert.equal(tours.json.tours.length, 1, 'the demo has one tour');
    tourId = tours.json.tours[0].id;
    days = await storedDays();
  });
  after(async () => {
    if (errors.length) console.log('page errors:', errors);
    await browser?.close();
    await server?.close();
  });

  it('opens the demo tour from the campaign’s 观摩 page', async () => {
    await page.goto(`${server.url}/console/campaigns/${encodeURIComponent(server.campaignId)}/tours`);
    await logIn(page, server.organiser.username, server.organiser.password);
    await page.locator('.ant-menu').getByText('观摩', { exact: true }).waitFor();
    await page.getByTestId('tours-table').getByTestId('tour-link').first().click();
    await page.getByTestId('tour-title').waitFor();
    assert.match(page.url(), new RegExp(`/tours/${tourId}$`));
  });

  it('shows 22 stops over 3 days, and the server’s check finds nothing missing', async () => {
    await page.getByTestId('itinerary-check-ok').waitFor();
    assert.equal(await page.getByTestId('itinerary-check').count(), 0);
    assert.equal(await page.getByTestId('itinerary-stop').count(), 22);
    for (const i of [0, 1, 2]) await page.getByTestId(`itinerary-day-${i}`).waitFor();
    assert.equal(await page.locator('[data-testid^="itinerary-day-"]').count(), 3);
    assert.deepEqual(
      days.map((d) => d.stops.length).reduce((a, b) => a + b, 0),
      22,
    );
    await shot('itinerary');
  });

  it('moves a stop down by keyboard and another to another day, checks the plan as edited, saves, and the server keeps both with their ids', async () => {
    const [first, second] = days[0]!.stops;
    const movedAway = days[0]!.stops.at(-1)!;
    // Keyboard: focus the first stop's “down” button and press Enter; the focus stays on the moved stop.
    const day0 = page.getByTestId('itinerary-day-0');
    await day0.getByTestId('stop-down').first().focus();
    await page.keyboard.press('Enter');
    assert.deepEqual((await day0.getByTestId('stop-site').allInnerTexts()).slice(0, 2), [second!.siteName, first!.siteName]);
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-label')), `下移 ${first!.siteName}`);
    await page.getByTestId('itinerary-unsaved').waitFor();
    // The two planned times now run backwards: the check of the plan as edited says so before anything is saved.
    await page.getByTestId('itinerary-check').getByText(/早于前一站/).waitFor();
    const times = day0.getByTestId('stop-time');
    const [t1, t2] = [await times.nth(0).inputValue(), await times.nth(1).inputValue()];
    await times.nth(0).fill(t2);
    await times.nth(1).fill(t1);
    await page.getByTestId('itinerary-check-ok').waitFor();

    // A select moves the day's last stop to day 3.
    const row = day0.getByTestId('itinerary-stop').filter({ hasText: movedAway.siteName });
    await row.getByTestId('stop-day').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '第 3 天' }).click();
    await page.getByTestId('itinerary-day-2').getByText(movedAway.siteName).waitFor();
    await shot('itinerary-moved');

    await page.getByTestId('save-itinerary').click();
    await page.getByText('行程已保存').waitFor();
    await page.getByTestId('itinerary-unsaved').waitFor({ state: 'detached' });
    await page.getByTestId('itinerary-check-ok').waitFor();
    const after = await storedDays();
    assert.deepEqual(after[0]!.stops.slice(0, 2).map((s) => s.id), [second!.id, first!.id]);
    assert.equal(after[0]!.stops.some((s) => s.id === movedAway.id), false);
    assert.equal(after[2]!.stops.at(-1)!.id, movedAway.id, 'the moved stop keeps its id, at the end of day 3');
    assert.equal(after.flatMap((d) => d.stops).length, 22);
  });

  it('downloads the itinerary as an A4 PDF and as a workbook', async () => {
    const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByTestId('itinerary-pdf').click()]);
    assert.equal((await readFile((await pdf.path())!)).subarray(0, 4).toString('latin1'), '%PDF');
    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('itinerary-xlsx').click()]);
    assert.match(xlsx.suggestedFilename(), /\.xlsx$/);
    assert.equal((await readFile((await xlsx.path())!)).subarray(0, 2).toString('latin1'), 'PK');
  });

  it('adds an observer and shows the one-time link with its QR code; the link opens the phone’s bundle', async () => {
    await page.getByTestId('tour-tab-team').click();
    await page.getByTestId('observers-table').waitFor();
    await page.getByTestId('add-observer').click();
    await modal().getByTestId('observer-name').fill('观摩团成员13');
    await modal().getByTestId('observer-role').fill('市委办公室副主任');
    await modal().getByTestId('observer-ok').click();
    const link = await page.getByTestId('observer-link').innerText();
    assert.match(link, /^http:\/\/127\.0\.0\.1:\d+\/o\/[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{16,}$/);
    await page.getByTestId('observer-qr').waitFor();
    assert.ok(((await page.getByTestId('observer-qr').getAttribute('src')) ?? '').startsWith('data:image/svg+xml'));
    await shot('observer-link');
    const opened = await fetch(`${server.url}/api/tour-phone/open`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ link: new URL(link).pathname }),
    });
    assert.equal(opened.status, 200);
    assert.equal(((await opened.json()) as { observer: { name: string } }).observer.name, '观摩团成员13');
    await page.getByTestId('link-close').click();
    await page.getByTestId('observers-table').getByText('观摩团成员13').waitFor();
  });

  it('shows progress: the ballots’ 已评（选票）, the new observer missing, and the history of a cell', async () => {
    await page.getByTestId('tour-tab-progress').click();
    await page.getByTestId('progress-matrix').waitFor();
    await page.getByTestId('sync-help').waitFor();
    assert.equal(await page.getByTestId('progress-observer').count(), 13);
    assert.equal(await page.getByTestId('cell-ballot').count(), 12 * 22);
    assert.equal(await page.getByTestId('cell-missing').count(), 22);
    await page.getByTestId('progress-missing').getByText('观摩团成员13').waitFor();
    await shot('progress');
    await page.getByTestId('cell-missing').first().click();
    await page.getByTestId('sheet-history').getByText('尚无评分表').waitFor();
    await page.keyboard.press('Escape');
  });

  it('fills in a county’s review meeting, saves it and prints the minutes as a PDF', async () => {
    await page.getByTestId('tour-tab-reviews').click();
    const reviews = (await api(`/api/tours/${encodeURIComponent(tourId)}/reviews`)).json.reviews as { unitId: string; unitName: string; held: boolean }[];
    const county = reviews[0]!;
    await page.getByTestId(`review-${county.unitId}`).click();
    const form = page.locator('.ant-collapse-item-active').getByTestId('review-form');
    // Enter adds an attendee or picks a date; only the button saves.
    const puts: string[] = [];
    page.on('request', (r) => r.method() === 'PUT' && r.url().includes('/reviews/') && puts.push(r.url()));
    const date = form.getByTestId('review-date');
    await date.click();
    await date.fill('2022-06-09');
    await date.press('Enter');
    await form.getByTestId('review-place').fill(`${county.unitName}委组织部会议室`);
    const attendees = form.getByTestId('review-attendees').locator('input');
    for (const a of ['市委办公室副主任', '县委书记']) {
      await attendees.fill(a);
      await attendees.press('Enter');
    }
    await form.getByTestId('review-site-comment').first().fill('阵地建设规范，群众参与度高。');
    await form.getByTestId('review-remarks').fill('各观摩点特色鲜明，下一步要在长效机制上下功夫。');
    await form.getByTestId('review-score').fill('90.5');
    await form.getByTestId('review-save').click();
    await page.getByText('点评会纪要已保存').waitFor();
    assert.equal(puts.length, 1, 'saved once, by the button');
    const stored = (await api(`/api/tours/${encodeURIComponent(tourId)}/reviews`)).json.reviews.find((r: { unitId: string }) => r.unitId === county.unitId);
    assert.equal(stored.held, true);
    assert.equal(stored.heldOn, '2022-06-09');
    assert.deepEqual(stored.attendees.slice(-2), ['市委办公室副主任', '县委书记']);
    assert.equal(stored.score, '90.5');
    assert.equal(stored.siteComments[0].comment, '阵地建设规范，群众参与度高。');
    await shot('review');

    const [pdf] = await Promise.all([page.waitForEvent('download'), form.getByTestId('review-pdf').click()]);
    assert.match(pdf.suggestedFilename(), /\.pdf$/);
    const bytes = await readFile((await pdf.path())!);
    assert.equal(bytes.subarray(0, 4).toString('latin1'), '%PDF');
  });

  it('reads in English with the header’s switch', async () => {
    await page.locator('.ant-layout-header').getByRole('button', { name: 'English' }).click();
    await page.getByTestId('tour-tab-itinerary').click();
    await page.getByRole('button', { name: 'Save itinerary' }).waitFor();
    await page.getByText('The plan is complete: each site once, every county covered.').waitFor();
    assert.match(await page.getByTestId('itinerary-day-0').innerText(), /Day 1/);
    await page.getByTestId('tour-tab-progress').click();
    await page.getByTestId('sync-help').getByText(/“Last contact” is when the phone last opened its link/).waitFor();
    assert.equal(await page.getByTestId('cell-ballot').first().innerText(), 'Rated (ballot)');
    await shot('progress-en');
    await page.locator('.ant-layout-header').getByRole('button', { name: /中\s*文/ }).click();
    await page.getByTestId('sync-help').getByText(/最近联系/).waitFor();
  });

  it('raised no page error', () => {
    assert.deepEqual(errors, []);
  });
});

describe('a tour in progress in the console: sheets arriving, revisions, refresh', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let shots = '';
  let tourId = '';
  let stops: { id: string; subjectId: string }[] = [];
  let link = '';
  const errors: string[] = [];

  // biome-ignore lint/suspicious/noExplicitAny: the API's JSON, checked by the assertions
  const phone = async (body: unknown): Promise<{ status: number; json: any }> => {
    const res = await fetch(`${server.url}/api/tour-phone/sheets`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return { status: res.status, json: await res.json() };
  };
  const sheet = (stop: { id: string; subjectId: string }, score: string, adjustments: { itemId: string; points: string; reason: string }[] = []) => ({
    link,
    sheet: { id: randomUUID(), stopId: stop.id, scoredAt: new Date().toISOString(), rating: { subjectId: stop.subjectId, score, adjustments } },
  });

  before(async () => {
    await ensureConsole();
    server = await startServer();
    await seedTourCampaign(server.ctx.database);
    await createAccount(server.ctx, 'system', { username: 'office', displayName: '市委组织部办公室', role: 'organiser', unitId: null, password: PASSWORD });
    const tour = await server.api('organiser', `/api/campaigns/${TOUR_CAMPAIGN}/tours`, { body: { name: '现场观摩', sessionId: TOUR_SESSION, raterGroupId: OBSERVERS } });
    assert.equal(tour.status, 201);
    tourId = tour.json.id;
    const days = [0, 1].map((d) => ({ date: `2022-06-0${6 + d}`, stops: TOUR_SITES.slice(d * 11, d * 11 + 11).map((s) => ({ subjectId: s.id })) }));
    const planned = await server.api('organiser', `/api/tours/${tourId}/itinerary`, { method: 'PUT', body: { days } });
    assert.equal(planned.status, 200);
    stops = planned.json.days.flatMap((d: { stops: { id: string; subjectId: string }[] }) => d.stops);
    for (const name of ['观摩团成员01', '观摩团成员02']) {
      const made = await server.api('organiser', `/api/tours/${tourId}/observers`, { body: { name, roleName: '市委组织部副部长' } });
      assert.equal(made.status, 201);
      if (!link) link = made.json.link;
    }
    // The first observer scores the first stop twice (a revision) and the second stop once.
    assert.equal((await phone(sheet(stops[0]!, '85'))).status, 201);
    assert.equal((await phone(sheet(stops[0]!, '88', [{ itemId: 'adj-brand', points: '1.5', reason: '红色物业品牌响亮' }]))).status, 201);
    assert.equal((await phone(sheet(stops[1]!, '80'))).status, 201);
    shots = await screenshotDir('console-tour-progress');
    browser = await launchBrowser();
    page = await consolePage(browser, { errors });
    page.setDefaultTimeout(10_000);
  });
  after(async () => {
    if (errors.length) console.log('page errors:', errors);
    await browser?.close();
    await server?.close();
  });

  it('shows received sheets with their revisions, and every revision of a cell', async () => {
    await page.goto(`${server.url}/console/campaigns/${TOUR_CAMPAIGN}/tours/${tourId}/progress`);
    await logIn(page, 'office', PASSWORD);
    await page.getByTestId('progress-matrix').waitFor();
    const first = page.getByTestId('progress-observer').first();
    assert.match(await first.innerText(), /最近同步：\d\d-\d\d \d\d:\d\d/);
    assert.equal(await page.getByTestId('cell-received').count(), 2);
    assert.equal(await page.getByTestId('cell-missing').count(), 2 * 22 - 2);
    const revised = page.getByTestId('cell-received').first();
    assert.match(await revised.innerText(), /已收 88/);
    assert.match(await revised.innerText(), /第 2 次/);
    await page.getByTestId('progress-missing').getByText('观摩团成员02').waitFor();
    await revised.click();
    const history = page.getByTestId('sheet-history');
    await history.getByTestId('sheet-revision').nth(1).waitFor();
    const revisions = await history.getByTestId('sheet-revision').allInnerTexts();
    assert.match(revisions[0]!, /第 1 次评分[\s\S]*已被后一次替代[\s\S]*85/);
    assert.match(revisions[1]!, /第 2 次评分[\s\S]*计入[\s\S]*88[\s\S]*特色品牌亮点 \+1\.5：红色物业品牌响亮/);
    await shot(page, shots, 'history');
    await page.keyboard.press('Escape');
  });

  it('shows a sheet that arrives while the page is open within one refresh, without a click', async () => {
    assert.equal((await phone(sheet(stops[2]!, '90'))).status, 201);
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="cell-received"]').length === 3, undefined, { timeout: 15_000 });
    await shot(page, shots, 'progress');
  });

  it('raised no page error', () => {
    assert.deepEqual(errors, []);
  });
});
