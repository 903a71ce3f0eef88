import type { FastifyInstance } from 'fastify';
import rateLimit from '@fastify/rate-limit';
import type { AppContext } from '../../app/context.js';
import { getBallotForm } from '../../app/ballots/get-ballot-form.js';
import { submitOnline } from '../../app/ballots/submit-online.js';
import { ballotFormRequestSchema, ballotFormSchema, submitSchema } from '../../contracts/api.js';
import { BODY_LIMITS } from '../body-limits.js';
import type { BuildAppOptions } from '../options.js';
import { receiptSchema } from '../../contracts/api.js';
import { typed } from './types.js';
import { writtenJson } from '../serializer.js';

export async function ballotRoutes(app: FastifyInstance, ctx: AppContext, options: BuildAppOptions): Promise<void> {
  await app.register(async (scope) => {
    // Guessing is limited where it happens, per address in the database (app/ballots/guess-guard.ts): a wrong token
    // or code slows and then locks its address, and valid QR links always pass. A room shares one NAT address, so
    // this per-process limit is only a coarse flood guard, far above what a hall of 2,100 sends (two requests each).
    await scope.register(rateLimit, { max: options.redeemLimitPerMinute ?? 60_000, timeWindow: '1 minute' });
    typed(scope).post('/api/ballots', {
      bodyLimit: BODY_LIMITS.ballot,
      // submitOnline builds the receipt typed as Receipt, field by field; encoding it again with zod on every sheet
      // is the answer's second validation (docs/decisions/0020-submit-path.md). The suite still checks it (serializer.ts).
      config: { serialize: 'as-built' },
      schema: {
        tags: ['ballots'],
        summary: '提交选票（凭一次性测评码；同一内容重复提交只保存一次）/ submit a sheet with a one-time token (a re-send is stored once)',
        body: submitSchema,
        response: { 200: receiptSchema.describe('同一内容再次提交：原回执 / a re-send of the same sheet: its first receipt'), 201: receiptSchema },
      },
    }, async (request, reply) => {
      const receipt = await submitOnline(ctx, request.body, { address: request.ip });
      return reply.code(receipt.duplicate ? 200 : 201).send(receipt);
    });
    // POST, not GET: the token is a secret and must not land in access logs or browser history as a query string.
    typed(scope).post('/api/ballot-form', {
      bodyLimit: BODY_LIMITS.phone,
      // The schema documents the answer; getBallotForm builds it typed as BallotForm, field by field. Encoding it
      // again with zod on every redemption cost ~5% of the server's CPU while a room redeemed (bench:room).
      config: { serialize: 'as-built' },
      schema: {
        tags: ['ballots'],
        summary: '手机选票：凭测评码取本票的评价方式、对象与比例限制 / the phone ballot form for one token: instruments, subjects on this ballot, quota rules as counts',
        body: ballotFormRequestSchema,
        response: { 200: ballotFormSchema },
      },
    }, async (request, reply) => {
      const { form, json } = await getBallotForm(ctx, request.body, { address: request.ip });
      return reply.header('cache-control', 'no-store').send(writtenJson(form, json));
    });
  });
}
