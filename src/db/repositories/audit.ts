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

/** Oldest first; page with `afterId`. */
export async function listAudit(
  db: Db,
  filter: { entity?: string; entityId?: string; afterId?: number; limit?: number } = {},
): Promise<AuditEntry[]> {
  let query = db.selectFrom('audit_log').selectAll();
  if (filter.entity !== undefined) query = query.where('entity', '=', filter.entity);
  if (filter.entityId !== undefined) query = query.where('entity_id', '=', filter.entityId);
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
