/**
 * Results output: publication (公示) and its public notice, the xlsx workbook and the PDF report, what-if previews
 * and rank stability. Exports and analysis are for the office; the notice is public once published.
 */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app/context.js';
import { getNotice } from '../../app/results/get-notice.js';
import { publishResults } from '../../app/results/publish-results.js';
import { buildResultsExport } from '../../app/results/build-results-export.js';
import { previewWhatIf } from '../../app/results/preview-what-if.js';
import { rankStability } from '../../app/results/rank-stability.js';
import { campaignParams } from '../../contracts/api.js';
import { noticeSchema } from '../../contracts/notice.js';
import { publishSchema, rankingParams, stabilityQuery, stabilityResultSchema, whatIfResultSchema, whatIfSchema } from '../../contracts/results-output.js';
import { requireActor } from '../auth.js';
import { document, download } from '../responses.js';
import { NOTICE_CSP, renderNotice } from '../pages/notice-html.js';
import { resultsPdf } from '../pages/results-pdf.js';
import { resultsXlsx } from '../pages/results-xlsx.js';
import { typed } from './types.js';

const HTML = 'text/html; charset=utf-8';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const attachment = (ascii: string, name: string): string => `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;

export function outputRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = typed(app);
  const tags = ['output'];

  api.post('/api/campaigns/:campaignId/publish', {
    schema: {
      tags,
      summary: '发布结果并生成公示（全部测评会结束后；结果快照与校验码固定保存）/ publish the results with a notice (every session closed; snapshot and hash frozen)',
      params: campaignParams,
      body: publishSchema,
      response: { 201: noticeSchema },
    },
  }, async (request, reply) => reply.code(201).send(await publishResults(ctx, requireActor(request), request.params.campaignId, request.body)));

  api.get('/api/notices/:campaignId', {
    schema: { tags, summary: '公示（JSON，公开）/ the published notice, public', params: campaignParams, response: { 200: noticeSchema } },
  }, async (request) => getNotice(ctx, request.params.campaignId));

  api.get('/notice/:campaignId', {
    schema: { hide: true, params: campaignParams, response: { 200: document('text/html', '公示页面 / the public notice page') } },
  }, async (request, reply) =>
    reply.type(HTML).header('content-security-policy', NOTICE_CSP).send(renderNotice(await getNotice(ctx, request.params.campaignId))));

  api.get('/api/campaigns/:campaignId/export.xlsx', {
    schema: {
      tags,
      summary: '导出 Excel：排名、分项得分、计票、原始选票（匿名）/ xlsx: ranking, components, counts, raw anonymous ballots',
      params: campaignParams,
      response: { 200: download(XLSX, '结果工作簿（xlsx）/ the results workbook') },
    },
  }, async (request, reply) => {
    const x = await buildResultsExport(ctx, request.params.campaignId);
    return reply.type(XLSX).header('content-disposition', attachment(`${x.campaign.id}-results.xlsx`, `${x.campaign.name}-结果.xlsx`)).send(await resultsXlsx(x));
  });

  api.get('/api/campaigns/:campaignId/report.pdf', {
    schema: {
      tags,
      summary: '结果报告 PDF：封面、排名表、柱状图、计分方法 / PDF report: cover, rankings, charts, method',
      params: campaignParams,
      response: { 200: download('application/pdf', '结果报告（PDF）/ the results report') },
    },
  }, async (request, reply) => {
    const x = await buildResultsExport(ctx, request.params.campaignId);
    return reply.type('application/pdf').header('content-disposition', attachment(`${x.campaign.id}-report.pdf`, `${x.campaign.name}-结果报告.pdf`)).send(await resultsPdf(x));
  });

  api.post('/api/campaigns/:campaignId/what-if', {
    schema: {
      tags,
      summary: '假设分析：按其他权重或汇总方法重算某一排名（不保存、不影响已发布结果）/ what-if: a ranking under other weights or methods, nothing stored',
      params: campaignParams,
      body: whatIfSchema,
      response: { 200: whatIfResultSchema },
    },
  }, async (request) => previewWhatIf(ctx, request.params.campaignId, request.body));

  api.get('/api/campaigns/:campaignId/rankings/:rankingId/stability', {
    schema: {
      tags,
      summary: '排名稳定性：各项权重 ±step 个百分点（合计仍为 100）下每个单位的最好、最差名次及等次能否改变 / rank stability over a weight grid',
      params: rankingParams,
      querystring: stabilityQuery,
      response: { 200: stabilityResultSchema },
    },
  }, async (request) => rankStability(ctx, request.params.campaignId, request.params.rankingId, request.query.step ?? '5'));
}
