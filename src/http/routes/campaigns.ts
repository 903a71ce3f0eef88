import type { FastifyInstance } from 'fastify';
import { readCampaign } from '../../app/campaigns/read-campaign.js';
import { z } from 'zod';
import { checkCampaign } from '../../app/campaigns/check-campaign.js';
import type { AppContext } from '../../app/context.js';
import { createCampaign } from '../../app/campaigns/create-campaign.js';
import { replaceSetup } from '../../app/campaigns/replace-setup.js';
import { upsertPart } from '../../app/campaigns/upsert-part.js';
import { exportBundle } from '../../app/bundle/export-bundle.js';
import { viewerUnit } from '../../app/policies/unit-scope.js';
import { campaignParams, campaignSetupSchema } from '../../contracts/api.js';
import { exportedBundleSchema } from '../../contracts/bundle.js';
import { campaignSchema, campaignWithDefinitionSchema, setupCheckSchema } from '../../contracts/campaigns.js';
import { instrumentSchema, raterGroupSchema, rankingSchema, subjectSchema } from '../../contracts/definition.js';
import { storedDefinitionSchema } from '../../contracts/stored-definition.js';
import { listCampaigns } from '../../db/repositories/campaigns.js';
import { requireActor } from '../auth.js';
import { typed } from './types.js';

export function campaignRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = typed(app);
  const tags = ['campaigns'];

  api.get('/api/campaigns', {
    schema: { tags, summary: '活动列表 / list campaigns', response: { 200: z.array(campaignSchema) } },
  }, async (request) => {
    const all = await listCampaigns(ctx.database.db);
    return viewerUnit(requireActor(request)) !== null ? all.filter((c) => c.status === 'published') : all;
  });

  api.post('/api/campaigns', {
    schema: { tags, summary: '新建活动（方案经检查后保存）/ create a campaign (checked before it is stored)', body: campaignSetupSchema, response: { 201: storedDefinitionSchema } },
  }, async (request, reply) => reply.code(201).send(await createCampaign(ctx, requireActor(request), request.body)));

  api.get('/api/campaigns/:campaignId', {
    schema: { tags, summary: '活动及其方案（单位查看者只得本单位范围内的单位与测评对象）/ a campaign and its definition (a unit viewer gets only its own subtree\'s units and subjects)', params: campaignParams, response: { 200: campaignWithDefinitionSchema } },
  }, async (request) => readCampaign(ctx, requireActor(request), request.params.campaignId));

  api.put('/api/campaigns/:campaignId', {
    schema: { tags, summary: '替换草稿活动的方案 / replace a draft campaign’s set-up', params: campaignParams, body: campaignSetupSchema, response: { 200: storedDefinitionSchema } },
  }, async (request) => replaceSetup(ctx, requireActor(request), request.params.campaignId, request.body));

  const parts = [
    ['rater-groups', 'raterGroups', raterGroupSchema, '测评组 / rater groups'],
    ['instruments', 'instruments', instrumentSchema, '评价方式 / instruments'],
    ['subjects', 'subjects', subjectSchema, '测评对象 / subjects'],
    ['rankings', 'rankings', rankingSchema, '排名 / rankings'],
  ] as const;
  for (const [path, part, schema, label] of parts) {
    api.post(`/api/campaigns/:campaignId/${path}`, {
      schema: {
        tags,
        summary: `新增或替换${label}（按编号）/ add or replace by id`,
        params: campaignParams,
        body: z.object({ items: z.array(schema as z.ZodType).min(1).max(50_000) }),
        response: { 200: storedDefinitionSchema },
      },
    }, async (request) => upsertPart(ctx, requireActor(request), request.params.campaignId, part, request.body.items as never));
  }

  api.get('/api/campaigns/:campaignId/check', {
    schema: { tags, summary: '方案检查：设置错误、永不生效或无法满足的比例规则 / set-up check: errors, rules that never bind or cannot be met', params: campaignParams, response: { 200: setupCheckSchema } },
  }, async (request) => checkCampaign(ctx, request.params.campaignId));

  // A province's bundle carries every ballot: written as built, not encoded a second time.
  api.get('/api/campaigns/:campaignId/export', {
    config: { serialize: 'as-built' },
    schema: { tags, summary: '导出包：方案与全部选票，可用 leitai tally 离线复核 / bundle: definition and every ballot, verifiable offline', params: campaignParams, response: { 200: exportedBundleSchema } },
  }, async (request, reply) => {
    const bundle = await exportBundle(ctx, request.params.campaignId);
    return reply.header('content-disposition', `attachment; filename="${request.params.campaignId}-bundle.json"`).send(bundle);
  });
}
