/**
 * 观摩 (docs/tours.md): the office plans a tour — its itinerary, its team with their personal links, its review
 * meetings — and follows it (progress, sheets); clerks read. The observer's phone has its own two routes
 * (tour-phone.ts).
 */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app/context.js';
import { addObserver } from '../../app/tours/add-observer.js';
import { buildItinerary } from '../../app/tours/build-itinerary.js';
import { buildReviewMinutes } from '../../app/tours/build-review-minutes.js';
import { changeObserver } from '../../app/tours/change-observer.js';
import { changeTour } from '../../app/tours/change-tour.js';
import { createTour } from '../../app/tours/create-tour.js';
import { deleteTour } from '../../app/tours/delete-tour.js';
import { getTourProgress } from '../../app/tours/get-tour-progress.js';
import { listSheetsOfTour } from '../../app/tours/list-tour-sheets.js';
import { listReviewsOfTour } from '../../app/tours/list-tour-reviews.js';
import { listTours } from '../../app/tours/list-tours.js';
import { presentTour } from '../../app/tours/present-tour.js';
import { removeObserver } from '../../app/tours/remove-observer.js';
import { renewObserverLink } from '../../app/tours/renew-observer-link.js';
import { saveItinerary } from '../../app/tours/save-itinerary.js';
import { saveReview } from '../../app/tours/save-tour-review.js';
import { requireTour } from '../../app/tours/tour-setup.js';
import { campaignParams } from '../../contracts/api.js';
import {
  itineraryInputSchema,
  observerCreatedSchema,
  observerInputSchema,
  observerLinkSchema,
  observerParams,
  observerPatchSchema,
  reviewInputSchema,
  reviewParams,
  sheetsQuery,
  tourInputSchema,
  tourListSchema,
  tourObserverSchema,
  tourParams,
  tourPatchSchema,
  tourProgressSchema,
  tourReviewListSchema,
  tourReviewSchema,
  tourSheetListSchema,
  tourViewSchema,
} from '../../contracts/tours.js';
import { requireActor } from '../auth.js';
import { tourItineraryPdf } from '../pages/tour-itinerary-pdf.js';
import { tourItineraryXlsx } from '../pages/tour-itinerary-xlsx.js';
import { tourMinutesPdf } from '../pages/tour-minutes-pdf.js';
import { download, noContent } from '../responses.js';
import { attachment } from './training-output.js';
import { typed } from './types.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function tourRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = typed(app);
  const tags = ['tours'];
  const tour = '/api/tours/:tourId';

  api.get('/api/campaigns/:campaignId/tours', {
    schema: { tags, summary: '观摩活动列表（测评会状态、天数、观摩点、成员、已收评分）/ a campaign’s tours with their session’s state and progress counts', params: campaignParams, response: { 200: tourListSchema } },
  }, async (request) => listTours(ctx, request.params.campaignId));

  api.post('/api/campaigns/:campaignId/tours', {
    schema: {
      tags,
      summary: '新建观摩活动（默认取测评会中唯一以实训点为对象的打分评价方式及其唯一署名测评组）/ create a tour (defaults: the session’s only score instrument of sites and its only named group)',
      params: campaignParams,
      body: tourInputSchema,
      response: { 201: tourViewSchema },
    },
  }, async (request, reply) => reply.code(201).send(await createTour(ctx, requireActor(request), request.params.campaignId, request.body)));

  api.get(tour, {
    schema: { tags, summary: '观摩活动：行程、观摩团、全部实训点及行程检查 / a tour: itinerary, team, every site and the itinerary check', params: tourParams, response: { 200: tourViewSchema } },
  }, async (request) => presentTour(ctx, await requireTour(ctx.database.db, request.params.tourId)));

  api.patch(tour, {
    schema: { tags, summary: '修改观摩活动名称或调度点评会测评组 / rename a tour or set its review meetings’ group', params: tourParams, body: tourPatchSchema, response: { 200: tourViewSchema } },
  }, async (request) => changeTour(ctx, requireActor(request), request.params.tourId, request.body));

  api.delete(tour, {
    schema: { tags, summary: '删除观摩活动（仅在尚未收到任何评分时）/ delete a tour (only while no sheet was received)', params: tourParams, response: { 204: noContent } },
  }, async (request, reply) => {
    await deleteTour(ctx, requireActor(request), request.params.tourId);
    return reply.code(204).send();
  });

  api.put(`${tour}/itinerary`, {
    schema: {
      tags,
      summary: '保存整个行程（日程与观摩点顺序；带编号的保留，未列出的删除；已有评分的观摩点不能删除）/ save the whole itinerary (ids kept, the rest removed; stops with sheets stay)',
      params: tourParams,
      body: itineraryInputSchema,
      response: { 200: tourViewSchema },
    },
  }, async (request) => saveItinerary(ctx, requireActor(request), request.params.tourId, request.body));

  api.post(`${tour}/observers`, {
    schema: {
      tags,
      summary: '添加观摩团成员，返回个人链接（仅此一次显示）/ add an observer; answers the personal link, shown this once',
      params: tourParams,
      body: observerInputSchema,
      response: { 201: observerCreatedSchema },
    },
  }, async (request, reply) => reply.code(201).header('cache-control', 'no-store').send(await addObserver(ctx, requireActor(request), request.params.tourId, request.body)));

  api.patch(`${tour}/observers/:observerId`, {
    schema: { tags, summary: '修改观摩团成员的署名或职务 / change an observer’s seat name or role', params: observerParams, body: observerPatchSchema, response: { 200: tourObserverSchema } },
  }, async (request) => changeObserver(ctx, requireActor(request), request.params.tourId, request.params.observerId, request.body));

  api.post(`${tour}/observers/:observerId/link`, {
    schema: { tags, summary: '更换个人链接（旧链接立即失效）/ renew an observer’s personal link (the old one stops working)', params: observerParams, response: { 200: observerLinkSchema } },
  }, async (request, reply) => reply.header('cache-control', 'no-store').send(await renewObserverLink(ctx, requireActor(request), request.params.tourId, request.params.observerId)));

  api.delete(`${tour}/observers/:observerId`, {
    schema: { tags, summary: '移出观摩团成员（仅在其尚未提交评分时）/ remove an observer (only one who has sent no sheet)', params: observerParams, response: { 204: noContent } },
  }, async (request, reply) => {
    await removeObserver(ctx, requireActor(request), request.params.tourId, request.params.observerId);
    return reply.code(204).send();
  });

  api.get(`${tour}/progress`, {
    schema: {
      tags,
      summary: '观摩进度：各观摩点已收评分、各成员手机最近打开与同步时间、尚缺的评分、各县点评会 / a tour in progress: sheets per stop, each phone’s last open and sync, what is missing, each county’s review',
      params: tourParams,
      response: { 200: tourProgressSchema },
    },
  }, async (request) => getTourProgress(ctx, request.params.tourId));

  api.get(`${tour}/sheets`, {
    schema: {
      tags,
      summary: '观摩评分记录（每次评分都保留，按收到顺序；可按成员或观摩点筛选）/ every sheet of a tour, each revision, oldest first (by observer or stop)',
      params: tourParams,
      querystring: sheetsQuery,
      response: { 200: tourSheetListSchema },
    },
  }, async (request) => listSheetsOfTour(ctx, request.params.tourId, request.query));

  api.get(`${tour}/reviews`, {
    schema: {
      tags,
      summary: '调度点评会（行程所到各县一场，未记录的也列出）/ the review meetings, one per county on the tour (those not yet recorded included)',
      params: tourParams,
      response: { 200: tourReviewListSchema },
    },
  }, async (request) => listReviewsOfTour(ctx, request.params.tourId));

  api.put(`${tour}/reviews/:unitId`, {
    schema: {
      tags,
      summary: '记录一个县的调度点评会：时间、地点、参会人员、各点点评、总体点评、可选分数 / record a county’s review meeting: date, place, attendees, a comment per site, remarks, an optional score',
      params: reviewParams,
      body: reviewInputSchema,
      response: { 200: tourReviewSchema },
    },
  }, async (request) => saveReview(ctx, requireActor(request), request.params.tourId, request.params.unitId, request.body));

  api.get(`${tour}/itinerary.pdf`, {
    schema: {
      tags,
      summary: '观摩行程安排 PDF（A4，按天列出时间、县、实训点、主题、地址，附观摩团名单）/ the itinerary as an A4 PDF, day by day, with the team',
      params: tourParams,
      response: { 200: download('application/pdf', '观摩行程安排（PDF）/ the itinerary') },
    },
  }, async (request, reply) => {
    const it = await buildItinerary(ctx, request.params.tourId);
    return reply.type('application/pdf').header('content-disposition', attachment(`${it.tourId}-itinerary.pdf`, `${it.tourName}-观摩行程安排.pdf`)).send(await tourItineraryPdf(it));
  });

  api.get(`${tour}/itinerary.xlsx`, {
    schema: {
      tags,
      summary: '观摩行程 Excel（行程、观摩团、说明）/ the itinerary as a workbook: stops, team, notes',
      params: tourParams,
      response: { 200: download(XLSX, '观摩行程（xlsx）/ the itinerary workbook') },
    },
  }, async (request, reply) => {
    const it = await buildItinerary(ctx, request.params.tourId);
    return reply.type(XLSX).header('content-disposition', attachment(`${it.tourId}-itinerary.xlsx`, `${it.tourName}-观摩行程.xlsx`)).send(await tourItineraryXlsx(it));
  });

  api.get(`${tour}/reviews/:unitId.pdf`, {
    schema: {
      tags,
      summary: '调度点评会纪要 PDF（A4）/ a county’s review meeting as minutes (A4 PDF)',
      params: reviewParams,
      response: { 200: download('application/pdf', '调度点评会纪要（PDF）/ the minutes') },
    },
  }, async (request, reply) => {
    const minutes = await buildReviewMinutes(ctx, request.params.tourId, request.params.unitId);
    return reply
      .type('application/pdf')
      .header('content-disposition', attachment(`${request.params.tourId}-${request.params.unitId}-minutes.pdf`, `${minutes.review.unitName}调度点评会纪要.pdf`))
      .send(await tourMinutesPdf(minutes));
  });
}
