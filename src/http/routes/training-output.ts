/**
 * 培训班的打印与导出 (docs/training.md): the agenda as an A4 PDF and the attendance workbook for staff (a county viewer
 * gets their county's part), and the printable roster with personal codes for the office and clerks.
 */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app/context.js';
import { buildAgenda } from '../../app/training/build-agenda.js';
import { buildAttendanceExport } from '../../app/training/build-attendance-export.js';
import { buildRosterSheet } from '../../app/training/build-roster-sheet.js';
import { classParams, rosterSheetQuery } from '../../contracts/training.js';
import { requireActor } from '../auth.js';
import { agendaPdf } from '../pages/agenda-pdf.js';
import { attendanceXlsx } from '../pages/attendance-xlsx.js';
import { renderRosterSheet, ROSTER_CSP } from '../pages/roster-html.js';
import { SECRET_PAGE_HEADERS } from '../page-headers.js';
import { document, download } from '../responses.js';
import { typed } from './types.js';

const HTML = 'text/html; charset=utf-8';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * A download's Content-Disposition: an ASCII name for old clients and the Chinese one (RFC 5987) without the
 * characters file systems refuse.
 */
export function attachment(ascii: string, name: string): string {
  const fallback = ascii.replace(/[^A-Za-z0-9._-]/g, '-');
  const safe = name.replace(/[\\/:*?"<>|\p{Cc}]/gu, '_').replace(/\s+/g, ' ').trim().slice(0, 150);
  const encoded = encodeURIComponent(safe).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

export function trainingOutputRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = typed(app);
  const tags = ['training'];

  api.get('/api/training/classes/:classId/agenda.pdf', {
    schema: {
      tags,
      summary: '日程安排 PDF（A4，按天列出时间、形式、课次、会场、主讲、学时）/ the agenda as an A4 PDF, day by day',
      params: classParams,
      response: { 200: download('application/pdf', '日程安排（PDF）/ the agenda') },
    },
  }, async (request, reply) => {
    const agenda = await buildAgenda(ctx, request.params.classId);
    return reply.type('application/pdf').header('content-disposition', attachment(`${request.params.classId}-agenda.pdf`, `${agenda.className}-日程安排.pdf`)).send(await agendaPdf(agenda));
  });

  api.get('/api/training/classes/:classId/attendance.xlsx', {
    schema: {
      tags,
      summary: '考勤 Excel：按课次（会场、县）、按学员（学时）、各县缺勤名单、请假与补签；县级查看账号只含本县 / attendance xlsx: by lesson, by participant, absences per county, leave and late entries; a county viewer gets their county',
      params: classParams,
      response: { 200: download(XLSX, '考勤工作簿（xlsx）/ the attendance workbook') },
    },
  }, async (request, reply) => {
    const x = await buildAttendanceExport(ctx, requireActor(request), request.params.classId);
    const name = `${x.cls.name}${x.scope ? `-${x.scope.name}` : ''}-考勤.xlsx`;
    return reply.type(XLSX).header('content-disposition', attachment(`${request.params.classId}-attendance.xlsx`, name)).send(await attendanceXlsx(x));
  });

  api.get('/api/training/classes/:classId/roster.html', {
    schema: {
      tags,
      summary: '打印学员名单及个人签到码（A4，每个单位另起一页；可按单位）/ the printable roster with personal codes, a page per unit',
      params: classParams,
      querystring: rosterSheetQuery,
      response: { 200: document('text/html', '可打印的学员名单 / the printable roster') },
    },
  }, async (request, reply) => reply.type(HTML).headers(SECRET_PAGE_HEADERS).header('content-security-policy', ROSTER_CSP).send(renderRosterSheet(await buildRosterSheet(ctx, requireActor(request), request.params.classId, request.query.unitId))));
}
