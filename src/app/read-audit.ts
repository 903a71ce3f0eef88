/** 审计日志查阅与导出 (admin): filtered pages as JSON, or the whole filtered log as CSV (UTF-8 with BOM for Excel). */
import { stringify } from 'csv-stringify/sync';
import type { AuditEntry } from '../contracts/accounts.js';
import { assertSame, type Same } from '../contracts/common.js';
import { listAudit, type AuditEntry as StoredAuditEntry, type AuditFilter } from '../db/repositories/audit.js';
import type { AppContext } from './context.js';

/** CSV exports stop here; page by `afterId` for more. */
export const CSV_MAX_ROWS = 100_000;

export async function readAudit(ctx: AppContext, filter: AuditFilter): Promise<AuditEntry[]> {
  return listAudit(ctx.database.db, filter);
}

// Entries leave as stored: the stored entry and the API's may not drift apart.
assertSame<Same<StoredAuditEntry, AuditEntry>>();

export async function auditCsv(ctx: AppContext, filter: AuditFilter): Promise<string> {
  const entries = await listAudit(ctx.database.db, { ...filter, limit: Math.min(filter.limit ?? CSV_MAX_ROWS, CSV_MAX_ROWS) });
  return stringify(
    entries.map((e) => [e.id, e.at, e.actor, e.action, e.entity, e.entityId ?? '', JSON.stringify(e.detail)]),
    { bom: true, header: true, columns: ['id', 'at', 'actor', 'action', 'entity', 'entity_id', 'detail'], record_delimiter: 'windows' },
  );
}
