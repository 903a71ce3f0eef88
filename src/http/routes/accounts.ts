import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../app/context.js';
import { createAccount } from '../../app/manage-accounts.js';
import { ADMIN } from '../../app/policies/roles.js';
import { id } from '../../contracts/definition.js';
import { listAccounts } from '../../db/repositories/accounts.js';
import { listAudit } from '../../db/repositories/audit.js';
import { requireActor } from '../auth.js';
import { typed } from './types.js';

export function accountRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = typed(app);
  api.get('/api/accounts', { config: { access: ADMIN }, schema: { tags: ['accounts'], summary: '账号列表 / list accounts' } }, async () => {
    const rows = await listAccounts(ctx.database.db);
    return rows.map((a) => ({ id: a.id, username: a.username, displayName: a.display_name, role: a.role, unitId: a.unit_id, disabled: a.disabled_at !== null }));
  });
  api.post('/api/accounts', {
    config: { access: ADMIN },
    schema: {
      tags: ['accounts'],
      summary: '新建账号（返回一次性显示的访问令牌）/ create an account (its access token is shown once)',
      body: z.object({ username: z.string().regex(/^[a-z0-9_.-]{2,40}$/), displayName: z.string().trim().min(1).max(100), role: z.enum(['admin', 'organiser', 'clerk', 'viewer']), unitId: id.nullable().default(null) }),
    },
  }, async (request, reply) => {
    const creds = await createAccount(ctx, requireActor(request), request.body);
    return reply.code(201).send(creds);
  });
  api.get('/api/audit', {
    config: { access: ADMIN },
    schema: { tags: ['accounts'], summary: '审计日志 / audit log', querystring: z.object({ afterId: z.coerce.number().int().min(0).optional(), limit: z.coerce.number().int().min(1).max(1000).default(200) }) },
  }, async (request) => listAudit(ctx.database.db, { afterId: request.query.afterId, limit: request.query.limit }));
}
