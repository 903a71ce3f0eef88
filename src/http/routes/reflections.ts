/**
 * 讲收获 (docs/training.md § 讲收获): the trainee's phone writes and reads its own reflections with the check-in page's
 * device identity (no login; limited per trainee, never per address — a hall shares one); the office browses them
 * by unit, lesson and text, features some, closes or reopens the class's reflections, and exports a workbook and a
 * printable booklet. A county viewer reads and exports its own county's only.
 */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app/context.js';
import { browseReflections } from '../../app/reflections/browse-reflections.js';
import { buildReflectionExport } from '../../app/reflections/build-reflection-export.js';
import { setReflectionsOpen } from '../../app/reflections/close-reflections.js';
import { featureReflection } from '../../app/reflections/feature-reflection.js';
import { listMyReflections } from '../../app/reflections/list-my-reflections.js';
import { writeReflection } from '../../app/reflections/write-reflection.js';
import {
  myReflectionsRequestSchema,
  myReflectionsSchema,
  reflectionExportQuery,
  reflectionPageSchema,
  reflectionParams,
  reflectionPatchSchema,
  reflectionQuery,
  reflectionSavedSchema,
  reflectionSchema,
  reflectionStateSchema,
  reflectionWriteSchema,
} from '../../contracts/reflections.js';
import { classParams } from '../../contracts/training.js';
import { requireActor } from '../auth.js';
import { reflectionsPdf } from '../pages/reflections-pdf.js';
import { reflectionsXlsx } from '../pages/reflections-xlsx.js';
import { download } from '../responses.js';
import { attachment } from './training-output.js';
import { BODY_LIMITS } from '../body-limits.js';
import { typed } from './types.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function reflectionRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = typed(app);
  const tags = ['reflections'];
  const office = '/api/training/classes/:classId/reflections';

  api.post('/api/reflections', {
    bodyLimit: BODY_LIMITS.phone,
    schema: {
      tags,
      summary: '提交或修改心得（凭本机身份；编号由手机生成，重复提交只存一次）/ write or edit a reflection (by this device; the phone makes its id, so a re-send stores once)',
      body: reflectionWriteSchema,
      response: { 200: reflectionSavedSchema.describe('已有（重复提交）或已修改 / already stored, or edited'), 201: reflectionSavedSchema.describe('已保存 / stored now') },
    },
  }, async (request, reply) => {
    const saved = await writeReflection(ctx, request.body);
    return reply.code(saved.result === 'created' ? 201 : 200).header('cache-control', 'no-store').send(saved);
  });

  api.post('/api/reflections/mine', {
    bodyLimit: BODY_LIMITS.phone,
    schema: { tags, summary: '我的心得（凭本机身份）/ my reflections (by this device)', body: myReflectionsRequestSchema, response: { 200: myReflectionsSchema } },
  }, async (request, reply) => reply.header('cache-control', 'no-store').send(await listMyReflections(ctx, request.body.classId, request.body.device)));

  api.get(office, {
    schema: { tags, summary: '讲收获：按单位（县→乡镇）、课次、精选、文字筛选 / reflections by unit, lesson, featured and text', params: classParams, querystring: reflectionQuery, response: { 200: reflectionPageSchema } },
  }, async (request) => browseReflections(ctx, requireActor(request), request.params.classId, request.query));

  api.patch(`${office}/:reflectionId`, {
    schema: { tags, summary: '精选或取消精选 / feature a reflection, or not', params: reflectionParams, body: reflectionPatchSchema, response: { 200: reflectionSchema } },
  }, async (request) => featureReflection(ctx, requireActor(request), request.params.classId, request.params.reflectionId, request.body.featured === true));

  api.post(`${office}/close`, {
    schema: { tags, summary: '讲收获立即截止 / close reflections now', params: classParams, response: { 200: reflectionStateSchema } },
  }, async (request) => setReflectionsOpen(ctx, requireActor(request), request.params.classId, false));

  api.post(`${office}/reopen`, {
    schema: { tags, summary: '重新开放讲收获 / open reflections again', params: classParams, response: { 200: reflectionStateSchema } },
  }, async (request) => setReflectionsOpen(ctx, requireActor(request), request.params.classId, true));

  api.get('/api/training/classes/:classId/reflections.xlsx', {
    schema: {
      tags,
      summary: '讲收获 Excel（筛选同列表；县级查看账号只含本县）/ reflections as xlsx (the list\'s filters; a county viewer gets its county)',
      params: classParams,
      querystring: reflectionExportQuery,
      response: { 200: download(XLSX, '心得工作簿（xlsx）/ the reflections workbook') },
    },
  }, async (request, reply) => {
    const x = await buildReflectionExport(ctx, requireActor(request), request.params.classId, request.query);
    const name = `${x.className}${x.scopeName ? `-${x.scopeName.replace(/ \/ /g, '')}` : ''}-讲收获.xlsx`;
    return reply.type(XLSX).header('content-disposition', attachment(`${request.params.classId}-reflections.xlsx`, name)).send(await reflectionsXlsx(x));
  });

  api.get('/api/training/classes/:classId/reflections.pdf', {
    schema: {
      tags,
      summary: '讲收获汇编 PDF（A4，按县、乡镇编排，精选在前）/ the reflections booklet as an A4 PDF, by county and township, featured first',
      params: classParams,
      querystring: reflectionExportQuery,
      response: { 200: download('application/pdf', '讲收获汇编（PDF）/ the reflections booklet') },
    },
  }, async (request, reply) => {
    const x = await buildReflectionExport(ctx, requireActor(request), request.params.classId, request.query);
    const name = `${x.className}${x.scopeName ? `-${x.scopeName.replace(/ \/ /g, '')}` : ''}-讲收获汇编.pdf`;
    return reply.type('application/pdf').header('content-disposition', attachment(`${request.params.classId}-reflections.pdf`, name)).send(await reflectionsPdf(x));
  });
}
