/**
 * Issue #17 § 5 in Chromium: the office reads and sets how an instrument's adjustment caps read (封顶 or 该票无效)
 * and an item's step in the set-up; the phone warns at the cap under both readings, blocking only under the strict
 * one. (The explanation's raw sum and counted value are tested in test/domain/adjustment-caps.test.ts.)
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { createAccount } from '../../src/app/accounts/create-account.js';
import { ensureConsole, ensureRatePage } from '../../scripts/build-web.js';
import { CITY, COUNTIES } from '../http/fixtures.js';
import { observationSetup } from '../http/observation-fixtures.js';
import { consolePage, launchBrowser, logIn, startServer, type RunningServer } from './harness.js';

const PASSWORD = 'Office-pass-2026';

describe('adjustment caps: the set-up and the phone in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  before(async () => {
    await ensureConsole();
    await ensureRatePage();
    server = await startServer();
    await createAccount(server.ctx, 'system', { username: 'office', displayName: '市委组织部办公室', role: 'organiser', unitId: null, password: PASSWORD });
    assert.equal((await server.api('organiser', '/api/units', { body: { units: [CITY, ...COUNTIES] } })).status, 201);
    // The console asks group weights in percent summing to 100: the fixture's single weights of 1 become 100.
    const body = observationSetup();
    for (const i of body.instruments) i.groupWeights = i.groupWeights.map((g) => ({ ...g, weight: String(100 / i.groupWeights.length) }));
    const created = await server.api('organiser', '/api/campaigns', { body });
    assert.equal(created.status, 201, JSON.stringify(created.json));
    browser = await launchBrowser();
    page = await consolePage(browser);
    await page.goto(`${server.url}/console/campaigns/camp1/setup`);
    await logIn(page, 'office', PASSWORD);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows the ceiling as the default reading, and saves the strict one and an item’s step', async () => {
    await page.click('.ant-tabs-tab >> text=评价方式');
    await page.locator('.ant-tabs-tab').filter({ hasText: /^观摩评(?!（)/ }).click();
    const adjustments = page.locator('[data-testid="adjustments-editor"]').filter({ visible: true });
    const reading = adjustments.getByTestId('cap-reading');
    await reading.waitFor();
    assert.match(await reading.innerText(), /按上限计（封顶）/);
    assert.match(await adjustments.innerText(), /按总上限计入/);
    await reading.click();
    await page.locator('.ant-select-dropdown:visible').getByText('该票无效').click();
    await adjustments.getByLabel('最小分值单位 1').fill('0.7');
    await adjustments.getByText('不是最小分值单位 0.7 的整数倍').waitFor();
    await adjustments.getByLabel('最小分值单位 1').fill('0.5');
    await page.locator('[data-testid="check-result"]').getByText('方案检查通过').waitFor({ timeout: 10_000 });
    await page.click('[data-testid="save-campaign"]');
    await page.getByText('活动已保存').waitFor();
    const def = (await server.api('organiser', '/api/campaigns/camp1')).json.definition;
    const observe = def.instruments.find((i: { id: string }) => i.id === 'i-observe');
    assert.equal(observe.adjustments.capReading, 'strict');
    assert.equal(observe.adjustments.items[0].step, '0.5');
    const visit = def.instruments.find((i: { id: string }) => i.id === 'i-visit');
    assert.equal(visit.adjustments.capReading, undefined, 'left as it was: the ceiling');
  });

  it('on the phone warns at the cap: counted as the cap (ceiling), or blocking the sheet (strict)', async () => {
    const session = await server.api('organiser', '/api/campaigns/camp1/sessions', { body: { name: '实训点现场观摩', instrumentIds: ['i-observe', 'i-visit'], expected: { 'g-tf': 1 } } });
    assert.equal(session.status, 201, JSON.stringify(session.json));
    assert.equal((await server.api('organiser', `/api/sessions/${session.json.id}/open`, { method: 'POST' })).status, 200);
    const issued = await server.api('clerk', `/api/sessions/${session.json.id}/tokens`, { body: { raterGroupId: 'g-tf', count: 1, raterNames: ['观摩团成员01'] } });
    assert.equal(issued.status, 201, JSON.stringify(issued.json));
    const phone = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'zh-CN' });
    const p = await phone.newPage();
    await p.goto(`${server.url}/r/${issued.json[0].token}`);
    await p.locator('li[data-subject]').first().waitFor();
    const site = (instrument: string, subject: string) => p.locator(`section[data-instrument="${instrument}"] li[data-subject="${subject}"]`);
    const fillOver = async (instrument: string) => {
      const row = site(instrument, 's-site1');
      await row.getByRole('button', { name: '－ 减分' }).click();
      await row.locator('.adj').nth(0).locator('select').selectOption('adj-rectify');
      await row.locator('.adj').nth(0).locator('input[name="points"]').fill('3');
      await row.locator('.adj').nth(0).locator('textarea[name="reason"]').fill('整改不到位');
      await row.getByRole('button', { name: '－ 减分' }).click();
      await row.locator('.adj').nth(1).locator('select').selectOption('adj-records');
      await row.locator('.adj').nth(1).locator('input[name="points"]').fill('2');
      await row.locator('.adj').nth(1).locator('textarea[name="reason"]').fill('台账不实');
      return row;
    };
    const ceiling = await fillOver('i-visit');
    assert.equal(await ceiling.getByTestId('adj-cap-warning').innerText(), '减分合计 5，超过上限 4：按上限 4 分计入');
    const strict = await fillOver('i-observe');
    assert.equal(await strict.getByTestId('adj-cap-warning').innerText(), '减分合计 5，超过上限 4：超出上限的票无效，须减到 4 分以内才能提交');
    assert.match(await p.getByTestId('problems').innerText(), /减分合计 5，超过上限 4（超出上限的票无效）/);
    await phone.close();
  });
});
