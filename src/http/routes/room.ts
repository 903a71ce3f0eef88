/**
 * The room's office side: session verdicts live in sessions.ts; here token sheets, the clerk's paper form, sheet
 * numbers and double-entry check, the tally report (JSON, print, xlsx) and the live screen (keys, board, events) with
 * its page: a plain HTML shell with a small script that holds no data until the API answers. The clerk's paper entry
 * is a page of the console (web/console/src/features/paper).
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../app/context.js';
import { paperForm } from '../../app/ballots/get-paper-form.js';
import { screenBoard } from '../../app/sessions/get-screen-board.js';
import { issueScreenKey } from '../../app/sessions/issue-screen-key.js';
import { requireScreenKey } from '../../app/sessions/require-screen-key.js';
import { revokeScreenKeys } from '../../app/sessions/revoke-screen-keys.js';
import { buildTallyReport } from '../../app/sessions/build-tally-report.js';
import { issueTokenSheet } from '../../app/sessions/issue-token-sheet.js';
import { resolvePublicAddress } from '../../app/settings/resolve-public-address.js';
import { getPaperSheet } from '../../app/ballots/get-paper-sheet.js';
import { verifyPaperSheet } from '../../app/ballots/verify-paper-sheet.js';
import { reserveSheetNumber } from '../../app/ballots/reserve-sheet-number.js';
import { paperEntrySchema, sessionParams } from '../../contracts/api.js';
import { paperFormSchema, paperVerificationSchema, sheetNumberRequestSchema, sheetNumberSchema, storedPaperSheetSchema } from '../../contracts/paper.js';
import { clerkPaperQuery, screenParams, screenQuery, sheetParams, tokenSheetSchema } from '../../contracts/room.js';
import { screenBoardSchema, screenKeySchema } from '../../contracts/screen.js';
import { tallyReportSchema } from '../../contracts/tally-report.js';
import { requireActor } from '../auth.js';
import { asset, zhDateTime } from '../pages/html.js';
import { renderTallyReport, TALLY_REPORT_CSP } from '../pages/tally-report-html.js';
import { tallyReportXlsx } from '../pages/tally-report-xlsx.js';
import { renderTokenSheet, TOKEN_SHEET_CSP } from '../pages/token-sheet-html.js';
import { pageCsp, SECRET_PAGE_HEADERS } from '../page-headers.js';
import { requestOrigin } from '../request-origin.js';
import { document, download, noContent } from '../responses.js';
import { LiveHub } from '../live-stream.js';
import { typed } from './types.js';
import { own } from '../../domain/own.js';

const HTML = 'text/html; charset=utf-8';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const SCRIPTS: Record<string, string> = { 'screen.js': asset('screen.js') };
const PAGES = { screen: asset('screen.html') };
/** The big screen: its own module script, its inline sheet by hash, bars sized by style attributes, the board by fetch and SSE. */
const SCREEN_CSP = pageCsp({
  scripts: true,
  styles: [/<style>([\s\S]*?)<\/style>/.exec(PAGES.screen)?.[1] ?? ''],
  styleAttributes: true,
  connect: true,
});

export function roomRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = typed(app);
  const tags = ['room'];
  const hub = new LiveHub('board', (error) => app.log.error({ err: error }, 'screen board'));
  // A writer that does not know the session (null) has every board looked at again.
  const unsubscribe = ctx.ballotFeed.on((e) => (e.sessionId === null ? hub.announceAll() : hub.announce(e.sessionId)));
  app.addHook('onClose', async () => {
    unsubscribe();
    hub.close();
  });

  api.post('/api/sessions/:sessionId/token-sheets', {
    schema: {
      tags,
      summary: '发放测评码并生成 A4 打印单（二维码 + 短码；测评码只显示这一次）/ issue tokens as a printable A4 sheet of slips (shown once)',
      params: sessionParams,
      body: tokenSheetSchema,
      response: { 201: document('text/html', '可打印的测评码单（网页）/ the printable sheet of slips') },
    },
  }, async (request, reply) => {
    // The stored public address (else LEITAI_PUBLIC_URL, else this request's): never just the Host a browser used.
    const origin = request.body.origin ?? (await resolvePublicAddress(ctx, requestOrigin(request))).url;
    const sheet = await issueTokenSheet(ctx, requireActor(request), request.params.sessionId, request.body, origin);
    const html = await renderTokenSheet(sheet, zhDateTime(ctx.clock().toISOString()));
    // Fresh secrets: kept by nothing, passed on to no one.
    return reply.code(201).headers(SECRET_PAGE_HEADERS).header('content-security-policy', TOKEN_SHEET_CSP).type(HTML).send(html);
  });

  api.get('/api/sessions/:sessionId/paper-form', {
    schema: { tags, summary: '纸质票录入表：各测评组的评价方式、对象、等次与比例限制 / the paper entry form of a session', params: sessionParams, response: { 200: paperFormSchema } },
  }, async (request) => paperForm(ctx, request.params.sessionId));

  api.post('/api/sessions/:sessionId/paper-sheet-numbers', {
    schema: {
      tags,
      summary: '本录入页的下一个票号：尚未使用的沿用，否则分配本场下一个空闲票号 / the sheet number this entry page types its next sheet under',
      params: sessionParams,
      body: sheetNumberRequestSchema,
      response: { 200: sheetNumberSchema },
    },
  }, async (request) => reserveSheetNumber(ctx, requireActor(request), request.params.sessionId, request.body.desk));

  api.get('/api/sessions/:sessionId/paper-ballots/:sheetNumber', {
    schema: { tags, summary: '已录入的纸质票（按票号）/ a stored paper sheet by its number', params: sheetParams, response: { 200: storedPaperSheetSchema } },
  }, async (request) => getPaperSheet(ctx, request.params.sessionId, request.params.sheetNumber));

  api.post('/api/sessions/:sessionId/paper-verifications', {
    schema: {
      tags,
      summary: '双人录入核对：第二人重录一张纸质票，与已存内容逐项比对，不写入选票 / double entry: compare a second entry with the stored sheet',
      params: sessionParams,
      body: paperEntrySchema,
      response: { 200: paperVerificationSchema },
    },
  }, async (request) => verifyPaperSheet(ctx, requireActor(request), request.params.sessionId, request.body));

  api.get('/api/sessions/:sessionId/tally-report', {
    schema: { tags, summary: '计票单（JSON）/ the session’s tally report', params: sessionParams, response: { 200: tallyReportSchema } },
  }, async (request) => buildTallyReport(ctx, request.params.sessionId));

  api.get('/api/sessions/:sessionId/tally-report.html', {
    schema: { tags, summary: '计票单（可打印网页）/ the tally report as a printable page', params: sessionParams, response: { 200: document('text/html', '计票单（可打印网页）/ the printable tally report') } },
  }, async (request, reply) => reply.type(HTML).header('content-security-policy', TALLY_REPORT_CSP).send(renderTallyReport(await buildTallyReport(ctx, request.params.sessionId))));

  api.get('/api/sessions/:sessionId/tally-report.xlsx', {
    schema: { tags, summary: '计票单（Excel）/ the tally report as xlsx', params: sessionParams, response: { 200: download(XLSX, '计票单（xlsx）/ the tally report workbook') } },
  }, async (request, reply) => {
    const report = await buildTallyReport(ctx, request.params.sessionId);
    const filename = encodeURIComponent(`计票单-${report.session.name}.xlsx`);
    return reply.type(XLSX).header('content-disposition', `attachment; filename="tally-report.xlsx"; filename*=UTF-8''${filename}`).send(await tallyReportXlsx(report));
  });

  api.post('/api/sessions/:sessionId/screen-keys', {
    schema: { tags, summary: '生成大屏只读密钥（只显示这一次）/ issue a read-only screen key for the session (shown once)', params: sessionParams, response: { 201: screenKeySchema } },
  }, async (request, reply) => {
    const base = (await resolvePublicAddress(ctx, requestOrigin(request))).url;
    return reply.code(201).send(await issueScreenKey(ctx, requireActor(request), request.params.sessionId, base));
  });

  api.delete('/api/sessions/:sessionId/screen-keys', {
    schema: { tags, summary: '作废本场所有大屏密钥 / revoke every screen key of the session', params: sessionParams, response: { 204: noContent } },
  }, async (request, reply) => {
    await revokeScreenKeys(ctx, requireActor(request), request.params.sessionId);
    return reply.code(204).send();
  });

  // The screen authenticates with its key (a browser on a projector has no account): public routes, key checked here.
  api.get('/api/sessions/:sessionId/screen', {
    schema: {
      tags,
      summary: '大屏看板数据（凭大屏密钥）/ the big screen’s board (with the screen key)',
      params: screenParams,
      querystring: screenQuery,
      response: { 200: screenBoardSchema },
    },
  }, async (request, reply) => {
    await requireScreenKey(ctx, request.params.sessionId, request.query.key);
    return reply.header('cache-control', 'no-store').send(await screenBoard(ctx, request.params.sessionId));
  });

  api.get('/api/sessions/:sessionId/screen/events', {
    schema: {
      tags,
      summary: '大屏推送（server-sent events，每张选票后一秒内）/ the board pushed as server-sent events',
      params: screenParams,
      querystring: screenQuery,
      response: { 200: document('text/event-stream', '事件 board，数据为大屏看板 JSON（同 GET …/screen），仅在变化时推送 / `board` events whose data is the board JSON (as GET …/screen), sent when it changes') },
    },
  }, async (request, reply) => {
    await requireScreenKey(ctx, request.params.sessionId, request.query.key);
    const board = await screenBoard(ctx, request.params.sessionId);
    reply.hijack();
    const sessionId = request.params.sessionId;
    hub.attach(sessionId, 'board', reply.raw, board, () => screenBoard(ctx, sessionId));
  });

  const page = { 200: document('text/html', '页面 / the page') };
  api.get('/screen/:sessionId', { schema: { hide: true, params: screenParams, response: page } }, async (_request, reply) =>
    // The key is in the URL: kept by nothing, passed on to no one.
    reply.type(HTML).headers(SECRET_PAGE_HEADERS).header('content-security-policy', SCREEN_CSP).send(PAGES.screen));

  // The clerk's paper entry is a page of the console now; printed and bookmarked links to the old page keep working.
  api.get('/clerk/paper', {
    schema: { hide: true, querystring: clerkPaperQuery, response: { 302: z.undefined().describe('转到办公室工作台的纸质票录入 / to paper entry in the office console') } },
  }, async (request, reply) => {
    const sessionId = request.query.session;
    return reply.redirect(sessionId ? `/console/sessions/${encodeURIComponent(sessionId)}/paper` : '/console/paper', 302);
  });

  api.get('/office/assets/:name', {
    schema: { hide: true, response: { 200: document('text/javascript', '页面脚本 / a page’s script') } },
  }, async (request, reply) => {
    const name = (request.params as { name: string }).name;
    // Own keys only: `__proto__` or `toString` is no script of ours.
    const script = own(SCRIPTS, name);
    if (script === undefined) return reply.callNotFound();
    return reply.type('text/javascript; charset=utf-8').send(script);
  });
}
