/** buildApp(deps): the HTTP adapter. Routes stay thin: parse (zod), authorise, call src/app, present. */
import Fastify, { type FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import { AppError } from '../contracts/errors.js';
import rateLimit from '@fastify/rate-limit';
import { jsonSchemaTransform, jsonSchemaTransformObject, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../app/context.js';
import { installAuth } from './auth.js';
import { BODY_LIMITS, installLingeringClose } from './body-limits.js';
import { installErrorHandler } from './error-handler.js';
import { installJsonBody } from './json-body.js';
import { installPageHeaders, pageCsp } from './page-headers.js';
import { requestLogSerializers } from './request-log.js';
import type { BuildAppOptions } from './options.js';
import { installResponses } from './responses.js';
import { registerRoutes } from './routes/index.js';

/** Addresses and ranges as they are; a hop count as "the nearest n proxies" (Fastify's types take no number). */
function trustedProxies(setting: string | number): string | ((address: string, hop: number) => boolean) {
  return typeof setting === 'number' ? (_address, hop) => hop < setting : setting;
}

/**
 * Swagger UI's page: its scripts and sheets from here, icons as data: URLs, and the one inline sheet its bundle inserts
 * (by hash; checked in Chromium by test/e2e/api-docs.test.ts, which fails if an upgrade changes it).
 */
const DOCS_CSP = pageCsp({ scripts: true, selfStyles: true, styleHashes: ["'sha256-RL3ie0nH+Lzz2YNqQN83mnU0J1ot4QL7b99vMdIX99w='"], images: true, connect: true });

export async function buildApp(ctx: AppContext, options: BuildAppOptions = {}): Promise<FastifyInstance> {
  const logger = options.logger ? { ...(options.logger === true ? {} : options.logger), serializers: requestLogSerializers } : false;
  const app = Fastify({
    logger,
    // The office's JSON; phones, sheets and uploads declare their own (body-limits.ts).
    bodyLimit: BODY_LIMITS.officeJson,
    // Behind nginx: the proxies whose X-Forwarded-For is believed (LEITAI_TRUST_PROXY), so request.ip is the client.
    ...(options.trustProxy === undefined ? {} : { trustProxy: trustedProxies(options.trustProxy) }),
    // Anonymity: request logs carry method, redacted url and status only — never a ballot body, token or key.
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  installResponses(app, options);
  installErrorHandler(app);
  installLingeringClose(app);
  installPageHeaders(app);
  installJsonBody(app);

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
  // Swagger UI's page loads its scripts and sheets from here and draws its icons as data: URLs; no validator badge
  // (it would call validator.swagger.io from an office's LAN). With 150 rows or more (tag headings and operations) its
  // list is virtualized: only the rows near the window are in the page, the rest are drawn as the reader scrolls.
  await app.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { validatorUrl: null }, staticCSP: DOCS_CSP });
  await app.register(rateLimit, { global: false });
  await app.register(cookie);
  // Uploads: each route sets its own limits when it reads its one file (upload.ts).
  await app.register(multipart, { limits: { files: 1, parts: 5, fields: 4 } });
  // Only the routes that declare they consume a form upload read one; any other answers it 415, as it answers any
  // content type it does not read (the multipart parser is registered for every route).
  app.addHook('preValidation', async (request) => {
    if (request.isMultipart() && !request.routeOptions.schema?.consumes?.includes('multipart/form-data')) throw new AppError('unsupported_media_type');
  });

  installAuth(app, ctx);
  await app.register(async (scope) => registerRoutes(scope, ctx, options), { prefix: '' });
  return app;
}
