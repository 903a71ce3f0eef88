/**
 * Verifies an audit log export (the CSV of `GET /api/audit/export.csv`): each row's hash is recomputed from the row
 * and its stated previous hash. An export that starts at the log's first entry (its previous hash is the genesis) is
 * the log itself and must link row to row; a filtered export shows its rows' own links only.
 */
import { parse } from 'csv-parse/sync';
import { AppError } from '../../contracts/errors.js';
import { MESSAGES } from '../../contracts/messages.js';
import { AUDIT_GENESIS } from '../../db/audit-chain.js';
import type { ChainedAuditEntry } from '../../db/repositories/audit.js';
import { AuditChainWalker, type AuditChainVerdict } from './verify-audit-chain.js';

const COLUMNS = ['id', 'at', 'actor', 'action', 'entity', 'entity_id', 'detail', 'prev_hash', 'hash'];

export function verifyAuditExport(text: string): AuditChainVerdict & { continuous: boolean } {
  let records: string[][];
  try {
    records = parse(text.replace(/^\uFEFF/, ''), { relax_column_count: false, skip_empty_lines: true }) as string[][];
  } catch (error) {
    throw new AppError('invalid_request', { message: MESSAGES.auditExportInvalid(error instanceof Error ? error.message : 'CSV') });
  }
  const [header, ...rows] = records;
  if (header === undefined || header.join(',') !== COLUMNS.join(',')) {
    throw new AppError('invalid_request', { message: MESSAGES.auditExportInvalid(COLUMNS.join(',')) });
  }
  const entries: ChainedAuditEntry[] = rows.map((r, i) => {
    const id = Number(r[0]);
    let detail: unknown;
    try {
      detail = JSON.parse(r[6]!);
    } catch {
      throw new AppError('invalid_request', { message: MESSAGES.auditExportInvalid(`row ${i + 2}: detail`) });
    }
    if (!Number.isSafeInteger(id)) throw new AppError('invalid_request', { message: MESSAGES.auditExportInvalid(`row ${i + 2}: id`) });
    return { id, at: r[1]!, actor: r[2]!, action: r[3]!, entity: r[4]!, entityId: r[5] === '' ? null : r[5]!, detail, prevHash: r[7] || null, hash: r[8] || null };
  });
  const continuous = entries[0]?.prevHash === AUDIT_GENESIS;
  const walker = new AuditChainWalker(continuous);
  for (const e of entries) walker.add(e);
  return { ok: walker.firstBroken === null, checked: walker.checked, firstBroken: walker.firstBroken, head: walker.head, continuous };
}
