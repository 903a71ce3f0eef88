/**
 * The office's set-up and publication in a real browser at 1440×900: units from an xlsx (one bad row refused with its
 * row number, then fixed), a campaign from the 亮晒评 template with weights set, a session created, opened and closed
 * in the console with ballots sent through the API, publication and the public 公示. A unit viewer cannot reach
 * another county or unpublished results, in the console or through the API. Screenshots go to $LEITAI_SCREENSHOTS
 * (or a temp dir, printed) for a human look at the Chinese.
 */
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { createAccount } from '../../src/app/accounts/create-account.js';
import { ensureConsole } from '../../scripts/build-web.js';
import { consolePage, launchBrowser, logIn, screenshotDir, startServer, type RunningServer } from './harness.js';

const PASSWORD = 'Office-pass-2026';
const COUNTIES: [string, string][] = [
  ['140502', '城区'],
  ['140521', '沁水县'],
  ['140522', '阳城县'],
  ['140524', '陵川县'],
  ['140525', '泽州县'],
  ['140581', '高平市'],
];

async function unitsFile(dir: string, name: string, badParent: boolean): Promise<string> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('单位');
  sheet.addRow(['代码', '名称', '层级', '上级代码']);
  sheet.addRow(['1405', '晋城市', '市', '']);
  for (const [code, n] of COUNTIES) sheet.addRow([code, n, n.endsWith('市') ? '县级市' : n.endsWith('区') ? '区' : '县', '1405']);
  sheet.addRow(['140525100', '北石店镇', '镇', '140525']);
  sheet.addRow(['140525101', '南村镇', '镇', badParent ? '149999' : '140525']); // row 10
  sheet.addRow(['140502001', '东街街道', '街道', '140502']);
  const path = join(dir, name);
  await writeFile(path, Buffer.from(await book.xlsx.writeBuffer()));
  return path;
}

describe('the office console: set-up to 公示 in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let shots = '';
  let page: Page;
  let campaignId = '';
  let sessionId = '';

  const shot = (p: Page, name: string) => p.screenshot({ path: join(shots, `${name}.png`), fullPage: false });

  before(async () => {
    await ensureConsole();
    server = await startServer();
    shots = await screenshotDir('console-setup');
    await createAccount(server.ctx, 'system', { username: 'office', displayName: '市委组织部办公室', role: 'organiser', unitId: null, password: PASSWORD });
    browser = await launchBrowser();
    page = await consolePage(browser);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('refuses an xlsx with one bad row, naming the row, then imports the fixed file', async () => {
    await page.goto(`${server.url}/console/units`);
    await logIn(page, 'office', PASSWORD);
    await page.waitForSelector('input[type="file"]', { state: 'attached' });
    const bad = await unitsFile(shots, 'units-bad.xlsx', true);
    await page.setInputFiles('input[type="file"]', bad);
    const errors = page.locator('[data-testid="units-errors"]');
    await errors.waitFor();
    const refused = await errors.innerText();
    assert.match(refused, /文件有 1 处错误/);
    assert.match(refused, /第 10 行/);
    await shot(page, 'units-row-error');
    assert.equal((await server.api('organiser', '/api/units')).json.length, 0, 'nothing stored');

    await page.setInputFiles('input[type="file"]', await unitsFile(shots, 'units.xlsx', false));
    const preview = page.locator('[data-testid="units-preview"]');
    await preview.waitFor();
    assert.match(await preview.innerText(), /10 个单位可以导入/);
    await shot(page, 'units-preview');
    await page.click('[data-testid="units-confirm"]');
    await page.waitForSelector('text=已导入 10 个单位');
    assert.equal((await server.api('organiser', '/api/units?parent=u1405')).json.length, 6);
  });

  it('builds a campaign from the 亮晒评 template, shows the rule check as counts, validates weights and saves', async () => {
    await page.goto(`${server.url}/console/campaigns/new`);
    await page.click('[data-testid="root-select"]');
    await page.click('.ant-select-item-option >> text=晋城市（1405）');
    await page.click('[data-testid="build-setup"]');
    await page.waitForSelector('[data-testid="campaign-name"]');
    campaignId = await page.inputValue('input[value^="lsp-"]');

    await page.click('.ant-tabs-tab >> text=观摩点与案例');
    await page.click('button >> text=添加观摩点');
    await page.click('button >> text=添加案例');
    await page.click('.ant-tabs-tab >> text=排名与权重');
    const county = page.locator('[data-testid="ranking-r-county"]');
    const observation = county.locator('input[aria-label="权重 % 观摩评"]');
    await observation.fill('30');
    await county.locator('[data-testid="weight-total"] >> text=合计 105%，须恰好为 100%').waitFor();
    assert.equal(await page.isDisabled('[data-testid="save-campaign"]'), true, 'weights of 105% cannot be saved');
    await county.locator('input[aria-label="权重 % 专班评"]').fill('15');
    await county.locator('[data-testid="weight-total"] >> text=合计 100%').waitFor();

    const check = page.locator('[data-testid="check-result"]');
    // One case under “好 ≤ 40%” allows no 好 (nor do three townships under “好 ≤ 10%”): the set-up may be saved, but the
    // check says so instead of “passed”.
    await check.getByText(/方案可以保存，但有 \d+ 条规则提醒需要处理/).waitFor({ timeout: 10_000 });
    assert.equal(await check.locator('text=方案检查通过').count(), 0);
    const text = await check.innerText();
    assert.match(text, /每票 6 个对象/);
    assert.match(text, /本票最多 2 个“好”/);
    assert.match(text, /本票至少 2 个“较好”/);
    await shot(page, 'setup-editor');
    await page.click('.ant-tabs-tab >> text=评价方式');
    await page.click('.ant-tabs-tab >> text=汇报评');
    // Rater-group weights count in proportion, as the tally counts them: 20 : 30 : 30 may be saved as typed, with each
    // group's share shown; a weight of 0 is refused.
    const office = page.locator('input[aria-label="权重 专项行动办公室"]');
    const groupTotal = page.locator('[data-testid="weight-total"] >> visible=true').first();
    await office.fill('20');
    await groupTotal.getByText('合计 80，各组按比例计入').waitFor();
    const shares = await page.locator('.ant-table >> visible=true').first().innerText();
    assert.match(shares, /25\.0%[\s\S]*37\.5%[\s\S]*37\.5%/, shares);
    await check.getByText(/方案可以保存/).waitFor({ timeout: 10_000 });
    assert.equal(await page.isDisabled('[data-testid="save-campaign"]'), false, 'weights in proportion can be saved');
    await office.fill('0');
    await groupTotal.getByText('每个测评组的权重须大于 0').waitFor();
    assert.equal(await page.isDisabled('[data-testid="save-campaign"]'), true, 'a weight of 0 cannot be saved');
    await office.fill('40');
    await groupTotal.getByText('合计 100%').waitFor();
    await shot(page, 'setup-instrument');

    await page.click('[data-testid="save-campaign"]');
    await page.waitForURL(/\/campaigns\/[^/]+\/sessions$/);
    const def = (await server.api('organiser', `/api/campaigns/${campaignId}`)).json.definition;
    assert.deepEqual(def.rankings[0].components.map((c: { weight: string }) => c.weight), ['30', '15', '25', '15', '15']);
    assert.equal(def.subjects.filter((s: { kind: string }) => s.kind !== 'unit').length, 2);
  });

  it('edits criteria and adjustment items: a wrong criteria sum is named and blocks saving; the saved set-up carries them', async () => {
    await page.goto(`${server.url}/console/campaigns/${campaignId}/setup`);
    await page.click('.ant-tabs-tab >> text=评价方式');
    await page.click('.ant-tabs-tab >> text=专班评');
    const criteria = page.locator('[data-testid="criteria-editor"]').filter({ visible: true });
    await criteria.getByTestId('criteria-switch').click();
    await criteria.getByLabel('细则名称 1').fill('工作成效');
    assert.equal(await criteria.getByLabel('满分 1').inputValue(), '100', 'one criterion starts with the whole scale');
    await criteria.getByLabel('满分 1').fill('60');
    await criteria.getByTestId('add-criterion').click();
    assert.equal(await criteria.getByLabel('满分 2').inputValue(), '40', 'a new criterion takes what is left');
    await criteria.getByLabel('细则名称 2').fill('群众评价');
    await criteria.getByLabel('满分 2').fill('30');
    await criteria.getByTestId('criteria-sum').getByText('细则满分合计 90，应等于量表满分 100').waitFor();
    const check = page.locator('[data-testid="check-result"]');
    await check.getByText('评分细则满分合计 90，须等于最高分 100').waitFor({ timeout: 10_000 });
    assert.match(await check.innerText(), /专班评/, 'the server’s problem names the instrument');
    assert.equal(await page.isDisabled('[data-testid="save-campaign"]'), true, 'a wrong sum cannot be saved');
    await shot(page, 'setup-criteria-sum');
    await criteria.getByLabel('满分 2').fill('40');
    await criteria.getByTestId('criteria-sum').getByText('细则满分合计 100，等于最高分').waitFor();

    const adjustments = page.locator('[data-testid="adjustments-editor"]').filter({ visible: true });
    await adjustments.getByTestId('adjustments-switch').click();
    await adjustments.getByTestId('add-bonus').click();
    // Bonus items stay together: the new one comes second, before the deduction.
    await adjustments.getByLabel('加减分项目 2').fill('经验被推广');
    await adjustments.getByLabel('单项上限 2').fill('1.5');
    await adjustments.getByLabel('总加分上限').fill('3');
    await adjustments.getByLabel('单项上限 1').fill('4');
    await adjustments.getByTestId('adjustments-findings').getByText('单项上限 4 超过总加分上限 3').waitFor();
    await adjustments.getByLabel('单项上限 1').fill('2');
    await shot(page, 'setup-criteria-adjustments');

    await page.click('.ant-tabs-tab >> text=加减分');
    const campaignAdjustments = page.locator('[data-testid="adjustments-editor"]').filter({ visible: true });
    await campaignAdjustments.getByLabel('加减分项目 1').fill('经验被国家级推广');
    await campaignAdjustments.getByRole('row', { name: /督导反馈问题未整改/ }).getByRole('button', { name: /删\s*除/ }).click();

    await check.getByText(/方案可以保存，但有 \d+ 条规则提醒/).waitFor({ timeout: 10_000 });
    await page.click('[data-testid="save-campaign"]');
    await page.getByText('活动已保存').waitFor();
    const def = (await server.api('organiser', `/api/campaigns/${campaignId}`)).json.definition;
    const taskforce = def.instruments.find((i: { id: string }) => i.id === 'i-taskforce');
    assert.deepEqual(taskforce.criteria, [
      { id: 'crit-1', label: '工作成效', maxPoints: '60' },
      { id: 'crit-2', label: '群众评价', maxPoints: '40' },
    ]);
    assert.deepEqual(taskforce.adjustments, {
      // A new set-up reads a total cap as a ceiling (封顶, decision 0018) unless the office chose the strict reading.
      capReading: 'ceiling',
      items: [
        { id: 'adj-1', label: '加分项1', direction: 'bonus', maxPoints: '2' },
        { id: 'adj-3', label: '经验被推广', direction: 'bonus', maxPoints: '1.5' },
        { id: 'adj-2', label: '减分项1', direction: 'deduction', maxPoints: '2' },
      ],
      maxTotalBonus: '3',
      maxTotalDeduction: '5',
    });
    const campaignLevel = def.instruments.find((i: { id: string }) => i.id === 'i-adjustments').adjustments.items;
    assert.deepEqual(campaignLevel.map((i: { label: string }) => i.label), ['经验被国家级推广', '承担省级试点任务', '重点任务逾期未完成']);
    await page.goto(`${server.url}/console/campaigns/${campaignId}/sessions`);
  });

  it('creates and opens a session in the console, takes ballots, closes it', async () => {
    await page.click('[data-testid="new-session"]');
    const modal = page.locator('.ant-modal').filter({ hasText: '新建测评会' });
    await modal.getByTestId('session-name').fill('县（市、区）委书记汇报点评会');
    await modal.locator('[data-testid="session-instruments"]').click();
    await page.click('.ant-select-item-option >> text=汇报评');
    await page.keyboard.press('Escape');
    const expected = modal.getByLabel(/^应到（人） /);
    await expected.first().waitFor();
    for (let i = 0; i < (await expected.count()); i++) await expected.nth(i).fill('2');
    await page.click('[data-testid="create-session-ok"]');
    await page.waitForSelector('text=测评会已创建');
    const sessions = (await server.api('organiser', `/api/campaigns/${campaignId}/sessions`)).json;
    sessionId = sessions[0].id;
    assert.deepEqual(sessions[0].expected, { 'g-office': 2, 'g-taskforce': 2, 'g-inspection': 2 });

    await page.click('[data-testid="session-open"]');
    await page.click('.ant-popconfirm button.ant-btn-primary');
    await page.waitForSelector('[data-testid="session-status"] >> text=进行中');

    const [popup] = await Promise.all([page.waitForEvent('popup'), (async () => {
      await page.click('[data-testid="session-slips"]');
      await page.click('[data-testid="slips-ok"]');
    })()]);
    await popup.waitForFunction(() => document.body?.innerText.includes('测评码') ?? false);
    await popup.close();

    const grades = [['good', 'good', 'fairly-good', 'fairly-good', 'average', 'poor'], ['fairly-good', 'good', 'average', 'good', 'fairly-good', 'average']];
    for (const group of ['g-office', 'g-taskforce', 'g-inspection']) {
      const tokens = (await server.api('clerk', `/api/sessions/${sessionId}/tokens`, { body: { raterGroupId: group, count: 2, ...(group === 'g-taskforce' ? { raterNames: ['第一工作专班', '第二工作专班'] } : {}) } })).json as { token: string }[];
      for (const [n, token] of tokens.entries()) {
        const ratings = COUNTIES.map(([code], i) => ({ subjectId: `s-u${code}`, grade: grades[n]![i] }));
        const res = await server.api(null, '/api/ballots', { body: { token: token.token, ballots: [{ instrumentId: 'i-report', ratings }] } });
        assert.equal(res.status, 201, JSON.stringify(res.json));
      }
    }
    await shot(page, 'sessions-open');
    await page.click('[data-testid="session-close"]');
    await page.click('[data-testid="close-confirm-ok"]');
    await page.waitForSelector('[data-testid="session-status"] >> text=已结束');
    await shot(page, 'sessions-closed');
  });

  it('once a session has opened, criteria and adjustment items are read-only', async () => {
    await page.goto(`${server.url}/console/campaigns/${campaignId}/setup`);
    await page.click('.ant-tabs-tab >> text=评价方式');
    await page.click('.ant-tabs-tab >> text=专班评');
    const criteria = page.locator('[data-testid="criteria-editor"]').filter({ visible: true });
    const adjustments = page.locator('[data-testid="adjustments-editor"]').filter({ visible: true });
    await criteria.getByLabel('细则名称 1').waitFor();
    assert.equal(await criteria.getByLabel('细则名称 1').isDisabled(), true);
    assert.equal(await criteria.getByLabel('满分 2').isDisabled(), true);
    assert.equal(await criteria.getByTestId('criteria-switch').isDisabled(), true);
    assert.equal(await adjustments.getByLabel('总加分上限').isDisabled(), true);
    assert.equal(await criteria.getByTestId('add-criterion').count(), 0);
    assert.equal(await adjustments.getByTestId('add-bonus').count(), 0);
    assert.equal(await page.locator('[data-testid="save-campaign"]').count(), 0);
  });

  it('a unit viewer sees neither unpublished results nor, later, another county', async () => {
    await createAccount(server.ctx, 'system', { username: 'chengqu', displayName: '城区委组织部', role: 'viewer', unitId: 'u140502', password: PASSWORD });
    const login = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'chengqu', password: PASSWORD }) });
    assert.equal(login.status, 200);
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const asViewer = (path: string) => fetch(server.url + path, { headers: { cookie } }).then((r) => r.status);
    assert.equal(await asViewer(`/api/campaigns/${campaignId}/results`), 403, 'unpublished');
    assert.equal(await asViewer(`/api/campaigns/${campaignId}`), 403);
    assert.equal(await asViewer('/api/units/u140525'), 403, 'another county');
    assert.equal(await asViewer('/api/templates/liangshaiping?rootUnitId=u1405'), 403);
  });

  it('publishes with a notice date and objection period and shows the public 公示', async () => {
    await page.goto(`${server.url}/console/campaigns/${campaignId}/publish`);
    await page.waitForSelector('[data-testid="publish"]');
    await page.fill('[data-testid="issuer"]', '中共晋城市委组织部');
    await shot(page, 'publish-form');
    await page.click('[data-testid="publish"]');
    await page.click('.ant-modal-confirm button.ant-btn-primary');
    await page.waitForSelector('[data-testid="open-notice"]');
    await shot(page, 'publish-done');
    const [notice] = await Promise.all([page.waitForEvent('popup'), page.click('[data-testid="open-notice"]')]);
    await notice.setViewportSize({ width: 1440, height: 900 });
    await notice.waitForLoadState();
    const body = await notice.innerText('body');
    assert.match(body, /公示/);
    for (const [, n] of COUNTIES) assert.ok(body.includes(n), n);
    await shot(notice, 'notice');
    await notice.close();
  });

  it('after publication the viewer sees its own county, never another one, in the console and the API', async () => {
    const viewer = await consolePage(browser);
    try {
      await viewer.goto(`${server.url}/console/campaigns/${campaignId}/results/r-county/units/u140525`);
      await logIn(viewer, 'chengqu', PASSWORD);
      // Its results hold only its own county: the other county's page has nothing to show and says so.
      await viewer.waitForSelector('.ant-alert-error', { timeout: 10_000 });
      assert.ok(!(await viewer.innerText('body')).includes('泽州县'), 'nothing of 泽州县 is shown');
      await shot(viewer, 'viewer-other-county');
      await viewer.goto(`${server.url}/console/campaigns/new`);
      await viewer.waitForSelector('.ant-result-403');
      const status = await viewer.evaluate(async (url) => (await fetch(url)).status, `/api/campaigns/${campaignId}/results/r-county/units/u140525/explanation`);
      assert.equal(status, 403);
      const own = await viewer.evaluate(async (url) => (await fetch(url)).status, `/api/campaigns/${campaignId}/results/r-county/units/u140502/explanation`);
      assert.equal(own, 200);
    } finally {
      await viewer.close();
    }
  });
});
