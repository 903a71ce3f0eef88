/** A real app over a fresh database, driven with app.inject(); with an account per role. */
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { AppContext } from '../../src/app/context.js';
import { createAccount, ensureAdmin } from '../../src/app/manage-accounts.js';
import type { Role } from '../../src/app/policies/roles.js';
import type { DbKind } from '../../src/db/database.js';
import { buildApp } from '../../src/http/app.js';
import { createTestDb } from './db.js';

export interface TestApp {
  app: FastifyInstance;
  ctx: AppContext;
  tokens: Record<Role, string>;
  /** inject with the bearer token of `role` (or none). */
  call(role: Role | null, options: InjectOptions): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

export async function buildTestApp(kind: DbKind, options: { viewerUnitId?: string } = {}): Promise<TestApp> {
  const database = await createTestDb(kind);
  let tick = Date.parse('2026-06-15T08:00:00Z');
  const ctx: AppContext = { database, clock: () => new Date((tick += 1000)) };
  const admin = await ensureAdmin(ctx);
  const app = await buildApp(ctx, { logger: false });
  const tokens = { admin: admin!.accessToken } as Record<Role, string>;
  for (const role of ['organiser', 'clerk'] as const) {
    tokens[role] = (await createAccount(ctx, 'system', { username: role, displayName: role, role, unitId: null })).accessToken;
  }
  const result: TestApp = {
    app,
    ctx,
    tokens,
    call: (role, opts) =>
      app.inject({ ...opts, headers: { ...(opts.headers ?? {}), ...(role ? { authorization: `Bearer ${tokens[role]}` } : {}) } }),
    close: async () => {
      await app.close();
      await database.close();
    },
  };
  return result;
}

/** Adds a viewer bound to `unitId` (units must exist first). */
export async function addViewer(t: TestApp, unitId: string): Promise<void> {
  t.tokens.viewer = (await createAccount(t.ctx, 'system', { username: `viewer-${unitId}`, displayName: 'viewer', role: 'viewer', unitId })).accessToken;
}
