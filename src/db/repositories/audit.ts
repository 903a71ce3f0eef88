import { sql } from 'kysely';
import type { Db } from '../database.js';

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

/** Appends to the audit log (the database refuses UPDATE and DELETE on it). Never log a ballot's author. */
export async function appendAudit(db: Db, entry: NewAuditEntry, now: Date): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      at: now.toISOString(),
      actor: entry.actor,
      action: entry.action,
      entity: entry.entity,
      entity_id: entry.entityId,
      detail: JSON.stringify(entry.detail ?? {}),
    })
    .execute();
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
