/**
 * 培训班 in the office console, as the office and a clerk run it: the organiser creates a class, a venue and two lessons
 * on two days (a lesson ending before it starts is refused in the form) and sees them under their days; imports a
 * roster whose dry run names a bad row by its line, fixes the file and imports it; searches the roster. On the 签到
 * tab the office opens a venue's screen, and the counts move live when a trainee checks in through the API with the
 * code that screen shows; a clerk records a 补签, which is refused without a reason. The class page reads in English with the switch. Units, accounts and the
 * trainee's phone go through the harness and the API; every office step goes through the browser.
 * Screenshots go to $LEITAI_SCREENSHOTS (or a temp dir, printed).
 */
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { ensureConsole } from '../../scripts/build-web.js';
import { createAccount } from '../../src/app/accounts/create-account.js';
import type { Unit } from '../../src/domain/types.js';
import { beijingNow } from '../../web/console/src/features/training/agenda.js';
import { CITY, COUNTIES } from '../http/fixtures.js';
import { consolePage, launchBrowser, logIn, screenshotDir, startServer, type RunningServer } from './harness.js';

const PASSWORD = 'Training-2022!';
const TOWNS: Unit[] = [
  { id: 't21', code: '149902001', name: '东城镇', level: 'township', parentId: 'k2' },
  { id: 't22', code: '149902002', name: '西河乡', level: 'township', parentId: 'k2' },
];
const CLASS_NAME = '全市抓党建促基层治理能力提升培训班';
const FORUM = '县（市、区）委书记论坛';
const SYNC = '基层治理专题同步课堂';

/** A local date `days` after today's on Beijing time. */
function beijingDay(days: number): string {
  return beijingNow(Date.now() + days * 86_400_000).slice(0, 10);
}

const csv = (rows: string[]) => `姓名,单位,职务,电话\n${rows.join('\n')}\n`;
const BAD_ROSTER = csv(['学员甲,东县,县委书记,13800000001', '学员乙,东县/东城镇,镇党委书记,', '学员丙,不存在县,村党支部书记,', '学员丁,西县,县委组织部部长,13800000004']);
const GOOD_ROSTER = BAD_ROSTER.replace('学员丙,不存在县', '学员丙,南县');

/** Today's lesson runs 00:00–23:59 Beijing time: a run in the last minutes of the day waits for the next one. */
async function awayFromMidnight(): Promise<void> {
  const clock = beijingNow().slice(11);
  if (clock < '23:55') return;
  const [h, m] = clock.split(':').map(Number);
  await new Promise((resolve) => setTimeout(resolve, ((24 - h!) * 60 - m!) * 60_000 + 30_000));
}

describe('the training class in the console: agenda, roster import, live check-in, 补签', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let shots = '';
  let files = '';
  let classUrl = '';
  let classId = '';
  const errors: string[] = [];
  let yesterday = '';
  let today = '';
  let tomorrow = '';

  const shot = (p: Page, name: string) => p.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
  const drawer = () => page.locator('.ant-drawer:visible');
  const modal = () => page.locator('.ant-modal:visible');
  /** Picks an option of an antd select by its visible text. */
  const choose = async (testId: string, option: string, within = page.locator('body')) => {
    await within.getByTestId(testId).click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first().click();
  };
  const typeTime = async (testId: string, clock: string) => {
    const input = drawer().getByTestId(testId);
    await input.click();
    await input.fill(clock);
    await input.press('Enter');
  };

  before(async () => {
    await awayFromMidnight();
    [yesterday, today, tomorrow] = [beijingDay(-1), beijingDay(0), beijingDay(1)];
    await ensureConsole();
    server = await startServer();
    shots = await screenshotDir('console-training');
    files = await mkdtemp(join(tmpdir(), 'leitai-training-files-'));
    assert.equal((await server.api('organiser', '/api/units', { body: { units: [CITY, ...COUNTIES, ...TOWNS] } })).status, 201);
    await createAccount(server.ctx, 'system', { username: 'office', displayName: '市委组织部办公室', role: 'organiser', unitId: null, password: PASSWORD });
    await createAccount(server.ctx, 'system', { username: 'counter', displayName: '培训班工作人员', role: 'clerk', unitId: null, password: PASSWORD });
    browser = await launchBrowser();
    page = await consolePage(browser, { errors, acceptDownloads: true });
    page.setDefaultTimeout(10_000);
  });
  after(async () => {
    if (errors.length) console.log('page errors:', errors);
    await browser?.close();
    await server?.close();
    if (files) await rm(files, { recursive: true, force: true });
  });

  it('creates a class from the training list', async () => {
    await page.goto(`${server.url}/console/training`);
    await logIn(page, 'office', PASSWORD);
    await page.getByTestId('new-class').click();
    await modal().getByTestId('class-name').fill(CLASS_NAME);
    await modal().getByText('独立培训班').click();
    await choose('class-city', '测试市', modal());
    // A range picker's two inputs carry the test id.
    const dates = modal().getByTestId('class-dates');
    await dates.first().click();
    await dates.first().fill(yesterday);
    await dates.first().press('Enter');
    await dates.nth(1).fill(tomorrow);
    await dates.nth(1).press('Enter');
    await modal().getByTestId('class-grace').fill('15');
    await shot(page, 'create-class');
    await modal().getByTestId('class-form-ok').click();
    await page.getByRole('heading', { name: CLASS_NAME }).waitFor();
    classUrl = page.url();
    classId = decodeURIComponent(new URL(classUrl).pathname.split('/')[3]!);
    const stored = await server.api('organiser', `/api/training/classes/${encodeURIComponent(classId)}`);
    assert.equal(stored.status, 200);
    assert.deepEqual([stored.json.startsOn, stored.json.endsOn, stored.json.graceMinutes, stored.json.rootUnitId], [yesterday, tomorrow, 15, 'c0']);
  });

  it('adds two venues, then two lessons on two days; an end before the start is refused before sending', async () => {
    await page.getByTestId('tab-venues').click();
    for (const [name, unit] of [['测试市委党校', '测试市'], ['东县委党校', '东县']] as const) {
      await page.getByTestId('add-venue').click();
      await modal().getByTestId('venue-name').fill(name);
      await choose('venue-unit', unit, modal());
      await modal().getByTestId('venue-ok').click();
      await page.getByTestId('venues-table').getByText(name).waitFor();
    }

    await page.getByTestId('tab-agenda').click();
    await page.getByTestId(`add-lesson-${yesterday}`).click();
    await choose('lesson-kind', '书记论坛', drawer());
    await drawer().getByTestId('lesson-title-input').fill(FORUM);
    await typeTime('lesson-start', '09:00');
    await typeTime('lesson-end', '08:30');
    const requests: string[] = [];
    page.on('request', (r) => r.method() === 'POST' && r.url().includes('/lessons') && requests.push(r.url()));
    await drawer().getByTestId('lesson-save').click();
    await drawer().getByText('结束时间须晚于开始时间').waitFor();
    assert.deepEqual(requests, [], 'nothing is sent while the end comes before the start');
    await typeTime('lesson-end', '11:30');
    await drawer().getByTestId('lesson-hours').fill('2.5');
    await drawer().getByTestId('lesson-save').click();
    await page.getByTestId(`agenda-day-${yesterday}`).getByText(FORUM).waitFor();

    await page.getByTestId(`add-lesson-${today}`).click();
    await choose('lesson-kind', '同步课堂', drawer());
    await drawer().getByTestId('lesson-title-input').fill(SYNC);
    await typeTime('lesson-start', '00:00');
    await typeTime('lesson-end', '23:59');
    await choose('lesson-venues', '东县委党校', drawer());
    await drawer().getByTestId('lesson-hours').fill('3');
    await drawer().getByTestId('lesson-save').click();
    const todayColumn = page.getByTestId(`agenda-day-${today}`);
    await todayColumn.getByText(SYNC).waitFor();
    assert.match(await todayColumn.innerText(), /第 2 天/);
    assert.match(await todayColumn.innerText(), /测试市委党校、东县委党校/);
    assert.doesNotMatch(await page.getByTestId(`agenda-day-${yesterday}`).innerText(), new RegExp(SYNC));
    assert.match(await page.getByTestId(`agenda-day-${tomorrow}`).innerText(), /当天没有课次/);
    await shot(page, 'agenda');

    const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByTestId('print-agenda').click()]);
    assert.equal(pdf.suggestedFilename(), `${CLASS_NAME}-日程安排.pdf`);
    assert.equal((await readFile((await pdf.path())!)).subarray(0, 5).toString(), '%PDF-');
  });

  it('imports a roster only after a dry run that names the bad row by its line', async () => {
    await page.getByTestId('tab-roster').click();
    await page.getByTestId('import-roster').click();
    const bad = join(files, 'roster.csv');
    await writeFile(bad, BAD_ROSTER);
    await drawer().locator('input[type=file]').setInputFiles(bad);
    await drawer().getByTestId('import-bad').waitFor();
    const errorsTable = await drawer().getByTestId('import-errors').innerText();
    assert.match(errorsTable, /第 4 行/);
    assert.match(errorsTable, /不存在县/);
    assert.equal(await drawer().getByTestId('import-confirm').count(), 0, 'no import while a row is bad');
    assert.match(await drawer().getByTestId('import-report').innerText(), /4[\s\S]*3[\s\S]*1/);
    await shot(page, 'import-dry-run-bad');
    assert.equal((await server.api('organiser', `/api/training/classes/${classId}/participants`)).json.total, 0, 'the dry run stored nobody');

    const good = join(files, 'roster-fixed.csv');
    await writeFile(good, GOOD_ROSTER);
    await drawer().locator('input[type=file]').setInputFiles(good);
    await drawer().getByTestId('import-clean').waitFor();
    await drawer().getByTestId('import-confirm').click();
    await page.getByText('已导入 4 名学员').waitFor();
    await page.getByTestId('roster-total').filter({ hasText: '共 4 人' }).waitFor();
  });

  it('searches the roster and filters it by county and township', async () => {
    await page.getByTestId('roster-search').locator('input').fill('学员丁');
    await page.getByTestId('roster-total').filter({ hasText: '共 1 人' }).waitFor();
    assert.match(await page.getByTestId('roster-table').innerText(), /学员丁[\s\S]*西县[\s\S]*县委组织部部长/);
    await page.getByTestId('roster-search').locator('input').fill('');
    await page.getByTestId('roster-total').filter({ hasText: '共 4 人' }).waitFor();
    await page.getByTestId('roster-unit').click();
    await page.locator('.ant-select-tree-node-content-wrapper', { hasText: '东县' }).click();
    await page.getByTestId('roster-total').filter({ hasText: '共 2 人' }).waitFor();
    // …and one of its townships, loaded when the county is opened.
    await page.getByTestId('roster-unit').click();
    await page.locator('.ant-select-tree-treenode', { hasText: '东县' }).locator('.ant-select-tree-switcher').click();
    await page.locator('.ant-select-tree-node-content-wrapper', { hasText: '东城镇' }).click();
    await page.getByTestId('roster-total').filter({ hasText: '共 1 人' }).waitFor();
    assert.match(await page.getByTestId('roster-table').innerText(), /学员乙[\s\S]*东县 \/ 东城镇/);
    await shot(page, 'roster');

    // 打印名单 prints the roster as filtered, with each trainee's personal code.
    const code = (await server.api('organiser', `/api/training/classes/${classId}/participants?q=学员乙`)).json.items[0].code as string;
    const [printed] = await Promise.all([page.waitForEvent('popup'), page.getByTestId('print-roster').click()]);
    await printed.getByText(code).first().waitFor();
    assert.doesNotMatch(await printed.locator('body').innerText(), /学员丁/, 'only the chosen township');
    await printed.close();
  });

  it('opens a venue screen, and shows the count move live when a trainee checks in with the code it shows', async () => {
    await page.getByTestId('tab-checkin').click();
    await page.getByTestId('checkin-lesson').filter({ hasText: SYNC }).waitFor();
    await page.getByTestId('checkin-live').filter({ hasText: '实时' }).waitFor();
    const venues = page.getByTestId('checkin-venues');
    const eastRow = venues.locator('tr', { hasText: '东县委党校' });
    // 东县's two trainees are expected at its own party school, the other two at the city's.
    assert.match(await eastRow.innerText(), /东县委党校\s+2\s+0\s+0\s+0\s+2/);
    await shot(page, 'checkin-before');

    // The office opens 东县委党校's venue screen from the console; its QR link carries the code of the moment.
    await eastRow.getByTestId('venue-screen').click();
    const [screen] = await Promise.all([page.waitForEvent('popup'), modal().getByTestId('screen-open').click()]);
    const qrUrl = (await screen.locator('#qr').getAttribute('data-url', { timeout: 10_000 }))!;
    assert.equal(await screen.locator('#venueName').innerText(), '东县委党校');
    await screen.close();
    await modal().locator('.ant-modal-close').click();
    const [lessonId, venueId] = new URL(qrUrl).pathname.split('/').slice(3).map(decodeURIComponent);
    const code = new URL(qrUrl).hash.slice(1);
    const grant = await server.api(null, '/api/checkin/grants', { body: { classId, lessonId, venueId, code } });
    assert.equal(grant.status, 201, JSON.stringify(grant.json));
    const roster = (await server.api('organiser', `/api/training/classes/${classId}/participants?q=学员甲`)).json;
    const checkin = await server.api(null, '/api/checkin', { body: { grant: grant.json.grant, personalCode: roster.items[0].code } });
    assert.equal(checkin.status, 201, JSON.stringify(checkin.json));

    // No reload: the count arrives by server-sent events.
    await page.getByTestId('total-late').filter({ hasText: /^迟到1$/ }).waitFor({ timeout: 5_000 });
    assert.match(await eastRow.innerText(), /东县委党校\s+2\s+0\s+1\s+0\s+1\s+50\.0%/);
    assert.match(await page.getByTestId('checkin-units').locator('tr', { hasText: '东县' }).innerText(), /东县\s+2\s+0\s+1\s+0\s+1/);
    await shot(page, 'checkin-live');
  });

  it('lets a clerk record a 补签 from the liaison’s list, only with a reason', async () => {
    const clerk = await consolePage(browser, { errors });
    try {
      await clerk.goto(`${classUrl}/checkin`);
      await logIn(clerk, 'counter', PASSWORD);
      await clerk.getByTestId('checkin-venues').waitFor();
      assert.equal(await clerk.getByTestId('record-leave').count(), 0, 'a clerk records no leave');
      assert.equal(await clerk.getByTestId('venue-screen').count(), 0, 'a clerk opens no venue screen');
      await clerk.getByTestId('checkin-venues').locator('tr', { hasText: '东县委党校' }).getByTestId('venue-liaison').click();
      const list = clerk.getByTestId('venue-roster');
      await list.getByText('学员乙').waitFor();
      await clerk.getByTestId('venue-roster-filter').getByText('只看未签到').click();
      assert.doesNotMatch(await list.innerText(), /学员甲/);
      await list.locator('tr', { hasText: '学员乙' }).getByTestId('row-late-entry').click();
      const dialog = clerk.locator('.ant-modal:visible');
      await dialog.getByTestId('mark-participant').filter({ hasText: '学员乙' }).waitFor();
      await dialog.getByTestId('mark-reason').fill('   ');
      await dialog.getByTestId('mark-ok').click();
      await dialog.getByText('请写明原因').waitFor();
      await dialog.getByTestId('mark-reason').fill('手机无法扫码，经会场联络员核实到场');
      await dialog.getByTestId('mark-ok').click();
      await clerk.getByText('已登记 学员乙：准时').waitFor();
      // Gone from the list of those not checked in; among everyone, 准时 at the time of the entry.
      await list.locator('tr', { hasText: '学员乙' }).waitFor({ state: 'detached' });
      await clerk.getByTestId('venue-roster-filter').getByText('全部').click();
      await list.locator('tr', { hasText: '学员乙' }).getByText('准时').waitFor();
      await clerk.getByTestId('total-on-time').filter({ hasText: /^准时1$/ }).waitFor();
      await shot(clerk, 'late-entry');
    } finally {
      await clerk.close();
    }
    // The office's page moved too, live.
    await page.getByTestId('total-on-time').filter({ hasText: /^准时1$/ }).waitFor({ timeout: 5_000 });
    const audit = await server.api('admin', '/api/audit?limit=200');
    assert.ok(JSON.stringify(audit.json).includes('手机无法扫码'), 'the reason is in the audit log');
  });

  it('lists each trainee’s attendance with 学时 and exports the workbook', async () => {
    await page.goto(`${classUrl}/attendance`);
    const table = page.getByTestId('attendance-table');
    // Yesterday's forum ended unattended (缺勤); today's lesson earns 3 h on time, 1.5 h late (50 %).
    await table.locator('tr', { hasText: '学员甲' }).filter({ hasText: '1.50' }).waitFor();
    assert.match(await table.locator('tr', { hasText: '学员甲' }).innerText(), /缺勤[\s\S]*迟到[\s\S]*1\.50[\s\S]*1/);
    assert.match(await table.locator('tr', { hasText: '学员乙' }).innerText(), /缺勤[\s\S]*准时[\s\S]*3\.00/);
    await page.getByTestId('attendance-absent-only').click();
    await page.getByTestId('absent-by-unit').getByText('东县 2 人').waitFor();
    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('attendance-xlsx').click()]);
    assert.match(xlsx.suggestedFilename(), /考勤\.xlsx$/);
    assert.equal((await readFile((await xlsx.path())!)).subarray(0, 2).toString(), 'PK');
    await shot(page, 'attendance');
  });

  it('reads in English with the switch', async () => {
    await page.goto(classUrl);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByTestId('tab-roster').filter({ hasText: 'Roster' }).waitFor();
    const day2 = page.getByTestId(`agenda-day-${today}`);
    await day2.getByText('Day 2').waitFor();
    assert.match(await day2.innerText(), /Synchronized classroom/);
    assert.match(await day2.innerText(), /3 credit hours/);
    assert.match(await page.getByTestId('print-agenda').innerText(), /Print agenda/);
    const text = await page.locator('.ant-layout-content').innerText();
    const data = [CLASS_NAME, FORUM, SYNC, '测试市委党校', '东县委党校', '测试市'];
    const leftover = data.reduce((rest, d) => rest.split(d).join(' '), text).match(/[\u3400-\u9fff]+/g);
    assert.equal(leftover, null, `Chinese left on the English page: ${leftover?.join(' ')}`);
    await shot(page, 'english');
    await page.getByRole('button', { name: /中\s*文/ }).click();
  });
});
