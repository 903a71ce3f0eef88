/** Declared responses: every route has one, answers go out through it, and the test mode proves each one exact. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import Fastify, { type FastifyInstance } from 'fastify';
import { validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { installErrorHandler } from '../../src/http/error-handler.js';
import { installResponses } from '../../src/http/responses.js';
import { writtenJson } from '../../src/http/serializer.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { dialects } from '../helpers/db.js';

const unit = z.object({ id: z.string(), name: z.string() });

/** A bare server with the app's response handling and one route answering `answer`. */
async function serverAnswering(answer: unknown, options: { checkResponses: boolean; asBuilt?: boolean }): Promise<FastifyInstance> {
  const app = Fastify().withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  installResponses(app, options);
  installErrorHandler(app);
  app.get('/unit', { config: options.asBuilt ? { serialize: 'as-built' } : {}, schema: { response: { 200: unit } } }, async () => answer as z.output<typeof unit>);
  await app.ready();
  return app;
}

describe('declared responses', () => {
  it('refuses at start-up a route that declares no response', async () => {
    const app = Fastify();
    installResponses(app, {});
    assert.throws(() => app.get('/silent', async () => 'nothing declared'), /GET \/silent declares no response/);
    await app.close();
  });

  it('sends only the declared fields, and refuses a wrong shape with the generic 500', async () => {
    const app = await serverAnswering({ id: 'u1', name: '沁水县', internal: 'kept out' }, { checkResponses: false });
    const res = await app.inject({ method: 'GET', url: '/unit' });
    assert.equal(res.statusCode, 200);
    assert.deepEqual(res.json(), { id: 'u1', name: '沁水县' });
    const wrong = await serverAnswering({ id: 'u1' }, { checkResponses: false });
    const refused = await wrong.inject({ method: 'GET', url: '/unit' });
    assert.equal(refused.statusCode, 500);
    assert.equal(refused.json().error.code, 'internal');
    await Promise.all([app.close(), wrong.close()]);
  });

  it('under test, answers 500 when the schema would drop a field, also for an answer written as built', async () => {
    const stderr = process.stderr.write;
    const printed: string[] = [];
    process.stderr.write = ((line: string) => printed.push(line) > 0) as typeof process.stderr.write;
    try {
      for (const asBuilt of [false, true]) {
        const app = await serverAnswering({ id: 'u1', name: '沁水县', internal: 'kept out' }, { checkResponses: true, asBuilt });
        const res = await app.inject({ method: 'GET', url: '/unit' });
        assert.equal(res.statusCode, 500, `as built: ${asBuilt}`);
        await app.close();
      }
    } finally {
      process.stderr.write = stderr;
    }
    assert.match(printed.join(''), /GET \/unit → 200 does not match its response schema: \$\.internal: sent, but not in the schema/);
  });

  it('sends a kept JSON text as it is, and under test only when it is what the answer writes', async () => {
    const value = { id: 'u1', name: '沁水县' };
    for (const [text, status] of [[JSON.stringify(value), 200], ['{"id":"u1","name":"阳城县"}', 500]] as const) {
      for (const check of [false, true]) {
        const stderr = process.stderr.write;
        process.stderr.write = (() => true) as typeof process.stderr.write;
        const app = await serverAnswering(writtenJson(value, text), { checkResponses: check, asBuilt: true });
        try {
          const res = await app.inject({ method: 'GET', url: '/unit' });
          // Outside the suite the text is trusted (it was written from the value); the suite proves it is.
          assert.equal(res.statusCode, check ? status : 200, `check: ${check}, text: ${text}`);
          if (res.statusCode === 200) {
            assert.equal(res.body, text);
            assert.match(String(res.headers['content-type']), /^application\/json/);
          }
        } finally {
          process.stderr.write = stderr;
          await app.close();
        }
      }
    }
  });

  it('writes an answer declared as built exactly as the use case made it', async () => {
    const app = await serverAnswering({ name: '沁水县', id: 'u1' }, { checkResponses: true, asBuilt: true });
    const res = await app.inject({ method: 'GET', url: '/unit' });
    assert.equal(res.body, '{"name":"沁水县","id":"u1"}');
    await app.close();
  });
});

const kind = dialects()[0]!;

describe(`the OpenAPI document (${kind})`, () => {
  let t: TestApp;
  before(async () => {
    t = await buildTestApp(kind);
  });
  after(() => t.close());

  it('describes a success answer and the error body for every documented operation', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/docs/json' })).json() as {
      paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, unknown> }> }>>;
    };
    const operations = Object.entries(doc.paths).flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ route: `${method} ${path}`, op })));
    assert.ok(operations.length >= 60, `only ${operations.length} operations`);
    for (const { route, op } of operations) {
      const codes = Object.keys(op.responses);
      assert.ok(codes.some((c) => /^2\d\d$/.test(c)), `${route}: ${codes.join(', ')}`);
      assert.ok(codes.includes('4XX') && codes.includes('5XX'), `${route}: ${codes.join(', ')}`);
    }
    const results = doc.paths['/api/campaigns/{campaignId}/results']!.get!.responses['200']!;
    assert.ok(results.content?.['application/json'], 'results are JSON');
    const pdf = doc.paths['/api/campaigns/{campaignId}/report.pdf']!.get!.responses['200']!;
    assert.deepEqual(Object.keys(pdf.content ?? {}), ['application/pdf']);
  });
});
