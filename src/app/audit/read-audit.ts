/** 审计日志查阅 (admin): a filtered page of the log. */
import type { AuditEntry } from '../../contracts/accounts.js';
import { assertSame, type Same } from '../../contracts/common.js';
import { listAudit, type AuditEntry as StoredAuditEntry, type AuditFilter } from '../../db/repositories/audit.js';
import type { AppContext } from '../context.js';

export async function readAudit(ctx: AppContext, filter: AuditFilter): Promise<AuditEntry[]> {
  return listAudit(ctx.database.db, filter);
}

// Entries leave as stored: the stored entry and the API's may not drift apart.
assertSame<Same<StoredAuditEntry, AuditEntry>>();
