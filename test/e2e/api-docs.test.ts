/**
 * The API docs (/api/docs) under their Content-Security-Policy, in Chromium: Swagger UI draws every operation, the
 * page loads nothing from elsewhere, and the browser reports no refused script, style or image.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchBrowser, startServer, type RunningServer } from './harness.js';

describe('the API docs under their CSP (Chromium)', () => {
  let server: RunningServer;
  let browser: Browser;
  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('draws the operations with no CSP violation and no outside request', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems: string[] = [];
    const outside: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || /Content Security Policy/i.test(m.text())) problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(String(e)));
    page.on('request', (r) => {
      if (!r.url().startsWith(server.url) && !r.url().startsWith('data:')) outside.push(r.url());
    });
    const res = await page.goto(`${server.url}/api/docs`);
    assert.equal(res?.status(), 200);
    assert.match(res?.headers()['content-security-policy'] ?? '', /frame-ancestors 'none'/);
    await page.locator('.opblock').first().waitFor({ timeout: 20_000 });
    // Swagger UI draws the operations tag by tag: wait for them all rather than count the first ones.
    await page.waitForFunction(() => document.querySelectorAll('.opblock').length > 100, undefined, { timeout: 30_000 }).catch(() => undefined);
    assert.ok((await page.locator('.opblock').count()) > 100, `every operation is drawn (${await page.locator('.opblock').count()})`);
    // Open one operation: its parameters and responses render too.
    await page.locator('.opblock-summary').first().click();
    await page.locator('.opblock-body').first().waitFor();
    assert.deepEqual(problems, []);
    assert.deepEqual(outside, []);
  });
});
