/**
 * Issue #17 § 4: no route can edit or delete the audit log. Every operation the OpenAPI document lists on the audit
 * log reads it; a write or delete sent to its paths by the admin changes nothing; and the chain still verifies.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { verifyAuditChain } from '../../src/app/audit/verify-audit-chain.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { dialects } from '../helpers/db.js';

for (const kind of dialects()) {
  describe(`the audit log over HTTP (${kind})`, () => {
    let t: TestApp;
    before(async () => {
      t = await buildTestApp(kind);
    });
    after(() => t.close());

    it('offers only reads of the audit log', async () => {
      const doc = (await t.app.inject({ method: 'GET', url: '/api/docs/json' })).json() as { paths: Record<string, Record<string, unknown>> };
      const auditPaths = Object.entries(doc.paths).filter(([path]) => /audit/i.test(path));
      assert.ok(auditPaths.length >= 2, 'the audit routes are documented');
      for (const [path, operations] of auditPaths) assert.deepEqual(Object.keys(operations).filter((m) => m !== 'parameters'), ['get'], path);
    });

    it('changes nothing when asked to edit or delete it, and the chain still verifies', async () => {
      const before = (await t.call('admin', { method: 'GET', url: '/api/audit?limit=1000' })).json() as unknown[];
      assert.ok(before.length > 0);
      for (const method of ['POST', 'PUT', 'PATCH', 'DELETE'] as const) {
        for (const url of ['/api/audit', '/api/audit/1', '/api/audit.csv']) {
          const res = await t.call('admin', { method, url, payload: method === 'DELETE' ? undefined : { actor: 'admin:x' } });
          assert.ok(res.statusCode >= 400 && res.statusCode < 500, `${method} ${url}: ${res.statusCode}`);
        }
      }
      const afterwards = (await t.call('admin', { method: 'GET', url: '/api/audit?limit=1000' })).json() as unknown[];
      assert.deepEqual(afterwards.slice(0, before.length), before);
      const verdict = await verifyAuditChain(t.ctx);
      assert.equal(verdict.ok, true);
    });
  });
}
