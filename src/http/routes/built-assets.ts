/**
 * Serves a web entry's built, hashed, pre-compressed files under `prefix/:file` for a year. @fastify/static's own
 * routes have no entry in the policy table (route-policy.ts), so it only sends files (serve: false) through this route; only flat file
 * names matching `pattern` are served, so no path can leave the directory.
 */
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { document } from '../responses.js';
import { typed } from './types.js';

/** `dir`: one directory, or several looked through in order (entries whose hashed names never collide). */
export async function serveBuiltAssets(app: FastifyInstance, options: { prefix: string; dir: string | string[]; pattern: RegExp }): Promise<void> {
  await app.register(async (scope) => {
    await scope.register(fastifyStatic, { root: options.dir, serve: false, preCompressed: true, suppressWarning: true });
    typed(scope).get(`${options.prefix}/:file`, {
      schema: {
        hide: true,
        params: z.object({ file: z.string().max(100) }),
        response: { 200: document('*/*', '构建的文件（脚本、样式、字体、图片），缓存一年 / a built file (script, style, font, image), cached for a year') },
      },
    }, async (request, reply) => {
      const { file } = request.params;
      if (!options.pattern.test(file)) return reply.callNotFound();
      return reply.sendFile(file, { immutable: true, maxAge: '365d' });
    });
  });
}
