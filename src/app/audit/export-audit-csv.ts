/** 审计日志导出 (admin): the whole filtered log as CSV (UTF-8 with BOM for Excel). */
import { stringify } from 'csv-stringify/sync';
import { chainLinksOf, listAudit, type AuditFilter } from '../../db/repositories/audit.js';
import type { AppContext } from '../context.js';

/** CSV exports stop here; page by `afterId` for more. */
export const CSV_MAX_ROWS = 100_000;

export async function auditCsv(ctx: AppContext, filter: AuditFilter): Promise<string> {
  const entries = await listAudit(ctx.database.db, { ...filter, limit: Math.min(filter.limit ?? CSV_MAX_ROWS, CSV_MAX_ROWS) });
  const links = await chainLinksOf(ctx.database.db, entries.map((e) => e.id));
  // prev_hash and hash: each row's link in the audit chain, so `leitai audit --verify <file>` can check the export.
  return stringify(
    entries.map((e) => [e.id, e.at, e.actor, e.action, e.entity, e.entityId ?? '', JSON.stringify(e.detail), links.get(e.id)?.prevHash ?? '', links.get(e.id)?.hash ?? '']),
    { bom: true, header: true, columns: ['id', 'at', 'actor', 'action', 'entity', 'entity_id', 'detail', 'prev_hash', 'hash'], record_delimiter: 'windows' },
  );
}
