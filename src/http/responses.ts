/**
 * Every route declares what it answers (`schema.response`): a route without one is refused at start-up, like one
 * without an entry in the policy table, so the OpenAPI document at /api/docs describes every answer. Refusals share the one error
 * body, added here to every route for 4xx and 5xx.
 *
 * JSON answers declare a schema from src/contracts. Other answers declare their media type: `document()` for text
 * (pages, CSV, scripts, the screen's event stream), `download()` for bytes (xlsx, PDF), `noContent` for 204. Fastify
 * sends strings, buffers and streams as they are, unserialised.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { errorBodySchema } from '../contracts/errors.js';
import { PLUGIN_ROUTES } from './auth.js';
import { responseSerializer } from './serializer.js';

export interface ResponseOptions {
  /** Tests: compare every answer with its schema's encoding and answer 500 on a difference (serializer.ts). */
  checkResponses?: boolean;
}

const REFUSED = errorBodySchema.describe('请求被拒绝：错误码、状态、中英文说明及逐项细节 / refused: the code, status, message in zh and en, and details');
const FAILED = errorBodySchema.describe('服务器内部错误（internal），原因只记入日志 / an internal error; its cause stays in the log');

export function installResponses(app: FastifyInstance, options: ResponseOptions): void {
  const check = options.checkResponses === true;
  app.setSerializerCompiler(responseSerializer({ asBuilt: false, check }));
  const asBuilt = responseSerializer({ asBuilt: true, check });

  app.addHook('onRoute', (route) => {
    if (PLUGIN_ROUTES.test(route.url)) return;
    const response = route.schema?.response as Record<string, unknown> | undefined;
    if (!route.schema || !response) throw new Error(`route ${route.method} ${route.url} declares no response`);
    route.schema.response = { ...response, '4xx': REFUSED, '5xx': FAILED };
    if (route.config?.serialize === 'as-built') route.serializerCompiler = asBuilt as NonNullable<typeof route.serializerCompiler>;
  });
}

/** A non-JSON answer written as text (a page, a CSV, a script, an event stream): its media type and what it is. */
export function document(mediaType: string, description: string) {
  return { description, content: { [mediaType]: { schema: z.string().describe(description) } } };
}

/** A file answered as bytes (xlsx, PDF). */
export function download(mediaType: string, description: string) {
  const bytes = z.custom<Uint8Array>((v) => v instanceof Uint8Array).meta({ type: 'string', format: 'binary', description });
  return { description, content: { [mediaType]: { schema: bytes } } };
}

/** 204: nothing in the body. */
export const noContent = z.undefined().describe('无内容 / no content');
