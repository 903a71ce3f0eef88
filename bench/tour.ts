/**
 * `npm run bench:tour`: how heavy the observer's tour page is, and how soon an observer on a slow link can use it.
 *
 * Builds the page, sums the gzipped JS+CSS it loads (and, apart, its service worker), starts the real server on
 * 127.0.0.1 with an open session, a tour of 22 stops over 6 days and one observer per run, and opens each personal link
 * in a fresh Chromium context at 360×740 under emulated slow 3G (400 kbit/s each way, 400 ms latency, cache off).
 * "Usable" = every stop is listed and a tap on the first opens its score sheet with the score field; measured from
 * the start of navigation. Then, on the same phone with no network at all, a reload (the service worker's copy):
 * the time to the same point. The baseline, measured in the same run and the same way: the phone ballot (/r/<token>,
 * bench:phone's measure). Targets: ≤ 60 KB and < 2 s. The last line is JSON.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { buildRatePage, buildTourPage } from '../scripts/build-web.js';
import { TOUR_PAGE_DIR } from '../src/http/routes/tour-page.js';
import { CITY, COUNTIES } from '../test/http/fixtures.js';
import { observationSetup, SITES } from '../test/http/observation-fixtures.js';
import { launchBrowser, startServer, type RunningServer } from '../test/e2e/harness.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const SLOW_3G = { offline: false, latency: 400, downloadThroughput: (400 * 1000) / 8, uploadThroughput: (400 * 1000) / 8 };
const PHONE = { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' };
/** The report's tour: 22 stops. The fixture has 3 sites; the tour visits them and the bench pads the days with copies. */
const DAYS = 6;
const STOPS_PER_DAY = [4, 4, 4, 4, 3, 3];

const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const gzipped = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;

function pageWeight(): { files: { file: string; gzip: number }[]; gzip: number; sw: number } {
  const html = readFileSync(join(TOUR_PAGE_DIR, 'index.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\/assets\/([^"]+\.(?:js|css))"/g)].map((m) => ({ file: m[1]!, gzip: gzipped(join(TOUR_PAGE_DIR, 'assets', m[1]!)) }));
  return { files, gzip: files.reduce((s, f) => s + f.gzip, 0), sw: gzipped(join(TOUR_PAGE_DIR, 'sw.js')) };
}

function ok<T = unknown>(res: { status: number; json: unknown }, status: number): T {
  if (res.status !== status) throw new Error(`seeding failed: ${res.status} ${JSON.stringify(res.json)}`);
  return res.json as T;
}

/** An open session of 观摩评 with a tour of 22 stops and one observer per run: the observers' links. */
async function seedTour(server: RunningServer): Promise<{ links: string[]; stops: number }> {
  const setup = observationSetup();
  // 22 sites in the fixture's three counties, as the report's tour has.
  const sites = Array.from({ length: 22 }, (_, i) => ({ ...SITES[i % SITES.length]!, id: `s-bench${i + 1}`, name: `${SITES[i % SITES.length]!.name}（${i + 1}）` }));
  setup.subjects.push(...sites);
  for (const ins of setup.instruments) if (ins.id === 'i-observe') ins.subjectIds = [...ins.subjectIds, ...sites.map((s) => s.id)];
  ok(await server.api('organiser', '/api/campaigns', { body: setup }), 201);
  const session = ok<{ id: string }>(await server.api('organiser', '/api/campaigns/camp1/sessions', { body: { name: '现场观摩', instrumentIds: ['i-observe'], expected: { 'g-tf': RUNS } } }), 201);
  ok(await server.api('organiser', `/api/sessions/${session.id}/open`, { method: 'POST' }), 200);
  const tour = ok<{ id: string }>(await server.api('organiser', '/api/campaigns/camp1/tours', { body: { name: '全市基层治理现场观摩', sessionId: session.id } }), 201);
  let next = 0;
  const days = Array.from({ length: DAYS }, (_, d) => ({
    date: `2022-06-${String(14 + d).padStart(2, '0')}`,
    label: `第${d + 1}天`,
    stops: Array.from({ length: STOPS_PER_DAY[d]! }, (_, k) => {
      const site = sites[next++]!;
      return { subjectId: site.id, theme: '基层治理实训点观摩', address: `${site.name}所在地`, plannedTime: `${String(9 + k).padStart(2, '0')}:00` };
    }),
  }));
  ok(await server.api('organiser', `/api/tours/${tour.id}/itinerary`, { method: 'PUT', body: { days } }), 200);
  const links: string[] = [];
  for (let i = 0; i < RUNS; i++) {
    const made = ok<{ link: string }>(await server.api('organiser', `/api/tours/${tour.id}/observers`, { body: { name: `观摩团成员${String(i + 1).padStart(2, '0')}`, roleName: '市委组织部' } }), 201);
    links.push(made.link);
  }
  return { links, stops: next };
}

/** The ballot of the same campaign for the baseline: one token per run. */
async function seedBallot(server: RunningServer): Promise<{ tokens: string[]; subjects: number }> {
  const session = ok<{ id: string }>(await server.api('organiser', '/api/campaigns/camp1/sessions', { body: { name: '汇报评议会', instrumentIds: ['i-report'], expected: { 'g-office': RUNS } } }), 201);
  ok(await server.api('organiser', `/api/sessions/${session.id}/open`, { method: 'POST' }), 200);
  const tokens: { token: string }[] = ok(await server.api('clerk', `/api/sessions/${session.id}/tokens`, { body: { raterGroupId: 'g-office', count: RUNS } }), 201);
  return { tokens: tokens.map((t) => t.token), subjects: COUNTIES.length };
}

async function slowPhone(browser: Browser) {
  const context = await browser.newContext(PHONE);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', SLOW_3G);
  return { context, page, cdp };
}

/** Every stop listed, and a tap on the first opens its sheet with the score field: ms since navigation start. */
async function tourUsable(page: Page, stops: number): Promise<number> {
  await page.waitForFunction((n) => document.querySelectorAll('button.stop').length === n, stops, { polling: 'raf', timeout: 30_000 });
  await page.locator('button.stop').first().click();
  await page.locator('input[name="score"]').waitFor({ timeout: 30_000 });
  return page.evaluate(() => performance.now());
}

async function main(): Promise<void> {
  const started = performance.now();
  await buildTourPage();
  await buildRatePage();
  console.log(`build ${Math.round(performance.now() - started)} ms`);
  const weight = pageWeight();
  for (const f of weight.files) console.log(`  ${f.file.padEnd(24)} gzip ${kb(f.gzip)} KB`);
  console.log(`JS+CSS the page loads: gzip ${kb(weight.gzip)} KB (target ≤ 60 KB); service worker sw.js: gzip ${kb(weight.sw)} KB`);

  const server = await startServer();
  const browser = await launchBrowser();
  try {
    ok(await server.api('organiser', '/api/units', { body: { units: [CITY, ...COUNTIES] } }), 201);
    const { links, stops } = await seedTour(server);
    const ballot = await seedBallot(server);

    const tour: { usable: number; offline: number }[] = [];
    for (let i = 0; i < RUNS; i++) {
      const { context, page, cdp } = await slowPhone(browser);
      await page.goto(server.url + links[i]!, { waitUntil: 'commit' });
      const usable = await tourUsable(page, stops);
      // The same phone later, with no network: the service worker's page and the tour kept in IndexedDB.
      await page.getByText('← 返回行程').click();
      await page.getByTestId('offline-ready').and(page.locator('[data-state="ready"]')).waitFor({ timeout: 60_000 });
      await cdp.send('Network.emulateNetworkConditions', { ...SLOW_3G, offline: true });
      await context.setOffline(true);
      await page.reload({ waitUntil: 'commit' });
      const offline = await tourUsable(page, stops);
      tour.push({ usable, offline });
      console.log(`tour run ${i + 1}: usable after ${Math.round(usable)} ms on slow 3G; offline reload usable after ${Math.round(offline)} ms`);
      await context.close();
    }

    const baseline: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const { context, page } = await slowPhone(browser);
      await page.goto(`${server.url}/r/${ballot.tokens[i]!}`, { waitUntil: 'commit' });
      await page.waitForFunction((n) => document.querySelectorAll('li[data-subject] .grades').length === n, ballot.subjects, { polling: 'raf', timeout: 30_000 });
      await page.locator('li[data-subject] .grades button').first().click();
      await page.waitForFunction(() => document.querySelector('li[data-subject] .grades button')?.getAttribute('aria-checked') === 'true', undefined, { polling: 'raf' });
      const usable = await page.evaluate(() => performance.now());
      baseline.push(usable);
      console.log(`ballot run ${i + 1} (baseline): usable after ${Math.round(usable)} ms on slow 3G`);
      await context.close();
    }

    const usable = median(tour.map((r) => r.usable));
    console.log(`slow 3G (400 kbit/s, 400 ms): tour page usable in ${Math.round(usable)} ms median (target < 2000 ms); the ballot page in ${Math.round(median(baseline))} ms`);
    console.log(
      JSON.stringify({
        bench: 'tour',
        gzip_kb: kb(weight.gzip),
        sw_gzip_kb: kb(weight.sw),
        usable_ms: Math.round(usable),
        usable_worst_ms: Math.round(Math.max(...tour.map((r) => r.usable))),
        offline_reload_usable_ms: Math.round(median(tour.map((r) => r.offline))),
        baseline_ballot_usable_ms: Math.round(median(baseline)),
        runs: RUNS,
        stops,
        network: { down_kbit: 400, up_kbit: 400, latency_ms: 400, cache: 'disabled' },
        target: { gzip_kb: 60, usable_ms: 2000 },
      }),
    );
  } finally {
    await browser.close();
    await server.close();
  }
}

await main();
