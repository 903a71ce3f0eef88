/**
 * The office console's results side in Chromium, on the Jincheng demo: log in with the demo organiser's password,
 * read the county ranking with its tiers, open 高平市's page with both charts, and drill down to the ballots.
 * Screenshots at 1440×900 go to $LEITAI_SCREENSHOTS (or a temp dir, printed) for a human look.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { ensureConsole } from '../../scripts/build-web.js';
import { consolePage, launchBrowser, logIn, screenshotDir, startDemoServer, type DemoServer } from './harness.js';

describe('the office console’s results in Chromium (Jincheng demo)', () => {
  let browser: Browser;
  let page: Page;
  let server: DemoServer;
  let url = '';
  let campaignId = '';
  let organiser = { username: '', password: '' };
  let shots = '';
  const errors: string[] = [];

  before(async () => {
    await ensureConsole();
    server = await startDemoServer();
    ({ url, campaignId, organiser } = server);
    shots = await screenshotDir('console');
    browser = await launchBrowser();
    page = await consolePage(browser, { errors });
  });
  after(async () => {
    if (errors.length) console.log('page errors:', errors);
    await browser?.close();
    await server?.close();
  });

  it('logs in with a password and lands on the campaigns', async () => {
    await page.goto(url + '/');
    await logIn(page, organiser.username, organiser.password);
    await page.getByText('晋城', { exact: false }).first().waitFor();
    assert.match(page.url(), /\/console\/campaigns$/);
    await page.screenshot({ path: join(shots, 'console-campaigns.png') });
  });

  it('shows the county ranking with tiers and every component', async () => {
    await page.goto(`${url}/console/campaigns/${campaignId}/results`);
    const table = page.getByTestId('ranking-table').first();
    await table.getByText('高平市').waitFor();
    const rows = table.locator('tbody tr.board-row');
    assert.equal(await rows.count(), 6);
    assert.ok((await table.locator('.board-tag').count()) >= 6, 'every county carries a tier tag');
    assert.match(await table.locator('thead').innerText(), /汇报评/);
    await page.screenshot({ path: join(shots, 'console-ranking.png') });
  });

  it('pages and searches the 77 townships', async () => {
    await page.goto(`${url}/console/campaigns/${campaignId}/results?ranking=r-township`);
    const table = page.getByTestId('ranking-table').first();
    const rows = table.locator('tbody tr.board-row');
    await rows.first().waitFor();
    assert.equal(await rows.count(), 50, 'the first page holds 50 of 77');
    assert.equal(await rows.first().locator('td').first().innerText(), '1');
    await page.locator('.ant-pagination-item-2').click();
    assert.equal(await rows.count(), 27, 'the second page holds the other 27');
    const name = (await rows.first().locator('td').nth(1).innerText()).trim();
    await page.getByPlaceholder('查找单位').fill(name);
    await table.getByRole('link', { name }).waitFor();
    assert.ok((await rows.count()) >= 1 && (await rows.count()) < 27, 'the search narrows the rows and goes back to page 1');
    await page.goto(`${url}/console/campaigns/${campaignId}/results`);
    await page.getByTestId('ranking-table').first().getByText('高平市').waitFor();
  });

  it('opens 高平市 with its bar and radar charts', async () => {
    await page.getByTestId('ranking-table').first().getByRole('link', { name: '高平市' }).click();
    await page.getByTestId('bar-chart').locator('canvas').waitFor();
    await page.getByTestId('radar-chart').locator('canvas').waitFor();
    await page.getByRole('heading', { name: '高平市' }).waitFor();
    await page.getByTestId('explanation-table').waitFor();
    await page.screenshot({ path: join(shots, 'console-unit.png') });
  });

  it('drills down from the total to anonymous ballots', async () => {
    await page.getByTestId('expand-all').click();
    const explanation = page.getByTestId('explanation-table');
    await explanation.getByText('测评组').first().waitFor();
    // "Expand all" opens every level, down to the ballots.
    await explanation.locator('.ant-tag', { hasText: '选票' }).first().waitFor();
    await page.screenshot({ path: join(shots, 'console-drilldown.png'), fullPage: true });
  });

  it('monitors sessions and shows grade distributions', async () => {
    await page.goto(`${url}/console/campaigns/${campaignId}/sessions`);
    await page.getByTestId('sessions-table').locator('tbody tr.ant-table-row').first().waitFor();
    // Every session unfolded: the demo's one invalid paper ballot is listed by its sheet number, with its reason.
    const folded = page.getByTestId('sessions-table').locator('button.ant-table-row-expand-icon-collapsed');
    while ((await folded.count()) > 0) await folded.first().click();
    await page.getByText('无效票及原因').waitFor();
    await page.screenshot({ path: join(shots, 'console-sessions.png') });
    await page.goto(`${url}/console/campaigns/${campaignId}/distributions`);
    await page.getByTestId('distribution-chart').first().locator('canvas').waitFor();
    await page.screenshot({ path: join(shots, 'console-distributions.png') });
  });

  it('previews a what-if ranking without touching the results', async () => {
    await page.goto(`${url}/console/campaigns/${campaignId}/what-if`);
    await page.getByRole('button', { name: /预\s*览/ }).click();
    await page.getByTestId('what-if-table').or(page.locator('.ant-alert')).first().waitFor();
    await page.screenshot({ path: join(shots, 'console-what-if.png') });
  });
});
