/**
 * The console in English at 1440×900 on the Jincheng demo: the campaign list, the county ranking, 高平市's page, a
 * new campaign's set-up (editable, with the rule check) and the demo campaign's set-up. On each page the named labels
 * are in English, no Chinese is left on screen except the data (unit, campaign, instrument, group, grade and rule
 * names), and nothing sticks out to the right. Screenshots go to $LEITAI_SCREENSHOTS (or a temp dir, printed).
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { ensureConsole } from '../../scripts/build-web.js';
import { liangshaipingTemplate } from '../../src/app/campaigns/liangshaiping-template.js';
import { listAccounts } from '../../src/db/repositories/accounts.js';
import { listUnitSubtree } from '../../src/db/repositories/units.js';
import { consolePage, launchBrowser, logIn, screenshotDir, startDemoServer, type DemoServer } from './harness.js';

interface Leftover {
  text: string;
  rest: string;
  where: string;
}

interface Overflow {
  where: string;
  right: number;
  scrollWidth: number;
  clientWidth: number;
}

/**
 * Chinese left on screen once the data is taken out: every visible text node and placeholder, with each data string
 * (longest first) removed; whatever Chinese remains is a label nobody translated.
 */
function leftoverChinese(page: Page, data: string[]): Promise<Leftover[]> {
  return page.evaluate(`(${LEFTOVER_SCRIPT})(${JSON.stringify(data)})`);
}

// Browser-side code goes as text: the test runner's transform would otherwise add helpers the page does not have.
const LEFTOVER_SCRIPT = String.raw`function (data) {
  const han = /[\u3400-\u9fff]/;
  const sorted = [...new Set(data)].filter((d) => han.test(d)).sort((a, b) => b.length - a.length);
  const strip = (s) => sorted.reduce((rest, d) => rest.split(d).join(' '), s);
  const visible = (el) => {
    const style = getComputedStyle(el);
    return style.visibility !== 'hidden' && style.display !== 'none' && el.getClientRects().length > 0 && el.closest('[aria-hidden="true"]') === null;
  };
  const where = (el) => {
    const parts = [];
    for (let e = el; e && parts.length < 4; e = e.parentElement) {
      const cls = typeof e.className === 'string' ? e.className.split(/\s+/).filter((c) => c && !c.startsWith('css-')).slice(0, 2).join('.') : '';
      const id = e.getAttribute('data-testid');
      parts.push(e.tagName.toLowerCase() + (cls ? '.' + cls : '') + (id ? '[' + id + ']' : ''));
    }
    return parts.join(' < ');
  };
  const found = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent || '';
    const parent = node.parentElement;
    if (!han.test(text) || !parent || parent.closest('script,style,noscript') || !visible(parent)) continue;
    const rest = strip(text);
    if (han.test(rest)) found.push({ text: text.trim(), rest: rest.trim(), where: where(parent) });
  }
  for (const el of document.querySelectorAll('input[placeholder], textarea[placeholder]')) {
    const text = el.getAttribute('placeholder') || '';
    const rest = strip(text);
    if (visible(el) && han.test(rest)) found.push({ text, rest, where: 'placeholder of ' + where(el) });
  }
  return found;
}`;

/**
 * Anything wider than the window: the page itself, the layout's header and content, each card, and every visible
 * element whose right edge passes the window's (elements inside a scrolling box are that box's business).
 */
function overflows(page: Page): Promise<Overflow[]> {
  return page.evaluate(`(${OVERFLOW_SCRIPT})()`);
}

const OVERFLOW_SCRIPT = `function () {
  const width = document.documentElement.clientWidth;
  const out = [];
  const named = [['html', document.documentElement], ...[...document.querySelectorAll('.ant-layout, .ant-layout-header, .ant-layout-content, .ant-card, .ant-card-head')].map((e) => [e.className.split(' ')[0], e])];
  const describe = (el) => el.tagName.toLowerCase() + '.' + String(el.className).split(' ')[0] + ': ' + (el.textContent || '').slice(0, 40);
  for (const [name, el] of named) {
    if (el.scrollWidth <= el.clientWidth + 1) continue;
    // Name the widest thing that sticks out of it, so the report says what to fix.
    const edge = el.getBoundingClientRect().right;
    let culprit = null;
    for (const child of el.querySelectorAll('*')) {
      const r = child.getBoundingClientRect();
      if (r.width > 0 && r.right > edge + 1 && (!culprit || child.contains(culprit) === false && r.right >= culprit.getBoundingClientRect().right)) culprit = child;
    }
    out.push({ where: name + (culprit ? ' ⊃ ' + describe(culprit) : ''), right: edge, scrollWidth: el.scrollWidth, clientWidth: el.clientWidth });
  }
  const scrolls = (el) => ['auto', 'scroll', 'hidden', 'clip'].includes(getComputedStyle(el).overflowX);
  for (const el of document.querySelectorAll('.ant-layout *')) {
    const rect = el.getBoundingClientRect();
    if (rect.width === 0 || rect.right <= width + 1) continue;
    let inside = false;
    for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) if (scrolls(p)) inside = true;
    if (!inside) out.push({ where: describe(el), right: rect.right, scrollWidth: el.scrollWidth, clientWidth: el.clientWidth });
  }
  return out;
}`;

/**
 * The header menu's items that antd has folded away for lack of room (rc-overflow hides them with opacity 0 and
 * shows a “…” instead), by their text.
 */
function hiddenMenuItems(page: Page): Promise<string[]> {
  return page.evaluate(`[...document.querySelectorAll('.ant-layout-header .ant-menu-overflow-item:not(.ant-menu-overflow-item-rest)')]
    .filter((el) => getComputedStyle(el).opacity === '0' || el.getBoundingClientRect().height === 0)
    .map((el) => el.textContent)`);
}

/** Not labels: the switch back names its language in that language; 亮晒评 is the campaign form's proper name. */
const NOT_LABELS = ['中 文', '中文', '亮晒评'];

describe('the console in English at 1440×900', () => {
  let browser: Browser;
  let page: Page;
  let server: DemoServer;
  let url = '';
  let campaignId = '';
  let organiser = { username: '', password: '' };
  let shots = '';
  /** Names that are data, not labels: they stay as the office wrote them. */
  const data: string[] = [];
  const errors: string[] = [];

  /** The screenshot first, so a failing page can be looked at. */
  async function look(name: string, labels: RegExp[]): Promise<void> {
    await page.waitForFunction(() => document.querySelector('.ant-spin-spinning') === null);
    await page.screenshot({ path: join(shots, `english-${name}.png`), fullPage: true });
    const body = await page.innerText('body');
    for (const label of labels) assert.match(body, label, `${name}: ${label}`);
    assert.deepEqual(await leftoverChinese(page, data), [], `${name}: Chinese labels left on screen`);
    const wide = await overflows(page);
    assert.deepEqual(wide, [], `${name}: something is wider than the window`);
    assert.deepEqual(await hiddenMenuItems(page), [], `${name}: menu items folded into the menu's “…”`);
  }

  before(async () => {
    await ensureConsole();
    server = await startDemoServer();
    ({ url, campaignId, organiser } = server);
    shots = await screenshotDir('console-en');

    const def = (await server.app.inject({ url: `/api/campaigns/${campaignId}`, headers: { authorization: `Bearer ${server.organiser.accessToken}` } })).json().definition;
    const template = await liangshaipingTemplate(server.ctx, 'u1405');
    for (const d of [def, template]) {
      data.push(d.name);
      for (const s of d.subjects) data.push(s.name);
      for (const g of d.raterGroups) data.push(g.name);
      for (const r of d.rankings) data.push(r.name, ...r.tiers.map((t: { label: string }) => t.label));
      for (const i of d.instruments) {
        data.push(i.name);
        if (i.kind === 'grade') data.push(...i.grades.map((g: { label: string }) => g.label), ...i.quotaRules.map((q: { label: string }) => q.label));
        else data.push(...(i.criteria ?? []).map((c: { label: string }) => c.label), ...(i.adjustments?.items ?? []).map((a: { label: string }) => a.label));
      }
    }
    data.push(...(await listUnitSubtree(server.ctx.database.db, 'u1405')).map((u) => u.name));
    data.push(...(await listAccounts(server.ctx.database.db)).flatMap((a) => [a.username, a.display_name]), ...NOT_LABELS);
    for (const s of def.sessions) data.push(s.name);

    browser = await launchBrowser();
    page = await consolePage(browser, { errors });
  });
  after(async () => {
    if (errors.length) console.log('page errors:', errors);
    await browser?.close();
    await server?.close();
  });

  it('switches to English from the header and stays English after a reload', async () => {
    await page.goto(`${url}/console/campaigns`);
    await logIn(page, organiser.username, organiser.password);
    await page.getByRole('heading', { name: '活动' }).waitFor();
    await page.locator('.ant-layout-header').getByRole('button', { name: 'English' }).click();
    await page.getByRole('button', { name: /中\s*文/ }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Campaigns' }).waitFor();
    assert.equal(await page.evaluate(() => localStorage.getItem('leitai.console.lang')), 'en');
  });

  it('campaign list', async () => {
    await page.locator('tr.ant-table-row').first().waitFor();
    await look('campaigns', [/Campaigns/, /New campaign/, /Name/, /Status/, /Active/, /Results/, /Sessions/, /Set-up/, /Log out/]);
  });

  it('county ranking board', async () => {
    await page.goto(`${url}/console/campaigns/${campaignId}/results`);
    await page.getByTestId('ranking-table').first().getByText('高平市').waitFor();
    await look('ranking', [/Ranking board/, /Rank/, /Unit/, /Total/, /Tier/, /Adjustments/, /Grade distributions/]);
  });

  it('高平市’s unit page', async () => {
    await page.goto(`${url}/console/campaigns/${campaignId}/results/r-county/units/u140581`);
    await page.getByTestId('bar-chart').locator('canvas').waitFor();
    await page.getByTestId('explanation-table').waitFor();
    await look('unit', [/Total/, /Rank 1 of 6/, /Scores by component/, /How the score is made/, /Expand all/, /Component/]);
  });

  it('a new campaign’s set-up, editable, with the rule check', async () => {
    await page.goto(`${url}/console/campaigns/new`);
    await page.click('[data-testid="root-select"]');
    await page.locator('.ant-select-item-option', { hasText: '晋城市 (1405)' }).click();
    await page.click('[data-testid="build-setup"]');
    await page.waitForSelector('[data-testid="campaign-name"]');
    await page.locator('[data-testid="check-result"]').waitFor({ timeout: 10_000 });
    await look('setup-new', [/Basics/, /Rater groups/, /Instruments/, /Rankings and weights/, /Sites and cases \(0\)/, /Rule check/, /Save the campaign/, /The set-up is incomplete/]);
    await page.click('.ant-tabs-tab >> text=Instruments');
    await page.click('.ant-tabs-tab >> text=观摩评');
    await page.locator('[data-testid="adjustments-editor"]').filter({ visible: true }).waitFor();
    await look('setup-observation', [/Criteria/, /No criteria: raters give one score/, /Adjustment items/, /Bonus cap/, /Add a bonus item/]);
    await page.click('.ant-tabs-tab >> text=汇报评');
    await look('setup-report', [/Grades and points/, /Quota rules/]);
  });

  it('the demo campaign’s set-up, read-only once sessions ran', async () => {
    await page.goto(`${url}/console/campaigns/${campaignId}/setup`);
    await page.locator('[data-testid="check-result"]').waitFor({ timeout: 10_000 });
    await look('setup-demo', [/Set-up/, /Sessions/, /Sites and cases \(\d+\)/]);
  });

  it('the demo campaign’s sessions, one unfolded, and the new-session dialog', async () => {
    await page.goto(`${url}/console/campaigns/${campaignId}/sessions`);
    await page.getByTestId('sessions-table').locator('tr.ant-table-row').first().waitFor();
    await page.getByTestId('public-address-url').waitFor();
    await page.getByTestId('sessions-table').locator('button.ant-table-row-expand-icon').first().click();
    await page.getByTestId('session-detail').locator('.ant-table-row').first().waitFor();
    await look('sessions', [/Address for phones/, /Test QR code/, /Returned \(sheets\)/, /Valid ballots \(one per form\)/, /Abstentions \(one per subject\)/, /Tally report/, /New session/]);
    await page.getByTestId('new-session').click();
    await page.locator('.ant-modal').filter({ hasText: 'New session' }).waitFor();
    await look('new-session', [/Instruments/, /Head count/]);
    await page.keyboard.press('Escape');
  });

  it('units', async () => {
    await page.goto(`${url}/console/units`);
    await page.locator('.ant-tree-treenode:not([aria-hidden])', { hasText: '晋城市' }).first().waitFor();
    await look('units', [/Units come from a file or from the national divisions/, /Upload a CSV \/ Excel file/]);
  });

  it('keeps every menu item in the header on a 1366-px office laptop too', async () => {
    await page.setViewportSize({ width: 1366, height: 768 });
    try {
      await page.goto(`${url}/console/campaigns`);
      await page.getByRole('heading', { name: 'Campaigns' }).waitFor();
      assert.deepEqual(await hiddenMenuItems(page), [], 'menu items folded into the menu’s “…” at 1366 px');
      assert.deepEqual(await overflows(page), [], 'something is wider than the window at 1366 px');
    } finally {
      await page.setViewportSize({ width: 1440, height: 900 });
    }
  });

  it('one’s own account, from one’s name in the header', async () => {
    await page.locator('.ant-layout-header .header-account').click();
    await page.getByRole('heading', { name: 'Account' }).waitFor();
    assert.equal(new URL(page.url()).pathname, '/console/account');
    assert.equal(await page.locator('.ant-layout-header .header-account').getAttribute('aria-current'), 'page');
    await look('account', [/Change password/]);
  });
});
