/**
 * 培训班 (docs/training.md): the office's classes, venues, lessons and roster; 请假 and 补签; live attendance per lesson
 * (JSON and server-sent events), the liaison's venue roster, per-participant records with 学时, and venue screen links.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../app/context.js';
import { viewerUnit } from '../../app/policies/unit-scope.js';
import { resolvePublicAddress } from '../../app/settings/resolve-public-address.js';
import { attendancePage } from '../../app/training/attendance-records.js';
import { createClass } from '../../app/training/create-class.js';
import { getClass } from '../../app/training/get-class.js';
import { importParticipants } from '../../app/training/import-participants.js';
import { lessonAttendance, venueRoster } from '../../app/training/lesson-attendance.js';
import { listClasses } from '../../app/training/list-classes.js';
import { listRoster } from '../../app/training/list-roster.js';
import { recordLateEntry, recordLeave } from '../../app/training/record-office-mark.js';
import { addLesson, deleteLesson, replaceLesson } from '../../app/training/save-lesson.js';
import { addParticipant, updateParticipant } from '../../app/training/save-participant.js';
import { addVenue, updateVenue } from '../../app/training/save-venue.js';
import { updateClass } from '../../app/training/update-class.js';
import { screenPath } from '../../app/training/venue-screen.js';
import { AppError } from '../../contracts/errors.js';
import { MESSAGES } from '../../contracts/messages.js';
import {
  attendancePageSchema,
  attendanceQuery,
  checkinRecordSchema,
  classInputSchema,
  classParams,
  classPatchSchema,
  classSchema,
  classSummarySchema,
  importQuery,
  importReportSchema,
  lateEntryInputSchema,
  leaveInputSchema,
  lessonAttendanceSchema,
  lessonInputSchema,
  lessonParams,
  lessonSchema,
  lessonVenueParams,
  participantInputSchema,
  participantParams,
  participantPatchSchema,
  participantSchema,
  rosterPageSchema,
  rosterQuery,
  screenLinkSchema,
  venueInputSchema,
  venueParams,
  venueRosterSchema,
  venueSchema,
} from '../../contracts/training.js';
import { requireActor } from '../auth.js';
import { BODY_LIMITS } from '../body-limits.js';
import { LiveHub } from '../live-stream.js';
import { requestOrigin } from '../request-origin.js';
import { document, noContent } from '../responses.js';
import { typed } from './types.js';

const UPLOAD_TYPES = ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/octet-stream'];
const ROSTER_FILE_LIMIT = BODY_LIMITS.rosterFile;

export function trainingRoutes(app: FastifyInstance, ctx: AppContext): void {
  const hub = new LiveHub('attendance', (error) => app.log.error({ err: error }, 'attendance stream'));
  const unsubscribe = ctx.checkinFeed.on((e) => hub.announce(`${e.classId}/${e.lessonId}`));
  app.addHook('onClose', async () => {
    unsubscribe();
    hub.close();
  });

  app.register(async (scope) => {
    scope.addContentTypeParser(UPLOAD_TYPES, { parseAs: 'buffer', bodyLimit: ROSTER_FILE_LIMIT }, (_req, body, done) => done(null, body));
    const api = typed(scope);
    const tags = ['training'];

    api.get('/api/training/classes', {
      schema: { tags, summary: '培训班列表 / training classes', response: { 200: z.array(classSummarySchema) } },
    }, async () => listClasses(ctx));

    api.post('/api/training/classes', {
      schema: { tags, summary: '新建培训班 / create a training class', body: classInputSchema, response: { 201: classSchema } },
    }, async (request, reply) => reply.code(201).send(await createClass(ctx, requireActor(request), request.body)));

    api.get('/api/training/classes/:classId', {
      schema: { tags, summary: '培训班详情：会场与日程 / a class with its venues and agenda', params: classParams, response: { 200: classSchema } },
    }, async (request) => getClass(ctx, request.params.classId));

    api.patch('/api/training/classes/:classId', {
      schema: { tags, summary: '修改培训班 / change a class', params: classParams, body: classPatchSchema, response: { 200: classSchema } },
    }, async (request) => updateClass(ctx, requireActor(request), request.params.classId, request.body));

    api.post('/api/training/classes/:classId/venues', {
      schema: { tags, summary: '新增会场 / add a venue', params: classParams, body: venueInputSchema, response: { 201: venueSchema } },
    }, async (request, reply) => reply.code(201).send(await addVenue(ctx, requireActor(request), request.params.classId, request.body)));

    api.put('/api/training/classes/:classId/venues/:venueId', {
      schema: { tags, summary: '修改会场 / change a venue', params: venueParams, body: venueInputSchema, response: { 200: venueSchema } },
    }, async (request) => updateVenue(ctx, requireActor(request), request.params.classId, request.params.venueId, request.body));

    api.post('/api/training/classes/:classId/lessons', {
      schema: { tags, summary: '新增课次 / add a lesson', params: classParams, body: lessonInputSchema, response: { 201: lessonSchema } },
    }, async (request, reply) => reply.code(201).send(await addLesson(ctx, requireActor(request), request.params.classId, request.body)));

    api.put('/api/training/classes/:classId/lessons/:lessonId', {
      schema: { tags, summary: '修改课次 / change a lesson', params: lessonParams, body: lessonInputSchema, response: { 200: lessonSchema } },
    }, async (request) => replaceLesson(ctx, requireActor(request), request.params.classId, request.params.lessonId, request.body));

    api.delete('/api/training/classes/:classId/lessons/:lessonId', {
      schema: { tags, summary: '删除课次（已有签到的不能删除）/ delete a lesson (not once anyone checked in)', params: lessonParams, response: { 204: noContent } },
    }, async (request, reply) => {
      await deleteLesson(ctx, requireActor(request), request.params.classId, request.params.lessonId);
      return reply.code(204).send();
    });

    api.get('/api/training/classes/:classId/participants', {
      schema: { tags, summary: '学员名单（搜索、按单位筛选、分页）/ the roster: search, filter by unit, pages', params: classParams, querystring: rosterQuery, response: { 200: rosterPageSchema } },
    }, async (request) => listRoster(ctx, requireActor(request), request.params.classId, request.query));

    api.post('/api/training/classes/:classId/participants', {
      schema: { tags, summary: '新增学员 / add a participant', params: classParams, body: participantInputSchema, response: { 201: participantSchema } },
    }, async (request, reply) => reply.code(201).send(await addParticipant(ctx, requireActor(request), request.params.classId, request.body)));

    api.patch('/api/training/classes/:classId/participants/:participantId', {
      schema: { tags, summary: '修改学员信息 / fix a participant', params: participantParams, body: participantPatchSchema, response: { 200: participantSchema } },
    }, async (request) => updateParticipant(ctx, requireActor(request), request.params.classId, request.params.participantId, request.body));

    api.post('/api/training/classes/:classId/participants/import', {
      schema: {
        tags,
        summary: '从 xlsx 或 CSV 导入学员（请求体为文件本身；默认 dryRun=true 只检查；有错行时不导入任何人）/ import participants (the body is the file; dryRun by default; nothing is imported while any row is bad)',
        params: classParams,
        querystring: importQuery,
        response: { 200: importReportSchema.describe('检查结果 / dry run'), 201: importReportSchema.describe('已导入 / imported') },
      },
    }, async (request, reply) => {
      if (!Buffer.isBuffer(request.body) || request.body.length === 0) throw new AppError('invalid_request', { message: MESSAGES.rosterFileMissing });
      const report = await importParticipants(ctx, requireActor(request), request.params.classId, { name: request.query.filename, data: request.body }, request.query.dryRun);
      return reply.code(report.dryRun ? 200 : 201).send(report);
    });

    api.post('/api/training/classes/:classId/lessons/:lessonId/leave', {
      schema: { tags, summary: '登记请假（须写明原因）/ record a leave (with its reason)', params: lessonParams, body: leaveInputSchema, response: { 201: checkinRecordSchema } },
    }, async (request, reply) => reply.code(201).send(await recordLeave(ctx, requireActor(request), request.params.classId, request.params.lessonId, request.body)));

    api.post('/api/training/classes/:classId/lessons/:lessonId/late-entries', {
      schema: { tags, summary: '补签（须写明原因，记入审计日志）/ a late entry by the office or a clerk (with its reason, audited)', params: lessonParams, body: lateEntryInputSchema, response: { 201: checkinRecordSchema } },
    }, async (request, reply) => reply.code(201).send(await recordLateEntry(ctx, requireActor(request), request.params.classId, request.params.lessonId, request.body)));

    api.get('/api/training/classes/:classId/lessons/:lessonId/attendance', {
      schema: { tags, summary: '课次签到统计：按会场、按县 / a lesson\'s attendance per venue and county', params: lessonParams, response: { 200: lessonAttendanceSchema } },
    }, async (request) => lessonAttendance(ctx, requireActor(request), request.params.classId, request.params.lessonId));

    api.get('/api/training/classes/:classId/lessons/:lessonId/attendance/events', {
      schema: {
        tags,
        summary: '签到统计推送（server-sent events）/ the lesson\'s attendance pushed as server-sent events',
        params: lessonParams,
        response: { 200: document('text/event-stream', '事件 attendance，数据同 GET …/attendance，仅在变化时推送 / `attendance` events, data as GET …/attendance, sent when it changes') },
      },
    }, async (request, reply) => {
      const actor = requireActor(request);
      const { classId, lessonId } = request.params;
      const compute = () => lessonAttendance(ctx, actor, classId, lessonId);
      const first = await compute();
      reply.hijack();
      hub.attach(`${classId}/${lessonId}`, viewerUnit(actor) ?? '*', reply.raw, first, compute);
    });

    api.get('/api/training/classes/:classId/lessons/:lessonId/venues/:venueId/roster', {
      schema: { tags, summary: '会场联络员名单：应到学员及签到状态 / the venue liaison\'s list: who is expected, who came', params: lessonVenueParams, response: { 200: venueRosterSchema } },
    }, async (request) => venueRoster(ctx, requireActor(request), request.params.classId, request.params.lessonId, request.params.venueId));

    api.get('/api/training/classes/:classId/lessons/:lessonId/venues/:venueId/screen-link', {
      schema: { tags, summary: '会场大屏链接（动态签到二维码）/ the venue screen\'s link (rotating check-in QR)', params: lessonVenueParams, response: { 200: screenLinkSchema } },
    }, async (request) => {
      const { classId, lessonId, venueId } = request.params;
      const path = await screenPath(ctx, classId, lessonId, venueId);
      return { path, url: `${(await resolvePublicAddress(ctx, requestOrigin(request))).url}${path}` };
    });

    api.get('/api/training/classes/:classId/attendance', {
      schema: { tags, summary: '考勤与学时（按学员）/ attendance and credit hours per participant', params: classParams, querystring: attendanceQuery, response: { 200: attendancePageSchema } },
    }, async (request) => attendancePage(ctx, requireActor(request), request.params.classId, request.query));
  });
}
