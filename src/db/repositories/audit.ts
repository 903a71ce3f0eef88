import { sql } from 'kysely';
import { AUDIT_GENESIS, auditEntryHash } from '../audit-chain.js';
import type { Db } from '../database.js';
import { lockChain } from '../dialect/index.js';
import { chunk, inTransaction } from './shared.js';

export interface AuditEntry {
  id: number;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entityId: string | null;
  detail: unknown;
}

export interface NewAuditEntry {
  actor: string;
  action: string;
  entity: string;
  entityId: string | null;
  detail?: unknown;
}

/** The advisory-lock key of the audit chain (any constant; PostgreSQL only). */
const AUDIT_CHAIN_LOCK = 0x1e17a0d1;

/**
 * Appends to the audit log and to its hash chain, in the caller's transaction (or a new one): the entry carries the
 * hash of the one before it (src/db/audit-chain.ts). Writers wait for each other (`lockChain`), so two entries never
 * follow the same one; `audit_chain.prev_hash` is unique besides. The database refuses UPDATE and DELETE on both.
 * Never log a ballot's author.
 */
export async function appendAudit(db: Db, entry: NewAuditEntry, now: Date): Promise<void> {
  await inTransaction(db, async (trx) => {
    await lockChain(trx, AUDIT_CHAIN_LOCK);
    const last = await trx.selectFrom('audit_chain').select('hash').orderBy('audit_id', 'desc').limit(1).executeTakeFirst();
    const prev = last?.hash ?? AUDIT_GENESIS;
    const detail = JSON.stringify(entry.detail ?? {});
    const at = now.toISOString();
    const row = await trx
      .insertInto('audit_log')
      .values({ at, actor: entry.actor, action: entry.action, entity: entry.entity, entity_id: entry.entityId, detail })
      .returning('id')
      .executeTakeFirstOrThrow();
    const id = Number(row.id);
    const hash = auditEntryHash(prev, { id, at, actor: entry.actor, action: entry.action, entity: entry.entity, entityId: entry.entityId, detail: JSON.parse(detail) as unknown });
    await trx.insertInto('audit_chain').values({ audit_id: id, prev_hash: prev, hash }).execute();
  });
}

/** An audit entry with its chain link; null link for an entry that has none (written around the chain). */
export interface ChainedAuditEntry extends AuditEntry {
  prevHash: string | null;
  hash: string | null;
}

/** The chain links of some entries, by entry id (an export's rows). */
export async function chainLinksOf(db: Db, ids: readonly number[]): Promise<Map<number, { prevHash: string; hash: string }>> {
  const out = new Map<number, { prevHash: string; hash: string }>();
  for (const part of chunk(ids, 1, 1000)) {
    const rows = await db.selectFrom('audit_chain').selectAll().where('audit_id', 'in', part).execute();
    for (const r of rows) out.set(Number(r.audit_id), { prevHash: r.prev_hash, hash: r.hash });
  }
  return out;
}

/** Chain links whose entry is gone (an entry deleted behind the database's back). */
export async function orphanChainLinks(db: Db): Promise<number[]> {
  const rows = await db
    .selectFrom('audit_chain')
    .leftJoin('audit_log', 'audit_log.id', 'audit_chain.audit_id')
    .select('audit_chain.audit_id')
    .where('audit_log.id', 'is', null)
    .orderBy('audit_chain.audit_id')
    .limit(100)
    .execute();
  return rows.map((r) => Number(r.audit_id));
}

/** The whole log with its chain links, oldest first, a page at a time (`afterId`). */
export async function listChainedAudit(db: Db, afterId: number, limit: number): Promise<ChainedAuditEntry[]> {
  const rows = await db
    .selectFrom('audit_log')
    .leftJoin('audit_chain', 'audit_chain.audit_id', 'audit_log.id')
    .select(['audit_log.id', 'audit_log.at', 'audit_log.actor', 'audit_log.action', 'audit_log.entity', 'audit_log.entity_id', 'audit_log.detail', 'audit_chain.prev_hash', 'audit_chain.hash'])
    .where('audit_log.id', '>', afterId)
    .orderBy('audit_log.id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: Number(r.id),
    at: r.at,
    actor: r.actor,
    action: r.action,
    entity: r.entity,
    entityId: r.entity_id,
    detail: JSON.parse(r.detail) as unknown,
    prevHash: r.prev_hash ?? null,
    hash: r.hash ?? null,
  }));
}

export interface AuditFilter {
  entity?: string;
  entityId?: string;
  /** Exact actor as stored (`role:accountId`, `system`, `anonymous`). */
  actor?: string;
  /** An action, or a prefix ending in '.' (`auth.` matches every auth.* action). */
  action?: string;
  /** ISO instants, inclusive from, exclusive to. */
  from?: string;
  to?: string;
  afterId?: number;
  limit?: number;
}

/** Oldest first; page with `afterId`. */
export async function listAudit(db: Db, filter: AuditFilter = {}): Promise<AuditEntry[]> {
  let query = db.selectFrom('audit_log').selectAll();
  if (filter.entity !== undefined) query = query.where('entity', '=', filter.entity);
  if (filter.entityId !== undefined) query = query.where('entity_id', '=', filter.entityId);
  if (filter.actor !== undefined) query = query.where('actor', '=', filter.actor);
  if (filter.action !== undefined) {
    // A prefix is compared with substr, not LIKE: no wildcards, case-sensitive and collation-free on both engines.
    const prefix = filter.action;
    query = prefix.endsWith('.')
      ? query.where(sql<string>`substr(action, 1, ${sql.lit(prefix.length)})`, '=', prefix)
      : query.where('action', '=', prefix);
  }
  if (filter.from !== undefined) query = query.where('at', '>=', filter.from);
  if (filter.to !== undefined) query = query.where('at', '<', filter.to);
  if (filter.afterId !== undefined) query = query.where('id', '>', filter.afterId);
  const rows = await query.orderBy('id').limit(filter.limit ?? 1000).execute();
  return rows.map((r) => ({
    id: Number(r.id),
    at: r.at,
    actor: r.actor,
    action: r.action,
    entity: r.entity,
    entityId: r.entity_id,
    detail: JSON.parse(r.detail) as unknown,
  }));
}
