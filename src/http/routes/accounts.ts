/** 账号与审计 (admin): accounts, their passwords and unit binding; the audit log as JSON and CSV. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../app/context.js';
import { createAccount } from '../../app/accounts/create-account.js';
import { presentAccount } from '../../app/accounts/present-account.js';
import { resetPassword } from '../../app/accounts/reset-password.js';
import { updateAccount } from '../../app/accounts/update-account.js';
import { auditCsv } from '../../app/audit/export-audit-csv.js';
import { readAudit } from '../../app/audit/read-audit.js';
import { accountViewSchema, liftedSchema, liftLoginLockSchema, loginLockSchema } from '../../contracts/accounts.js';
import { liftLoginLock, listLoginLocks } from '../../app/accounts/login-locks.js';
import { somethingToChange } from '../../contracts/common.js';
import { auditEntrySchema } from '../../contracts/accounts.js';
import { credentialsSchema } from '../../contracts/accounts.js';
import { passwordResetSchema } from '../../contracts/accounts.js';
import { id } from '../../contracts/definition.js';
import { listAccounts } from '../../db/repositories/accounts.js';
import { requireActor } from '../auth.js';
import { document } from '../responses.js';
import { passwordSchema } from './auth.js';
import { typed } from './types.js';

const accountParams = z.object({ accountId: z.string().regex(/^a_[a-z0-9]{1,40}$/) });
const iso = z.string().regex(/^\d{4}-\d{2}-\d{2}(T[\d:.]+Z?)?$/);
const auditQuery = z.object({
  actor: z.string().max(200).optional(),
  action: z.string().regex(/^[A-Za-z0-9_.-]{1,100}$/).optional().describe('动作，或以「.」结尾的前缀（如 auth.）/ an action, or a prefix ending in "."'),
  entity: z.string().max(100).optional(),
  entityId: z.string().max(200).optional(),
  from: iso.optional(),
  to: iso.optional(),
  afterId: z.coerce.number().int().min(0).optional(),
  limit: z.coerce.number().int().min(1).max(100_000).optional(),
});

export function accountRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = typed(app);
  const tags = ['accounts'];

  api.get('/api/accounts', {
    schema: { tags, summary: '账号列表 / list accounts', response: { 200: z.array(accountViewSchema) } },
  }, async () => (await listAccounts(ctx.database.db)).map(presentAccount));

  api.post('/api/accounts', {
    schema: {
      tags,
      summary: '新建账号（未给密码则生成一个；生成的密码与访问令牌只显示这一次）/ create an account (a generated password and the access token are shown once)',
      body: z.object({
        username: z.string().regex(/^[a-z0-9_.-]{2,40}$/),
        displayName: z.string().trim().min(1).max(100),
        role: z.enum(['admin', 'organiser', 'clerk', 'viewer']),
        unitId: id.nullable().default(null),
        password: passwordSchema.optional(),
      }),
      response: { 201: credentialsSchema },
    },
  }, async (request, reply) => reply.code(201).header('cache-control', 'no-store').send(await createAccount(ctx, requireActor(request), request.body)));

  api.patch('/api/accounts/:accountId', {
    schema: {
      tags,
      summary: '修改账号：名称、停用/启用、单位查看账号的所属单位（停用或换单位即结束其会话）/ rename, disable or enable, bind a viewer to a unit',
      params: accountParams,
      body: somethingToChange(z.object({ displayName: z.string().trim().min(1).max(100).optional(), disabled: z.boolean().optional(), unitId: id.optional() }).strict()),
      response: { 200: accountViewSchema },
    },
  }, async (request) => updateAccount(ctx, requireActor(request), request.params.accountId, request.body));

  api.post('/api/accounts/:accountId/password', {
    schema: {
      tags,
      summary: '重置密码（未给密码则生成一个，只显示这一次；解除锁定并结束其会话）/ reset a password (generated one shown once; clears the lock-out, ends sessions)',
      params: accountParams,
      body: z.object({ password: passwordSchema.optional() }),
      response: { 200: passwordResetSchema },
    },
  }, async (request, reply) => reply.header('cache-control', 'no-store').send(await resetPassword(ctx, requireActor(request), request.params.accountId, request.body.password)));

  api.get('/api/accounts/login-locks', {
    schema: {
      tags,
      summary: '登录锁定：近 24 小时内登录失败的“用户名 × 地址”及其锁定 / failed logins of the last 24 hours per username × address, and their locks',
      response: { 200: z.array(loginLockSchema) },
    },
  }, async () => listLoginLocks(ctx));

  api.post('/api/accounts/login-locks/lift', {
    schema: {
      tags,
      summary: '解除登录锁定（一个地址，或该用户名的所有地址）/ lift a login lock (one address, or every address of the username)',
      body: liftLoginLockSchema,
      response: { 200: liftedSchema },
    },
  }, async (request) => liftLoginLock(ctx, requireActor(request), request.body));

  api.get('/api/audit', {
    schema: {
      tags,
      summary: '审计日志（按操作者、动作、对象、时间筛选；按 afterId 翻页）/ audit log, filtered; page with afterId',
      querystring: auditQuery,
      response: { 200: z.array(auditEntrySchema) },
    },
  }, async (request) => readAudit(ctx, { ...request.query, limit: request.query.limit ?? 200 }));

  api.get('/api/audit.csv', {
    schema: {
      tags,
      summary: '导出审计日志 CSV（筛选同上）/ export the audit log as CSV (same filters)',
      querystring: auditQuery,
      response: { 200: document('text/csv', '审计日志 CSV（UTF-8，带 BOM）/ the audit log as CSV (UTF-8 with BOM)') },
    },
  }, async (request, reply) => {
    const csv = await auditCsv(ctx, request.query);
    return reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="audit-log.csv"').send(csv);
  });
}
