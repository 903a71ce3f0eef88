import type { FastifyInstance } from 'fastify';
import rateLimit from '@fastify/rate-limit';
import type { AppContext } from '../../app/context.js';
import { submitOnline } from '../../app/submit-online.js';
import { submitSchema } from '../../contracts/api.js';
import type { BuildAppOptions } from '../app.js';
import { typed } from './types.js';

export async function ballotRoutes(app: FastifyInstance, ctx: AppContext, options: BuildAppOptions): Promise<void> {
  await app.register(async (scope) => {
    // Redemption is rate-limited per address: guessing codes costs time. A room shares one NAT address, so the
    // limit is generous per minute and the codes carry 50 bits.
    await scope.register(rateLimit, { max: options.redeemLimitPerMinute ?? 6000, timeWindow: '1 minute' });
    typed(scope).post('/api/ballots', {
      config: { access: 'rater' },
      schema: {
        tags: ['ballots'],
        summary: '提交选票（凭一次性测评码；同一内容重复提交只保存一次）/ submit a sheet with a one-time token (a re-send is stored once)',
        body: submitSchema,
      },
    }, async (request, reply) => {
      const receipt = await submitOnline(ctx, request.body);
      return reply.code(receipt.duplicate ? 200 : 201).send(receipt);
    });
  });
}
