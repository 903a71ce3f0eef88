/**
 * The admin pages in Chromium at 1440×900: an admin creates a clerk account (the generated password is shown once and
 * works), sees it in the list, finds the change in the audit log with who did it, and exports the log as CSV; sees a
 * username locked on one address and lifts the lock. An
 * organiser gets no admin menu, a 403 page at the admin address, and 403 from the admin API. Screenshots go to
 * $LEITAI_SCREENSHOTS (or a temp dir, printed).
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { ensureConsole } from '../../scripts/build-web.js';
import { createAccount } from '../../src/app/accounts/create-account.js';
import { consolePage, launchBrowser, logIn, screenshotDir, startServer, type RunningServer } from './harness.js';

const PASSWORD = 'Admin-pass-2026';

describe('the admin pages in Chromium: accounts, audit log, and who may not enter', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let shots = '';
  let chiefId = '';
  const errors: string[] = [];

  const shot = (p: Page, name: string) => p.screenshot({ path: join(shots, `${name}.png`) });

  before(async () => {
    await ensureConsole();
    server = await startServer();
    shots = await screenshotDir('console-admin');
    chiefId = (await createAccount(server.ctx, 'system', { username: 'chief', displayName: '市委组织部管理员', role: 'admin', unitId: null, password: PASSWORD })).accountId;
    await createAccount(server.ctx, 'system', { username: 'office', displayName: '活动办公室', role: 'organiser', unitId: null, password: PASSWORD });
    browser = await launchBrowser();
    page = await consolePage(browser, { errors, acceptDownloads: true });
  });
  after(async () => {
    if (errors.length) console.log('page errors:', errors);
    await browser?.close();
    await server?.close();
  });

  it('creates a clerk account whose shown password works, and lists it', async () => {
    await page.goto(`${server.url}/console/admin/accounts`);
    await logIn(page, 'chief', PASSWORD);
    await page.getByTestId('new-account').click();
    const modal = page.locator('.ant-modal').filter({ hasText: '新建账号' });
    await modal.getByLabel('用户名').fill('clerk-zz');
    await modal.getByLabel('姓名 / 名称').fill('泽州县计票员');
    await modal.getByLabel('角色').click();
    await page.locator('.ant-select-item-option', { hasText: '计票员' }).click();
    await shot(page, 'admin-new-account');
    await modal.getByRole('button', { name: /确\s*定/ }).click();

    const password = await page.getByTestId('shown-password').innerText();
    assert.ok(password.length >= 8, 'a generated password is shown');
    await shot(page, 'admin-password-once');
    await page.getByRole('button', { name: '已完成' }).click();
    await page.getByTestId('shown-password').waitFor({ state: 'hidden' });

    const row = page.locator('tr.ant-table-row', { hasText: 'clerk-zz' });
    await row.waitFor();
    assert.match(await row.innerText(), /泽州县计票员[\s\S]*计票员[\s\S]*正常/);
    await shot(page, 'admin-accounts');

    const stored = (await server.api('admin', '/api/accounts')).json as { username: string; role: string; disabled: boolean }[];
    assert.deepEqual(stored.filter((a) => a.username === 'clerk-zz').map((a) => [a.role, a.disabled]), [['clerk', false]]);
    const login = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'clerk-zz', password }) });
    assert.equal(login.status, 200, 'the password shown once logs the clerk in');
  });

  it('shows the change in the audit log, saying who did what, and exports it as CSV', async () => {
    await page.getByRole('tab', { name: '审计日志' }).click();
    await page.waitForURL(/\/console\/admin\/audit$/);
    const row = page.locator('tr.ant-table-row', { hasText: 'account.create' }).filter({ hasText: 'clerk-zz' });
    await row.waitFor();
    const text = await row.innerText();
    assert.match(text, /市委组织部管理员（chief）/, 'who: the admin by name, not by id');
    assert.match(text, /新建账号/, 'what: the action in words');
    assert.match(text, /"role":"clerk"/);

    // Filtered to this admin, the log holds only what chief did: the login and the new account.
    await page.getByLabel('操作者').click();
    await page.locator('.ant-select-item-option', { hasText: '市委组织部管理员（chief）' }).click();
    await page.getByRole('button', { name: /查\s*询/ }).click();
    // The unfiltered rows stay until the filtered answer arrives: wait for the table to hold only chief's rows.
    await page.waitForFunction(() => {
      const rows = [...document.querySelectorAll('tr.ant-table-row')];
      return rows.length === 2 && rows.every((r) => r.textContent?.includes('市委组织部管理员（chief）'));
    });
    assert.equal(await page.locator('tr.ant-table-row', { hasText: 'auth.login' }).count(), 1);
    await shot(page, 'admin-audit');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('audit-csv').click()]);
    assert.match(download.suggestedFilename(), /^audit-log-.*\.csv$/);
    const csv = (await readFile((await download.path())!, 'utf8')).replace(/^\uFEFF/, '');
    const lines = csv.trim().split(/\r\n/);
    assert.equal(lines[0], 'id,at,actor,action,entity,entity_id,detail,prev_hash,hash');
    assert.equal(lines.length, 3, 'header and the two filtered rows');
    const created = lines.find((l) => l.includes('account.create'));
    assert.ok(created?.includes(`admin:${chiefId}`), created);
    assert.ok(created?.includes('clerk-zz'), created);
  });

  it('shows a username locked on one address after five wrong passwords, and lifts the lock', async () => {
    const tryLogin = (password: string) =>
      fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', origin: server.url }, body: JSON.stringify({ username: 'office', password }) });
    for (let i = 0; i < 5; i++) await tryLogin(`wrong-${i}`);
    assert.equal((await tryLogin(PASSWORD)).status, 429, 'locked on this address, right password included');
    await page.getByRole('tab', { name: '登录锁定' }).click();
    await page.waitForURL(/\/console\/admin\/locks$/);
    const row = page.locator('tr.ant-table-row', { hasText: 'office' });
    await row.waitFor();
    assert.match(await row.innerText(), /5[\s\S]*锁定至/);
    await shot(page, 'admin-locks');
    await row.getByRole('button', { name: '解除锁定' }).click();
    await row.waitFor({ state: 'detached' });
    assert.equal((await tryLogin(PASSWORD)).status, 200, 'the lock is lifted');
  });

  it('refuses an organiser: no admin menu, a 403 page, and 403 from the API', async () => {
    const organiser = await consolePage(browser);
    try {
      await organiser.goto(`${server.url}/console/campaigns`);
      await logIn(organiser, 'office', PASSWORD);
      await organiser.locator('.ant-menu').getByText('活动').waitFor();
      assert.equal(await organiser.locator('.ant-menu').getByText('管理').count(), 0, 'no admin entry in the menu');
      await organiser.goto(`${server.url}/console/admin/accounts`);
      await organiser.locator('.ant-result-403').waitFor();
      assert.equal(await organiser.getByTestId('new-account').count(), 0);
      await shot(organiser, 'admin-refused');
      const statuses = await organiser.evaluate(async () => Promise.all(['/api/accounts', '/api/audit', '/api/audit.csv'].map(async (path) => (await fetch(path)).status)));
      assert.deepEqual(statuses, [403, 403, 403]);
    } finally {
      await organiser.close();
    }
    assert.equal((await server.api('organiser', '/api/accounts')).status, 403);
    assert.equal((await server.api('clerk', '/api/audit')).status, 403);
    const post = await server.api('organiser', '/api/accounts', { body: { username: 'sneaky', displayName: 'x', role: 'admin', unitId: null } });
    assert.equal(post.status, 403);
  });
});
