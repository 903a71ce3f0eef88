/**
 * 座谈会 (issue #14): the ordered speakers, and the written reports — one per township — with their status (未交 →
 * 已交 → 已收), uploads by the township itself, the office's accept, send back and remind, and a township's own list.
 */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app/context.js';
import { acceptReport } from '../../app/seminar/accept-report.js';
import { createReports } from '../../app/seminar/create-reports.js';
import { deleteReport } from '../../app/seminar/delete-report.js';
import { listMyReports } from '../../app/seminar/list-my-reports.js';
import { listReports } from '../../app/seminar/list-reports.js';
import { remindReports } from '../../app/seminar/remind-reports.js';
import { returnReport } from '../../app/seminar/return-report.js';
import { listSpeakers, setSpeakers } from '../../app/seminar/speakers.js';
import { uploadReport } from '../../app/seminar/upload-report.js';
import { classParams } from '../../contracts/training.js';
import {
  myReportListSchema,
  remindResultSchema,
  reportBoardSchema,
  reportParams,
  reportRemindSchema,
  reportReturnSchema,
  reportSchema,
  reportsCreatedSchema,
  reportsCreateSchema,
  reportsQuery,
  speakerListSchema,
  speakersInputSchema,
} from '../../contracts/seminar.js';
import { requireActor } from '../auth.js';
import { noContent } from '../responses.js';
import { receiveUpload, SEMINAR_REPORT_FILE_LIMIT } from '../upload.js';
import { UPLOAD_NOTE, withUpload } from './documents.js';
import { typed } from './types.js';

export function seminarRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = typed(app);
  const tags = ['seminar'];
  const base = '/api/training/classes/:classId/seminar';

  api.get(`${base}/speakers`, {
    schema: { tags, summary: '座谈会发言人（按发言顺序）/ the seminar’s speakers, in order', params: classParams, response: { 200: speakerListSchema } },
  }, async (request) => listSpeakers(ctx, request.params.classId));

  api.put(`${base}/speakers`, {
    schema: { tags, summary: '设置发言人及顺序（整表替换）/ set the speakers and their order (the whole list)', params: classParams, body: speakersInputSchema, response: { 200: speakerListSchema } },
  }, async (request) => setSpeakers(ctx, requireActor(request), request.params.classId, request.body));

  api.get(`${base}/reports`, {
    schema: { tags, summary: '书面材料一览：按状态、县统计，可筛选 / written reports with counts by status and county', params: classParams, querystring: reportsQuery, response: { 200: reportBoardSchema } },
  }, async (request) => listReports(ctx, requireActor(request), request.params.classId, request.query));

  api.post(`${base}/reports`, {
    schema: { tags, summary: '分派书面材料：全部乡镇（街道）或所选单位，已有的跳过 / create report slots for every township, or the units named', params: classParams, body: reportsCreateSchema, response: { 201: reportsCreatedSchema } },
  }, async (request, reply) => reply.code(201).send(await createReports(ctx, requireActor(request), request.params.classId, request.body)));

  api.post(`${base}/reports/remind`, {
    schema: { tags, summary: '催交：为未交（或所选未交）的材料记录一次提醒 / record a reminder on the missing reports (or the chosen ones)', params: classParams, body: reportRemindSchema, response: { 200: remindResultSchema } },
  }, async (request) => remindReports(ctx, requireActor(request), request.params.classId, request.body));

  api.post(`${base}/reports/:reportId/documents`, {
    schema: { tags, summary: `上传书面材料（乡镇只能传本单位的；上限 20 MB）/ upload a written report (a township its own only; 20 MB at most). ${UPLOAD_NOTE}`, consumes: ['multipart/form-data'], params: reportParams, response: { 201: reportSchema } },
  }, async (request, reply) => {
    const actor = requireActor(request);
    const upload = await receiveUpload(request, SEMINAR_REPORT_FILE_LIMIT);
    return reply.code(201).send(await withUpload(upload, (u) => uploadReport(ctx, actor, request.params.classId, request.params.reportId, u)));
  });

  api.delete(`${base}/reports/:reportId`, {
    schema: { tags, summary: '取消分派（仅限未交且无文件的）/ withdraw a report slot (only while nothing was handed in)', params: reportParams, response: { 204: noContent } },
  }, async (request, reply) => {
    await deleteReport(ctx, requireActor(request), request.params.classId, request.params.reportId);
    return reply.code(204).send();
  });

  api.post(`${base}/reports/:reportId/accept`, {
    schema: { tags, summary: '收取书面材料 / accept a written report', params: reportParams, response: { 200: reportSchema } },
  }, async (request) => acceptReport(ctx, requireActor(request), request.params.classId, request.params.reportId));

  api.post(`${base}/reports/:reportId/return`, {
    schema: { tags, summary: '退回书面材料（须写明原因）/ send a written report back (with a note)', params: reportParams, body: reportReturnSchema, response: { 200: reportSchema } },
  }, async (request) => returnReport(ctx, requireActor(request), request.params.classId, request.params.reportId, request.body.note));

  api.get('/api/seminar/my-reports', {
    schema: { tags, summary: '本单位的书面材料（乡镇查看账号）/ my unit’s written reports (a township viewer)', response: { 200: myReportListSchema } },
  }, async (request) => listMyReports(ctx, requireActor(request)));
}
