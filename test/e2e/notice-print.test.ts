/**
 * What gets printed and forwarded, in Chromium on the Jincheng demo: the office publishes through the console with
 * its 落款; the public notice is read on a 360×740 phone (as forwarded in WeChat) — no sideways scrolling, unit names
 * on one line, 总分 and 等次 in view, the equal-score note and the signature; and a unit's page expands all the way
 * to the ballots, with the adjustments' reasons and the values the trimmed mean dropped. Screenshots go to
 * $LEITAI_SCREENSHOTS (or a temp dir, printed).
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { ensureConsole } from '../../scripts/build-web.js';
import { consolePage, launchBrowser, logIn, screenshotDir, startDemoServer, type DemoServer } from './harness.js';

const ISSUER = '中共晋城市委组织部';

interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

interface NoticeLayout {
  scrollWidth: number;
  names: { text: string; lines: number }[];
  heads: { text: string; box: Box }[];
  totals: Box[];
  tiers: Box[];
}

// Browser-side code goes as text: the test runner's transform would otherwise add helpers the page does not have.
const LAYOUT_SCRIPT = `(() => {
  const box = (el) => { const r = el.getBoundingClientRect(); return { left: r.left, right: r.right, top: r.top, bottom: r.bottom }; };
  const visible = (el) => getComputedStyle(el).display !== 'none';
  return {
    scrollWidth: document.documentElement.scrollWidth,
    names: [...document.querySelectorAll('td.name .unit')].map((el) => ({ text: el.textContent, lines: el.getClientRects().length })),
    heads: [...document.querySelectorAll('th')].filter(visible).map((el) => ({ text: el.textContent, box: box(el) })),
    totals: [...document.querySelectorAll('td.total')].map(box),
    tiers: [...document.querySelectorAll('td.tier')].map(box),
  };
})()`;

describe('the notice on a phone and the explanation to the ballots, in Chromium (Jincheng demo)', () => {
  let browser: Browser;
  let page: Page;
  let server: DemoServer;
  let shots = '';
  const errors: string[] = [];

  before(async () => {
    await ensureConsole();
    server = await startDemoServer();
    shots = await screenshotDir('notice-print');
    browser = await launchBrowser();
    page = await consolePage(browser, { errors });
    await page.goto(`${server.url}/`);
    await logIn(page, server.organiser.username, server.organiser.password);
    await page.getByText('晋城', { exact: false }).first().waitFor();
  });
  after(async () => {
    assert.deepEqual(errors, [], 'no error in the console’s pages');
    await browser?.close();
    await server?.close();
  });

  it('publishes through the console only with a 落款, and signs the notice with it', async () => {
    await page.goto(`${server.url}/console/campaigns/${server.campaignId}/publish`);
    await page.getByTestId('publish').click();
    // Required: without it the form says so and nothing is published.
    await page.getByText('请填写落款（发布单位）').waitFor();
    assert.equal((await server.app.inject({ method: 'GET', url: `/api/notices/${server.campaignId}` })).statusCode, 404);
    await page.getByTestId('issuer').fill(ISSUER);
    await page.screenshot({ path: join(shots, 'publish-form.png') });
    await page.getByTestId('publish').click();
    await page.locator('.ant-modal-confirm button.ant-btn-primary').click();
    await page.getByTestId('open-notice').waitFor();
    await page.getByText(ISSUER).waitFor();
    const notice = (await server.app.inject({ method: 'GET', url: `/api/notices/${server.campaignId}` })).json();
    assert.equal(notice.issuer, ISSUER);
  });

  it('reads on a 360×740 phone: no sideways scrolling, names on one line, 总分 and 等次 in view', async () => {
    const phone = await browser.newPage({ viewport: { width: 360, height: 740 }, locale: 'zh-CN', deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    try {
      await phone.goto(`${server.url}/notice/${server.campaignId}`);
      await phone.getByRole('heading', { level: 1 }).waitFor();
      const layout = (await phone.evaluate(LAYOUT_SCRIPT)) as NoticeLayout;
      assert.ok(layout.scrollWidth <= 360, `the page is ${layout.scrollWidth} px wide`);
      assert.equal(layout.names.length, 6 + 77);
      const broken = layout.names.filter((n) => n.lines !== 1);
      assert.deepEqual(broken, [], 'every unit name stays on one line');
      for (const head of ['名次', '单位', '总分', '等次']) {
        const th = layout.heads.find((h) => h.text === head);
        assert.ok(th, `${head} is shown`);
        assert.ok(th.box.left >= 0 && th.box.right <= 360, `${head} lies within the screen: ${JSON.stringify(th.box)}`);
      }
      for (const cell of [...layout.totals, ...layout.tiers]) assert.ok(cell.left >= 0 && cell.right <= 360, JSON.stringify(cell));
      const body = await phone.innerText('body');
      assert.match(body, /总分显示相同但名次不同/);
      assert.match(body, /84\.59\*/);
      assert.doesNotMatch(body, /leitai tally|--verify/);
      assert.match(body, /重新计票/);
      assert.equal((await phone.locator('.sign').innerText()).split('\n')[0], ISSUER);
      await phone.screenshot({ path: join(shots, 'notice-360-top.png') });
      await phone.locator('.verify').scrollIntoViewIfNeeded();
      await phone.screenshot({ path: join(shots, 'notice-360-end.png') });
    } finally {
      await phone.close();
    }
  });

  it('expands a unit’s explanation all the way to the ballots, with reasons and trimmed-mean drops', async () => {
    await page.goto(`${server.url}/console/campaigns/${server.campaignId}/results/r-county/units/u140581`);
    const explanation = page.getByTestId('explanation-table');
    await explanation.waitFor();
    assert.equal(await explanation.locator('.ant-tag', { hasText: '选票' }).count(), 0, 'ballots are folded at first');
    await page.getByTestId('expand-all').click();
    await explanation.locator('.ant-tag', { hasText: '选票' }).first().waitFor();
    // No level is left folded.
    assert.equal(await explanation.locator('button.ant-table-row-expand-icon-collapsed').count(), 0);
    const ballots = await explanation.locator('tr.ant-table-row', { has: page.locator('.ant-tag', { hasText: '选票' }) }).count();
    assert.ok(ballots > 100, `${ballots} ballot rows`);

    // An observer's deduction with its reason, on the ballot it was cast on.
    const adjusted = explanation.locator('tr.ant-table-row', { has: page.getByTestId('ballot-adjustments') });
    assert.ok((await adjusted.count()) > 0);
    const first = await adjusted.first().innerText();
    assert.match(first, /(加分|减分)/);
    assert.match(first, /[：]/);
    // The campaign adjustment, on 高平市's subject.
    await explanation.getByText('高平市“领题破题”经验被省委组织部专刊推广').waitFor();

    // A value the trimmed mean dropped: struck through, and the row says why.
    const dropped = explanation.locator('tr.ant-table-row', { has: page.getByTestId('dropped-value') });
    assert.ok((await dropped.count()) >= 2);
    assert.match(await dropped.first().innerText(), /按“去掉最高、最低分”不计入/);
    const struck = dropped.first().getByTestId('dropped-value').locator('del');
    assert.equal(await struck.evaluate((el) => getComputedStyle(el).textDecorationLine), 'line-through');
    await dropped.first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(shots, 'explanation-dropped.png') });
    await explanation.getByText('高平市“领题破题”经验被省委组织部专刊推广').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(shots, 'explanation-adjustments.png') });
  });
});
