/**
 * 典型案例库 in the console: the office adds a case through the form; a search for a two-character word inside a
 * summary finds it with the word highlighted, a single character finds it too, and the ranking puts a title hit first.
 * A clerk sees published cases only. Units and accounts go through the harness; every office step through the browser.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { ensureConsole } from '../../scripts/build-web.js';
import { createAccount } from '../../src/app/accounts/create-account.js';
import type { Unit } from '../../src/domain/types.js';
import { CITY, COUNTIES } from '../http/fixtures.js';
import { consolePage, launchBrowser, logIn, startServer, type RunningServer } from './harness.js';

const PASSWORD = 'Cases-2022!';
const TOWN: Unit = { id: 't31', code: '149903001', name: '北岭乡', level: 'township', parentId: 'k3' };

/** The search box (antd puts the test id on the input or on its wrapper). */
const searchBox = (p: Page) => p.locator('[data-testid="case-search"] input, input[data-testid="case-search"]').first();

describe('the case library in the console', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];

  before(async () => {
    await ensureConsole();
    server = await startServer();
    assert.equal((await server.api('organiser', '/api/units', { body: { units: [CITY, ...COUNTIES, TOWN] } })).status, 201);
    await createAccount(server.ctx, 'system', { username: 'office', displayName: '市委组织部办公室', role: 'organiser', unitId: null, password: PASSWORD });
    await createAccount(server.ctx, 'system', { username: 'counter', displayName: '计票员', role: 'clerk', unitId: null, password: PASSWORD });
    // A published case whose title holds the word, and a draft.
    assert.equal((await server.api('organiser', '/api/cases', { body: { unitId: 't31', title: '网格议事会的由来', year: 2022, published: true } })).status, 201);
    assert.equal((await server.api('organiser', '/api/cases', { body: { unitId: 't31', title: '内部草稿', summary: '议事规则讨论稿', year: 2022 } })).status, 201);
    browser = await launchBrowser();
    page = await consolePage(browser, { errors });
    page.setDefaultTimeout(10_000);
  });
  after(async () => {
    if (errors.length) console.log('page errors:', errors);
    await browser?.close();
    await server?.close();
  });

  it('adds a case, finds a word inside its summary highlighted, and ranks a title hit first', async () => {
    await page.goto(`${server.url}/console/cases`);
    await logIn(page, 'office', PASSWORD);
    await page.getByTestId('new-case').click();
    await page.getByTestId('case-title').fill('村民说事');
    await page.getByTestId('case-unit').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '北岭乡' }).first().click();
    await page.getByTestId('case-summary').fill('以村民议事会为平台，推动矛盾就地化解');
    await page.getByTestId('case-published').click();
    await page.getByTestId('case-form-ok').click();
    await page.locator('.ant-modal:visible').waitFor({ state: 'detached' });

    await searchBox(page).fill('议事');
    const rows = page.getByTestId('cases-table').locator('tbody tr');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="cases-table"] tbody tr mark').length >= 2);
    const titles = await rows.locator('strong').allTextContents();
    assert.deepEqual(titles.slice(0, 1), ['网格议事会的由来'], 'a title hit ranks first');
    assert.ok(titles.includes('村民说事'));
    const hit = await rows.filter({ hasText: '村民说事' }).getByTestId('case-hit').innerText();
    assert.match(hit, /摘要：.*议事/);
    assert.deepEqual(await rows.filter({ hasText: '村民说事' }).locator('mark').allTextContents(), ['议事']);

    await searchBox(page).fill('坛');
    await page.waitForFunction(() => /没有找到案例/.test(document.querySelector('[data-testid="cases-table"]')?.textContent ?? ''));
    await searchBox(page).fill('化');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="cases-table"] tbody tr mark').length === 1);
    assert.equal(await rows.locator('mark').innerText(), '化');
  });

  it('shows a clerk the published cases only', async () => {
    const clerk = await consolePage(browser, { errors });
    await clerk.goto(`${server.url}/console/cases`);
    await logIn(clerk, 'counter', PASSWORD);
    await searchBox(clerk).fill('议事');
    await clerk.waitForFunction(() => document.querySelectorAll('[data-testid="cases-table"] tbody tr mark').length >= 1);
    const titles = await clerk.getByTestId('cases-table').locator('tbody tr strong').allTextContents();
    assert.deepEqual(titles.sort(), ['村民说事', '网格议事会的由来'].sort(), 'no draft');
    assert.equal(await clerk.getByTestId('new-case').count(), 0);
    await clerk.close();
  });
});
