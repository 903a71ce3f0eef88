/**
 * The phone ballot in Chromium at 360×740: a rater opens the QR link, is stopped by "好 ≤ 40%" with a message that
 * names the rule and the counts, fixes it, submits, reloads and still sees the receipt; the database holds one sheet.
 * Screenshots go to $LEITAI_SCREENSHOTS (or a temp dir, printed) for a human look at the Chinese rendering.
 */
import assert from 'node:assert/strict';
import { mkdir, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { countBallots, listBallotsAsCast } from '../../src/db/repositories/ballots.js';
import { ensureRatePage } from '../../scripts/build-web.js';
import { CITY, COUNTIES, setup } from '../http/fixtures.js';
import { observationSetup, SITES } from '../http/observation-fixtures.js';
import { launchBrowser, startServer, type RunningServer } from './harness.js';

const PHONE = { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' };

describe('phone ballot (Chromium, 360×740)', () => {
  let server: RunningServer;
  let browser: Browser;
  let shots = '';
  let sessionId = '';
  let tokens: { token: string; code: string }[] = [];
  const sheets = () => countBallots(server.ctx.database.db, { campaignId: 'camp1' });

  before(async () => {
    await ensureRatePage();
    shots = process.env.LEITAI_SCREENSHOTS ?? (await mkdtemp(join(tmpdir(), 'leitai-phone-')));
    await mkdir(shots, { recursive: true });
    console.log(`screenshots: ${shots}`);
    server = await startServer();
    assert.equal((await server.api('organiser', '/api/units', { body: { units: [CITY, ...COUNTIES] } })).status, 201);
    const created = await server.api('organiser', '/api/campaigns', { body: setup() });
    assert.equal(created.status, 201, JSON.stringify(created.json));
    const session = await server.api('organiser', '/api/campaigns/camp1/sessions', { body: { name: '县委书记抓基层党建述职评议会', instrumentIds: ['i-report'], expected: { 'g-office': 6 } } });
    assert.equal(session.status, 201, JSON.stringify(session.json));
    sessionId = session.json.id;
    assert.equal((await server.api('organiser', `/api/sessions/${sessionId}/open`, { method: 'POST' })).status, 200);
    const issued = await server.api('clerk', `/api/sessions/${sessionId}/tokens`, { body: { raterGroupId: 'g-office', count: 6 } });
    assert.equal(issued.status, 201, JSON.stringify(issued.json));
    tokens = issued.json;
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  const phone = (): Promise<BrowserContext> => browser.newContext(PHONE);
  const shot = (page: Page, name: string) => page.screenshot({ path: join(shots, `${name}.png`), fullPage: false });
  const row = (page: Page, subjectId: string) => page.locator(`li[data-subject="${subjectId}"]`);
  const choose = (page: Page, subjectId: string, label: string) => row(page, subjectId).getByRole('radio', { name: label, exact: true }).click();
  const submit = (page: Page) => page.locator('.submitbar button.primary');
  /** The ballot's button leads to the review; its confirm button sends the sheet. */
  const confirm = async (page: Page) => {
    await submit(page).click();
    await page.getByTestId('review').waitFor();
    await page.getByRole('button', { name: '确认提交' }).click();
  };
  const counter = (page: Page, ruleId: string) => page.locator(`.counter[data-rule="${ruleId}"]`);

  async function assertFitsPhone(page: Page): Promise<void> {
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 360, `page is ${width}px wide: horizontal scroll on a 360px phone`);
    const small = await page.evaluate(() =>
      [...document.querySelectorAll('button, input, textarea')]
        .map((el) => ({ text: (el as HTMLElement).innerText || (el as HTMLInputElement).name, h: el.getBoundingClientRect().height, w: el.getBoundingClientRect().width }))
        .filter((b) => b.h > 0 && (b.h < 44 || b.w < 44)),
    );
    assert.deepEqual(small, [], 'tap targets under 44px');
  }

  it('stops 3 × 好 of 7 with the rule and counts, takes the fixed ballot, and keeps the receipt across a reload', async () => {
    const ctx = await phone();
    const page = await ctx.newPage();
    await page.goto(`${server.url}/r/${tokens[0]!.token}`);
    await page.locator('li[data-subject]').first().waitFor();
    assert.equal(await page.locator('li[data-subject]').count(), 7);
    assert.match(await page.locator('.top').innerText(), /测试活动/);
    await assertFitsPhone(page);
    await shot(page, '01-ballot-empty');

    for (const k of ['s-k1', 's-k2', 's-k3']) await choose(page, k, '好');
    assert.match(await counter(page, 'r-good').innerText(), /好\s*已选\s*3\s*\/\s*最多\s*2/);
    assert.match(await counter(page, 'r-good').getAttribute('class') ?? '', /breaks/);
    const problems = await page.getByTestId('problems').innerText();
    assert.match(problems, /「好 ≤ 40%」：本票最多 2 个“好”，已选 3 个/);
    assert.equal(await submit(page).isDisabled(), true);
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot(page, '02-three-good-stopped');

    await choose(page, 's-k3', '较好');
    for (const k of ['s-k4', 's-k5', 's-k6', 's-k7']) await choose(page, k, '较好');
    assert.match(await counter(page, 'r-good').innerText(), /好\s*已选\s*2\s*\/\s*最多\s*2/);
    assert.equal(await submit(page).isDisabled(), false);
    assert.equal(await submit(page).innerText(), '核对并提交');
    await shot(page, '03-fixed-ready');
    await confirm(page);
    const receipt = (await page.getByTestId('receipt').innerText()).trim();
    assert.match(receipt, /^[0-9A-Z]{8}$/);
    await shot(page, '04-receipt');

    await page.reload();
    assert.equal((await page.getByTestId('receipt').innerText()).trim(), receipt);
    assert.equal(await sheets(), 1);
    // The server agrees: the token is used and answers this receipt.
    const form = await server.api(null, '/api/ballot-form', { body: { token: tokens[0]!.token } });
    assert.deepEqual(form.json.token, { status: 'used', receipt });
    // Another phone opening the used link is told the code has been used, with the receipt it produced.
    const other = await (await phone()).newPage();
    await other.goto(`${server.url}/r/${tokens[0]!.token}`);
    assert.match(await other.getByTestId('used-page').locator('h1').innerText(), /此测评码已使用/);
    assert.equal((await other.getByTestId('receipt').innerText()).trim(), receipt);
    await other.context().close();
    await ctx.close();
  });

  it('shows the server’s own refusal naming the rule, in Chinese and after the switch in English', async () => {
    const ctx = await phone();
    const page = await ctx.newPage();
    // A form whose rule the phone would let pass (as if the office's set-up and the phone disagreed): the server decides.
    await page.route('**/api/ballot-form', async (route) => {
      const res = await route.fetch();
      const body = await res.json();
      for (const ins of body.instruments) for (const r of ins.rules) if (r.id === 'r-good') r.allowed = 7;
      await route.fulfill({ response: res, json: body });
    });
    await page.goto(`${server.url}/r/${tokens[1]!.token}`);
    await page.locator('li[data-subject]').first().waitFor();
    for (const k of ['s-k1', 's-k2', 's-k3']) await choose(page, k, '好');
    for (const k of ['s-k4', 's-k5', 's-k6', 's-k7']) await choose(page, k, '较好');
    await confirm(page);
    const refusal = page.getByTestId('refusal');
    assert.match(await refusal.innerText(), /「好 ≤ 40%」：本票 7 个对象最多 2 个“好”，实际 3 个/);
    assert.match(await row(page, 's-k1').getAttribute('class') ?? '', /subject/);
    await shot(page, '05-server-refusal-zh');
    await page.getByRole('button', { name: 'English' }).click();
    assert.match(await refusal.innerText(), /Rule “好 ≤ 40%”: at most 2 of 7 subjects may be 好; this ballot has 3/);
    assert.equal(await submit(page).isVisible(), true);
    await shot(page, '06-server-refusal-en');
    assert.equal(await sheets(), 1);
    // The choice of language is remembered.
    await page.reload();
    await page.locator('li[data-subject]').first().waitFor();
    assert.equal(await page.getByRole('button', { name: '中文' }).isVisible(), true);
    // Remembered by the tap itself, not at the next render: a reload right after the tap keeps the choice.
    const storedAtTap = await page.evaluate(() => {
      document.querySelector<HTMLButtonElement>('button.lang')!.click();
      return localStorage.getItem('leitai.lang');
    });
    assert.equal(storedAtTap, 'zh');
    await ctx.close();
  });

  it('keeps the draft over a reload and, when the answer is lost, retries the same sheet which is stored once', async () => {
    const ctx = await phone();
    const page = await ctx.newPage();
    await page.goto(`${server.url}/r/${tokens[2]!.token}`);
    await page.locator('li[data-subject]').first().waitFor();
    await choose(page, 's-k1', '好');
    await choose(page, 's-k2', '一般');
    await choose(page, 's-k3', '弃权');
    await page.reload();
    await page.locator('li[data-subject]').first().waitFor();
    assert.equal(await row(page, 's-k1').getByRole('radio', { name: '好', exact: true }).getAttribute('aria-checked'), 'true');
    assert.equal(await row(page, 's-k3').getByRole('radio', { name: '弃权', exact: true }).getAttribute('aria-checked'), 'true');
    for (const k of ['s-k4', 's-k5', 's-k6', 's-k7']) await choose(page, k, '差');

    // First the connection drops before the sheet arrives: the phone keeps it and offers a retry, also after a reload.
    await page.route('**/api/ballots', (route) => route.abort('internetdisconnected'));
    await confirm(page);
    await page.getByTestId('network').waitFor();
    await shot(page, '07-network-lost');
    await page.reload();
    await page.getByTestId('network').waitFor();
    assert.equal(await row(page, 's-k7').getByRole('radio', { name: '差', exact: true }).getAttribute('aria-checked'), 'true');
    assert.equal(await sheets(), 1);

    // Then the sheet arrives and is stored, but the answer is lost on the way back.
    await page.unroute('**/api/ballots');
    const bodies: string[] = [];
    await page.route('**/api/ballots', async (route) => {
      bodies.push(route.request().postData() ?? '');
      await route.fetch();
      await route.abort('connectionreset');
    });
    await page.getByRole('button', { name: '重试提交' }).click();
    await page.getByTestId('network').waitFor();
    assert.equal(await sheets(), 2);

    // The retry sends the very same sheet; the server answers the first receipt and stores nothing new.
    await page.unroute('**/api/ballots');
    page.on('request', (r) => void (r.url().endsWith('/api/ballots') && bodies.push(r.postData() ?? '')));
    await page.getByRole('button', { name: '重试提交' }).click();
    const receipt = (await page.getByTestId('receipt').innerText()).trim();
    assert.match(receipt, /^[0-9A-Z]{8}$/);
    assert.equal(bodies.length, 2);
    assert.equal(bodies[0], bodies[1]);
    assert.equal(await sheets(), 2);
    const form = await server.api(null, '/api/ballot-form', { body: { token: tokens[2]!.token } });
    assert.equal(form.json.token.receipt, receipt);
    await ctx.close();
  });

  it('opens a ballot from a code typed at /r and comes back to its receipt after a reload', async () => {
    const ctx = await phone();
    const page = await ctx.newPage();
    await page.goto(`${server.url}/r`);
    await page.locator('input[name="code"]').fill('nonsense');
    await page.getByRole('button', { name: '开始测评' }).click();
    assert.match(await page.getByRole('alert').innerText(), /10 位/);
    await page.locator('input[name="code"]').fill(tokens[3]!.code.toLowerCase().replace('-', ' '));
    await assertFitsPhone(page);
    await shot(page, '08-code-entry');
    await page.getByRole('button', { name: '开始测评' }).click();
    await page.locator('li[data-subject]').first().waitFor();
    for (const k of ['s-k1', 's-k2', 's-k3', 's-k4', 's-k5', 's-k6', 's-k7']) await choose(page, k, '一般');
    await confirm(page);
    const receipt = (await page.getByTestId('receipt').innerText()).trim();
    await page.reload();
    assert.equal((await page.getByTestId('receipt').innerText()).trim(), receipt);
    assert.equal(await sheets(), 3);
    await ctx.close();
  });

  it('gives an unknown link and a closed session a clear page', async () => {
    const ctx = await phone();
    const page = await ctx.newPage();
    await page.goto(`${server.url}/r/${'Z'.repeat(22)}`);
    assert.match(await page.getByTestId('code-trouble').innerText(), /测评码无效/);
    await shot(page, '09-unknown-token');
    assert.equal((await server.api('organiser', `/api/sessions/${sessionId}/close`, { method: 'POST' })).status, 200);
    await page.goto(`${server.url}/r/${tokens[4]!.token}`);
    await page.getByText('测评会已结束').first().waitFor();
    await assertFitsPhone(page);
    await shot(page, '10-session-closed');
    await ctx.close();
  });

  it('takes a site’s bonus with its reason, warns that a deduction total over its cap counts as the cap, stops a missing reason, and stores the adjustments', async () => {
    // A server of its own: the campaign with observation sites reuses the fixture's ids.
    const own = await startServer();
    assert.equal((await own.api('organiser', '/api/units', { body: { units: [CITY, ...COUNTIES] } })).status, 201);
    const created = await own.api('organiser', '/api/campaigns', { body: observationSetup() });
    assert.equal(created.status, 201, JSON.stringify(created.json));
    const session = await own.api('organiser', '/api/campaigns/camp1/sessions', { body: { name: '实训点现场观摩', instrumentIds: ['i-observe'], expected: { 'g-tf': 1 } } });
    assert.equal(session.status, 201, JSON.stringify(session.json));
    assert.equal((await own.api('organiser', `/api/sessions/${session.json.id}/open`, { method: 'POST' })).status, 200);
    const issued = await own.api('clerk', `/api/sessions/${session.json.id}/tokens`, { body: { raterGroupId: 'g-tf', count: 1, raterNames: ['观摩团成员01'] } });
    assert.equal(issued.status, 201, JSON.stringify(issued.json));
    const token = issued.json[0].token as string;

    const ctx = await phone();
    const page = await ctx.newPage();
    await page.goto(`${own.url}/r/${token}`);
    await page.locator('li[data-subject]').first().waitFor();
    assert.equal(await page.locator('li[data-subject]').count(), 3);
    for (const site of SITES) await row(page, site.id).locator('.score input').fill('85');
    const [site1, site2] = [row(page, 's-site1'), row(page, 's-site2')];
    const card = (subject: typeof site1, k: number) => subject.locator('.adj').nth(k);
    const problems = () => page.getByTestId('problems').innerText();

    // A bonus: the item, its points stepped up by 0.5 to the item's cap of 2 (and no further), then the reason.
    await site1.getByRole('button', { name: '＋ 加分' }).click();
    await card(site1, 0).locator('select').selectOption('adj-brand');
    for (let i = 0; i < 5; i++) await card(site1, 0).getByRole('button', { name: '增加分值' }).click();
    assert.equal(await card(site1, 0).locator('input[name="points"]').inputValue(), '2');
    assert.match(await problems(), /「城区凤台街道综治中心」：「特色品牌亮点」须写明加减分理由/);
    assert.equal(await submit(page).isDisabled(), true);
    await card(site1, 0).locator('textarea[name="reason"]').fill('打造“红色驿站”服务品牌，群众评价高');
    assert.match(await site1.getByTestId('adj-totals').innerText(), /加分 2 \/ 上限 3/);

    // Two deductions, 3 + 2 = 5 over the cap of 4, the second without a reason. The cap is a ceiling (封顶): the
    // total is flagged and the page says it counts as 4, but only the missing reason blocks the submission.
    await site2.getByRole('button', { name: '－ 减分' }).click();
    await card(site2, 0).locator('select').selectOption('adj-rectify');
    await card(site2, 0).locator('input[name="points"]').fill('3');
    await card(site2, 0).locator('textarea[name="reason"]').fill('上次督导反馈的问题未整改到位');
    await site2.getByRole('button', { name: '－ 减分' }).click();
    await card(site2, 1).locator('select').selectOption('adj-records');
    await card(site2, 1).locator('input[name="points"]').fill('2');
    const stopped = await problems();
    assert.match(stopped, /「东县北留镇便民服务站」：「台账资料不实」须写明加减分理由/);
    assert.doesNotMatch(stopped, /减分合计/, 'a total over its cap is a warning, not a problem');
    assert.equal(await submit(page).isDisabled(), true);
    assert.match(await site2.locator('[data-testid="adj-totals"] .over').innerText(), /减分 5 \/ 上限 4/);
    assert.equal(await site2.getByTestId('adj-cap-warning').innerText(), '减分合计 5，超过上限 4：按上限 4 分计入');
    await assertFitsPhone(page);
    await site2.scrollIntoViewIfNeeded();
    await shot(page, '11-deduction-over-cap');
    await page.getByRole('button', { name: 'English' }).click();
    assert.equal(await site2.getByTestId('adj-cap-warning').innerText(), 'Deduction total 5 exceeds the cap of 4: it counts as 4');
    await page.getByRole('button', { name: '中文' }).click();

    // The draft, adjustments and all, survives a reload.
    await page.reload();
    await page.locator('li[data-subject]').first().waitFor();
    assert.equal(await site2.locator('.adj').count(), 2);
    assert.equal(await card(site1, 0).locator('textarea[name="reason"]').inputValue(), '打造“红色驿站”服务品牌，群众评价高');
    assert.equal(await card(site2, 1).locator('select').inputValue(), 'adj-records');

    // Fixed: the second deduction down to 1 (4 in all, at the cap) with its reason.
    for (let i = 0; i < 2; i++) await card(site2, 1).getByRole('button', { name: '减少分值' }).click();
    assert.equal(await card(site2, 1).locator('input[name="points"]').inputValue(), '1');
    await card(site2, 1).locator('textarea[name="reason"]').fill('台账补记不及时');
    assert.equal(await page.getByTestId('problems').count(), 0);
    assert.equal(await site2.getByTestId('adj-cap-warning').count(), 0, 'at the cap, not over it');
    await shot(page, '12-adjustments-ready');
    // The review lists each site's score and every adjustment with its reason.
    await submit(page).click();
    const reviewed = page.getByTestId('review');
    assert.match(await reviewed.locator('[data-review="s-site1"]').innerText(), /85 分[\s\S]*＋2 特色品牌亮点：打造“红色驿站”服务品牌，群众评价高/);
    assert.match(await reviewed.locator('[data-review="s-site2"]').innerText(), /－3 [\s\S]*上次督导反馈的问题未整改到位[\s\S]*－1 [\s\S]*台账补记不及时/);
    await assertFitsPhone(page);
    await page.getByRole('button', { name: '确认提交' }).click();
    const receipt = (await page.getByTestId('receipt').innerText()).trim();
    assert.match(receipt, /^[0-9A-Z]{8}$/);

    const [stored, ...more] = await listBallotsAsCast(own.ctx.database.db, 'camp1');
    assert.equal(more.length, 0);
    assert.equal(stored!.raterName, '观摩团成员01');
    const by = new Map(stored!.ratings.map((r) => [r.subjectId, r]));
    assert.deepEqual(by.get('s-site1'), { subjectId: 's-site1', score: '85', adjustments: [{ itemId: 'adj-brand', points: '2', reason: '打造“红色驿站”服务品牌，群众评价高' }] });
    assert.deepEqual(by.get('s-site2')?.adjustments, [
      { itemId: 'adj-rectify', points: '3', reason: '上次督导反馈的问题未整改到位' },
      { itemId: 'adj-records', points: '1', reason: '台账补记不及时' },
    ]);
    assert.deepEqual(by.get('s-site3'), { subjectId: 's-site3', score: '85' });
    await ctx.close();
    await own.close();
  });
});
