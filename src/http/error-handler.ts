/**
 * The one error handler: AppError → its status and bilingual body; schema failures → 400 naming each field;
 * Fastify's own 4xx (bad JSON, wrong content type, too large) → a stable code; anything else → a generic 500
 * whose internal text stays in the log.
 */
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, errorBody, type ErrorCode, type ErrorDetail } from '../contracts/errors.js';

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
      return p.origin === 'array' ? `至少需要 ${String(p.minimum)} 项` : p.origin === 'string' ? `至少 ${String(p.minimum)} 个字符` : `不能小于 ${String(p.minimum)}`;
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
      return item.message?.startsWith('expected a decimal') ? '应为数字，如 85 或 87.5（最多 6 位小数）' : (item.message ?? '不符合要求');
    default:
      return '不符合要求';
  }
}

function validationDetails(items: ValidationItem[], context: string | undefined): ErrorDetail[] {
  return items.slice(0, 50).map((item) => {
    const path = item.instancePath.replace(/^\//, '').replace(/\//g, '.');
    const where = WHERE[context ?? 'body'] ?? '请求';
    return {
      path: `${context ?? 'body'}${path ? '.' + path : ''}`,
      code: item.keyword,
      message: {
        zh: `${where}${path ? `字段「${path}」` : ''}：${zhIssue(item)}`,
        en: `${context ?? 'body'}${path ? ` field "${path}"` : ''}: ${item.message ?? 'invalid'}`,
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

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    if (err instanceof AppError) {
      return reply.code(err.status).send(errorBody(err));
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const details = validationDetails(err.validation as unknown as ValidationItem[], err.validationContext);
      return reply.code(400).send(errorBody(new AppError('invalid_request', { details })));
    }
    const code = fastifyCode(err);
    if (code) {
      return reply.code(new AppError(code).status).send(errorBody(new AppError(code)));
    }
    request.log.error({ err }, 'unhandled error');
    return reply.code(500).send(errorBody(new AppError('internal')));
  });

  app.setNotFoundHandler((_request, reply) => {
    reply.code(404).send(errorBody(new AppError('route_not_found')));
  });
}
