/**
 * The rater's phone around the ballot, in Chromium at 360×740: a link cut short, an unknown and a revoked code each
 * say so; the review step shows every choice and warns that the vote cannot be changed; the receipt names the
 * campaign and session; a used link says it has been used; and once the office closes the session, the public
 * receipt list the receipt links to shows it. No page scrolls sideways.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ensureRatePage } from '../../scripts/build-web.js';
import { revokeToken } from '../../src/db/repositories/tokens.js';
import { CITY, COUNTIES, setup } from '../http/fixtures.js';
import { launchBrowser, screenshotDir, startServer, type RunningServer } from './harness.js';

const PHONE = { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' };
const CAMPAIGN = '测试活动';
const SESSION = '县委书记抓基层党建述职评议会';

describe('the phone around the ballot: bad codes, review, receipt and the public receipt list (Chromium, 360×740)', () => {
  let server: RunningServer;
  let browser: Browser;
  let shots = '';
  let sessionId = '';
  let tokens: { tokenId: string; token: string; code: string }[] = [];
  let receipt = '';
  let resent = '';

  before(async () => {
    await ensureRatePage();
    shots = await screenshotDir('phone-receipts');
    server = await startServer();
    assert.equal((await server.api('organiser', '/api/units', { body: { units: [CITY, ...COUNTIES] } })).status, 201);
    assert.equal((await server.api('organiser', '/api/campaigns', { body: setup() })).status, 201);
    const session = await server.api('organiser', '/api/campaigns/camp1/sessions', { body: { name: SESSION, instrumentIds: ['i-report'], expected: { 'g-office': 4 }, paperIssued: { 'g-office': 1 } } });
    assert.equal(session.status, 201, JSON.stringify(session.json));
    sessionId = session.json.id;
    assert.equal((await server.api('organiser', `/api/sessions/${sessionId}/open`, { method: 'POST' })).status, 200);
    const issued = await server.api('clerk', `/api/sessions/${sessionId}/tokens`, { body: { raterGroupId: 'g-office', count: 4 } });
    assert.equal(issued.status, 201, JSON.stringify(issued.json));
    tokens = issued.json;
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  const phone = (): Promise<BrowserContext> => browser.newContext(PHONE);
  const shot = (page: Page, name: string) => page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
  const choose = (page: Page, subjectId: string, label: string) =>
    page.locator(`li[data-subject="${subjectId}"]`).getByRole('radio', { name: label, exact: true }).click();
  const reviewed = (page: Page, subjectId: string) => page.getByTestId('review').locator(`[data-review="${subjectId}"]`);

  async function assertFitsPhone(page: Page): Promise<void> {
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 360, `${page.url()} is ${width}px wide: horizontal scroll on a 360px phone`);
    const small = await page.evaluate(() =>
      [...document.querySelectorAll('button, input:not([type="hidden"]), textarea, a')]
        .map((el) => ({ text: (el as HTMLElement).innerText || (el as HTMLInputElement).name, h: el.getBoundingClientRect().height, w: el.getBoundingClientRect().width }))
        .filter((b) => b.h > 0 && (b.h < 44 || b.w < 44)),
    );
    assert.deepEqual(small, [], 'tap targets under 44px');
  }

  it('says plainly when a link is cut short, a code was never issued or has been revoked, and still takes a typed code', async () => {
    const ctx = await phone();
    const page = await ctx.newPage();
    const trouble = page.getByTestId('code-trouble');

    await page.goto(`${server.url}/r/${tokens[0]!.token.slice(0, 9)}`);
    assert.equal(await trouble.getAttribute('data-trouble'), 'link');
    assert.match(await trouble.innerText(), /链接不完整[\s\S]*重新扫描测评码条上的二维码，或在下面输入 10 位测评码/);
    assert.equal(await page.locator('input[name="code"]').isVisible(), true);
    await assertFitsPhone(page);
    await shot(page, '01-link-cut-short');

    await page.goto(`${server.url}/r/${'Z'.repeat(22)}`);
    assert.equal(await trouble.getAttribute('data-trouble'), 'unknown');
    assert.match(await trouble.innerText(), /测评码无效[\s\S]*没有找到这个测评码/);

    assert.ok(await revokeToken(server.ctx.database.db, tokens[3]!.tokenId));
    await page.goto(`${server.url}/r/${tokens[3]!.token}`);
    assert.equal(await trouble.getAttribute('data-trouble'), 'revoked');
    assert.match(await trouble.innerText(), /此测评码已作废[\s\S]*请联系计票员/);
    await assertFitsPhone(page);
    await shot(page, '02-revoked');
    await page.getByRole('button', { name: 'English' }).click();
    assert.match(await trouble.innerText(), /This code has been revoked/);
    await page.getByRole('button', { name: '中文' }).click();

    // The revoked code typed by hand says the same; a good code typed on this page opens its ballot at /r.
    await page.locator('input[name="code"]').fill(tokens[3]!.code);
    await page.getByRole('button', { name: '开始测评' }).click();
    await page.waitForFunction(() => document.querySelector('[data-testid="code-trouble"]')?.getAttribute('data-trouble') === 'revoked');
    await page.locator('input[name="code"]').fill(tokens[2]!.code);
    await page.getByRole('button', { name: '开始测评' }).click();
    await page.locator('li[data-subject]').first().waitFor();
    assert.equal(new URL(page.url()).pathname, '/r');
    await page.reload();
    await page.locator('li[data-subject]').first().waitFor();
    await ctx.close();
  });

  it('reviews every choice with the warning before the one final submit, then names the campaign and session on the receipt', async () => {
    const ctx = await phone();
    const page = await ctx.newPage();
    await page.goto(`${server.url}/r/${tokens[0]!.token}`);
    await page.locator('li[data-subject]').first().waitFor();
    const picks: [string, string][] = [['s-k1', '好'], ['s-k2', '好'], ['s-k3', '较好'], ['s-k4', '较好'], ['s-k5', '一般'], ['s-k6', '差'], ['s-k7', '弃权']];
    for (const [k, label] of picks) await choose(page, k, label);
    await page.getByRole('button', { name: '核对并提交' }).click();

    // Nothing is sent yet: the review shows each subject's choice, the counts per grade and the warning.
    const review = page.getByTestId('review');
    await review.waitFor();
    assert.match(await page.getByTestId('review-warning').innerText(), /选票提交后不能修改，也不能撤回。/);
    for (const [k, label] of picks) {
      const name = COUNTIES.find((c) => `s-${c.id}` === k)!.name;
      assert.match(await reviewed(page, k).innerText(), new RegExp(`${name}\\s*${label}`));
    }
    assert.match(await review.innerText(), /好 2 · 较好 2 · 一般 1 · 差 1 · 弃权 1/);
    assert.equal(await page.locator('li[data-subject]').count(), 0, 'the ballot is not editable on the review');
    await assertFitsPhone(page);
    await shot(page, '03-review');
    await page.getByRole('button', { name: 'English' }).click();
    assert.match(await page.getByTestId('review-warning').innerText(), /Once submitted, the ballot cannot be changed or withdrawn/);
    await page.getByRole('button', { name: '中文' }).click();

    // Back to edit keeps the draft; the change shows on the next review.
    await page.getByRole('button', { name: '返回修改' }).click();
    await page.locator('li[data-subject]').first().waitFor();
    assert.equal(await page.locator('li[data-subject="s-k6"]').getByRole('radio', { name: '差', exact: true }).getAttribute('aria-checked'), 'true');
    await choose(page, 's-k6', '一般');
    await page.getByRole('button', { name: '核对并提交' }).click();
    assert.match(await reviewed(page, 's-k6').innerText(), /一般/);
    assert.equal(await server.api(null, '/api/ballot-form', { body: { token: tokens[0]!.token } }).then((r) => r.json.token.status), 'issued');

    await page.getByRole('button', { name: '确认提交' }).click();
    receipt = (await page.getByTestId('receipt').innerText()).trim();
    assert.match(receipt, /^[0-9A-HJKMNP-TV-Z]{8}$/);
    assert.equal(await page.getByTestId('receipt-campaign').innerText(), CAMPAIGN);
    assert.equal(await page.getByTestId('receipt-session').innerText(), SESSION);
    assert.equal(await page.getByTestId('receipts-link').getAttribute('href'), `/receipts/${sessionId}`);
    await assertFitsPhone(page);
    await shot(page, '04-receipt');
    // Named on the phone after a reload too, from what the phone kept.
    await page.reload();
    assert.equal(await page.getByTestId('receipt-session').innerText(), SESSION);
    await ctx.close();
  });

  it('tells another phone that opens the used link that the code has been used, with its receipt and never the ratings', async () => {
    const ctx = await phone();
    const page = await ctx.newPage();
    await page.goto(`${server.url}/r/${tokens[0]!.token}`);
    const used = page.getByTestId('used-page');
    await used.waitFor();
    assert.match(await used.locator('h1').innerText(), /此测评码已使用/);
    assert.match(await used.innerText(), /不能再次提交，也不能修改[\s\S]*如果这张选票不是您本人提交的，请立即联系计票员/);
    assert.equal((await page.getByTestId('receipt').innerText()).trim(), receipt);
    assert.equal(await page.getByTestId('receipt-campaign').innerText(), CAMPAIGN);
    assert.equal(await page.getByTestId('receipt-session').innerText(), SESSION);
    assert.doesNotMatch(await page.locator('body').innerText(), /好|较好|一般|弃权/);
    await assertFitsPhone(page);
    await shot(page, '05-used-link');
    await ctx.close();
  });

  it('shows a sheet stored while the answer was lost as sent from this phone after a reload, not as a used code', async () => {
    const ctx = await phone();
    const page = await ctx.newPage();
    await page.goto(`${server.url}/r/${tokens[2]!.token}`);
    await page.locator('li[data-subject]').first().waitFor();
    for (const k of COUNTIES) await choose(page, `s-${k.id}`, '一般');
    await page.route('**/api/ballots', async (route) => {
      await route.fetch();
      await route.abort('connectionreset');
    });
    await page.getByRole('button', { name: '核对并提交' }).click();
    await page.getByRole('button', { name: '确认提交' }).click();
    await page.getByTestId('network').waitFor();
    await page.unroute('**/api/ballots');
    // The server holds the sheet; the phone sends the very same bytes again on the reload and gets its receipt.
    await page.reload();
    await page.getByTestId('receipt-page').waitFor();
    resent = (await page.getByTestId('receipt').innerText()).trim();
    assert.equal(resent, (await server.api(null, '/api/ballot-form', { body: { token: tokens[2]!.token } })).json.token.receipt);
    assert.equal(await page.getByTestId('used-page').count(), 0);
    await ctx.close();
  });

  it('shows the receipt on the public list the receipt links to, once the office closes the session', async () => {
    // Two more sheets, so the receipt is one of several: one online, one on paper.
    const other = await server.api(null, '/api/ballots', { body: { token: tokens[1]!.token, ballots: [{ instrumentId: 'i-report', ratings: COUNTIES.map((k) => ({ subjectId: `s-${k.id}`, grade: 'fair' })) }] } });
    assert.equal(other.status, 201, JSON.stringify(other.json));
    const paper = await server.api('clerk', `/api/sessions/${sessionId}/paper-ballots`, { body: { sheetNumber: 'P-001', raterGroupId: 'g-office', ballots: [{ instrumentId: 'i-report', ratings: COUNTIES.map((k) => ({ subjectId: `s-${k.id}`, grade: 'avg' })) }] } });
    assert.equal(paper.status, 201, JSON.stringify(paper.json));

    const ctx = await phone();
    const page = await ctx.newPage();
    await page.goto(`${server.url}/r/${tokens[0]!.token}`);
    await page.getByTestId('receipts-link').click();
    await page.waitForURL(`**/receipts/${sessionId}`);
    // Before the close: when the list will come.
    assert.match(await page.locator('main').innerText(), /测评会正在进行[\s\S]*测评会结束后，回执名单将在本页公布/);
    assert.equal(await page.getByTestId('receipts').count(), 0);
    assert.match(await page.locator('.top').innerText(), new RegExp(`${CAMPAIGN}[\\s\\S]*${SESSION}`));
    await assertFitsPhone(page);
    await shot(page, '06-list-before-close');

    assert.equal((await server.api('organiser', `/api/sessions/${sessionId}/close`, { method: 'POST' })).status, 200);
    await page.reload();
    const list = page.getByTestId('receipts');
    assert.deepEqual(await list.locator('li').allInnerTexts(), [receipt, resent, other.json.receipt, paper.json.receipt].sort());
    assert.match(await page.locator('main').innerText(), /本场测评会有效，这些选票计入结果[\s\S]*共收回 4 份选票/);
    assert.doesNotMatch(await page.locator('main').innerText(), /较好|一般|办公室|P-001|\d{1,2}:\d{2}/);

    // Looked up as a person might type it: lower case, a space in the middle.
    await page.locator('input[name="q"]').fill(`${receipt.slice(0, 4).toLowerCase()} ${receipt.slice(4).toLowerCase()}`);
    await page.getByRole('button', { name: '查找' }).click();
    await page.waitForURL(/\?q=/);
    assert.match(await page.getByRole('status').innerText(), new RegExp(`找到回执码 ${receipt}：您的选票在本场测评会收回的选票中`));
    assert.equal(await list.locator('li.hit').innerText(), receipt);
    await assertFitsPhone(page);
    await shot(page, '07-list-found');

    // The English switch keeps the search.
    await page.getByRole('link', { name: 'English' }).click();
    assert.match(await page.getByRole('status').innerText(), new RegExp(`Receipt ${receipt} is on the list`));
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');
    await assertFitsPhone(page);
    await shot(page, '08-list-found-en');

    // A receipt from nowhere is not found, and the page says what to do.
    await page.locator('input[name="q"]').fill('ZZZZZZZZ');
    await page.getByRole('button', { name: 'Find' }).click();
    assert.match(await page.getByRole('alert').innerText(), /Receipt ZZZZZZZZ is not on the list/);
    await ctx.close();
  });

  it('gives an unknown session its own page, readable on the phone', async () => {
    const ctx = await phone();
    const page = await ctx.newPage();
    const res = await page.goto(`${server.url}/receipts/s_nowhere`);
    assert.equal(res?.status(), 404);
    assert.match(await page.locator('main').innerText(), /没有这个测评会[\s\S]*请核对链接/);
    await assertFitsPhone(page);
    await shot(page, '09-unknown-session');
    await ctx.close();
  });
});
