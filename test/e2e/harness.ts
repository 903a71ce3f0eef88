/**
 * End-to-end harness: a real Leitai server on 127.0.0.1 over a fresh database, and Debian's Chromium driven by
 * playwright-core (never a downloaded browser). `npm run test:e2e` runs test/e2e/*.test.ts with it.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { createAppContext, type AppContext } from '../../src/app/context.js';
import { loadDemo } from '../../src/app/demo/load-demo.js';
import { createAccount } from '../../src/app/accounts/create-account.js';
import { ensureAdmin } from '../../src/app/accounts/ensure-admin.js';
import type { Role } from '../../src/app/policies/roles.js';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/http/app.js';
import { openDatabase } from '../../src/server/open-database.js';

export const CHROMIUM = process.env.LEITAI_CHROMIUM ?? '/usr/bin/chromium';

export interface RunningServer {
  url: string;
  ctx: AppContext;
  /** The app itself, e.g. to drop every open connection as a network cut would. */
  app: FastifyInstance;
  tokens: Record<Exclude<Role, 'viewer'>, string>;
  /** fetch against the server with a role's bearer token. */
  // biome-ignore lint/suspicious/noExplicitAny: read loosely like inject's res.json(); a wrong field fails the test's assertion
  api(role: Exclude<Role, 'viewer'> | null, path: string, init?: { method?: string; body?: unknown }): Promise<{ status: number; json: any }>;
  close(): Promise<void>;
}

/** `clock`: the server's time, for a test that moves it (default: the wall clock). */
export async function startServer(options: { clock?: () => Date } = {}): Promise<RunningServer> {
  const dir = await mkdtemp(join(tmpdir(), 'leitai-e2e-'));
  const database = await openDatabase({ kind: 'sqlite', file: join(dir, 'leitai.sqlite') });
  const ctx = createAppContext(database, { filesDir: join(dir, 'files'), ...(options.clock ? { clock: options.clock } : {}) });
  const admin = (await ensureAdmin(ctx))!;
  const tokens = { admin: admin.accessToken } as RunningServer['tokens'];
  for (const role of ['organiser', 'clerk'] as const) {
    tokens[role] = (await createAccount(ctx, 'system', { username: role, displayName: role, role, unitId: null })).accessToken;
  }
  const app = await buildApp(ctx, { logger: false, checkResponses: true });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  const url = address.replace('0.0.0.0', '127.0.0.1');
  return {
    url,
    ctx,
    app,
    tokens,
    async api(role, path, init = {}) {
      const res = await fetch(url + path, {
        method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
        headers: { ...(role ? { authorization: `Bearer ${tokens[role]}` } : {}), ...(init.body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
      });
      const text = await res.text();
      return { status: res.status, json: text ? JSON.parse(text) : null };
    },
    async close() {
      await app.close();
      await database.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export interface DemoServer {
  url: string;
  ctx: AppContext;
  app: FastifyInstance;
  campaignId: string;
  /** The demo's organiser: its password for the login page, its token for the API. */
  organiser: { username: string; password: string; accessToken: string };
  close(): Promise<void>;
}

/** A server on a fresh SQLite file with the Jincheng demo loaded, as `npm start` makes it. */
export async function startDemoServer(): Promise<DemoServer> {
  const dir = await mkdtemp(join(tmpdir(), 'leitai-e2e-demo-'));
  const ctx = createAppContext(await openDatabase({ kind: 'sqlite', file: join(dir, 'leitai.sqlite') }), { filesDir: join(dir, 'files') });
  await ensureAdmin(ctx);
  const demo = (await loadDemo(ctx))!;
  const account = demo.accounts.find((a) => a.role === 'organiser')!;
  const app = await buildApp(ctx, { logger: false, checkResponses: true });
  const url = (await app.listen({ port: 0, host: '127.0.0.1' })).replace('0.0.0.0', '127.0.0.1');
  return {
    url,
    ctx,
    app,
    campaignId: demo.campaignId,
    organiser: { username: account.username, password: account.password!, accessToken: account.accessToken },
    async close() {
      await app.close();
      await ctx.database.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Where a test's screenshots go: $LEITAI_SCREENSHOTS, or a temp dir of its own (printed, for a human look). */
export async function screenshotDir(name: string): Promise<string> {
  const dir = process.env.LEITAI_SCREENSHOTS ?? (await mkdtemp(join(tmpdir(), `leitai-${name}-shots-`)));
  console.log(`screenshots: ${dir}`);
  return dir;
}

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** `extraArgs`, e.g. a `--host-resolver-rules` that lets a test name the server by a public address. */
export async function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS, ...extraArgs] });
}

/** A page of the office console as the tests look at it: 1440×900 in zh-CN; its page errors go to `errors` if given. */
export async function consolePage(browser: Browser, options: { errors?: string[]; acceptDownloads?: boolean } = {}): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', acceptDownloads: options.acceptDownloads ?? false });
  const errors = options.errors;
  if (errors) page.on('pageerror', (err) => errors.push(String(err)));
  return page;
}

/** Fills the console's login form and sends it. */
export async function logIn(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByLabel('密码').press('Enter');
}

/**
 * Chromium with a profile on disk, as a person's own browser: unlike a `newContext()` (an incognito-like context),
 * it keeps a disk cache and V8's code cache between visits, so a returning visitor's scripts are not parsed again —
 * and its IndexedDB and service workers across a restart of the browser. `device`: a phone's touch, pixel ratio, locale.
 */
export async function launchProfile(
  userDataDir: string,
  viewport: { width: number; height: number },
  device: { isMobile?: boolean; hasTouch?: boolean; deviceScaleFactor?: number; locale?: string } = {},
): Promise<BrowserContext> {
  return chromium.launchPersistentContext(userDataDir, { executablePath: CHROMIUM, args: CHROMIUM_ARGS, viewport, ...device });
}
