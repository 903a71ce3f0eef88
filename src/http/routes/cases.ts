/** 典型案例库 (issue #14, first part): the office adds and edits cases; every logged-in role searches the published ones. */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app/context.js';
import { saveCase } from '../../app/cases/save-case.js';
import { getCase, searchCases } from '../../app/cases/search-cases.js';
import { caseInputSchema, caseListSchema, caseParams, caseSchema, caseSearchQuery } from '../../contracts/cases.js';
import { requireActor } from '../auth.js';
import { typed } from './types.js';

export function caseRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = typed(app);
  const tags = ['cases'];

  api.get('/api/cases', {
    schema: {
      tags,
      summary: '案例库检索（中文全文：每个词都须出现，单字亦可；按标题、标签、摘要、正文排序，附高亮摘要）/ search the case library',
      querystring: caseSearchQuery,
      response: { 200: caseListSchema },
    },
  }, async (request) => searchCases(ctx, requireActor(request), request.query));

  api.post('/api/cases', {
    schema: { tags, summary: '新增案例 / add a case', body: caseInputSchema, response: { 201: caseSchema } },
  }, async (request, reply) => reply.code(201).send(await saveCase(ctx, requireActor(request), null, request.body)));

  api.get('/api/cases/:caseId', {
    schema: { tags, summary: '案例详情 / one case', params: caseParams, response: { 200: caseSchema } },
  }, async (request) => getCase(ctx, requireActor(request), request.params.caseId));

  api.put('/api/cases/:caseId', {
    schema: { tags, summary: '修改案例 / change a case', params: caseParams, body: caseInputSchema, response: { 200: caseSchema } },
  }, async (request) => saveCase(ctx, requireActor(request), request.params.caseId, request.body));
}
