/**
 * Campaign set-up helpers for the console: the 亮晒评 template, the national division data (browse and import) and
 * the rule check of a set-up not yet saved. Office only; the import is audited.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { browseDivisions } from '../../app/units/browse-divisions.js';
import { importDivisions } from '../../app/units/import-divisions.js';
import { checkSetup } from '../../app/campaigns/check-setup.js';
import type { AppContext } from '../../app/context.js';
import { liangshaipingTemplate } from '../../app/campaigns/liangshaiping-template.js';
import { campaignSetupSchema } from '../../contracts/api.js';
import { setupCheckSchema } from '../../contracts/campaigns.js';
import { id } from '../../contracts/definition.js';
import { setupViewSchema } from '../../contracts/stored-definition.js';
import { divisionBrowseSchema, divisionImportSchema } from '../../contracts/units.js';
import { requireActor } from '../auth.js';
import { typed } from './types.js';

const divisionCode = z.string().regex(/^(\d{2}|\d{4}|\d{6}|\d{9})$/, { error: '区划代码为 2、4、6 或 9 位数字 / a 2-, 4-, 6- or 9-digit division code' });

export function setupRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = typed(app);

  api.get('/api/templates/liangshaiping', {
    schema: {
      tags: ['campaigns'],
      summary: '“亮晒评”方案模板：五种评价方式、测评组、权重、比例规则与等次，按根单位下的县、乡镇预填（观摩点、案例由办公室添加；不保存）/ the 亮晒评 template over a root unit (sites and cases to add; nothing stored)',
      querystring: z.object({ rootUnitId: id }),
      response: { 200: setupViewSchema },
    },
  }, async (request) => liangshaipingTemplate(ctx, request.query.rootUnitId));

  api.post('/api/campaigns/check', {
    schema: {
      tags: ['campaigns'],
      summary: '检查未保存的方案（同 GET /api/campaigns/:id/check，不保存）/ check a set-up without saving it',
      body: campaignSetupSchema,
      response: { 200: setupCheckSchema },
    },
  }, async (request) => checkSetup(ctx, request.body));

  api.get('/api/divisions', {
    schema: {
      tags: ['units'],
      summary: '浏览全国行政区划（省、市、县、乡镇，不含村）；无 code 时列出各省 / browse the national divisions (no villages); no code: the provinces',
      querystring: z.object({ code: divisionCode.optional() }),
      response: { 200: divisionBrowseSchema },
    },
  }, async (request) => browseDivisions(ctx, request.query.code));

  api.post('/api/units/from-divisions', {
    schema: {
      tags: ['units'],
      summary: '从全国行政区划导入一个省或市及其下属县、乡镇（已有单位跳过）/ import a province or city subtree from the division data (stored units skipped)',
      body: z.object({ code: z.string().regex(/^(\d{2}|\d{4})$/, { error: '请给出省（2 位）或市（4 位）区划代码 / a province (2-digit) or city (4-digit) code' }) }),
      response: { 201: divisionImportSchema },
    },
  }, async (request, reply) => reply.code(201).send(await importDivisions(ctx, requireActor(request), request.body.code)));
}
