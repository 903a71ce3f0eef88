/**
 * 典型案例库 (issue #14): the office adds and edits cases; every logged-in role searches the published ones. A case can
 * be an item of a campaign's 案例评 (case_links): the office links and unlinks, or makes a new item from a case while
 * the set-up is a draft; both sides read the links.
 */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app/context.js';
import { addCaseItem } from '../../app/cases/add-case-item.js';
import { linkCase } from '../../app/cases/link-case.js';
import { getCaseDetail, listCampaignLinks } from '../../app/cases/list-case-links.js';
import { saveCase } from '../../app/cases/save-case.js';
import { searchCases } from '../../app/cases/search-cases.js';
import { unlinkCase } from '../../app/cases/unlink-case.js';
import { campaignParams } from '../../contracts/api.js';
import {
  campaignItemParams,
  caseDetailSchema,
  caseInputSchema,
  caseItemInputSchema,
  caseLinkInputSchema,
  caseLinkListSchema,
  caseLinkSchema,
  caseListSchema,
  caseParams,
  caseSchema,
  caseSearchQuery,
} from '../../contracts/cases.js';
import { requireActor } from '../auth.js';
import { noContent } from '../responses.js';
import { BODY_LIMITS } from '../body-limits.js';
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
    schema: { tags, summary: '案例详情，含其作为案例评对象的关联 / one case, with the 案例评 items it is', params: caseParams, response: { 200: caseDetailSchema } },
  }, async (request) => getCaseDetail(ctx, requireActor(request), request.params.caseId));

  api.put('/api/cases/:caseId', {
    schema: { tags, summary: '修改案例 / change a case', params: caseParams, body: caseInputSchema, response: { 200: caseSchema } },
  }, async (request) => saveCase(ctx, requireActor(request), request.params.caseId, request.body));

  api.get('/api/campaigns/:campaignId/case-links', {
    schema: { tags, summary: '本活动案例评对象关联的案例库案例 / the library cases of a campaign’s 案例评 items', params: campaignParams, response: { 200: caseLinkListSchema } },
  }, async (request) => listCampaignLinks(ctx, requireActor(request), request.params.campaignId));

  api.post('/api/campaigns/:campaignId/case-links', {
    bodyLimit: BODY_LIMITS.phone,
    schema: { tags, summary: '把案例库案例关联到案例评对象 / link a library case to a 案例评 item', params: campaignParams, body: caseLinkInputSchema, response: { 201: caseLinkSchema } },
  }, async (request, reply) => reply.code(201).send(await linkCase(ctx, requireActor(request), request.params.campaignId, request.body)));

  api.delete('/api/campaigns/:campaignId/case-links/:itemId', {
    schema: { tags, summary: '解除案例评对象与案例的关联 / unlink a 案例评 item from its case', params: campaignItemParams, response: { 204: noContent } },
  }, async (request, reply) => {
    await unlinkCase(ctx, requireActor(request), request.params.campaignId, request.params.itemId);
    return reply.code(204).send();
  });

  api.post('/api/campaigns/:campaignId/case-items', {
    bodyLimit: BODY_LIMITS.phone,
    schema: { tags, summary: '由案例新增案例评对象（方案草稿阶段）/ add a 案例评 item made from a library case (draft set-up)', params: campaignParams, body: caseItemInputSchema, response: { 201: caseLinkSchema } },
  }, async (request, reply) => reply.code(201).send(await addCaseItem(ctx, requireActor(request), request.params.campaignId, request.body)));
}
