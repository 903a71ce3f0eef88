/**
 * The one error handler: AppError → its status and bilingual body; schema failures → 400 naming each field;
 * Fastify's own 4xx (bad JSON, wrong content type, too large) → a stable code; anything else → a generic 500
 * whose internal text stays in the log.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { NOTHING_TO_CHANGE } from '../contracts/common.js';
import { AppError, errorBody, type ErrorCode, type ErrorDetail } from '../contracts/errors.js';
import { FIELD_WORDS } from '../contracts/messages.js';
import { RESERVED_ID } from '../contracts/definition.js';
import { placeInDefinition } from '../domain/definition-place.js';
import { ERROR_PAGE_CSP, errorPageHtml } from './pages/error-page-html.js';
import type { CampaignDefinition } from '../domain/types.js';
import { own } from '../domain/own.js';

interface ValidationItem {
  keyword: string;
  instancePath: string;
  message?: string;
  params?: Record<string, unknown>;
}

const WHERE: Record<string, string> = { body: '请求体', querystring: '查询参数', params: '路径参数', headers: '请求头' };

/** A zh-CN rendering of one zod issue; the English one is zod's own message. */
function zhIssue(item: ValidationItem): string {
  const p = item.params ?? {};
  switch (item.keyword) {
    case 'invalid_type':
      return p.input === undefined ? '缺少此项' : `类型不对，应为 ${String(p.expected)}`;
    case 'too_small':
      return p.origin === 'array' ? `至少需要 ${String(p.minimum)} 项，请先添加` : p.origin === 'string' ? `至少 ${String(p.minimum)} 个字符` : `不能小于 ${String(p.minimum)}`;
    case 'too_big':
      return p.origin === 'array' ? `最多 ${String(p.maximum)} 项` : p.origin === 'string' ? `最多 ${String(p.maximum)} 个字符` : `不能大于 ${String(p.maximum)}`;
    case 'invalid_value':
      return `取值应为 ${Array.isArray(p.values) ? p.values.map(String).join(' / ') : '允许的值之一'}`;
    case 'invalid_union':
      return '格式不符合任何一种允许的写法';
    case 'unrecognized_keys':
      return `含有未知字段 ${Array.isArray(p.keys) ? p.keys.join(', ') : ''}`;
    case 'invalid_format':
      return '格式不正确';
    case 'custom':
      if (item.message === NOTHING_TO_CHANGE) return '没有给出要修改的内容，请至少修改一项';
      if (item.message === RESERVED_ID) return '编号不能使用 __proto__、constructor、prototype、toString 等保留名';
      return item.message?.startsWith('expected a decimal') ? '应为数字，如 85 或 87.5（最多 6 位小数）' : (item.message ?? '不符合要求');
    default:
      return '不符合要求';
  }
}

/** A body that carries a campaign set-up (create, replace, check): problems in it are placed by its own names. */
function asDefinition(body: unknown): CampaignDefinition | null {
  if (typeof body !== 'object' || body === null || !Array.isArray((body as { instruments?: unknown }).instruments)) return null;
  const list = (key: string): unknown[] => {
    const v = (body as Record<string, unknown>)[key];
    return Array.isArray(v) ? v.filter((x) => typeof x === 'object' && x !== null) : [];
  };
  return { ...(body as object), units: list('units'), subjects: list('subjects'), raterGroups: list('raterGroups'), instruments: list('instruments'), rankings: list('rankings'), sessions: list('sessions') } as CampaignDefinition;
}

/**
 * Where a schema failure is, in the office's words: inside a campaign set-up by the names in it (「观摩评」的测评对象),
 * else by the field's word when it has one (FIELD_WORDS); a bare field name only for fields no screen shows.
 */
function placeOf(path: string, body: unknown): { zh: string; en: string } | null {
  if (!path) return null;
  const def = asDefinition(body);
  if (def) {
    try {
      const place = placeInDefinition(def, path.replace(/\.(\d+)/g, '[$1]'));
      if (place) return place;
    } catch {
      // A body too broken to name its parts: fall back to the field's word.
    }
  }
  const last = path.split('.').filter((s) => !/^\d+$/.test(s)).pop() ?? path;
  return own(FIELD_WORDS, last) ?? null;
}

function validationDetails(items: ValidationItem[], context: string | undefined, body: unknown): ErrorDetail[] {
  return items.slice(0, 50).map((item) => {
    const path = item.instancePath.replace(/^\//, '').replace(/\//g, '.');
    const where = own(WHERE, context ?? 'body') ?? '请求';
    const place = placeOf(path, context === undefined || context === 'body' ? body : null);
    return {
      path: `${context ?? 'body'}${path ? '.' + path : ''}`,
      code: item.keyword,
      message: {
        zh: `${place ? place.zh : `${where}${path ? `字段「${path}」` : ''}`}：${zhIssue(item)}`,
        en: `${place ? place.en.charAt(0).toUpperCase() + place.en.slice(1) : `${context ?? 'body'}${path ? ` field "${path}"` : ''}`}: ${item.message ?? 'invalid'}`,
      },
    };
  });
}

function fastifyCode(err: FastifyError): ErrorCode | null {
  switch (err.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return 'malformed_json';
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return 'unsupported_media_type';
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return 'payload_too_large';
    default:
      break;
  }
  if (err.statusCode === 429) return 'rate_limited';
  if (err.statusCode === 413) return 'payload_too_large';
  if (err.statusCode === 415) return 'unsupported_media_type';
  if (err.statusCode === 404) return 'not_found';
  if (err.statusCode === 405) return 'method_not_allowed';
  if (err.statusCode !== undefined && err.statusCode >= 400 && err.statusCode < 500) return 'invalid_request';
  // JSON.parse errors thrown by Fastify's parser carry 400 already; a SyntaxError without status is a body problem too.
  if (err instanceof SyntaxError) return 'malformed_json';
  return null;
}

/**
 * A person's browser navigating (a notice link, a screen URL, a download opened in a tab) gets the refusal as a page;
 * programs and the console (which asks for JSON) get the JSON body.
 */
function wantsPage(request: FastifyRequest): boolean {
  const accept = request.headers.accept ?? '';
  return request.method === 'GET' && accept.includes('text/html') && !accept.startsWith('application/json');
}

function refuse(request: FastifyRequest, reply: FastifyReply, error: AppError): FastifyReply {
  reply.code(error.status);
  if (!wantsPage(request)) return reply.send(errorBody(error));
  // The page is written here, past the route's response schema, which describes the JSON answer only.
  return reply.type('text/html; charset=utf-8').header('content-security-policy', ERROR_PAGE_CSP).serializer((page: string) => page).send(errorPageHtml(errorBody(error)));
}

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    if (err instanceof AppError) return refuse(request, reply, err);
    if (hasZodFastifySchemaValidationErrors(err)) {
      const details = validationDetails(err.validation as unknown as ValidationItem[], err.validationContext, request.body);
      return refuse(request, reply, new AppError('invalid_request', { details }));
    }
    const code = fastifyCode(err);
    if (code) return refuse(request, reply, new AppError(code));
    request.log.error({ err }, 'unhandled error');
    return refuse(request, reply, new AppError('internal'));
  });

  app.setNotFoundHandler((request, reply) => refuse(request, reply, new AppError('route_not_found')));
}
