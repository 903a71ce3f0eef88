/** A real app over a fresh database, driven with app.inject(); with an account per role. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { createAppContext, type AppContext } from '../../src/app/context.js';
import { createAccount } from '../../src/app/accounts/create-account.js';
import { ensureAdmin } from '../../src/app/accounts/ensure-admin.js';
import type { Role } from '../../src/app/policies/roles.js';
import type { DbKind } from '../../src/db/database.js';
import { buildApp } from '../../src/http/app.js';
import type { BuildAppOptions } from '../../src/http/options.js';
import { createTestDb } from './db.js';

export interface TestApp {
  app: FastifyInstance;
  ctx: AppContext;
  /** Where this app's file store keeps uploaded files. */
  filesDir: string;
  tokens: Record<Role, string>;
  /** Generated login passwords, by role (the viewer's once addViewer ran). */
  passwords: Record<Role, string>;
  /** Usernames, by role. */
  usernames: Record<Role, string>;
  /** Moves the app's clock forward (every use case reads ctx.clock when it runs). */
  advanceClock(ms: number): void;
  /** inject with the bearer token of `role` (or none). */
  call(role: Role | null, options: InjectOptions): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

/** `publicUrl`: LEITAI_PUBLIC_URL as the server's configuration would carry it (an origin). */
/** `upTo`: the database as an older release left it (migrations up to that one), for migration tests. */
export async function buildTestApp(kind: DbKind, options: { viewerUnitId?: string; app?: BuildAppOptions; publicUrl?: string; upTo?: string } = {}): Promise<TestApp> {
  const database = await createTestDb(kind, options.upTo);
  let tick = Date.parse('2026-06-15T08:00:00Z');
  // Each app keeps its uploaded files in a fresh directory of its own, removed on close.
  const filesDir = await mkdtemp(join(tmpdir(), 'leitai-test-files-'));
  const ctx = createAppContext(database, { clock: () => new Date((tick += 1000)), publicUrl: options.publicUrl ?? null, filesDir });
  const admin = await ensureAdmin(ctx);
  // Every answer is compared with its response schema: a field the schema would drop fails the request.
  const app = await buildApp(ctx, { logger: false, checkResponses: true, ...options.app });
  const tokens = { admin: admin!.accessToken } as Record<Role, string>;
  const passwords = { admin: admin!.password! } as Record<Role, string>;
  const usernames = { admin: admin!.username } as Record<Role, string>;
  for (const role of ['organiser', 'clerk'] as const) {
    const creds = await createAccount(ctx, 'system', { username: role, displayName: role, role, unitId: null });
    tokens[role] = creds.accessToken;
    passwords[role] = creds.password!;
    usernames[role] = role;
  }
  const result: TestApp = {
    app,
    ctx,
    filesDir,
    tokens,
    passwords,
    usernames,
    advanceClock: (ms) => void (tick += ms),
    call: (role, opts) =>
      app.inject({ ...opts, headers: { ...(opts.headers ?? {}), ...(role ? { authorization: `Bearer ${tokens[role]}` } : {}) } }),
    close: async () => {
      await app.close();
      await ctx.ballotWriter.close();
      await database.close();
      await rm(filesDir, { recursive: true, force: true });
    },
  };
  return result;
}

/** Adds a viewer bound to `unitId` (units must exist first). */
export async function addViewer(t: TestApp, unitId: string): Promise<void> {
  const creds = await createAccount(t.ctx, 'system', { username: `viewer-${unitId}`.toLowerCase(), displayName: 'viewer', role: 'viewer', unitId });
  t.tokens.viewer = creds.accessToken;
  t.passwords.viewer = creds.password!;
  t.usernames.viewer = creds.username;
}

/** A password-login cookie session: the Cookie header to send and the CSRF token to echo on unsafe requests. */
export interface CookieSession {
  cookie: string;
  csrfToken: string;
}

/** Logs in through the API; fails the test unless the login succeeds. */
export async function logInAs(t: TestApp, username: string, password: string): Promise<CookieSession> {
  const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username} → ${res.statusCode} ${res.body}`);
  const set = res.cookies.find((c) => c.name === 'leitai_session');
  if (!set) throw new Error('login set no session cookie');
  return { cookie: `leitai_session=${set.value}`, csrfToken: (res.json() as { csrfToken: string }).csrfToken };
}
