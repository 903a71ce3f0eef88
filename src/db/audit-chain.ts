/**
 * 审计链 (decision 0019): each audit entry carries the hash of the one before it, so removing, editing or inserting
 * an entry anywhere breaks every hash after it. The hash covers the entry as the log shows it — id, time, actor,
 * action, entity, entity id and the detail as canonical JSON (keys sorted, so both engines hash alike) — and the
 * previous entry's hash; the first entry's previous hash is `AUDIT_GENESIS`. Used by migration 0015 (chaining the
 * entries written before it), the writer (src/db/repositories/audit.ts) and `leitai audit --verify`.
 */
import { createHash } from 'node:crypto';

export const AUDIT_CHAIN = 'leitai-audit-chain/1';
export const AUDIT_GENESIS = '0'.repeat(64);

export interface ChainedFields {
  id: number;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entityId: string | null;
  /** The parsed detail. */
  detail: unknown;
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = canonical(v);
    }
    return out;
  }
  return value;
}

export function auditEntryHash(prevHash: string, e: ChainedFields): string {
  const body = JSON.stringify(canonical([e.id, e.at, e.actor, e.action, e.entity, e.entityId, e.detail]));
  return createHash('sha256').update(`${AUDIT_CHAIN}\n${prevHash}\n${body}`).digest('hex');
}
