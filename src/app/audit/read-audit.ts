/** 审计日志查阅 (admin): a filtered page of the log. */
import { listAudit, type AuditEntry, type AuditFilter } from '../../db/repositories/audit.js';
import type { AppContext } from '../context.js';

export async function readAudit(ctx: AppContext, filter: AuditFilter): Promise<AuditEntry[]> {
  return listAudit(ctx.database.db, filter);
}
