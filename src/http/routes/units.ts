import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../app/context.js';
import { addUnits } from '../../app/units/add-units.js';
import { importUnits } from '../../app/units/import-units.js';
import { listUnits } from '../../app/units/list-units.js';
import { requireUnit } from '../../app/units/require-unit.js';
import { unitsCreateSchema, unitsQuery } from '../../contracts/api.js';
import { id } from '../../contracts/definition.js';
import { AppError } from '../../contracts/errors.js';
import { MESSAGES } from '../../contracts/messages.js';
import { unitImportSchema } from '../../contracts/units.js';
import { unitsAddedSchema } from '../../contracts/units.js';
import { unitViewSchema } from '../../contracts/units.js';
import { requireActor } from '../auth.js';
import { BODY_LIMITS } from '../body-limits.js';
import { typed } from './types.js';

const UPLOAD_TYPES = ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/octet-stream'];

export function unitRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.register(async (scope) => {
    scope.addContentTypeParser(UPLOAD_TYPES, { parseAs: 'buffer', bodyLimit: BODY_LIMITS.unitsFile }, (_req, body, done) => done(null, body));
    const api = typed(scope);

    api.get('/api/units', {
      schema: {
        tags: ['units'],
        summary: '单位列表（默认顶层；可按上级或层级筛选）/ list units (roots by default; filter by parent or level)',
        querystring: unitsQuery,
        response: { 200: z.array(unitViewSchema) },
      },
    }, async (request) => listUnits(ctx, requireActor(request), request.query));

    api.get('/api/units/:unitId', {
      schema: { tags: ['units'], summary: '单位详情 / one unit', params: z.object({ unitId: id }), response: { 200: unitViewSchema } },
    }, async (request) => requireUnit(ctx, requireActor(request), request.params.unitId));

    api.post('/api/units', {
      bodyLimit: BODY_LIMITS.unitsJson,
      schema: { tags: ['units'], summary: '新增单位 / add units', body: unitsCreateSchema, response: { 201: unitsAddedSchema } },
    }, async (request, reply) => reply.code(201).send(await addUnits(ctx, requireActor(request), request.body.units)));

    api.post('/api/units/import', {
      schema: {
        tags: ['units'],
        summary: '从 CSV 或 xlsx 导入单位（请求体为文件本身；dryRun=true 只预览）/ import units from CSV or xlsx (the body is the file; dryRun=true previews)',
        querystring: z.object({ filename: z.string().min(1).max(200).default('units.csv'), dryRun: z.enum(['true', 'false']).default('false') }),
        response: { 200: unitImportSchema.describe('预览 / dry run'), 201: unitImportSchema.describe('已导入 / imported') },
      },
    }, async (request, reply) => {
      if (!Buffer.isBuffer(request.body) || request.body.length === 0) {
        throw new AppError('invalid_request', { message: MESSAGES.unitsFileMissing });
      }
      const result = await importUnits(ctx, requireActor(request), { name: request.query.filename, data: request.body }, request.query.dryRun === 'true');
      return reply.code(result.dryRun ? 200 : 201).send(result);
    });
  });
}
