/**
 * The observer's tour page in Chromium on a 360-px phone, offline (issue #15, "How we will judge it"): the observer
 * opens their link online; the network is cut; two stops are scored; the page is reloaded offline, and the browser
 * restarted offline, and still works with the two sheets 待同步; back online, each sheet is stored exactly once (one
 * answer lost on the way, so one sheet goes twice); the same queue sent again stores nothing new; the office's
 * progress shows the stops as received; a second scoring is a new revision; a sheet scored after the close is refused
 * and stays on the phone with its reason.
 *
 * The cut is `context.setOffline(true)` and, because a reloaded page and a service worker may still reach the network
 * under Chromium's emulation, every request of the browser is also aborted while it lasts. Proof that the page needs no
 * network: the server's own request log is empty for the whole cut, and the browser's log shows what the page and its
 * service worker tried, every one failed or answered by the service worker.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { BrowserContext, Page, Request } from 'playwright-core';
import { ensureTourPage } from '../../scripts/build-web.js';
import { CITY, COUNTIES } from '../http/fixtures.js';
import { observationSetup } from '../http/observation-fixtures.js';
import { launchProfile, screenshotDir, startServer, type RunningServer } from './harness.js';

const VIEWPORT = { width: 360, height: 740 };
const DEVICE = { isMobile: true, hasTouch: true, deviceScaleFactor: 2, locale: 'zh-CN' };

describe('observer tour page offline (Chromium, 360×740)', () => {
  let server: RunningServer;
  let profile = '';
  let shots = '';
  let sessionId = '';
  let tourId = '';
  let link = '';
  let stopIds: string[] = [];
  /** Every request that reached the server, as it saw it. */
  const reached: string[] = [];
  const ok = <T = unknown>(res: { status: number; json: unknown }, status: number): T => {
    assert.equal(res.status, status, JSON.stringify(res.json));
    return res.json as T;
  };

  before(async () => {
    await ensureTourPage();
    shots = await screenshotDir('tour-offline');
    profile = await mkdtemp(join(tmpdir(), 'leitai-tour-phone-'));
    server = await startServer();
    server.app.server.on('request', (req) => reached.push(`${req.method} ${req.url}`));
    ok(await server.api('organiser', '/api/units', { body: { units: [CITY, ...COUNTIES] } }), 201);
    ok(await server.api('organiser', '/api/campaigns', { body: observationSetup() }), 201);
    const session = ok<{ id: string }>(await server.api('organiser', '/api/campaigns/camp1/sessions', { body: { name: '现场观摩', instrumentIds: ['i-observe'], expected: { 'g-tf': 3 } } }), 201);
    sessionId = session.id;
    ok(await server.api('organiser', `/api/sessions/${sessionId}/open`, { method: 'POST' }), 200);
    const tour = ok<{ id: string }>(await server.api('organiser', '/api/campaigns/camp1/tours', { body: { name: '基层治理现场观摩', sessionId } }), 201);
    tourId = tour.id;
    const plan = ok<{ days: { stops: { id: string }[] }[] }>(
      await server.api('organiser', `/api/tours/${tourId}/itinerary`, {
        method: 'PUT',
        body: {
          days: [
            {
              date: '2022-06-14',
              label: '城区、东县',
              stops: [
                { subjectId: 's-site1', theme: '网格化治理', address: '凤台街道凤台东街 1 号', plannedTime: '09:00' },
                { subjectId: 's-site2', theme: '便民服务', address: '北留镇政府西侧', plannedTime: '10:30' },
              ],
            },
            { date: '2022-06-15', label: '西县', stops: [{ subjectId: 's-site3', theme: '网格工作站', address: '润城镇', plannedTime: '09:30' }] },
          ],
        },
      }),
      200,
    );
    stopIds = plan.days.flatMap((d) => d.stops.map((s) => s.id));
    assert.equal(stopIds.length, 3);
    const observer = ok<{ link: string }>(await server.api('organiser', `/api/tours/${tourId}/observers`, { body: { name: '观摩团成员01', roleName: '市委组织部副部长' } }), 201);
    link = observer.link;
    assert.match(link, /^\/o\/[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
  });
  after(async () => {
    await server?.close();
    if (profile) await rm(profile, { recursive: true, force: true });
  });

  /** The server's sheets of this tour, every revision. */
  const serverSheets = async () => ok<{ sheets: { id: string; stopId: string; revision: number; receivedAt: string }[] }>(await server.api('organiser', `/api/tours/${tourId}/sheets`), 200).sheets;
  const stop = (page: Page, stopId: string) => page.locator(`button.stop[data-stop="${stopId}"]`);
  const state = (page: Page, stopId: string) => stop(page, stopId).getByTestId('stop-state');
  const shot = (page: Page, name: string) => page.screenshot({ path: join(shots, `${name}.png`) });

  /** The observer's own browser; `cut` aborts everything it sends while the network is down. */
  async function phone(cut: { on: boolean }, tried: string[]): Promise<{ context: BrowserContext; page: Page }> {
    const context = await launchProfile(profile, VIEWPORT, DEVICE);
    await context.route('**/*', (route) => (cut.on ? route.abort('internetdisconnected') : route.fallback()));
    const note = (what: string) => (r: Request) => {
      if (cut.on) tried.push(`${what} ${r.serviceWorker() ? 'service worker' : 'page'} ${r.method()} ${new URL(r.url()).pathname}`);
    };
    context.on('request', note('asked'));
    context.on('requestfailed', note('failed'));
    context.on('requestfinished', async (r) => {
      if (cut.on) tried.push(`${(await r.response())?.fromServiceWorker() ? 'from service worker' : 'FROM NETWORK'} ${r.method()} ${new URL(r.url()).pathname}`);
    });
    if (cut.on) await context.setOffline(true);
    return { context, page: context.pages()[0] ?? (await context.newPage()) };
  }

  async function score(page: Page, stopId: string, points: string, adjustment: { bonus: boolean; item: string; points: string; reason: string } | null): Promise<void> {
    await stop(page, stopId).click();
    await page.getByTestId('score-screen').waitFor();
    await page.locator('input[name="score"]').fill(points);
    if (adjustment) {
      await page.getByRole('button', { name: adjustment.bonus ? '＋ 加分' : '－ 减分' }).click();
      await page.locator('.adj select').last().selectOption(adjustment.item);
      await page.locator('.adj input[name="points"]').last().fill(adjustment.points);
      await page.locator('.adj textarea[name="reason"]').last().fill(adjustment.reason);
    }
    await page.getByTestId('save').click();
    await page.getByTestId('syncbar').waitFor();
  }

  async function assertFitsPhone(page: Page): Promise<void> {
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 360, `page is ${width}px wide: horizontal scroll on a 360px phone`);
    const small = await page.evaluate(() =>
      [...document.querySelectorAll('button, input, textarea, select')]
        .map((el) => ({ text: (el as HTMLElement).innerText || (el as HTMLInputElement).name, h: el.getBoundingClientRect().height, w: el.getBoundingClientRect().width }))
        .filter((b) => b.h > 0 && (b.h < 44 || b.w < 44)),
    );
    assert.deepEqual(small, [], 'tap targets under 44px');
  }

  it('scores two stops with no network, keeps them through a reload and a browser restart, and stores each once', async () => {
    const cut = { on: false };
    const tried: string[] = [];
    let { context, page } = await phone(cut, tried);
    try {
      // Online, once: the page, its service worker and the tour are on the phone.
      await page.goto(server.url + link);
      await page.getByTestId('offline-ready').and(page.locator('[data-state="ready"]')).waitFor({ timeout: 15_000 });
      assert.equal(await page.getByTestId('observer').innerText(), '观摩团成员01 · 市委组织部副部长');
      assert.deepEqual(await page.getByTestId('stop-state').allInnerTexts(), ['未评', '未评', '未评']);
      await assertFitsPhone(page);
      await shot(page, '1-online');

      // The cut.
      cut.on = true;
      await context.setOffline(true);
      const reachedBefore = reached.length;

      await score(page, stopIds[0]!, '86.5', { bonus: true, item: 'adj-brand', points: '2', reason: '打造“红色驿站”服务品牌' });
      await score(page, stopIds[1]!, '78', { bonus: false, item: 'adj-rectify', points: '1', reason: '上次督导问题整改不到位' });
      assert.equal(await state(page, stopIds[0]!).innerText(), '待同步');
      assert.equal(await state(page, stopIds[1]!).innerText(), '待同步');
      assert.equal(await state(page, stopIds[2]!).innerText(), '未评');
      assert.equal(await page.getByTestId('pending-count').innerText(), '待同步 2 份');
      await page.getByTestId('sync').click();
      await page.getByTestId('sync-outcome').filter({ hasText: '网络不通' }).waitFor();
      await assertFitsPhone(page);
      await shot(page, '2-offline-scored');

      // A reload with no network: the service worker serves the page, IndexedDB the tour and the queue.
      const reload = await page.reload();
      assert.equal(reload?.fromServiceWorker(), true, 'the offline reload is answered by the service worker');
      await state(page, stopIds[1]!).filter({ hasText: '待同步' }).waitFor();
      assert.deepEqual(await page.getByTestId('stop-state').allInnerTexts(), ['待同步', '待同步', '未评']);
      await shot(page, '3-offline-reloaded');

      // The browser closed and opened again, still with no network.
      await context.close();
      ({ context, page } = await phone(cut, tried));
      await page.goto(server.url + link);
      await state(page, stopIds[1]!).filter({ hasText: '待同步' }).waitFor();
      assert.deepEqual(await page.getByTestId('stop-state').allInnerTexts(), ['待同步', '待同步', '未评']);
      await stop(page, stopIds[0]!).click();
      assert.equal(await page.locator('[data-testid="history"] li').count(), 1);
      await page.getByText('← 返回行程').click();

      assert.deepEqual(reached.slice(reachedBefore), [], 'no request reached the server during the cut');
      assert.ok(tried.some((t) => t.startsWith('from service worker GET /o/')), `the page came from the service worker:\n${tried.join('\n')}`);
      assert.deepEqual(tried.filter((t) => t.startsWith('FROM NETWORK')), [], 'nothing was answered from the network during the cut');
      console.log(`during the cut the browser tried (all failed or answered by the service worker):\n  ${[...new Set(tried)].join('\n  ')}`);

      // Back online. The first sheet's answer is lost on the way: the server stores it, the phone does not hear.
      cut.on = false;
      await context.setOffline(false);
      let lose = true;
      await page.route('**/api/tour-phone/sheets', async (route) => {
        if (!lose) return route.fallback();
        lose = false;
        await route.fetch();
        await route.abort('connectionreset');
      });
      await page.evaluate(() => dispatchEvent(new Event('online')));
      await page.getByTestId('sync-outcome').filter({ hasText: '网络不通' }).waitFor();
      assert.equal((await serverSheets()).length, 1, 'the sheet whose answer was lost is stored');
      assert.deepEqual(await page.getByTestId('stop-state').allInnerTexts(), ['待同步', '待同步', '未评']);

      // The button sends the queue again, oldest first: the first sheet is a duplicate, the second is stored.
      await page.getByTestId('sync').click();
      await state(page, stopIds[1]!).filter({ hasText: /^已同步 \d\d:\d\d$/ }).waitFor();
      assert.match(await state(page, stopIds[0]!).innerText(), /^已同步 \d\d:\d\d$/);
      const stored = await serverSheets();
      const phoneIds = await page.evaluate(() =>
        new Promise<string[]>((resolve, reject) => {
          const open = indexedDB.open('leitai-tour');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const all = open.result.transaction('sheets').objectStore('sheets').getAll();
            all.onsuccess = () => resolve((all.result as { id: string; queuedAt: number }[]).sort((a, b) => a.queuedAt - b.queuedAt).map((s) => s.id));
          };
        }),
      );
      assert.deepEqual(stored.map((s) => s.id).sort(), [...phoneIds].sort(), 'each sheet stored once, under the id the phone made');
      assert.deepEqual(stored.map((s) => [s.stopId, s.revision]).sort(), [[stopIds[0], 1], [stopIds[1], 1]].sort());
      await shot(page, '4-synced');

      // The same queue sent again (every sheet marked unsent on the phone, the page reopened): nothing new.
      await page.evaluate(() =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('leitai-tour');
          open.onsuccess = () => {
            const tx = open.result.transaction('sheets', 'readwrite');
            const store = tx.objectStore('sheets');
            const all = store.getAll();
            all.onsuccess = () => {
              for (const s of all.result as { state: string }[]) store.put({ ...s, state: 'pending' });
            };
            tx.oncomplete = () => resolve();
            tx.onerror = () => reject(tx.error);
          };
        }),
      );
      await page.reload();
      await state(page, stopIds[1]!).filter({ hasText: /^已同步/ }).waitFor();
      assert.deepEqual(
        (await serverSheets()).map((s) => [s.id, s.receivedAt]).sort(),
        stored.map((s) => [s.id, s.receivedAt]).sort(),
        'the replayed queue stored nothing new and was answered with the first receipts',
      );

      // The office sees the two stops received, and the third missing.
      const progress = ok<{
        stops: { stopId: string; received: number; expected: number }[];
        observers: { lastSyncedAt: string | null; sheets: { stopId: string; revisions: number }[] }[];
        missing: { stopId: string }[];
      }>(await server.api('organiser', `/api/tours/${tourId}/progress`), 200);
      assert.deepEqual(progress.stops.map((s) => [s.stopId, s.received, s.expected]), [[stopIds[0], 1, 1], [stopIds[1], 1, 1], [stopIds[2], 0, 1]]);
      assert.ok(progress.observers[0]?.lastSyncedAt, 'the observer’s phone has synced');
      assert.deepEqual(progress.missing.map((m) => m.stopId), [stopIds[2]]);
    } finally {
      await context.close();
    }
  });

  it('keeps a second scoring as revision 2, and a sheet scored after the close on the phone with its reason', async () => {
    const cut = { on: false };
    const tried: string[] = [];
    const { context, page } = await phone(cut, tried);
    try {
      await page.goto(server.url + link);
      await state(page, stopIds[0]!).filter({ hasText: /^已同步/ }).waitFor();

      // 第 2 次: online, saved and sent at once.
      await stop(page, stopIds[0]!).click();
      await page.getByTestId('rescore').click();
      assert.equal(await page.getByTestId('score-title').innerText(), '第 2 次评分');
      assert.equal(await page.locator('input[name="score"]').inputValue(), '86.5', 'a new revision starts from the last one');
      await page.locator('input[name="score"]').fill('88');
      await page.getByTestId('save').click();
      await state(page, stopIds[0]!).filter({ hasText: /^已同步/ }).waitFor();
      await stop(page, stopIds[0]!).click();
      assert.deepEqual(
        (await page.locator('[data-testid="history"] li b').allInnerTexts()),
        ['第 2 次', '第 1 次'],
      );
      await shot(page, '5-revisions');
      await page.getByText('← 返回行程').click();
      const revisions = (await serverSheets()).filter((s) => s.stopId === stopIds[0]).map((s) => s.revision);
      assert.deepEqual(revisions.sort(), [1, 2]);

      // Scored offline; the office closes the session meanwhile; back online the sheet is refused and stays.
      cut.on = true;
      await context.setOffline(true);
      await score(page, stopIds[2]!, '90', null);
      ok(await server.api('organiser', `/api/sessions/${sessionId}/close`, { method: 'POST' }), 200);
      cut.on = false;
      await context.setOffline(false);
      const before = (await serverSheets()).length;
      await page.getByTestId('sync').click();
      await state(page, stopIds[2]!).filter({ hasText: /^未接收（/ }).waitFor();
      assert.match(await state(page, stopIds[2]!).innerText(), /^未接收（观摩评已结束/);
      await page.getByTestId('closed').waitFor();
      assert.equal((await serverSheets()).length, before, 'nothing stored after the close');
      await page.reload();
      await state(page, stopIds[2]!).filter({ hasText: /^未接收（/ }).waitFor();
      await stop(page, stopIds[2]!).click();
      assert.match(await page.getByTestId('refusal').innerText(), /观摩评已结束/);
      assert.equal(await page.getByTestId('save').count(), 0, 'a closed tour takes no new scores');
      await shot(page, '6-refused-after-close');

      // The English switch, as on the other phone pages.
      await page.getByText('← 返回行程').click();
      await page.getByRole('button', { name: 'English' }).click();
      assert.match(await state(page, stopIds[1]!).innerText(), /^Synced \d\d:\d\d$/);
      assert.match(await state(page, stopIds[2]!).innerText(), /^Not accepted \(/);
      await assertFitsPhone(page);
      await page.getByRole('button', { name: '中文' }).click();
    } finally {
      await context.close();
    }
  });

  it('scores a stop by the instrument’s criteria, with their sum and the caps shown live', async () => {
    const session = ok<{ id: string }>(await server.api('organiser', '/api/campaigns/camp1/sessions', { body: { name: '现场观摩（细则）', instrumentIds: ['i-visit'], expected: { 'g-tf': 3 } } }), 201);
    ok(await server.api('organiser', `/api/sessions/${session.id}/open`, { method: 'POST' }), 200);
    const tour = ok<{ id: string }>(await server.api('organiser', '/api/campaigns/camp1/tours', { body: { name: '细则观摩', sessionId: session.id } }), 201);
    const plan = ok<{ days: { stops: { id: string }[] }[] }>(
      await server.api('organiser', `/api/tours/${tour.id}/itinerary`, { method: 'PUT', body: { days: [{ date: '2022-06-16', stops: [{ subjectId: 's-site1', theme: '组织建设', address: '凤台街道' }] }] } }),
      200,
    );
    const stopId = plan.days[0]!.stops[0]!.id;
    const observer = ok<{ link: string }>(await server.api('organiser', `/api/tours/${tour.id}/observers`, { body: { name: '观摩团成员02', roleName: '市委政法委' } }), 201);
    const { context, page } = await phone({ on: false }, []);
    try {
      await page.goto(server.url + observer.link);
      await stop(page, stopId).click();
      await page.locator('input[name="criterion-c-org"]').fill('36');
      assert.equal(await page.getByTestId('criteria-sum').innerText(), '—');
      await page.locator('input[name="criterion-c-effect"]').fill('61');
      assert.match(await page.getByTestId('problems').innerText(), /「工作成效」须在 0–60 分之间/);
      await page.locator('input[name="criterion-c-effect"]').fill('52.5');
      assert.equal(await page.getByTestId('criteria-sum').innerText(), '88.5');
      // Two bonuses over the cap of 3: counted as the cap (封顶), said at once, not a refusal.
      for (const [item, points] of [['adj-brand', '2'], ['adj-people', '1.5']] as const) {
        await page.getByRole('button', { name: '＋ 加分' }).click();
        await page.locator('.adj select').last().selectOption(item);
        await page.locator('.adj input[name="points"]').last().fill(points);
        await page.locator('.adj textarea[name="reason"]').last().fill('现场亮点');
      }
      assert.match(await page.getByTestId('adj-cap-warning').innerText(), /加分合计 3.5，超过上限 3：按上限 3 分计入/);
      await assertFitsPhone(page);
      await shot(page, '7-criteria');
      await page.getByTestId('save').click();
      await state(page, stopId).filter({ hasText: /^已同步/ }).waitFor();
      const [sheet] = ok<{ sheets: { rating: { criteria?: Record<string, string> } }[] }>(await server.api('organiser', `/api/tours/${tour.id}/sheets`), 200).sheets;
      assert.deepEqual(sheet?.rating.criteria, { 'c-org': '36', 'c-effect': '52.5' });
    } finally {
      await context.close();
    }
  });
});
