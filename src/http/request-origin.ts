import type { FastifyRequest } from 'fastify';

/** The scheme and host this request came to: what stands in for the public address when none is set. */
export function requestOrigin(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}`;
}
