/**
 * The observer's phone (观摩评分, no login: the personal link's secret in the body is the credential, as a ballot
 * token is): open the tour for offline use, and send one queued sheet at a time.
 */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app/context.js';
import { openObserverBundle } from '../../app/tours/open-observer-bundle.js';
import { submitTourSheet } from '../../app/tours/submit-tour-sheet.js';
import { observerBundleSchema, phoneOpenSchema, phoneSheetSchema, sheetReceiptSchema } from '../../contracts/tours.js';
import { BODY_LIMITS } from '../body-limits.js';
import { typed } from './types.js';

export function tourPhoneRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = typed(app);
  const tags = ['tour-phone'];

  api.post('/api/tour-phone/open', {
    bodyLimit: BODY_LIMITS.phone,
    schema: {
      tags,
      summary: '观摩手机打开：行程、评分规则与本人已交评分（离线使用）/ the observer’s phone opens the tour: itinerary, rules and own sheets (for offline use)',
      body: phoneOpenSchema,
      response: { 200: observerBundleSchema },
    },
  }, async (request, reply) => reply.header('cache-control', 'no-store').send(await openObserverBundle(ctx, request.body)));

  api.post('/api/tour-phone/sheets', {
    bodyLimit: BODY_LIMITS.tourSheet,
    schema: {
      tags,
      summary: '同步一份观摩评分（编号由手机生成，重复提交只存一次；同一观摩点再次评分为新版本）/ sync one sheet (the phone makes its id: a re-send stores once; scoring a stop again is a new revision)',
      body: phoneSheetSchema,
      response: { 200: sheetReceiptSchema.describe('已收到过（重复提交）/ already stored (a re-send)'), 201: sheetReceiptSchema.describe('已保存 / stored now') },
    },
  }, async (request, reply) => {
    const receipt = await submitTourSheet(ctx, request.body);
    return reply.code(receipt.status === 'stored' ? 201 : 200).header('cache-control', 'no-store').send(receipt);
  });
}
