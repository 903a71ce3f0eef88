/**
 * `npm run bench:phone`: how heavy the phone ballot is, and how soon a rater on a slow link can use it.
 *
 * Builds the page, sums the gzipped JS+CSS it loads, starts the real server on 127.0.0.1 with a seeded open session,
 * and opens a QR link in Chromium at 360×740 under emulated slow 3G (400 kbit/s each way, 400 ms latency, cache
 * off). "Usable" = every subject's grade buttons are on screen and a tap on one takes effect; measured from the start
 * of navigation. Targets: ≤ 60 KB and ≤ 2 s. The last line is JSON.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { buildRatePage } from '../scripts/build-web.js';
import { RATE_PAGE_DIR } from '../src/http/routes/rate-page.js';
import { CITY, COUNTIES, setup } from '../test/http/fixtures.js';
import { launchBrowser, startServer } from '../test/e2e/harness.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const SLOW_3G = { offline: false, latency: 400, downloadThroughput: (400 * 1000) / 8, uploadThroughput: (400 * 1000) / 8 };

function pageAssets(): { file: string; raw: number; gzip: number; br: number }[] {
  const html = readFileSync(join(RATE_PAGE_DIR, 'index.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\/assets\/([^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
  return files.map((file) => {
    const data = readFileSync(join(RATE_PAGE_DIR, 'assets', file));
    return {
      file,
      raw: data.length,
      gzip: gzipSync(data, { level: 9 }).length,
      br: brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    };
  });
}

const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main(): Promise<void> {
  const built = performance.now();
  await buildRatePage();
  const buildMs = performance.now() - built;
  const assets = pageAssets();
  const gzip = assets.reduce((s, a) => s + a.gzip, 0);
  const br = assets.reduce((s, a) => s + a.br, 0);
  console.log(`build ${Math.round(buildMs)} ms`);
  for (const a of assets) console.log(`  ${a.file.padEnd(24)} raw ${kb(a.raw)} KB  gzip ${kb(a.gzip)} KB  br ${kb(a.br)} KB`);
  console.log(`JS+CSS the page loads: gzip ${kb(gzip)} KB, brotli ${kb(br)} KB (target ≤ 60 KB gzipped)`);

  const server = await startServer();
  const browser = await launchBrowser();
  try {
    const ok = <T = unknown>(res: { status: number; json: unknown }, status: number): T => {
      if (res.status !== status) throw new Error(`seeding failed: ${res.status} ${JSON.stringify(res.json)}`);
      return res.json as T;
    };
    ok(await server.api('organiser', '/api/units', { body: { units: [CITY, ...COUNTIES] } }), 201);
    ok(await server.api('organiser', '/api/campaigns', { body: setup() }), 201);
    const session = ok<{ id: string }>(await server.api('organiser', '/api/campaigns/camp1/sessions', { body: { name: '汇报评议会', instrumentIds: ['i-report'], expected: { 'g-office': RUNS } } }), 201);
    ok(await server.api('organiser', `/api/sessions/${session.id}/open`, { method: 'POST' }), 200);
    const tokens: { token: string }[] = ok(await server.api('clerk', `/api/sessions/${session.id}/tokens`, { body: { raterGroupId: 'g-office', count: RUNS } }), 201);
    const subjects = COUNTIES.length;

    const runs: { usable: number; transferred: number; requests: number }[] = [];
    for (let i = 0; i < RUNS; i++) {
      const context = await browser.newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
      await cdp.send('Network.emulateNetworkConditions', SLOW_3G);
      let transferred = 0;
      let requests = 0;
      cdp.on('Network.loadingFinished', (e: { encodedDataLength: number }) => {
        transferred += e.encodedDataLength;
        requests++;
      });
      await page.goto(`${server.url}/r/${tokens[i]!.token}`, { waitUntil: 'commit' });
      // Rendered: every subject's grade buttons exist. Interactive: a tap on the first one takes effect.
      await page.waitForFunction((n) => document.querySelectorAll('li[data-subject] .grades').length === n, subjects, { polling: 'raf', timeout: 30_000 });
      const first = page.locator('li[data-subject] .grades button').first();
      await first.click();
      await page.waitForFunction(() => document.querySelector('li[data-subject] .grades button')?.getAttribute('aria-checked') === 'true', undefined, { polling: 'raf' });
      const usable = await page.evaluate(() => performance.now());
      runs.push({ usable: usable / 1000, transferred, requests });
      console.log(`run ${i + 1}: usable after ${(usable / 1000).toFixed(2)} s (${requests} requests, ${kb(transferred)} KB over the wire)`);
      await context.close();
    }
    const usable = median(runs.map((r) => r.usable));
    const worst = Math.max(...runs.map((r) => r.usable));
    console.log(`slow 3G (400 kbit/s, 400 ms): usable in ${usable.toFixed(2)} s median, ${worst.toFixed(2)} s worst of ${RUNS} (target ≤ 2 s)`);
    console.log(
      JSON.stringify({
        bench: 'phone',
        gzip_kb: kb(gzip),
        br_kb: kb(br),
        usable_s: Math.round(usable * 100) / 100,
        usable_worst_s: Math.round(worst * 100) / 100,
        transferred_kb: kb(median(runs.map((r) => r.transferred))),
        requests: median(runs.map((r) => r.requests)),
        runs: RUNS,
        subjects,
        network: { down_kbit: 400, up_kbit: 400, latency_ms: 400, cache: 'disabled' },
        target: { gzip_kb: 60, usable_s: 2 },
      }),
    );
  } finally {
    await browser.close();
    await server.close();
  }
}

await main();
