/**
 * How an answer with a declared response schema becomes JSON.
 *
 * - encode (the default): zod encodes the answer through its schema, then JSON.stringify writes the result. A wrong
 *   shape is refused (the error handler answers 500) and only the declared fields leave, in the schema's order.
 * - as built: JSON.stringify alone. For the phone's hot path and the large exports (`config.serialize: 'as-built'`),
 *   whose use cases build their answers typed by the same schemas; encoding them again costs CPU a room or a province
 *   notices. Error bodies are always written as built: the one error handler makes them with `errorBody`, and each
 *   detail keeps its problem's own fields.
 *
 * `check` (the test suite): every answer, however it is written, is also encoded and compared with what it was. A
 * field the schema would drop or a value it would change answers 500 and is printed, so the suite proves each schema
 * true to what the server sends.
 */
import { isDeepStrictEqual } from 'node:util';
import type { FastifySerializerCompiler } from 'fastify';
import { z } from 'zod';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** 'as-built': the answer is written without encoding it through its schema (see serializer.ts). */
    serialize?: 'as-built';
  }
}

export type ResponseSerializer = FastifySerializerCompiler<z.ZodType>;

/** An answer whose JSON text is already written (kept with what it says, e.g. results-cache.ts): sent as that text. */
class WrittenJson {
  constructor(
    readonly value: unknown,
    readonly text: string,
  ) {}
}

/**
 * Answers `value` with `text`, its JSON written before (and kept), instead of writing it again. Typed as the value, so a
 * route's declared answer still types the handler; the suite's check encodes `value` and compares `text` with it.
 */
export function writtenJson<T>(value: T, text: string): T {
  return new WrittenJson(value, text) as unknown as T;
}

export function responseSerializer(options: { asBuilt: boolean; check: boolean }): ResponseSerializer {
  return ({ schema, method, url, httpStatus }) => {
    const route = `${method} ${url} → ${httpStatus}`;
    const asBuilt = options.asBuilt || /^[45]/.test(String(httpStatus));
    const write = asBuilt ? writeAsBuilt(route, schema, options.check) : writeEncoded(route, schema, options.check);
    return (data) => {
      if (!(data instanceof WrittenJson)) return write(data);
      if (options.check && write(data.value) !== data.text) throw mismatch(route, 'the kept JSON text is not what the answer writes', true);
      return data.text;
    };
  };
}

function writeAsBuilt(route: string, schema: z.ZodType, check: boolean): (data: unknown) => string {
  if (!check) return (data) => JSON.stringify(data);
  return (data) => {
    checkKept(route, data, encode(route, schema, data, true));
    return JSON.stringify(data);
  };
}

function writeEncoded(route: string, schema: z.ZodType, check: boolean): (data: unknown) => string {
  return (data) => {
    const encoded = encode(route, schema, data, check);
    if (check) checkKept(route, data, encoded);
    return JSON.stringify(encoded);
  };
}

function encode(route: string, schema: z.ZodType, data: unknown, check: boolean): unknown {
  const result = z.safeEncode(schema, data);
  if (!result.success) throw mismatch(route, z.prettifyError(result.error), check);
  return result.data;
}

/** The schema kept every field with its value (key order aside: JSON readers do not depend on it). */
function checkKept(route: string, data: unknown, encoded: unknown): void {
  const sent: unknown = JSON.parse(JSON.stringify(data) ?? 'null');
  const kept: unknown = JSON.parse(JSON.stringify(encoded) ?? 'null');
  if (!isDeepStrictEqual(kept, sent)) throw mismatch(route, firstDifference(sent, kept, '$') ?? 'differs', true);
}

function mismatch(route: string, what: string, check: boolean): Error {
  const error = new Error(`the answer of ${route} does not match its response schema: ${what}`);
  // Under test the request log is off and the 500 alone would not say which field; in service the log has it.
  if (check) process.stderr.write(`${error.message}\n`);
  return error;
}

function firstDifference(sent: unknown, kept: unknown, path: string): string | null {
  if (isDeepStrictEqual(sent, kept)) return null;
  if (typeof sent !== 'object' || sent === null || typeof kept !== 'object' || kept === null) {
    return `${path}: sent ${JSON.stringify(sent)}, the schema makes it ${JSON.stringify(kept)}`;
  }
  const a = sent as Record<string, unknown>;
  const b = kept as Record<string, unknown>;
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const at = Array.isArray(sent) ? `${path}[${key}]` : `${path}.${key}`;
    if (!(key in b)) return `${at}: sent, but not in the schema`;
    const inner = firstDifference(a[key], b[key], at);
    if (inner) return inner;
  }
  return `${path}: differs`;
}
