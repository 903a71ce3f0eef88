/**
 * The API docs (/api/docs) under their Content-Security-Policy, in Chromium: Swagger UI draws every operation, the
 * page loads nothing from elsewhere, and the browser reports no refused script, style or image.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, startServer, type RunningServer } from './harness.js';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/** "tag METHOD /path" for each operation under each of its tags, as Swagger UI lists them. */
async function documentedOperations(url: string): Promise<{ tags: string[]; operations: string[] }> {
  const doc = (await (await fetch(`${url}/api/docs/json`)).json()) as { paths: Record<string, Record<string, { tags?: string[] }>> };
  const operations: string[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      if (!METHODS.includes(method)) continue;
      for (const tag of operation.tags ?? ['default']) operations.push(`${tag} ${method.toUpperCase()} ${path}`);
    }
  }
  return { tags: [...new Set(operations.map((o) => o.split(' ')[0]!))], operations };
}

/**
 * Swagger UI (5.34) virtualizes a list of 150 rows or more (tag headings and operations): only the rows in and near the
 * window are in the page, the others are drawn as the reader scrolls to them. So scroll from top to bottom and note
 * every operation drawn on the way, by its tag (from the element's id, `operations-<tag>-<operationId>`), method and path.
 */
async function operationsDrawnWhileScrolling(page: Page, tags: string[]): Promise<Set<string>> {
  const drawn = new Set<string>();
  const byLength = [...tags].sort((a, b) => b.length - a.length);
  for (let step = 0; step < 500; step++) {
    const blocks = await page.locator('.opblock').evaluateAll((elements) => elements.map((e) => ({
      id: e.id,
      method: e.querySelector('.opblock-summary-method')?.textContent ?? '',
      path: e.querySelector('.opblock-summary-path')?.getAttribute('data-path') ?? '',
    })));
    for (const block of blocks) {
      const tag = byLength.find((t) => block.id.startsWith(`operations-${t}-`)) ?? `(no tag: ${block.id})`;
      drawn.add(`${tag} ${block.method} ${block.path}`);
    }
    const atBottom = await page.evaluate(() => {
      const before = window.scrollY;
      window.scrollBy(0, Math.floor(window.innerHeight * 0.8));
      return window.scrollY === before;
    });
    if (atBottom) return drawn;
    // The virtualizer redraws on the scroll event, in the next frame.
    await page.waitForFunction(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(true)))));
  }
  throw new Error('the docs page never reached its bottom');
}

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

  it('draws every operation of /api/docs/json with no CSP violation and no outside request', async () => {
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

    const { tags, operations } = await documentedOperations(server.url);
    assert.ok(operations.length > 150, `the document lists the routes (${operations.length})`);
    const drawn = await operationsDrawnWhileScrolling(page, tags);
    assert.deepEqual([...drawn].sort(), [...operations].sort(), 'every operation of the document is drawn, and nothing else');

    // Open one operation: its parameters and responses render too.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.locator('.opblock-summary').first().click();
    await page.locator('.opblock-body').first().waitFor();
    assert.deepEqual(problems, []);
    assert.deepEqual(outside, []);
  });
});
