/**
 * Issue #17 § 4: the audit log of office actions is a hash chain (decision 0019). Written in the caller's
 * transaction, never forked by concurrent writers, append-only in the database, and `verifyAuditChain` names the
 * first entry that was edited, removed or written around it — on both engines.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { auditCsv } from '../../src/app/audit/export-audit-csv.js';
import { describeAuditVerdict, verifyAuditChain } from '../../src/app/audit/verify-audit-chain.js';
import { verifyAuditExport } from '../../src/app/audit/verify-audit-export.js';
import { createAppContext, type AppContext } from '../../src/app/context.js';
import { recordAudit } from '../../src/app/kernel/record-audit.js';
import { AUDIT_GENESIS } from '../../src/db/audit-chain.js';
import { createDb } from '../../src/db/create-db.js';
import type { Database, DbKind } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrations/index.js';
import { inTransaction } from '../../src/db/repositories/shared.js';
import { createTestDb, dialects } from '../helpers/db.js';

const run = promisify(execFile);
const BIN = new URL('../../bin/leitai.js', import.meta.url).pathname;
const office = { id: 'a-1', name: '办公室', role: 'organiser' as const, unitId: null };

async function withCtx(kind: DbKind, work: (ctx: AppContext) => Promise<void>, upTo?: string): Promise<void> {
  const database = await createTestDb(kind, upTo);
  const ctx = createAppContext(database, { clock: () => new Date('2026-12-04T08:00:00Z') });
  try {
    await work(ctx);
  } finally {
    await ctx.ballotWriter.close();
    await database.close();
  }
}

async function log(ctx: AppContext, n: number, prefix = 'unit.add'): Promise<void> {
  for (let i = 0; i < n; i++) await recordAudit(ctx.database.db, ctx, office, prefix, 'unit', `u-${i}`, { name: `单位${i}`, nested: { b: 1, a: [i] } });
}

/** What a database administrator could do behind the application's back: lift the append-only triggers. */
async function liftTriggers(database: Database): Promise<void> {
  if (database.kind === 'postgres') {
    for (const table of ['audit_log', 'audit_chain']) await sql.raw(`ALTER TABLE ${table} DISABLE TRIGGER USER`).execute(database.db);
  } else {
    for (const table of ['audit_log', 'audit_chain']) {
      for (const what of ['update', 'delete']) await sql.raw(`DROP TRIGGER ${table}_refuse_${what}`).execute(database.db);
    }
  }
}

for (const kind of dialects()) {
  describe(`the audit chain (${kind})`, () => {
    it('chains every entry to the one before it, from the genesis, and verifies', async () => {
      await withCtx(kind, async (ctx) => {
        await log(ctx, 5);
        const v = await verifyAuditChain(ctx);
        assert.equal(v.ok, true, describeAuditVerdict(v).join('\n'));
        assert.equal(v.checked, 5);
        const links = await ctx.database.db.selectFrom('audit_chain').selectAll().orderBy('audit_id').execute();
        assert.equal(links[0]!.prev_hash, AUDIT_GENESIS);
        for (let i = 1; i < links.length; i++) assert.equal(links[i]!.prev_hash, links[i - 1]!.hash);
        assert.equal(v.head, links[links.length - 1]!.hash);
      });
    });

    it('writes the entry and its link in the caller’s transaction: a rolled-back action leaves neither', async () => {
      await withCtx(kind, async (ctx) => {
        await log(ctx, 1);
        await assert.rejects(
          inTransaction(ctx.database.db, async (trx) => {
            await recordAudit(trx, ctx, office, 'campaign.publish', 'campaign', 'c-1');
            throw new Error('the action failed');
          }),
          /the action failed/,
        );
        const v = await verifyAuditChain(ctx);
        assert.equal(v.ok, true);
        assert.equal(v.checked, 1);
        assert.equal((await ctx.database.db.selectFrom('audit_chain').selectAll().execute()).length, 1);
      });
    });

    it('never forks under concurrent writers: 40 transactions at once still make one chain', async () => {
      await withCtx(kind, async (ctx) => {
        await Promise.all(
          Array.from({ length: 40 }, (_, i) =>
            inTransaction(ctx.database.db, async (trx) => {
              await recordAudit(trx, ctx, office, 'session.open', 'session', `s-${i}`);
            }),
          ),
        );
        const v = await verifyAuditChain(ctx);
        assert.equal(v.ok, true, describeAuditVerdict(v).join('\n'));
        assert.equal(v.checked, 40);
        const prevs = (await ctx.database.db.selectFrom('audit_chain').select('prev_hash').execute()).map((r) => r.prev_hash);
        assert.equal(new Set(prevs).size, 40);
      });
    });

    it('refuses UPDATE, DELETE (and on PostgreSQL TRUNCATE) of the log and of its chain', async () => {
      await withCtx(kind, async (ctx) => {
        await log(ctx, 2);
        const db = ctx.database.db;
        for (const table of ['audit_log', 'audit_chain']) {
          await assert.rejects(sql.raw(`DELETE FROM ${table}`).execute(db), /append-only/, table);
        }
        await assert.rejects(sql`UPDATE audit_log SET actor = 'admin:x'`.execute(db), /append-only/);
        await assert.rejects(sql`UPDATE audit_chain SET hash = 'x'`.execute(db), /append-only/);
        if (kind === 'postgres') await assert.rejects(sql`TRUNCATE audit_log CASCADE`.execute(db), /append-only/);
        assert.equal((await verifyAuditChain(ctx)).checked, 2);
      });
    });

    it('names the first edited entry', async () => {
      await withCtx(kind, async (ctx) => {
        await log(ctx, 6);
        await liftTriggers(ctx.database);
        const [third] = await ctx.database.db.selectFrom('audit_log').select('id').orderBy('id').offset(2).limit(1).execute();
        await sql`UPDATE audit_log SET detail = ${JSON.stringify({ name: '改过的单位' })} WHERE id = ${third!.id}`.execute(ctx.database.db);
        const v = await verifyAuditChain(ctx);
        assert.equal(v.ok, false);
        assert.deepEqual([v.firstBroken!.id, v.firstBroken!.reason], [Number(third!.id), 'content']);
        assert.match(describeAuditVerdict(v)[0]!, new RegExp(`第 ${third!.id} 条.*被修改`));
      });
    });

    it('names the entry after a removed one, an entry written around the chain, and a link left without its entry', async () => {
      await withCtx(kind, async (ctx) => {
        await log(ctx, 4);
        await liftTriggers(ctx.database);
        const db = ctx.database.db;
        const ids = (await db.selectFrom('audit_log').select('id').orderBy('id').execute()).map((r) => Number(r.id));
        await sql`DELETE FROM audit_chain WHERE audit_id = ${ids[1]}`.execute(db);
        await sql`DELETE FROM audit_log WHERE id = ${ids[1]}`.execute(db);
        let v = await verifyAuditChain(ctx);
        assert.deepEqual([v.firstBroken!.id, v.firstBroken!.reason], [ids[2], 'link']);

        await withCtx(kind, async (other) => {
          await log(other, 2);
          await other.database.db.insertInto('audit_log').values({ at: '2026-12-04T09:00:00Z', actor: 'admin:x', action: 'unit.add', entity: 'unit', entity_id: 'u-x', detail: '{}' }).execute();
          v = await verifyAuditChain(other);
          assert.equal(v.firstBroken?.reason, 'unchained');
        });

        await withCtx(kind, async (other) => {
          await log(other, 3);
          await liftTriggers(other.database);
          const last = await other.database.db.selectFrom('audit_log').select('id').orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
          // The link's foreign key holds the entry: an administrator would lift it first.
          if (kind === 'postgres') await sql`ALTER TABLE audit_chain DROP CONSTRAINT IF EXISTS audit_chain_audit_id_fkey`.execute(other.database.db);
          else await sql`PRAGMA foreign_keys = OFF`.execute(other.database.db);
          await sql`DELETE FROM audit_log WHERE id = ${last.id}`.execute(other.database.db);
          v = await verifyAuditChain(other);
          assert.deepEqual([v.firstBroken?.id, v.firstBroken?.reason], [Number(last.id), 'orphan']);
        });
      });
    });

    it('chains the entries logged before the migration, oldest first', async () => {
      await withCtx(
        kind,
        async (ctx) => {
          for (let i = 0; i < 3; i++) {
            await ctx.database.db.insertInto('audit_log').values({ at: `2026-01-0${i + 1}T00:00:00Z`, actor: 'system', action: 'demo.load', entity: 'campaign', entity_id: null, detail: JSON.stringify({ i, z: { y: 1, x: 2 } }) }).execute();
          }
          await migrateToLatest(ctx.database);
          await log(ctx, 2);
          const v = await verifyAuditChain(ctx);
          assert.equal(v.ok, true, describeAuditVerdict(v).join('\n'));
          assert.equal(v.checked, 5);
        },
        '0014-strict-caps-kept',
      );
    });

    it('verifies an exported CSV, naming an edited row; a filtered export checks each row’s own link', async () => {
      await withCtx(kind, async (ctx) => {
        await log(ctx, 3);
        await log(ctx, 2, 'session.close');
        const whole = await auditCsv(ctx, {});
        const v = verifyAuditExport(whole);
        assert.deepEqual([v.ok, v.continuous, v.checked], [true, true, 5]);
        const edited = whole.replace('单位1', '单位9');
        const broken = verifyAuditExport(edited);
        assert.equal(broken.ok, false);
        assert.equal(broken.firstBroken?.reason, 'content');
        const lines = whole.split('\r\n');
        const dropped = verifyAuditExport([...lines.slice(0, 2), ...lines.slice(3)].join('\r\n'));
        assert.equal(dropped.firstBroken?.reason, 'link', 'a row removed from a whole export breaks the next link');
        const filtered = verifyAuditExport(await auditCsv(ctx, { action: 'session.close' }));
        assert.deepEqual([filtered.ok, filtered.continuous, filtered.checked], [true, false, 2]);
      });
    });
  });
}

describe('leitai audit --verify', () => {
  it('checks the chain of the configured database and of an export file, exit 2 naming the first broken entry', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'leitai-audit-'));
    try {
      const database = await createDb({ kind: 'sqlite', file: join(dir, 'leitai.sqlite') });
      await migrateToLatest(database);
      const ctx = createAppContext(database, { clock: () => new Date('2026-12-04T08:00:00Z') });
      await log(ctx, 4);
      const csv = await auditCsv(ctx, {});
      await ctx.ballotWriter.close();
      const env = { ...process.env, LEITAI_DATA_DIR: dir, DATABASE_URL: '' };
      delete (env as Record<string, string | undefined>).DATABASE_URL;
      const ok = await run(process.execPath, [BIN, 'audit', '--verify'], { env });
      assert.match(ok.stdout, /4 条记录的哈希链完整/);

      const file = join(dir, 'audit.csv');
      await writeFile(file, csv.replace('单位2', '单位X'));
      await assert.rejects(run(process.execPath, [BIN, 'audit', '--verify', '--file', file], { env }), (e: { code?: number; stdout?: string }) => {
        assert.equal(e.code, 2);
        assert.match(e.stdout ?? '', /审计链断裂：第 3 条.*被修改/);
        return true;
      });

      await liftTriggers(database);
      await sql`UPDATE audit_log SET actor = 'admin:someone-else' WHERE id = 2`.execute(database.db);
      await database.close();
      await assert.rejects(run(process.execPath, [BIN, 'audit', '--verify'], { env }), (e: { code?: number; stdout?: string }) => {
        assert.equal(e.code, 2);
        assert.match(e.stdout ?? '', /第 2 条（2026-12-04T08:00:00.000Z，unit.add）内容与其哈希不符/);
        return true;
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
