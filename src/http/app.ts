/** buildApp(deps): the HTTP adapter. Routes stay thin: parse (zod), authorise, call src/app, present. */
import Fastify, { type FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import { jsonSchemaTransform, jsonSchemaTransformObject, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../app/context.js';
import { installAuth } from './auth.js';
import { installErrorHandler } from './error-handler.js';
import { requestLogSerializers } from './request-log.js';
import type { BuildAppOptions } from './options.js';
import { installResponses } from './responses.js';
import { registerRoutes } from './routes/index.js';

export async function buildApp(ctx: AppContext, options: BuildAppOptions = {}): Promise<FastifyInstance> {
  const logger = options.logger ? { ...(options.logger === true ? {} : options.logger), serializers: requestLogSerializers } : false;
  const app = Fastify({
    logger,
    bodyLimit: 20 * 1024 * 1024,
    // Anonymity: request logs carry method, redacted url and status only — never a ballot body, token or key.
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  installResponses(app, options);
  installErrorHandler(app);

  await app.register(swagger, {
    openapi: {
      info: {
        title: '擂台 Leitai API',
        description: '训考一体测评：单位、活动、评价方式、测评组、测评会、测评码、选票、计票与结果说明。\n' +
          'Campaigns, units, instruments, rater groups, sessions, tokens, ballots, tallies and explained results.',
        version: '1',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', description: '访问令牌 / access token' },
          session: { type: 'apiKey', in: 'cookie', name: 'leitai_session', description: '密码登录会话；修改类请求另需 x-csrf-token / password-login session; unsafe requests also need x-csrf-token' },
        },
      },
    },
    transform: jsonSchemaTransform,
    // Schemas with an id (the explanation tree) become named components.
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  await app.register(rateLimit, { global: false });
  await app.register(cookie);
  // Uploads: each route sets its own limits when it reads its one file (upload.ts).
  await app.register(multipart, { limits: { files: 1, parts: 5, fields: 4 } });

  installAuth(app, ctx);
  await app.register(async (scope) => registerRoutes(scope, ctx, options), { prefix: '' });
  return app;
}
