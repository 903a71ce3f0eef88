/**
 * 签到 without a login (docs/training.md): the trainee's phone — open a grant with the scanned code, find one's name,
 * check in, see one's own record — and the venue screen's code and counts, behind the key in its link. None of these
 * is limited per address: a whole hall shares one NAT address. Wrong personal codes are limited per scan and
 * identifications per person (app/training/check-in.ts).
 */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app/context.js';
import { resolvePublicAddress } from '../../app/settings/resolve-public-address.js';
import { checkIn } from '../../app/training/check-in.js';
import { venueScreenCounts } from '../../app/training/lesson-attendance.js';
import { listMyCheckins } from '../../app/training/list-my-checkins.js';
import { openGrant } from '../../app/training/open-grant.js';
import { readDirectory } from '../../app/training/read-directory.js';
import { requireScreen, screenState } from '../../app/training/venue-screen.js';
import {
  checkinAnswerSchema,
  checkinRequestSchema,
  directoryRequestSchema,
  directorySchema,
  grantRequestSchema,
  grantSchema,
  myCheckinsRequestSchema,
  myCheckinsSchema,
  screenCodeSchema,
  screenParams,
} from '../../contracts/training.js';
import { BODY_LIMITS } from '../body-limits.js';
import { LiveHub } from '../live-stream.js';
import { qrSvg } from '../pages/qr.js';
import { requestOrigin } from '../request-origin.js';
import { document } from '../responses.js';
import { typed } from './types.js';


export function checkinRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = typed(app);
  const tags = ['check-in'];
  const hub = new LiveHub('counts', (error) => app.log.error({ err: error }, 'venue screen stream'));
  const unsubscribe = ctx.checkinFeed.on((e) => hub.announce(`${e.classId}/${e.lessonId}`));
  app.addHook('onClose', async () => {
    unsubscribe();
    hub.close();
  });

  api.post('/api/checkin/grants', {
    bodyLimit: BODY_LIMITS.phone,
    config: { serialize: 'as-built' },
    schema: {
      tags,
      summary: '扫码：验证会场动态二维码（本步或上一步），开启 5 分钟的签到凭证 / a scan: check the venue code (this or the previous step) and open a 5-minute grant',
      body: grantRequestSchema,
      response: { 201: grantSchema },
    },
  }, async (request, reply) => reply.code(201).header('cache-control', 'no-store').send(await openGrant(ctx, request.body)));

  api.post('/api/checkin/directory', {
    bodyLimit: BODY_LIMITS.phone,
    schema: { tags, summary: '凭签到凭证列出名单中的单位，或某单位的学员姓名 / with a grant: the roster\'s units, or the names in one unit', body: directoryRequestSchema, response: { 200: directorySchema } },
  }, async (request, reply) => reply.header('cache-control', 'no-store').send(await readDirectory(ctx, request.body.grant, request.body.unitId)));

  api.post('/api/checkin', {
    bodyLimit: BODY_LIMITS.phone,
    // The hot route of a lesson's first minutes: answered as built (the answer is assembled from typed parts).
    config: { serialize: 'as-built' },
    schema: {
      tags,
      summary: '签到（本机身份、个人签到码或选择姓名，三选一；每人每课次一次）/ check in (by device, personal code or picked name; once per person and lesson)',
      body: checkinRequestSchema,
      response: { 200: checkinAnswerSchema.describe('此前已签到 / already checked in'), 201: checkinAnswerSchema.describe('签到成功 / checked in now') },
    },
  }, async (request, reply) => {
    const result = await checkIn(ctx, request.body);
    return reply.code(result.created ? 201 : 200).header('cache-control', 'no-store').send(result.answer);
  });

  api.post('/api/checkin/mine', {
    bodyLimit: BODY_LIMITS.phone,
    schema: { tags, summary: '我的签到与学时（凭本机身份）/ my check-ins and credit hours (by this device)', body: myCheckinsRequestSchema, response: { 200: myCheckinsSchema } },
  }, async (request, reply) => reply.header('cache-control', 'no-store').send(await listMyCheckins(ctx, request.body.classId, request.body.device)));

  api.get('/api/checkin-screen/:classId/:lessonId/:venueId/:key', {
    schema: { tags, summary: '会场大屏：当前签到二维码与本会场人数 / the venue screen: the code to show now and the venue\'s counts', params: screenParams, response: { 200: screenCodeSchema } },
  }, async (request, reply) => {
    const { classId, lessonId, venueId, key } = request.params;
    const state = await screenState(ctx, classId, lessonId, venueId, key);
    const url = `${(await resolvePublicAddress(ctx, requestOrigin(request))).url}${state.path}`;
    const { path: _path, ...rest } = state;
    return reply.header('cache-control', 'no-store').send({ ...rest, url, qrSvg: state.window === 'open' ? await qrSvg(url) : '' });
  });

  api.get('/api/checkin-screen/:classId/:lessonId/:venueId/:key/events', {
    schema: {
      tags,
      summary: '会场大屏人数推送（server-sent events）/ the venue\'s counts pushed as server-sent events',
      params: screenParams,
      response: { 200: document('text/event-stream', '事件 counts：应到、准时、迟到、请假、未到 / `counts` events: expected, on time, late, on leave, missing') },
    },
  }, async (request, reply) => {
    const { classId, lessonId, venueId, key } = request.params;
    await requireScreen(ctx, classId, lessonId, venueId, key);
    const compute = () => venueScreenCounts(ctx, classId, lessonId, venueId);
    const first = await compute();
    reply.hijack();
    hub.attach(`${classId}/${lessonId}`, venueId, reply.raw, first, compute);
  });
}
