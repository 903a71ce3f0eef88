/**
 * 回执名单, public: once a session closes, the receipts of the sheets returned in it, as JSON and as a page a rater
 * opens from their phone's receipt. Rate-limited per address like the ballot routes: the list is public, the load
 * of serving it is not free.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import rateLimit from '@fastify/rate-limit';
import { getReceiptList } from '../../app/ballots/get-receipt-list.js';
import type { AppContext } from '../../app/context.js';
import { sessionParams } from '../../contracts/api.js';
import { AppError, ERRORS } from '../../contracts/errors.js';
import { receiptListSchema, receiptPageParams, receiptPageQuery } from '../../contracts/receipts.js';
import type { BuildAppOptions } from '../options.js';
import { pageLang, RECEIPT_PAGE_CSP, renderNoSuchSession, renderReceiptList, renderReceiptPageError } from '../pages/receipts-html.js';
import { document } from '../responses.js';
import { typed } from './types.js';

function sendPage(reply: FastifyReply, status: number, html: string): FastifyReply {
  return reply
    .code(status)
    .type('text/html; charset=utf-8')
    // A late paper sheet can still join a closed session's list: check again on every visit.
    .header('cache-control', 'no-cache')
    .header('referrer-policy', 'no-referrer')
    .header('x-content-type-options', 'nosniff')
    .header('x-robots-tag', 'noindex')
    .header('content-security-policy', RECEIPT_PAGE_CSP)
    .send(html);
}

/** The page answers every refusal as a page of its own: a rater who opens a link never meets raw JSON. */
function pageError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const lang = pageLang((request.query as { lang?: unknown } | undefined)?.lang);
  if (error instanceof AppError && error.code === 'not_found') return sendPage(reply, 404, renderNoSuchSession(lang));
  const code = error instanceof AppError ? error.code : error.statusCode === 429 ? 'rate_limited' : error.statusCode && error.statusCode < 500 ? 'invalid_request' : 'internal';
  if (code === 'internal') request.log.error({ err: error }, 'receipt page failed');
  const message = error instanceof AppError ? error.userMessage : { zh: ERRORS[code].zh, en: ERRORS[code].en };
  return sendPage(reply, ERRORS[code].status, renderReceiptPageError(lang, message));
}

export async function receiptRoutes(app: FastifyInstance, ctx: AppContext, options: BuildAppOptions): Promise<void> {
  await app.register(async (scope) => {
    // A room behind one address opens its lists at once when the session closes: generous per minute.
    await scope.register(rateLimit, { max: options.receiptsLimitPerMinute ?? 6000, timeWindow: '1 minute' });
    const api = typed(scope);
    api.get('/api/receipts/:sessionId', {
      schema: {
        tags: ['ballots'],
        summary: '回执名单（公开；测评会结束后列出本场收回选票的回执码，不含评分、时间与测评组）/ the receipts of a closed session’s returned sheets, public: no ratings, times or groups',
        params: sessionParams,
        response: { 200: receiptListSchema },
      },
    }, async (request) => getReceiptList(ctx, request.params.sessionId));

    api.get('/receipts/:sessionId', {
      schema: {
        hide: true,
        params: receiptPageParams,
        querystring: receiptPageQuery,
        response: {
          200: document('text/html', '回执名单页面 / the receipt list page'),
          404: document('text/html', '没有这个测评会 / no such session'),
        },
      },
      errorHandler: pageError,
    }, async (request, reply) => {
      const lang = pageLang(request.query.lang);
      const list = await getReceiptList(ctx, request.params.sessionId);
      return sendPage(reply, 200, renderReceiptList(list, lang, request.query.q));
    });
  });
}
