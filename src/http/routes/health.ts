import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app/context.js';
import { healthSchema } from '../../contracts/health.js';
import { typed } from './types.js';

export function healthRoutes(app: FastifyInstance, ctx: AppContext): void {
  typed(app).get('/healthz', {
    schema: { tags: ['system'], summary: '健康检查 / health check', response: { 200: healthSchema } },
  }, async () => ({ status: 'ok' as const, database: ctx.database.kind }));
}
