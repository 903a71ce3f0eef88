/**
 * What the contract modules share: the bilingual message most answers carry, and the compile-time guard that a
 * schema and the domain type it describes stay the same shape.
 *
 * Response schemas describe what the server already built; they parse nothing. fastify-type-provider-zod encodes
 * every answer through its schema, so a response schema holds no transform, default or trimming (an encode would
 * refuse or change the answer) — which is why they are written apart from the request schemas.
 */
import { z } from 'zod';
import type { Message } from '../domain/results.js';

type SameShape<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
/** Also compares the key sets, so an optional field added on one side only is caught too. */
export type Same<A, B> = SameShape<A, B> extends true ? SameShape<keyof A, keyof B> : false;
/** `assertSame<Same<z.output<typeof schema>, DomainType>>()` does not compile when the two drift apart. */
export const assertSame = <T extends true>(): T | undefined => undefined;

export const messageSchema = z.object({ zh: z.string(), en: z.string() });

/** The English of the refusal of an empty PATCH; the error handler gives its Chinese (没有给出要修改的内容). */
export const NOTHING_TO_CHANGE = 'nothing to change: give at least one field';

/** A PATCH body that must name at least one field: `{}` is a 400 that says so, never an UPDATE with nothing to set. */
export function somethingToChange<T extends z.ZodType<object>>(schema: T) {
  return schema.refine((patch) => Object.keys(patch).length > 0, { error: NOTHING_TO_CHANGE });
}

/** Concrete numbers for a problem's message, e.g. { allowed: 2, actual: 3, n: 6 }. */
export const paramsSchema = z.record(z.string(), z.union([z.string(), z.number()]));

assertSame<Same<z.output<typeof messageSchema>, Message>>();
