import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../app/context.js';
import { enterPaper } from '../../app/ballots/enter-paper.js';
import { issueTokens } from '../../app/sessions/issue-tokens.js';
import { closeSession } from '../../app/sessions/close-session.js';
import { createSession } from '../../app/sessions/create-session.js';
import { openSession } from '../../app/sessions/open-session.js';
import { recordPaperIssued } from '../../app/sessions/record-paper-issued.js';
import { recordPresent } from '../../app/sessions/record-present.js';
import { sessionOverview } from '../../app/sessions/get-session-overview.js';
import { sessionsOverview } from '../../app/sessions/list-session-overviews.js';
import { campaignParams, issueTokensSchema, paperEntrySchema, paperIssuedSchema, presentSchema, sessionInputSchema, sessionParams } from '../../contracts/api.js';
import { paperReceiptSchema } from '../../contracts/paper.js';
import { issuedTokenSchema, sessionOverviewSchema, sessionSchema } from '../../contracts/sessions.js';
import { requireActor } from '../auth.js';
import { typed } from './types.js';

export function sessionRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = typed(app);
  const tags = ['sessions'];

  api.get('/api/campaigns/:campaignId/sessions', {
    schema: { tags, summary: '测评会列表及计数 / sessions with their counts', params: campaignParams, response: { 200: z.array(sessionOverviewSchema) } },
  }, async (request) => sessionsOverview(ctx, request.params.campaignId));

  api.post('/api/campaigns/:campaignId/sessions', {
    schema: { tags, summary: '新建测评会（议程、应到人数）/ create a session (agenda, expected raters)', params: campaignParams, body: sessionInputSchema, response: { 201: sessionSchema } },
  }, async (request, reply) => reply.code(201).send(await createSession(ctx, requireActor(request), request.params.campaignId, request.body)));

  api.get('/api/sessions/:sessionId', {
    schema: {
      tags,
      summary: '测评会状态：发出、收回、有效、无效、弃权、是否达到法定人数 / issued, returned, valid, invalid, abstained, quorum',
      params: sessionParams,
      response: { 200: sessionOverviewSchema },
    },
  }, async (request) => sessionOverview(ctx, request.params.sessionId));

  api.post('/api/sessions/:sessionId/open', {
    schema: { tags, summary: '开始测评会（活动方案随之冻结）/ open a session (freezes the campaign set-up)', params: sessionParams, response: { 200: sessionSchema } },
  }, async (request) => openSession(ctx, requireActor(request), request.params.sessionId));

  api.post('/api/sessions/:sessionId/close', {
    schema: { tags, summary: '结束测评会 / close a session', params: sessionParams, response: { 200: sessionSchema } },
  }, async (request) => closeSession(ctx, requireActor(request), request.params.sessionId));

  api.put('/api/sessions/:sessionId/present', {
    schema: { tags, summary: '登记实到人数 / record the head count', params: sessionParams, body: presentSchema, response: { 200: sessionSchema } },
  }, async (request) => recordPresent(ctx, requireActor(request), request.params.sessionId, request.body.present));

  api.put('/api/sessions/:sessionId/paper-issued', {
    schema: {
      tags,
      summary: '登记或更正纸质票发出份数（按测评组；未列出的组不变，0 清除）/ record or correct the paper sheets issued per group',
      params: sessionParams,
      body: paperIssuedSchema,
      response: { 200: sessionSchema },
    },
  }, async (request) => recordPaperIssued(ctx, requireActor(request), request.params.sessionId, request.body));

  api.post('/api/sessions/:sessionId/tokens', {
    schema: {
      tags,
      summary: '发放一次性测评码（仅此一次显示）/ issue one-time tokens (shown only once)',
      params: sessionParams,
      body: issueTokensSchema,
      response: { 201: z.array(issuedTokenSchema) },
    },
  }, async (request, reply) => reply.code(201).send(await issueTokens(ctx, requireActor(request), request.params.sessionId, request.body)));

  api.post('/api/sessions/:sessionId/paper-ballots', {
    schema: {
      tags,
      summary: '录入纸质选票（违反比例规则的记为无效票；使收回多于发出的须确认）/ enter a paper ballot (a rule-breaking one is stored as invalid; one that voids the session needs confirming)',
      params: sessionParams,
      body: paperEntrySchema,
      response: { 200: paperReceiptSchema.describe('同一票号、同一内容已录入过 / entered before with the same content'), 201: paperReceiptSchema },
    },
  }, async (request, reply) => {
    const result = await enterPaper(ctx, requireActor(request), request.params.sessionId, request.body);
    return reply.code(result.duplicate ? 200 : 201).send(result);
  });
}
