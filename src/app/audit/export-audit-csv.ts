/** 审计日志导出 (admin): the whole filtered log as CSV (UTF-8 with BOM for Excel). */
import { stringify } from 'csv-stringify/sync';
import { listAudit, type AuditFilter } from '../../db/repositories/audit.js';
import type { AppContext } from '../context.js';

/** CSV exports stop here; page by `afterId` for more. */
export const CSV_MAX_ROWS = 100_000;

export async function auditCsv(ctx: AppContext, filter: AuditFilter): Promise<string> {
  const entries = await listAudit(ctx.database.db, { ...filter, limit: Math.min(filter.limit ?? CSV_MAX_ROWS, CSV_MAX_ROWS) });
  return stringify(
    entries.map((e) => [e.id, e.at, e.actor, e.action, e.entity, e.entityId ?? '', JSON.stringify(e.detail)]),
    { bom: true, header: true, columns: ['id', 'at', 'actor', 'action', 'entity', 'entity_id', 'detail'], record_delimiter: 'windows' },
  );
}
