/**
 * JSON request bodies, read strictly (docs/security.md): bytes that are not UTF-8 are refused instead of silently
 * turned into U+FFFD; no text may carry a NUL or other control character (PostgreSQL cannot store NUL), a lone
 * surrogate, or a bidirectional override that makes a name read backwards on screen; and nesting stops at
 * MAX_DEPTH. `__proto__` and `constructor` keys are refused by Fastify's own parser, kept underneath.
 */
import { isUtf8 } from 'node:buffer';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../contracts/errors.js';
import { MESSAGES } from '../contracts/messages.js';
import { hasForbiddenCharacter } from '../domain/text.js';

/** Far deeper than any request of the API (a campaign set-up is 6 levels), far shallower than a stack overflow. */
export const MAX_DEPTH = 32;

export function installJsonBody(app: FastifyInstance): void {
  const parse = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    const bytes = body as Buffer;
    if (!isUtf8(bytes)) return done(new AppError('malformed_json', { message: MESSAGES.bodyNotUtf8 }), undefined);
    parse(request, bytes.toString('utf8'), (error, value) => {
      if (error) return done(error, undefined);
      const problem = inspect(value);
      if (problem) return done(new AppError('invalid_request', { message: problem }), undefined);
      done(null, value);
    });
  });
}

/**
 * One pass over the parsed value without recursion: a 10,000-deep body costs no stack. Values and their depths sit on
 * two parallel stacks, so the walk allocates nothing per value (it runs over every field of every sheet).
 */
function inspect(root: unknown): ReturnType<typeof MESSAGES.bodyTooDeep> | typeof MESSAGES.bodyForbiddenCharacter | null {
  const values: unknown[] = [root];
  const depths: number[] = [0];
  while (values.length > 0) {
    const value = values.pop();
    const depth = depths.pop()!;
    if (typeof value === 'string') {
      if (hasForbiddenCharacter(value)) return MESSAGES.bodyForbiddenCharacter;
    } else if (typeof value === 'object' && value !== null) {
      if (depth >= MAX_DEPTH) return MESSAGES.bodyTooDeep(MAX_DEPTH);
      if (Array.isArray(value)) {
        for (const item of value) {
          values.push(item);
          depths.push(depth + 1);
        }
      } else {
        for (const key of Object.keys(value)) {
          if (hasForbiddenCharacter(key)) return MESSAGES.bodyForbiddenCharacter;
          values.push((value as Record<string, unknown>)[key]);
          depths.push(depth + 1);
        }
      }
    }
  }
  return null;
}
