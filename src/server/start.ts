/**
 * Starting Leitai: open and migrate the database, create the admin on first run, load the Jincheng demo into an
 * empty database, then serve. Credentials are printed once and kept in the data directory (mode 600).
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../config/index.js';
import { createBallotWriter } from '../app/kernel/ballot-writer.js';
import { createAppContext, refreshCaches } from '../app/context.js';
import { ChangeRelay } from '../app/kernel/change-relay.js';
import { loadDemo } from '../app/demo/load-demo.js';
import { ensureAdmin } from '../app/accounts/ensure-admin.js';
import type { Credentials } from '../contracts/accounts.js';
import { listCampaigns } from '../db/repositories/campaigns.js';
import { buildApp } from '../http/app.js';
import { openDatabase } from './open-database.js';
import { markServing } from './serve-lock.js';

export async function start(config: Readonly<Config>): Promise<{ close: () => Promise<void>; url: string }> {
  // Before opening: a restore must never find a database half-opened by a server it did not see.
  const release = config.database.kind === 'sqlite' ? markServing(config.database.file, new Date()) : () => {};
  const database = await openDatabase(config.database).catch((error: unknown) => {
    release();
    throw error;
  });
  // Online ballots share commits; on SQLite those run on a thread of their own (ballot-writer.ts).
  const ctx = createAppContext(database, { ballotWriter: createBallotWriter(database), publicUrl: config.publicUrl, filesDir: path.join(config.dataDir, 'files') });
  const credentials: Credentials[] = [];
  const admin = await ensureAdmin(ctx);
  if (admin) credentials.push(admin);
  if (config.demo && (await listCampaigns(database.db)).length === 0) {
    const demo = await loadDemo(ctx);
    if (demo) {
      credentials.push(...demo.accounts);
      process.stdout.write(`已载入晋城示例活动 / loaded the Jincheng demo: ${demo.campaignId} (${demo.units} units, ${demo.ballots} ballots; training class ${demo.trainingClassId} with ${demo.participants} participants)\n`);
    }
  }
  const app = await buildApp(ctx, { logger: config.logLevel === 'silent' ? false : { level: config.logLevel }, cookieSecure: config.cookieSecure, ...(config.trustProxy !== null ? { trustProxy: config.trustProxy } : {}) });
  // Several servers on one PostgreSQL: each hears the others' ballots and check-ins (app/kernel/change-relay.ts).
  const relay =
    config.database.kind === 'postgres'
      ? new ChangeRelay({
          db: database.db,
          listenUrl: config.database.listenUrl ?? config.database.url,
          ballotFeed: ctx.ballotFeed,
          checkinFeed: ctx.checkinFeed,
          refreshAll: () => refreshCaches(ctx),
          log: app.log,
        })
      : null;
  await relay?.start();
  const address = await app.listen({ port: config.port, host: config.host });
  const url = `http://localhost:${new URL(address).port}`;
  if (credentials.length > 0) await announce(config, url, credentials);
  process.stdout.write(`擂台 Leitai 已启动 / listening on ${url}  (API docs: ${url}/api/docs, database: ${database.kind})\n`);
  return {
    url,
    close: async () => {
      await app.close();
      await ctx.ballotWriter.close();
      await relay?.close();
      await database.close();
      release();
    },
  };
}

async function announce(config: Readonly<Config>, url: string, credentials: Credentials[]): Promise<void> {
  const first = credentials[0];
  const lines = [
    '首次启动：已创建以下账号。密码与访问令牌只显示这一次（另存于数据目录的 credentials.txt，请登录后修改密码）。',
    'First start: these accounts were created. Passwords and access tokens are shown only now (also saved to credentials.txt in the data directory; change the password after logging in).',
    ...credentials.map((c) => `  ${c.role.padEnd(9)} ${c.username.padEnd(10)} 密码 / password: ${(c.password ?? '-').padEnd(16)}  Authorization: Bearer ${c.accessToken}`),
    `登录 / log in: 浏览器打开 / open ${url}/ ，或 / or:`,
    `  curl -c cookies.txt -H 'content-type: application/json' -d '{"username":"${first?.username ?? 'admin'}","password":"${first?.password ?? ''}"}' ${url}/api/auth/login`,
    '  （返回的 csrfToken 须在修改类请求中以 x-csrf-token 头发送 / send the returned csrfToken as x-csrf-token on POST/PUT/PATCH/DELETE）',
    `  或用访问令牌 / or with the access token: curl -H "Authorization: Bearer ${first?.accessToken ?? ''}" ${url}/api/campaigns`,
  ];
  process.stdout.write(lines.join('\n') + '\n');
  const file = path.join(config.dataDir, 'credentials.txt');
  await writeFile(file, lines.join('\n') + '\n', { mode: 0o600 });
}
