/**
 * The big screen and the printed pages in a real browser: the 1920×1080 screen shows a phone's ballot within about a
 * second of its submission; the tally report and a token sheet read well with real names. (The clerk's paper entry is
 * a page of the console: console-paper.test.ts.) Screenshots go to $LEITAI_SCREENSHOTS (or a temp dir, printed) for a
 * human look at the Chinese rendering.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { loadDemo } from '../../src/app/demo/load-demo.js';
import { SESSION_IDS } from '../../src/demo/jincheng.js';
import { CITY, COUNTIES, ratings, setup } from '../http/fixtures.js';
import { launchBrowser, screenshotDir, startServer, type RunningServer } from './harness.js';

describe('the live screen and the printed pages in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let shots = '';

  async function openSession(name: string, expected: number): Promise<string> {
    const created = await server.api('organiser', '/api/campaigns/camp1/sessions', { body: { name, instrumentIds: ['i-report'], expected: { 'g-office': expected }, paperIssued: { 'g-office': 10 } } });
    assert.equal(created.status, 201, JSON.stringify(created.json));
    const id = created.json.id as string;
    assert.equal((await server.api('organiser', `/api/sessions/${id}/open`, { method: 'POST' })).status, 200);
    return id;
  }

  before(async () => {
    server = await startServer();
    shots = await screenshotDir('room');
    assert.equal((await server.api('organiser', '/api/units', { body: { units: [CITY, ...COUNTIES] } })).status, 201);
    assert.equal((await server.api('organiser', '/api/campaigns', { body: setup() })).status, 201);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  const shot = (page: Page, name: string) => page.screenshot({ path: join(shots, `${name}.png`), fullPage: false });

  it('the big screen shows a submitted ballot within about a second', async () => {
    const sessionId = await openSession('乡镇党委书记交流座谈会', 8);
    const issued = await server.api('clerk', `/api/sessions/${sessionId}/tokens`, { body: { raterGroupId: 'g-office', count: 6 } });
    const tokens = issued.json as { token: string }[];
    const key = (await server.api('organiser', `/api/sessions/${sessionId}/screen-keys`, { method: 'POST' })).json.key as string;
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    try {
      await page.goto(`${server.url}/screen/${sessionId}?key=${key}`);
      await page.waitForSelector('#returned[data-returned="0"]');
      await shot(page, 'screen-voting');
      for (let i = 0; i < 3; i++) {
        const started = Date.now();
        const res = await server.api(null, '/api/ballots', { body: { token: tokens[i]!.token, ballots: [{ instrumentId: 'i-report', ratings: ratings(i % 3) }] } });
        assert.equal(res.status, 201, JSON.stringify(res.json));
        await page.waitForSelector(`#returned[data-returned="${i + 1}"]`, { timeout: 1500 });
        const took = Date.now() - started;
        assert.ok(took < 1500, `screen updated after ${took} ms`);
      }
      // Three sheets back: the group's count and (visibility: live) the scores appear.
      await page.waitForSelector('[data-group-returned="g-office"]');
      assert.match(await page.textContent('ol.rank') ?? '', /城区/);
      await shot(page, 'screen-live-results');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth || document.documentElement.scrollHeight > window.innerHeight);
      assert.equal(overflow, false);
    } finally {
      await page.close();
    }
  });

  it('the screen says so plainly when its key is wrong', async () => {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    try {
      await page.goto(`${server.url}/screen/nosuch?key=AAAAAAAAAAAAAAAAAAAAAA`);
      await page.waitForSelector('.error:has-text("大屏密钥无效")');
    } finally {
      await page.close();
    }
  });

  it('the screen, the tally report and a token sheet read well with the Jincheng demo’s real names', async () => {
    const demo = await startServer();
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    try {
      // The demo also creates its own accounts, whose names the harness already took: its campaign is loaded first.
      await loadDemo(demo.ctx).catch(() => null);
      for (const [name, sessionId] of [['report', SESSION_IDS.report], ['seminar', SESSION_IDS.seminar]] as const) {
        const key = (await demo.api('organiser', `/api/sessions/${sessionId}/screen-keys`, { method: 'POST' })).json.key as string;
        await page.goto(`${demo.url}/screen/${sessionId}?key=${key}`);
        await page.waitForSelector('ol.rank li');
        await shot(page, `screen-demo-${name}`);
        const clipped = await page.evaluate(() => [...document.querySelectorAll('ol.rank')].filter((ol) => ol.classList.contains('clipped')).length);
        assert.equal(clipped, 0, `${name}: a ranking list does not fit`);
        // 77 townships do not fit at a legible size: they turn page by page.
        if (name === 'seminar') assert.match(await page.textContent('.page-no') ?? '', /第 1 \/ [2-9] 页/);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth || document.documentElement.scrollHeight > window.innerHeight);
        assert.equal(overflow, false);
      }
      const report = await fetch(`${demo.url}/api/sessions/${SESSION_IDS.report}/tally-report.html`, { headers: { authorization: `Bearer ${demo.tokens.clerk}` } });
      await page.setViewportSize({ width: 900, height: 1270 });
      await page.setContent(await report.text());
      await shot(page, 'tally-report-demo');
      await page.pdf({ path: join(shots, 'tally-report-demo.pdf'), format: 'A4', printBackground: true });
      const sessionId = await (async () => {
        const created = await demo.api('organiser', '/api/campaigns/jincheng-2022-06/sessions', { body: { name: '县（市、区）委书记汇报点评会（补测）', instrumentIds: [(await demo.api('clerk', `/api/sessions/${SESSION_IDS.report}`)).json.instrumentIds[0]], expected: {} } });
        return created.json.id as string | undefined;
      })();
      const target = sessionId ?? SESSION_IDS.report;
      if (sessionId) await demo.api('organiser', `/api/sessions/${sessionId}/open`, { method: 'POST' });
      const groups = (await demo.api('clerk', `/api/sessions/${target}/paper-form`)).json.groups as { groupId: string; mode: string }[];
      const group = groups.find((g) => g.mode === 'anonymous')!;
      const sheet = await fetch(`${demo.url}/api/sessions/${target}/token-sheets`, { method: 'POST', headers: { authorization: `Bearer ${demo.tokens.clerk}`, 'content-type': 'application/json' }, body: JSON.stringify({ raterGroupId: group.groupId, count: 12 }) });
      assert.equal(sheet.status, 201, await sheet.clone().text());
      await page.setContent(await sheet.text());
      await shot(page, 'token-sheet-demo');
      await page.pdf({ path: join(shots, 'token-sheet-demo.pdf'), format: 'A4' });
    } finally {
      await page.close();
      await demo.close();
    }
  });
});
